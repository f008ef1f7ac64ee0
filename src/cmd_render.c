/* cmd_render.c - `huozi render` and `huozi check`: lay out, write PDF/PNG/report, summarize. */
#include "cmd_render.h"
#include <glib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void
print_summary(const HzEdition *e)
{
	fputs("huozi: ", stderr);
	fprintf(stderr, _("%d pages, %d stories, %d overset (%d lines), %d empty grid cells\n"),
	        hz_edition_pages(e), hz_edition_stories(e), hz_edition_overset_stories(e),
	        hz_edition_overset_lines(e), hz_edition_empty_cells(e));
}

static void
print_timings(const HzEdition *e)
{
	fprintf(stderr,
	        _("timings (ms): parse %.1f  fonts %.1f  shape %.1f  compose %.1f  flow %.1f  draw "
	          "%.1f  pdf %.1f\n"),
	        hz_edition_time_ms(e, HZ_TIME_PARSE), hz_edition_time_ms(e, HZ_TIME_FONTS),
	        hz_edition_time_ms(e, HZ_TIME_SHAPE), hz_edition_time_ms(e, HZ_TIME_COMPOSE),
	        hz_edition_time_ms(e, HZ_TIME_FLOW), hz_edition_time_ms(e, HZ_TIME_DRAW),
	        hz_edition_time_ms(e, HZ_TIME_WRITE));
}

/* an output as -v names it: "-" is standard output */
static const char *
shown(const char *name)
{
	return strcmp(name, "-") == 0 ? _("standard output") : name;
}

/* one line of -v */
static void written(const char *fmt, ...) G_GNUC_PRINTF(1, 2);

static void
written(const char *fmt, ...)
{
	va_list ap;
	fputs("huozi: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
}

/* -v: what was written where */
static void
print_written(const CliOpts *o, bool write)
{
	if (write && o->out)
		written(_("wrote the edition to %s\n"), shown(o->out));
	if (write && o->split)
		written(_("wrote one PDF per page into %s\n"), o->split);
	if (write && o->png)
		written(_("wrote a PNG proof of each page into %s\n"), o->png);
	if (o->report)
		written(_("wrote the fit report to %s\n"), shown(o->report));
}

/* a progress line on a terminal, once writing has taken longer than a moment */
static void
show_progress(int done, int total, void *data)
{
	gint64 *start = data;
	if (g_get_monotonic_time() - *start < 300000)
		return;
	fputs("\rhuozi: ", stderr);
	fprintf(stderr, _("page %d of %d"), done, total);
	fputs(done == total ? "\n" : "", stderr);
}

int
cmd_render(const char *edition, const CliOpts *o, bool write)
{
	HzDiags *d = hz_diags_new();
	HzOptions *h = cli_options(o);
	gint64 start = g_get_monotonic_time();
	HzEdition *e;
	int status;
	bool bad_input; /* the edition was laid out, but its input is refused (a glyph too wide) */

	if (isatty(STDERR_FILENO) && !o->watch && !o->quiet)
		hz_options_set_progress(h, show_progress, &start);
	e = hz_edition_load(edition, h, d);
	bad_input = hz_diags_exit_status(d, 0) >= EXIT_INPUT;
	if (e) {
		start = g_get_monotonic_time();
		if (write)
			hz_edition_write(e, o->out, o->split, o->png, o->report, d);
		else
			hz_edition_check(e, o->report, d);
		if ((o->timings || o->verbose) && hz_edition_time_ms(e, HZ_TIME_WRITE) >= 0)
			print_timings(e);
	}
	cli_print_report(d);
	status = cli_exit_status(d, o->strict);
	/* a refused --pages, or an input the layout refused, ends the run before the summary:
	 * what was laid out is not what was asked for (a refused output still has it) */
	if (e && hz_edition_pages_ok(e) && !o->quiet && !bad_input)
		print_summary(e);
	if (o->verbose && status <= EXIT_STRICT && e && hz_edition_time_ms(e, HZ_TIME_WRITE) >= 0)
		print_written(o, write);
	if (status == EXIT_OK && write && o->out && e && !o->quiet &&
	    hz_edition_time_ms(e, HZ_TIME_WRITE) >= 0 && !hz_edition_wrote_stdout(e))
		printf("%s\n", o->out);
	hz_edition_free(e);
	hz_options_free(h);
	hz_diags_free(d);
	return status;
}
