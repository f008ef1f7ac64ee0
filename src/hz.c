/* hz.c - libhuozi's public API (include/huozi.h): opaque handles over the pipeline, the output
 * transaction (render.c) and the report; the only functions the shared library exports. */
#include "config.h"
#include "copyfit.h"
#include "dump.h"
#include "fontreport.h"
#include "huozi.h"
#include "i18n.h"
#include "inputs.h"
#include "library.h"
#include "model.h"
#include "pipeline.h"
#include "render.h"
#include "report.h"
#include "tempfile.h"
#include "where.h"
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

struct HzOptions {
	char *fonts_conf, *layouts_dir, *pages, *proof_pdf;
	bool allow_outside, proof, marks, cmyk, press, strict;
	int threads;
	double dpi;
	void (*progress)(int done, int total, void *data);
	void *progress_data;
};

struct HzEdition {
	Pipeline *p;
	char *path;       /* the page description */
	HzOptions o;      /* a copy of the options it was loaded with */
	RenderResult res; /* of the last write or check */
};

struct HzDiags {
	Report *r;
};

const char *
hz_version(void)
{
	return HUOZI_VERSION;
}

void
hz_free(void *p)
{
	g_free(p);
}

const char *
hz_locale_dir(void)
{
	i18n_bind();
	return where_locale_dir();
}

HzOptions *
hz_options_new(void)
{
	return g_new0(HzOptions, 1);
}

static void
options_clear(HzOptions *o)
{
	g_free(o->fonts_conf);
	g_free(o->layouts_dir);
	g_free(o->pages);
	g_free(o->proof_pdf);
}

void
hz_options_free(HzOptions *o)
{
	if (!o)
		return;
	options_clear(o);
	g_free(o);
}

void
hz_options_set_fonts_conf(HzOptions *o, const char *path)
{
	g_free(o->fonts_conf);
	o->fonts_conf = g_strdup(path);
}

void
hz_options_set_layouts_dir(HzOptions *o, const char *dir)
{
	g_free(o->layouts_dir);
	o->layouts_dir = g_strdup(dir);
}

void
hz_options_set_allow_outside(HzOptions *o, int on)
{
	o->allow_outside = on;
}

void
hz_options_set_threads(HzOptions *o, int n)
{
	o->threads = MAX(n, 0);
}

void
hz_options_set_proof(HzOptions *o, int on)
{
	o->proof = on;
}

void
hz_options_set_proof_pdf(HzOptions *o, const char *path)
{
	g_free(o->proof_pdf);
	o->proof_pdf = g_strdup(path);
}

void
hz_options_set_marks(HzOptions *o, int on)
{
	o->marks = on;
}

void
hz_options_set_cmyk(HzOptions *o, int on)
{
	o->cmyk = on;
}

void
hz_options_set_press(HzOptions *o, int on)
{
	o->press = on;
}

void
hz_options_set_pages(HzOptions *o, const char *pages)
{
	g_free(o->pages);
	o->pages = g_strdup(pages);
}

void
hz_options_set_dpi(HzOptions *o, double dpi)
{
	o->dpi = dpi >= 1 && dpi <= 2400 ? dpi : 0;
}

void
hz_options_set_strict(HzOptions *o, int on)
{
	o->strict = on;
}

void
hz_options_set_progress(HzOptions *o, void (*fn)(int done, int total, void *data), void *data)
{
	o->progress = fn;
	o->progress_data = data;
}

HzDiags *
hz_diags_new(void)
{
	HzDiags *d = g_new0(HzDiags, 1);
	i18n_bind();
	d->r = report_new();
	return d;
}

void
hz_diags_free(HzDiags *d)
{
	if (!d)
		return;
	report_free(d->r);
	g_free(d);
}

int
hz_diags_count(const HzDiags *d)
{
	return (int)d->r->diags->len;
}

int
hz_diags_errors(const HzDiags *d)
{
	return d->r->nerrors;
}

int
hz_diags_warnings(const HzDiags *d)
{
	return d->r->nwarnings;
}

int
hz_diags_exit_status(const HzDiags *d, int strict)
{
	return report_status(d->r, strict);
}

static const Diag *
diag_at(const HzDiags *d, int i)
{
	return d && i >= 0 && i < (int)d->r->diags->len ? g_ptr_array_index(d->r->diags, i) : NULL;
}

int
hz_diag_level(const HzDiags *d, int i)
{
	const Diag *g = diag_at(d, i);
	return g ? (int)g->level : -1;
}

int
hz_diag_kind(const HzDiags *d, int i)
{
	const Diag *g = diag_at(d, i);
	return g ? (int)g->kind : -1;
}

