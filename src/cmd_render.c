/* cmd_render.c - `huozi render` and `huozi check`: lay out, write PDF/PNG/report, summarize. */
#include "cli.h"
#include "config.h"
#include "pipeline.h"
#include "render.h"
#include <stdio.h>
#include <string.h>
#include <unistd.h>

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

int
cmd_render(const char *edition, const CliOpts *o, bool write)
{
	g_autoptr(Report) r = report_new();
	g_autoptr(Pipeline) p = pipeline_run(edition,
	                                     &(PipelineOptions){.last = STAGE_DLIST,
	                                                        .proof = o->proof,
	                                                        .allow_outside = o->allow_outside},
	                                     r);
	gint64 start = g_get_monotonic_time();
	RenderOptions ro = {.out = o->out,
	                    .split = o->split,
	                    .png = o->png,
	                    .report = o->report,
	                    .pages = o->pages,
	                    .dpi = o->dpi,
	                    .marks = o->marks,
	                    .cmyk = o->cmyk,
	                    .write = write};
	RenderResult res = {0};
	int status;

	if (isatty(STDERR_FILENO) && !o->watch) {
		ro.progress = show_progress;
		ro.progress_data = &start;
	}
	if (p) {
		start = g_get_monotonic_time();
		render_outputs(p, &ro, &res, r);
		if (res.opened && o->timings)
			print_timings(&p->t, res.write_us);
	}
	cli_print_report(r);
	if (p)
		print_summary(p);
	status = cli_exit_status(r, o->strict);
	if (status == EXIT_OK && write && o->out && res.opened && !res.uses_stdout)
		printf("%s\n", o->out);
	return status;
}
