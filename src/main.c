/* main.c - the huozi command line: options, then one subcommand; exit status from the report. */
#include "cli.h"
#include "cmd_dump.h"
#include "cmd_fit.h"
#include "cmd_fonts.h"
#include "cmd_render.h"
#include "cmd_watch.h"
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
    "usage: huozi render EDITION.xml -o OUT.pdf [--split DIR] [--png DIR [--dpi N]] [--pages "
    "LIST]\n"
    "                    [--proof] [--marks] [--cmyk] [--report FILE.json] [--strict] [--watch]\n"
    "       huozi check EDITION.xml [--strict] [--report FILE.json]   fit report, writes no PDF\n"
    "       huozi fonts EDITION.xml              font roles, their faces, uncovered characters\n"
    "       huozi fit STORY.txt --layout FILE    grid lines the story needs at each column span\n"
    "       huozi dump STAGE EDITION.xml         STAGE: desc model layout items lines flow dlist\n"
    "       huozi --help | --version\n"
    "exit status: 0 ok, 1 --strict found problems, 2 bad input, 3 system failure\n";

static void
free_opts(CliOpts *o)
{
	g_free(o->out);
	g_free(o->split);
	g_free(o->png);
	g_free(o->report);
	g_free(o->pages);
	g_free(o->layout);
}

/* The output names, before anything is read: an empty name is a usage error, "-" (standard
 * output) is for one file output only. */
static bool
outputs_usable(const CliOpts *o)
{
	const struct {
		const char *option, *value;
		bool folder;
	} outs[] = {{"-o", o->out, false},
	            {"--report", o->report, false},
	            {"--split", o->split, true},
	            {"--png", o->png, true}};
	for (size_t i = 0; i < G_N_ELEMENTS(outs); i++) {
		const char *v = outs[i].value;
		if (v && !*v) {
			fprintf(stderr, "huozi: %s \"\": an empty name\n  hint: %s\n",
			        outs[i].option,
			        outs[i].folder ? "name a folder"
			                       : "name a file, or - for standard output");
			return false;
		}
		if (v && outs[i].folder && strcmp(v, "-") == 0) {
			fprintf(
			    stderr,
			    "huozi: %s -: one file per page cannot go to standard output\n  hint: "
			    "name a folder (./- for a folder called -)\n",
			    outs[i].option);
			return false;
		}
	}
	if (o->out && o->report && strcmp(o->out, "-") == 0 && strcmp(o->report, "-") == 0) {
		fputs("huozi: -o - and --report -: only one output can go to standard output\n  "
		      "hint: "
		      "write the other to a file\n",
		      stderr);
		return false;
	}
	if (o->watch &&
	    ((o->out && strcmp(o->out, "-") == 0) || (o->report && strcmp(o->report, "-") == 0))) {
		fputs("huozi: --watch renders again and again: it cannot write to standard output\n"
		      "  hint: write to a file\n",
		      stderr);
		return false;
	}
	return true;
}

static int
dispatch(int argc, char **argv, CliOpts *o)
{
	const char *cmd = argc > 1 ? argv[1] : "";
	if (argc == 3 && strcmp(cmd, "render") == 0) {
		if (!o->out && !o->split && !o->png && !o->report) {
			fprintf(stderr, "huozi: render needs -o OUT.pdf, --split DIR, --png DIR or "
			                "--report FILE\n");
			return EXIT_INPUT;
		}
		return o->watch ? cmd_watch(argv[2], o) : cmd_render(argv[2], o, true);
	}
	if (argc == 3 && strcmp(cmd, "check") == 0)
		return cmd_render(argv[2], o, false);
	if (argc == 3 && strcmp(cmd, "fonts") == 0)
		return cmd_fonts(argv[2], o);
	if (argc == 3 && strcmp(cmd, "fit") == 0)
		return cmd_fit(argv[2], o);
	if (argc == 4 && strcmp(cmd, "dump") == 0)
		return cmd_dump(argv[2], argv[3], o);
	fputs(usage, stderr);
	return EXIT_INPUT;
}

