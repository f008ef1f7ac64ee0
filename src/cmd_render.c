/* cmd_render.c - `huozi render` and `huozi check`: lay out, write PDF/PNG/report, summarize. */
#include "cli.h"
#include "config.h"
#include "fitreport.h"
#include "marks.h"
#include "out.h"
#include "pipeline.h"
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* "1,3-4": positions in the edition (1-based) -> page indexes */
static bool
parse_pages(const char *spec, const Model *m, GArray *out, Report *r)
{
	g_auto(GStrv) parts = g_strsplit(spec, ",", -1);
	for (int i = 0; parts[i]; i++) {
		int a, b;
		char extra;
		if (sscanf(parts[i], "%d-%d%c", &a, &b, &extra) == 2 ||
		    (sscanf(parts[i], "%d%c", &a, &extra) == 1 && (b = a, true))) {
			if (a < 1 || b > m->npages || a > b) {
				report_error(r, DIAG_INPUT, NULL, 0, 0, NULL,
				             "--pages %s: the edition has pages 1 to %d", parts[i],
				             m->npages);
				return false;
			}
			for (int p = a; p <= b; p++) {
				int idx = p - 1;
				g_array_append_val(out, idx);
			}
		} else {
			report_error(r, DIAG_INPUT, NULL, 0, 0, "e.g. --pages 1,3-4",
			             "bad --pages \"%s\"", spec);
			return false;
		}
	}
	return true;
}

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

/* An output path that names one of the inputs is refused: a render never destroys its source. */
static bool
same_file(const char *a, const char *b)
{
	g_autofree char *x = g_canonicalize_filename(a, NULL);
	g_autofree char *y = g_canonicalize_filename(b, NULL);
	return strcmp(x, y) == 0;
}

static bool
is_input(const Model *m, const char *out)
{
	if (same_file(m->file, out) || same_file(m->layout->file, out))
		return true;
	for (int s = 0; s < m->nstories; s++)
		if (same_file(m->stories[s].src, out))
			return true;
	for (int p = 0; p < m->npages; p++)
		for (int i = 0; i < m->pages[p].nelems; i++)
			if (m->pages[p].elems[i].src && same_file(m->pages[p].elems[i].src, out))
				return true;
	return false;
}

/* An output path that names one of the inputs is refused: a render never destroys its source. */
static bool
refuse_input(const Model *m, const char *out, Report *r)
{
	if (!out || !is_input(m, out))
		return false;
	report_error(r, DIAG_INPUT, out, 0, 0, "write the output somewhere else",
	             "the output would overwrite an input file of the edition");
	return true;
}

/* one page of --split: written by a worker thread into its own file, with its own report */
typedef struct {
	const DList *d;
	OutOptions o;
	int page;
	char *path;
	Report *r;
	bool ok;
} SplitJob;

static void
split_job(gpointer data, gpointer user)
{
	SplitJob *j = data;
	j->o.pages = &j->page;
	j->o.npages = 1;
	j->ok = out_pdf(j->d, &j->o, j->path, j->r);
}

/* One PDF per page, DATE-版次.pdf. The pages share nothing but read-only data (the display
 * list, fonts), so they are written in parallel; each file is the same as a serial run's. */
static bool
write_split(const Pipeline *p, const OutOptions *base, const char *dir, GArray *pages, Report *r)
{
	const Model *m = p->model;
	g_autofree char *date = g_strdup(m->date);
	SplitJob *jobs = g_new0(SplitJob, m->npages);
	GThreadPool *pool;
	bool ok = g_mkdir_with_parents(dir, 0755) == 0;
	int n = 0;

	if (!ok) {
		report_error(r, DIAG_SYSTEM, dir, 0, 0, NULL, "cannot create the folder");
		g_free(jobs);
		return false;
	}
	for (char *c = date; *c; c++)
		if (*c == '-')
			memmove(c, c + 1, strlen(c));
	out_prepare_fonts(p->dlist); /* the workers then only read them */
	pool = g_thread_pool_new(split_job, NULL, (int)MIN(g_get_num_processors(), 8), TRUE, NULL);
	for (int i = 0; i < m->npages; i++) {
		g_autofree char *name = g_strdup_printf("%s-%s.pdf", date, m->pages[i].folio);
		bool selected = pages->len == 0;
		for (guint k = 0; k < pages->len; k++)
			selected = selected || g_array_index(pages, int, k) == i;
		if (!selected)
			continue;
		jobs[n] =
		    (SplitJob){p->dlist, *base, i, g_build_filename(dir, name, NULL), report_new()};
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
		g_free(jobs[k].path);
	}
	g_free(jobs);
	return ok;
}