const char *
hz_diag_file(const HzDiags *d, int i)
{
	const Diag *g = diag_at(d, i);
	return g ? g->file : NULL;
}

int
hz_diag_line(const HzDiags *d, int i)
{
	const Diag *g = diag_at(d, i);
	return g ? g->line : -1;
}

int
hz_diag_col(const HzDiags *d, int i)
{
	const Diag *g = diag_at(d, i);
	return g ? g->col : -1;
}

const char *
hz_diag_message(const HzDiags *d, int i)
{
	const Diag *g = diag_at(d, i);
	return g ? g->msg : NULL;
}

const char *
hz_diag_hint(const HzDiags *d, int i)
{
	const Diag *g = diag_at(d, i);
	return g ? g->hint : NULL;
}

const char *
hz_diag_source(const HzDiags *d, int i)
{
	const Diag *g = diag_at(d, i);
	return g ? g->source : NULL;
}

int
hz_diag_source_col(const HzDiags *d, int i)
{
	const Diag *g = diag_at(d, i);
	return g ? (g->source ? g->source_col : 0) : -1;
}

int
hz_diag_source_span(const HzDiags *d, int i)
{
	const Diag *g = diag_at(d, i);
	return g ? (g->source ? g->span : 0) : -1;
}

char *
hz_diag_format(const HzDiags *d, int i)
{
	const Diag *g = diag_at(d, i);
	return g ? report_format(g) : NULL;
}

/* the caller's diagnostics, or a report of our own that the caller did not want; every entry
 * point that can produce a message comes here first, so the catalogues are bound by then */
static Report *
sink(HzDiags *d, Report **own)
{
	i18n_bind();
	*own = d ? NULL : report_new();
	return d ? d->r : *own;
}

static PipelineOptions
pipeline_options(const HzOptions *o, Stage last)
{
	static const HzOptions defaults = {0};
	if (!o)
		o = &defaults;
	return (PipelineOptions){.last = last,
	                         .fonts_conf = o->fonts_conf,
	                         .layouts_dir = o->layouts_dir,
	                         .proof = o->proof || o->proof_pdf,
	                         .allow_outside = o->allow_outside,
	                         .press = o->press,
	                         .threads = o->threads};
}

HzEdition *
hz_edition_load(const char *path, const HzOptions *o, HzDiags *d)
{
	static const HzOptions defaults = {0};
	Report *own, *r = sink(d, &own);
	PipelineOptions po = pipeline_options(o, STAGE_DLIST);
	HzEdition *e = NULL;
	Pipeline *p;
	if (!o)
		o = &defaults;
	po.pages = o->pages; /* only the pages asked for are composed */
	p = pipeline_run(path, &po, r);
	if (p) {
		e = g_new0(HzEdition, 1);
		e->p = p;
		e->path = g_strdup(path);
		e->o = *o;
		e->o.fonts_conf = g_strdup(o->fonts_conf);
		e->o.layouts_dir = g_strdup(o->layouts_dir);
		e->o.pages = g_strdup(o->pages);
		e->o.proof_pdf = g_strdup(o->proof_pdf);
	}
	report_free(own);
	return e;
}

void
hz_edition_free(HzEdition *e)
{
	if (!e)
		return;
	pipeline_free(e->p);
	g_free(e->path);
	options_clear(&e->o);
	g_free(e);
}

int
hz_edition_pages(const HzEdition *e)
{
	return e->p->model->npages;
}

int
hz_edition_stories(const HzEdition *e)
{
	return e->p->model->nstories;
}

int
hz_edition_overset_stories(const HzEdition *e)
{
	int n = 0;
	for (int i = 0; i < e->p->flow->nfits; i++)
		n += e->p->flow->fits[i].overset_lines > 0;
	return n;
}

int
hz_edition_overset_lines(const HzEdition *e)
{
	int n = 0;
	for (int i = 0; i < e->p->flow->nfits; i++)
		n += e->p->flow->fits[i].overset_lines;
	return n;
}

int
hz_edition_empty_cells(const HzEdition *e)
{
	int n = 0;
	for (int i = 0; i < e->p->model->npages; i++)
		n += e->p->flow->uncovered[i];
	return n;
}

static bool
same_diag(const Diag *a, const Diag *b)
{
	return a->level == b->level && a->kind == b->kind && a->line == b->line &&
	       a->col == b->col && g_strcmp0(a->file, b->file) == 0 &&
	       g_strcmp0(a->msg, b->msg) == 0 && g_strcmp0(a->hint, b->hint) == 0;
}