int
main(int argc, char **argv)
{
	CliOpts o = {0};
	GOptionEntry entries[] = {
	    {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o.out,
	     "write the edition to this PDF (- for standard output)", "OUT.pdf"},
	    {"split", 0, 0, G_OPTION_ARG_FILENAME, &o.split,
	     "write one PDF per page into DIR (DATE-版次.pdf)", "DIR"},
	    {"png", 0, 0, G_OPTION_ARG_FILENAME, &o.png, "write a PNG proof of each page into DIR",
	     "DIR"},
	    {"dpi", 0, 0, G_OPTION_ARG_DOUBLE, &o.dpi, "resolution of the PNG proofs (default 100)",
	     "N"},
	    {"pages", 0, 0, G_OPTION_ARG_STRING, &o.pages,
	     "only these pages (positions in the edition), e.g. 1,3-4", "LIST"},
	    {"proof", 0, 0, G_OPTION_ARG_NONE, &o.proof,
	     "draw grid, frames, names and overset marks (not for print)", NULL},
	    {"marks", 0, 0, G_OPTION_ARG_NONE, &o.marks,
	     "crop marks and bleed, with TrimBox and BleedBox", NULL},
	    {"cmyk", 0, 0, G_OPTION_ARG_NONE, &o.cmyk,
	     "device CMYK for the press: black text, rules and greys on the K plate only", NULL},
	    {"report", 0, 0, G_OPTION_ARG_FILENAME, &o.report,
	     "write the fit report as JSON (- for standard output)", "FILE"},
	    {"strict", 0, 0, G_OPTION_ARG_NONE, &o.strict,
	     "overset, missing glyphs and forced breaks fail (exit 1)", NULL},
	    {"watch", 0, 0, G_OPTION_ARG_NONE, &o.watch, "render again whenever an input changes",
	     NULL},
	    {"layout", 0, 0, G_OPTION_ARG_FILENAME, &o.layout,
	     "fit: the layout (grid and styles) to fit to", "FILE"},
	    {"allow-outside", 0, 0, G_OPTION_ARG_NONE, &o.allow_outside,
	     "allow files outside the edition's folder", NULL},
	    {"timings", 0, 0, G_OPTION_ARG_NONE, &o.timings,
	     "print the time each stage took on stderr", NULL},
	    {"version", 0, 0, G_OPTION_ARG_NONE, &o.version, "print the version", NULL},
	    {NULL}};
	GOptionContext *ctx;
	GError *err = NULL;
	int status;

	/* interrupted: remove the half-written outputs, leave the previous files as they were */
	hz_catch_signals();
	setlocale(LC_ALL, "");
	signal(SIGPIPE, SIG_IGN); /* a closed pipe is a write error, reported (exit 3) */
	ctx = g_option_context_new("COMMAND FILE");
	g_option_context_set_summary(ctx, usage);
	g_option_context_add_main_entries(ctx, entries, NULL);
	if (!g_option_context_parse(ctx, &argc, &argv, &err)) {
		fprintf(stderr, "huozi: %s\n%s", err->message, usage);
		g_error_free(err);
		g_option_context_free(ctx);
		free_opts(&o);
		return EXIT_INPUT;
	}
	g_option_context_free(ctx);
	if (o.version) {
		printf("huozi %s\n", hz_version());
		free_opts(&o);
		return EXIT_OK;
	}
	if (o.dpi < 0 || o.dpi > 2400) {
		fprintf(stderr, "huozi: --dpi must be between 1 and 2400\n");
		free_opts(&o);
		return EXIT_INPUT;
	}
	status = outputs_usable(&o) ? dispatch(argc, argv, &o) : EXIT_INPUT;
	free_opts(&o);
	return status;
}