static void
print_summary(const Pipeline *p)
{
	int overset = 0, lines = 0, empty = 0;
	for (int i = 0; i < p->flow->nfits; i++) {
		overset += p->flow->fits[i].overset_lines > 0;
		lines += p->flow->fits[i].overset_lines;
	}
	for (int i = 0; i < p->model->npages; i++)
		empty += p->flow->uncovered[i];
	fprintf(stderr, "huozi: %d pages, %d stories, %d overset (%d lines), %d empty grid cells\n",
	        p->model->npages, p->model->nstories, overset, lines, empty);
}

static void
print_timings(const Timings *t, gint64 write_us)
{
	fprintf(
	    stderr,
	    "timings (ms): parse %.1f  fonts %.1f  shape %.1f  compose %.1f  flow %.1f  draw %.1f  "
	    "pdf %.1f\n",
	    t->model / 1e3, t->fonts / 1e3, t->shape / 1e3, t->compose / 1e3, t->flow / 1e3,
	    t->dlist / 1e3, write_us / 1e3);
}

/* a progress line on a terminal, once writing has taken longer than a moment */
static void
show_progress(int done, int total, void *data)
{
	gint64 *start = data;
	if (g_get_monotonic_time() - *start < 300000)
		return;
	fprintf(stderr, "\rhuozi: page %d of %d%s", done, total, done == total ? "\n" : "");
}

static void
write_outputs(const Pipeline *p, const CliOpts *o, GArray *pages, Report *r)
{
	gint64 start = g_get_monotonic_time();
	g_autofree char *title = NULL, *date = NULL;
	OutOptions oo = {0};
	out_options(p->model, &oo, &title, &date);
	if (pages->len) {
		oo.pages = (const int *)pages->data;
		oo.npages = (int)pages->len;
	}
	oo.marks = o->marks;
	oo.cmyk = o->cmyk;
	if (isatty(STDERR_FILENO) && !o->watch) {
		oo.progress = show_progress;
		oo.progress_data = &start;
	}
	if (o->out && is_input(p->model, o->out)) {
		report_error(r, DIAG_INPUT, o->out, 0, 0, "write the PDF somewhere else",
		             "the output would overwrite an input file");
		return;
	}
	if (o->out)
		out_pdf(p->dlist, &oo, o->out, r);
	if (o->split)
		write_split(p, &oo, o->split, pages, r);
	if (o->png)
		out_png(p->dlist, &oo, o->png, o->dpi > 0 ? o->dpi : 100, r);
}

int
cmd_render(const char *edition, const CliOpts *o, bool write)
{
	g_autoptr(Report) r = report_new();
	g_autoptr(Pipeline) p = pipeline_run(edition,
	                                     &(PipelineOptions){.last = STAGE_DLIST,
	                                                        .proof = o->proof,
	                                                        .allow_outside = o->allow_outside},
	                                     r);
	GArray *pages = g_array_new(FALSE, FALSE, sizeof(int));
	int status;

	if (p && o->pages && !parse_pages(o->pages, p->model, pages, r))
		g_clear_pointer(&p, pipeline_free);
	gint64 t0 = g_get_monotonic_time();
	if (p && write && !report_has(r, DIAG_INPUT, REPORT_ERROR))
		write_outputs(p, o, pages, r);
	if (p && o->timings)
		print_timings(&p->t, g_get_monotonic_time() - t0);
	if (p && o->report && !refuse_input(p->model, o->report, r))
		fitreport_write(p->model, p->flow, r, o->report);
	cli_print_report(r);
	if (p)
		print_summary(p);
	g_array_free(pages, TRUE);
	status = cli_exit_status(r, o->strict);
	if (status == EXIT_OK && write && o->out)
		printf("%s\n", o->out);
	return status;
}
