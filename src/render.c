/* render.c - the output transaction of one run: the pages selected, every output planned and
 * checked before any is written, the PDF, split pages, PNG proofs and report written to
 * temporary files, and all committed together or none. */
#include "render.h"
#include "config.h"
#include "fitreport.h"
#include "i18n.h"
#include "out_cairo.h"
#include "outset.h"
#include "pagesel.h"
#include <stdio.h>
#include <string.h>

/* Metadata and the CreationDate: from SOURCE_DATE_EPOCH or the edition's date, never the clock. */
static void
out_options(const Model *m, OutOptions *o, char **title, char **date)
{
	const char *epoch = g_getenv("SOURCE_DATE_EPOCH");
	GDateTime *dt = NULL;
	*title = g_strdup_printf("%s %s", m->paper, m->date);
	if (epoch && *epoch)
		dt = g_date_time_new_from_unix_utc(g_ascii_strtoll(epoch, NULL, 10));
	*date = dt ? g_date_time_format(dt, "%Y-%m-%dT%H:%M:%SZ")
	           : g_strdup_printf("%sT00:00:00Z", m->date);
	if (dt)
		g_date_time_unref(dt);
	o->title = *title;
	o->subject = *title;
	o->creator = "huozi " HUOZI_VERSION;
	o->date = *date;
}

/* one page of --split: written by a worker thread into its own file, with its own report */
typedef struct {
	const DList *d;
	OutOptions o;
	int page;
	const char *path, *shown;
	Report *r;
	bool ok;
} SplitJob;

static void
split_job(gpointer data, gpointer user)
{
	SplitJob *j = data;
	j->o.pages = &j->page;
	j->o.npages = 1;
	j->ok = out_pdf(j->d, &j->o, j->path, j->shown, j->r);
}

/* what this run writes: indexes into its OutSet, -1 for none (per page: not selected) */
typedef struct {
	int pdf, report, proof_pdf;
	int *split, *png; /* one per page */
} Plan;

static bool
page_selected(GArray *pages, int i)
{
	bool selected = pages->len == 0;
	for (guint k = 0; k < pages->len; k++)
		selected = selected || g_array_index(pages, int, k) == i;
	return selected;
}

/* --split names: DATE-版次.pdf, the date without its dashes */
static char *
split_name(const Model *m, int i)
{
	g_autofree char *date = g_strdup(m->date);
	for (char *c = date; *c; c++)
		if (*c == '-')
			memmove(c, c + 1, strlen(c));
	return g_strdup_printf("%s-%s.pdf", date, m->pages[i].folio);
}

/* Every output of the run, before anything is written: the set checks them all at once. */
static OutSet *
plan_outputs(const Pipeline *p, const RenderOptions *o, GArray *pages, bool write, Plan *pl)
{
	OutSet *set = outset_new();
	const Model *m = p->model;
	int n = m->npages;
	pl->split = g_new(int, n);
	pl->png = g_new(int, n);
	pl->pdf = write && o->out ? outset_add_file(set, o->out, "-o", "PDF") : -1;
	for (int i = 0; i < n; i++)
		pl->split[i] = pl->png[i] = -1;
	if (write && o->split) {
		int f = outset_add_folder(set, o->split, "--split");
		for (int i = 0; i < n; i++)
			if (page_selected(pages, i)) {
				g_autofree char *name = split_name(m, i);
				g_autofree char *noun =
				    g_strdup_printf(_("PDF of page %s"), m->pages[i].folio);
				pl->split[i] = outset_add_in_folder(set, f, name, "--split", noun);
			}
	}
	if (write && o->png) {
		int f = outset_add_folder(set, o->png, "--png");
		for (int i = 0; i < n; i++)
			if (page_selected(pages, i)) {
				g_autofree char *name = out_png_name(p->dlist, i);
				g_autofree char *noun =
				    g_strdup_printf(_("PNG of page %s"), m->pages[i].folio);
				pl->png[i] = outset_add_in_folder(set, f, name, "--png", noun);
			}
	}
	pl->report = o->report ? outset_add_file(set, o->report, "--report", _("report")) : -1;
	pl->proof_pdf = write && o->proof_pdf
	                    ? outset_add_file(set, o->proof_pdf, "--proof-pdf", _("proof PDF"))
	                    : -1;
	return set;
}

/* One PDF per page. The pages share nothing but read-only data (the display list, fonts), so
 * they are written in parallel; each file is the same as a serial run's. */