/* The fit report covers the whole edition, but --pages composed only the pages asked for: the
 * whole edition is composed now, and its diagnostics that r holds already (those of the pages
 * composed before, said when the edition was loaded) are not said twice. */
static void
edition_compose_whole(HzEdition *e, Report *r)
{
	PipelineOptions po = pipeline_options(&e->o, STAGE_DLIST);
	Report *all = report_new();
	Pipeline *p = pipeline_run(e->path, &po, all);
	guint had = r->diags->len; /* what r held before: those added below are not looked at */
	g_autofree bool *said = g_new0(bool, had + 1);
	for (guint i = 0; i < all->diags->len; i++) {
		const Diag *d = g_ptr_array_index(all->diags, i);
		bool seen = d == all->trailer;
		for (guint k = 0; k < had && !seen; k++)
			if (!said[k] && same_diag(d, g_ptr_array_index(r->diags, k)))
				said[k] = seen = true;
		if (!seen)
			report_add(r, d->level, d->kind, d->file, d->line, d->col, d->hint, "%s",
			           d->msg);
	}
	report_free(all);
	if (p) {
		pipeline_free(e->p);
		e->p = p;
	}
}

/* the outputs of one transaction; the proof PDF is the options' for hz_edition_write only */
static int
edition_write(HzEdition *e, const char *pdf, const char *split_dir, const char *png_dir,
              const char *report, const char *proof_pdf, bool write, HzDiags *d)
{
	Report *own, *r = sink(d, &own);
	RenderOptions ro = {.out = pdf,
	                    .split = split_dir,
	                    .png = png_dir,
	                    .report = report,
	                    .proof_pdf = proof_pdf,
	                    .proof = e->o.proof,
	                    .pages = e->o.pages,
	                    .dpi = e->o.dpi,
	                    .marks = e->o.marks || e->o.press,
	                    .cmyk = e->o.cmyk || e->o.press,
	                    .press = e->o.press,
	                    .write = write,
	                    .progress = e->o.progress,
	                    .progress_data = e->o.progress_data};
	int status;
	if (report && e->p->partial)
		edition_compose_whole(e, r);
	render_outputs(e->p, &ro, &e->res, r);
	status = report_status(r, e->o.strict);
	report_free(own);
	return status;
}

int
hz_edition_write(HzEdition *e, const char *pdf, const char *split_dir, const char *png_dir,
                 const char *report, HzDiags *d)
{
	return edition_write(e, pdf, split_dir, png_dir, report, e->o.proof_pdf, true, d);
}

int
hz_edition_check(HzEdition *e, const char *report, HzDiags *d)
{
	return edition_write(e, NULL, NULL, NULL, report, NULL, false, d);
}

int
hz_edition_pages_ok(const HzEdition *e)
{
	return !e->res.bad_pages;
}

int
hz_edition_wrote_stdout(const HzEdition *e)
{
	return e->res.opened && e->res.uses_stdout;
}

double
hz_edition_time_ms(const HzEdition *e, int what)
{
	const Timings *t = &e->p->t;
	switch (what) {
	case HZ_TIME_PARSE:
		return t->model / 1e3;
	case HZ_TIME_FONTS:
		return t->fonts / 1e3;
	case HZ_TIME_SHAPE:
		return t->shape / 1e3;
	case HZ_TIME_COMPOSE:
		return t->compose / 1e3;
	case HZ_TIME_FLOW:
		return t->flow / 1e3;
	case HZ_TIME_DRAW:
		return t->dlist / 1e3;
	case HZ_TIME_WRITE:
		return e->res.opened ? e->res.write_us / 1e3 : -1;
	default:
		return -1;
	}
}

int
hz_edition_write_pdf_memory(HzEdition *e, unsigned char **data, size_t *len, HzDiags *d)
{
	g_autofree char *dir = g_dir_make_tmp("huozi-XXXXXX", NULL);
	g_autofree char *path = dir ? g_build_filename(dir, "edition.pdf", NULL) : NULL;
	Report *own, *r = sink(d, &own);
	gsize n = 0;
	int status;

	*data = NULL;
	*len = 0;
	if (!dir) {
		report_error(r, DIAG_SYSTEM, NULL, 0, 0, NULL,
		             _("cannot make a temporary folder: %s"), g_strerror(errno));
	} else {
		status =
		    edition_write(e, path, NULL, NULL, NULL, NULL, true, d ? d : &(HzDiags){r});
		if (status <= HZ_EXIT_STRICT && !g_file_get_contents(path, (char **)data, &n, NULL))
			report_error(r, DIAG_SYSTEM, path, 0, 0, NULL, _("cannot read it back"));
		*len = n;
		g_unlink(path);
		g_rmdir(dir);
	}
	status = report_status(r, e->o.strict);
	if (status > HZ_EXIT_STRICT) {
		g_clear_pointer(data, g_free);
		*len = 0;
	}
	report_free(own);
	return status;
}