static bool
write_split(const Pipeline *p, const OutOptions *base, const OutSet *set, const Plan *pl, Report *r)
{
	const Model *m = p->model;
	SplitJob *jobs = g_new0(SplitJob, m->npages);
	GThreadPool *pool;
	bool ok = true;
	int n = 0;

	out_prepare_fonts(p->dlist); /* the workers then only read them */
	pool = g_thread_pool_new(split_job, NULL, (int)MIN(g_get_num_processors(), 8), TRUE, NULL);
	for (int i = 0; i < m->npages; i++) {
		if (pl->split[i] < 0)
			continue;
		jobs[n] = (SplitJob){p->dlist,
		                     *base,
		                     i,
		                     outset_tmp(set, pl->split[i]),
		                     outset_shown(set, pl->split[i]),
		                     report_new()};
		g_thread_pool_push(pool, &jobs[n++], NULL);
	}
	g_thread_pool_free(pool, FALSE, TRUE); /* waits for every page */
	for (int k = 0; k < n; k++) {
		for (guint i = 0; i < jobs[k].r->diags->len; i++) {
			const Diag *d = g_ptr_array_index(jobs[k].r->diags, i);
			report_add(r, d->level, d->kind, d->file, d->line, d->col, d->hint, "%s",
			           d->msg);
		}
		ok = ok && jobs[k].ok;
		report_free(jobs[k].r);
	}
	g_free(jobs);
	return ok;
}

/* The PDF, the split pages and the PNG proofs into their temporary files; the first that
 * fails ends it (nothing is committed then). */
static void
write_outputs(const Pipeline *p, const RenderOptions *o, GArray *pages, const OutSet *set,
              const Plan *pl, Report *r)
{
	g_autofree char *title = NULL, *date = NULL;
	OutOptions oo = {0};
	int n = p->model->npages;
	bool ok = true;
	out_options(p->model, &oo, &title, &date);
	if (pages->len) {
		oo.pages = (const int *)pages->data;
		oo.npages = (int)pages->len;
	}
	oo.marks = o->marks;
	oo.cmyk = o->cmyk;
	oo.press = o->press;
	oo.intent = &p->model->layout->intent;
	oo.progress = o->progress;
	oo.progress_data = o->progress_data;
	if (pl->pdf >= 0)
		ok =
		    out_pdf(p->dlist, &oo, outset_tmp(set, pl->pdf), outset_shown(set, pl->pdf), r);
	if (ok && o->split)
		ok = write_split(p, &oo, set, pl, r);
	if (ok && pl->proof_pdf >= 0) {
		OutOptions proof = oo;
		proof.proof = true;
		proof.progress = NULL; /* the progress is the PDF's, or the PNGs' */
		ok = out_pdf(p->dlist, &proof, outset_tmp(set, pl->proof_pdf),
		             outset_shown(set, pl->proof_pdf), r);
	}
	if (ok && o->png) {
		const char **paths = g_new0(const char *, n);
		const char **shown = g_new0(const char *, n);
		for (int i = 0; i < n; i++)
			if (pl->png[i] >= 0) {
				paths[i] = outset_tmp(set, pl->png[i]);
				shown[i] = outset_shown(set, pl->png[i]);
			}
		out_png(p->dlist, paths, shown, o->dpi > 0 ? o->dpi : 100, o->proof, r);
		g_free(paths);
		g_free(shown);
	}
}

void
render_outputs(const Pipeline *p, const RenderOptions *o, RenderResult *res, Report *r)
{
	g_autoptr(GArray) pages = g_array_new(FALSE, FALSE, sizeof(int));
	g_autoptr(OutSet) set = NULL;
	Plan pl = {-1, -1, -1, NULL, NULL};
	RenderResult dummy;

	if (!res)
		res = &dummy;
	*res = (RenderResult){0};
	if (o->pages && !pagesel_parse(o->pages, p->model->npages, pages, r)) {
		res->bad_pages = true;
		return;
	}
	/* nothing is written after an input error; every output is checked before any is written,
	 * and all are committed together only when the run succeeded (exit 0, or 1 for --strict) */
	if (report_status(r, false) != 0)
		return;
	set = plan_outputs(p, o, pages, o->write, &pl);
	res->uses_stdout = outset_uses_stdout(set);
	if (outset_check(set, p->model, r) && outset_open(set, r)) {
		gint64 t0 = g_get_monotonic_time();
		res->opened = true;
		if (o->write)
			write_outputs(p, o, pages, set, &pl, r);
		res->write_us = g_get_monotonic_time() - t0;
		if (pl.report >= 0)
			fitreport_write(p->model, p->flow, r, outset_tmp(set, pl.report),
			                o->report);
		outset_commit(set, report_status(r, false) == 0, r);
	}
	g_free(pl.split);
	g_free(pl.png);
}