int
hz_edition_write_pdf_fd(HzEdition *e, int fd, HzDiags *d)
{
	unsigned char *buf = NULL;
	size_t len = 0, done = 0;
	Report *own, *r = sink(d, &own);
	int status = hz_edition_write_pdf_memory(e, &buf, &len, d ? d : &(HzDiags){r});
	while (buf && done < len) {
		ssize_t w = write(fd, buf + done, len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			report_error(r, DIAG_SYSTEM, NULL, 0, 0, NULL,
			             _("cannot write the PDF: %s"), g_strerror(errno));
			break;
		}
		done += (size_t)w;
	}
	g_free(buf);
	status = report_status(r, e->o.strict);
	report_free(own);
	return status;
}

int
hz_dump_known(const char *stage)
{
	return dump_stage_known(stage);
}

char *
hz_dump(const char *stage, const char *path, const HzOptions *o, HzDiags *d)
{
	Report *own, *r = sink(d, &own);
	PipelineOptions po = pipeline_options(o, STAGE_DLIST);
	GString *out;
	if (!dump_stage_known(stage)) {
		report_free(own);
		return NULL;
	}
	out = g_string_new(NULL);
	dump_run(stage, path, &po, out, r);
	report_free(own);
	return g_string_free(out, FALSE);
}

char *
hz_fonts_report(const char *path, const HzOptions *o, HzDiags *d)
{
	Report *own, *r = sink(d, &own);
	PipelineOptions po = pipeline_options(o, STAGE_FLOW);
	Pipeline *p = pipeline_run(path, &po, r);
	GString *out = NULL;
	if (p) {
		out = g_string_new(NULL);
		fontreport_text(p->fonts, r, out);
		pipeline_free(p);
	}
	report_free(own);
	return out ? g_string_free(out, FALSE) : NULL;
}

/* fit's layout "broadsheet" names a layout of the library, as layout="broadsheet" does in a
 * page description; anything with a slash or .xml is a path. NULL: reported. */
static char *
fit_layout_path(const char *layout, const HzOptions *o, Report *r)
{
	g_autofree char *own = NULL;
	if (!library_is_name(layout))
		return g_strdup(layout);
	own = g_strdup_printf(_("a layout file is named by its path, e.g. --layout ./%s.xml"),
	                      report_clip(r, layout));
	return library_layout_path(
	    layout, o && o->layouts_dir ? o->layouts_dir : model_layouts_dir(), NULL, 0, 0, own, r);
}

char *
hz_fit(const char *story, const char *layout, const HzOptions *o, HzDiags *d)
{
	Report *own, *r = sink(d, &own);
	g_autoptr(Layout) l = NULL;
	g_autoptr(Fonts) f = NULL;
	g_autoptr(Story) s = NULL;
	g_autofree char *path = fit_layout_path(layout, o, r);
	char *text = NULL;
	if (path && (l = layout_load(path, r)) && (s = story_load(story, r)) &&
	    (f = fonts_new(o && o->fonts_conf ? o->fonts_conf : fonts_default_conf(), l, r))) {
		int n = 0;
		CopyfitRow *rows = copyfit_table(l, f, s, r, &n);
		text = copyfit_text(story, l, rows, n);
		g_free(rows);
	}
	report_free(own);
	return text;
}

char **
hz_inputs(const char *path, const HzOptions *o, char **known)
{
	GHashTable *had = g_hash_table_new(g_str_hash, g_str_equal);
	GHashTable *files;
	GPtrArray *v = g_ptr_array_new();
	GHashTableIter it;
	gpointer file;
	for (int i = 0; known && known[i]; i++)
		g_hash_table_add(had, known[i]);
	files = inputs_list(path, o && o->allow_outside, had);
	g_hash_table_iter_init(&it, files);
	while (g_hash_table_iter_next(&it, &file, NULL))
		g_ptr_array_add(v, g_strdup(file));
	g_ptr_array_add(v, NULL);
	g_hash_table_destroy(files);
	g_hash_table_destroy(had);
	return (char **)g_ptr_array_free(v, FALSE);
}

void
hz_strv_free(char **v)
{
	g_strfreev(v);
}

void
hz_catch_signals(void)
{
	tempfile_catch_signals();
}

void
hz_remove_temporaries(void)
{
	tempfile_remove_all();
}
