/* main.c - the huozi command line: one subcommand, its options, its help; usage errors; the exit
 * status from the report. */
#include "cli.h"
#include "cmd_dump.h"
#include "cmd_fit.h"
#include "cmd_fonts.h"
#include "cmd_render.h"
#include "cmd_watch.h"
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* the options, as bits: which a subcommand takes */
enum {
	OPT_OUT = 1 << 0,
	OPT_SPLIT = 1 << 1,
	OPT_PNG = 1 << 2,
	OPT_DPI = 1 << 3,
	OPT_PAGES = 1 << 4,
	OPT_PROOF = 1 << 5,
	OPT_MARKS = 1 << 6,
	OPT_CMYK = 1 << 7,
	OPT_REPORT = 1 << 8,
	OPT_STRICT = 1 << 9,
	OPT_WATCH = 1 << 10,
	OPT_LAYOUT = 1 << 11,
	OPT_ALLOW = 1 << 12,
	OPT_TIMINGS = 1 << 13,
	OPT_QUIET = 1 << 14,
	OPT_VERBOSE = 1 << 15,
};

typedef struct {
	unsigned bit;
	const char *name; /* as the help and the errors name it */
	const char *arg;  /* its argument, NULL for none */
	const char *help;
} Option;

static const Option options[] = {
    {OPT_OUT, "-o, --output", "OUT.pdf", "write the edition to this PDF (- for standard output)"},
    {OPT_SPLIT, "--split", "DIR", "write one PDF per page into DIR (DATE-版次.pdf)"},
    {OPT_PNG, "--png", "DIR", "write a PNG proof of each page into DIR"},
    {OPT_DPI, "--dpi", "N", "resolution of the PNG proofs, 1 to 2400 (default 100)"},
    {OPT_PAGES, "--pages", "LIST", "only these pages (positions in the edition), e.g. 1,3-4"},
    {OPT_PROOF, "--proof", NULL, "draw grid, frames, names and overset marks (not for print)"},
    {OPT_MARKS, "--marks", NULL, "crop marks and bleed, with TrimBox and BleedBox"},
    {OPT_CMYK, "--cmyk", NULL,
     "device CMYK for the press: black text, rules and greys on the K plate only"},
    {OPT_REPORT, "--report", "FILE", "write the fit report as JSON (- for standard output)"},
    {OPT_STRICT, "--strict", NULL, "overset, missing glyphs and forced breaks fail (exit 1)"},
    {OPT_WATCH, "--watch", NULL, "render again whenever an input changes"},
    {OPT_LAYOUT, "--layout", "LAYOUT",
     "the layout to fit to: a file, or a name of the library (broadsheet)"},
    {OPT_ALLOW, "--allow-outside", NULL, "allow files outside the edition's folder"},
    {OPT_TIMINGS, "--timings", NULL, "print the time each stage took on stderr"},
    {OPT_QUIET, "-q, --quiet", NULL, "no summary, no progress, no path line; diagnostics still"},
    {OPT_VERBOSE, "-v, --verbose", NULL,
     "the summary, the time of each stage and what was written where"},
};

typedef struct {
	const char *name;
	const char *args;  /* the arguments, as the synopsis names them */
	int nargs;         /* how many */
	const char *what;  /* what they are, for "takes WHAT, not N" */
	const char *about; /* one line: what the command does */
	unsigned takes;    /* the options it takes */
	const char *why;   /* why it takes no output option, or NULL */
} Command;

static const Command commands[] = {
    {"render", "EDITION.xml", 1, "one page description",
     "lay out the edition and write it: one PDF, a PDF per page, PNG proofs, the fit report",
     OPT_OUT | OPT_SPLIT | OPT_PNG | OPT_DPI | OPT_PAGES | OPT_PROOF | OPT_MARKS | OPT_CMYK |
         OPT_REPORT | OPT_STRICT | OPT_WATCH | OPT_ALLOW | OPT_TIMINGS | OPT_QUIET | OPT_VERBOSE,
     NULL},
    {"check", "EDITION.xml", 1, "one page description",
     "lay out the edition and report how it fits; writes no PDF",
     OPT_PAGES | OPT_REPORT | OPT_STRICT | OPT_ALLOW | OPT_TIMINGS | OPT_QUIET | OPT_VERBOSE,
     "it is render's, and check writes no PDF"},
    {"fonts", "EDITION.xml", 1, "one page description",
     "each font role, the face it resolves to, the characters no font covers", OPT_ALLOW, NULL},
    {"fit", "STORY.txt --layout LAYOUT", 1, "one story",
     "the grid lines the story needs at each column span of a layout", OPT_LAYOUT | OPT_STRICT,
     NULL},
    {"dump", "STAGE EDITION.xml", 2, "a stage and a page description",
     "the text dump of one stage: desc model layout items lines flow dlist", OPT_ALLOW, NULL},
};

static const char global_help[] =
    "usage: huozi COMMAND ARGUMENTS [OPTIONS]\n"
    "       huozi COMMAND --help      the synopsis and the options of a command\n"
    "       huozi --help | --version\n"
    "\n"
    "commands:\n"
    "  huozi render EDITION.xml       lay out the edition, write PDF, PNG proofs, the report\n"
    "  huozi check EDITION.xml        the fit report; writes no PDF\n"
    "  huozi fonts EDITION.xml        font roles, their faces, uncovered characters\n"
    "  huozi fit STORY.txt --layout LAYOUT   grid lines the story needs at each column span\n"
    "  huozi dump STAGE EDITION.xml   STAGE: desc model layout items lines flow dlist\n"
    "\n"
    "options:\n"
    "  -h, --help       print this help, or a command's with its options\n"
    "  --version        print the version\n"
    "\n"
    "exit status: 0 ok, 1 --strict found problems, 2 bad input, 3 system failure\n";

static void
free_opts(CliOpts *o)
{
	g_free(o->out);
	g_free(o->split);
	g_free(o->png);
	g_free(o->report);
	g_free(o->pages);
	g_free(o->dpi_text);
	g_free(o->layout);
}

static const Command *
command_named(const char *name)
{
	for (size_t i = 0; i < G_N_ELEMENTS(commands); i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

/* the options given, as bits */
static unsigned
given(const CliOpts *o)
{
	return (o->out ? OPT_OUT : 0) | (o->split ? OPT_SPLIT : 0) | (o->png ? OPT_PNG : 0) |
	       (o->dpi_text ? OPT_DPI : 0) | (o->pages ? OPT_PAGES : 0) |
	       (o->proof ? OPT_PROOF : 0) | (o->marks ? OPT_MARKS : 0) | (o->cmyk ? OPT_CMYK : 0) |
	       (o->report ? OPT_REPORT : 0) | (o->strict ? OPT_STRICT : 0) |
	       (o->watch ? OPT_WATCH : 0) | (o->layout ? OPT_LAYOUT : 0) |
	       (o->allow_outside ? OPT_ALLOW : 0) | (o->timings ? OPT_TIMINGS : 0) |
	       (o->quiet ? OPT_QUIET : 0) | (o->verbose ? OPT_VERBOSE : 0);
}

/* the name of an option in errors: its long form, or its short one when it has both */
static char *
option_name(const Option *opt)
{
	const char *comma = strchr(opt->name, ',');
	return g_strndup(opt->name, comma ? (size_t)(comma - opt->name) : strlen(opt->name));
}

static void
print_command_help(const Command *c)
{
	printf("usage: huozi %s %s [OPTIONS]\n%s\n", c->name, c->args, c->about);
	printf("\noptions:\n");
	for (size_t i = 0; i < G_N_ELEMENTS(options); i++) {
		if (!(c->takes & options[i].bit))
			continue;
		g_autofree char *head =
		    g_strdup_printf("%s%s%s", options[i].name, options[i].arg ? " " : "",
		                    options[i].arg ? options[i].arg : "");
		printf("  %-22s %s\n", head, options[i].help);
	}
	printf("  %-22s %s\n", "-h, --help", "print this help");
}

/* a usage error: the message, a line pointing at the help, exit status 2 */
static int usage_error(const Command *c, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

static int
usage_error(const Command *c, const char *fmt, ...)
{
	va_list ap;
	fputs("huozi: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (c)
		fprintf(stderr, "\n  hint: huozi %s --help lists what it takes\n", c->name);
	else
		fputs("\n  hint: huozi --help lists the commands\n", stderr);
	return EXIT_INPUT;
}

/* the edit distance of two short ASCII words (command names) */
static size_t
distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t row[32];
	if (la >= G_N_ELEMENTS(row) || lb >= G_N_ELEMENTS(row))
		return SIZE_MAX;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			best = MIN(best, up + 1);
			best = MIN(best, row[j - 1] + 1);
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

static int
unknown_command(const char *name)
{
	const Command *near = NULL;
	size_t best = 3; /* at most two edits away */
	for (size_t i = 0; i < G_N_ELEMENTS(commands); i++) {
		size_t d = distance(name, commands[i].name);
		if (d < best) {
			best = d;
			near = &commands[i];
		}
	}
	if (near)
		fprintf(stderr, "huozi: unknown command \"%s\"; did you mean \"%s\"?\n", name,
		        near->name);
	else
		fprintf(stderr, "huozi: unknown command \"%s\"\n", name);
	fputs("  hint: huozi --help lists the commands\n", stderr);
	return EXIT_INPUT;
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

/* the arguments and options of command c, checked: 0 when they fit, else the exit status */
/* --dpi N: a number from 1 to 2400, into o->dpi */
static bool
dpi_parsed(CliOpts *o)
{
	char *end;
	double v = g_ascii_strtod(o->dpi_text, &end);
	if (end == o->dpi_text || *end || !(v >= 1 && v <= 2400))
		return false;
	o->dpi = v;
	return true;
}

static int
usage_checked(const Command *c, int argc, char **argv, CliOpts *o)
{
	int n = argc - 2;
	unsigned refused = given(o) & ~c->takes;
	if (n != c->nargs) {
		if (n == 0)
			return usage_error(c, "%s needs %s (%s %s)", c->name, c->what, c->name,
			                   c->args);
		g_autofree char *list = g_strjoinv(" ", argv + 2);
		return usage_error(c, "%s takes %s, not %d (%s)", c->name, c->what, n, list);
	}
	for (size_t i = 0; i < G_N_ELEMENTS(options); i++) {
		if (!(refused & options[i].bit))
			continue;
		g_autofree char *name = option_name(&options[i]);
		if (c->why)
			return usage_error(c, "%s does not take %s: %s", c->name, name, c->why);
		return usage_error(c, "%s does not take %s", c->name, name);
	}
	if (o->dpi_text && !dpi_parsed(o)) {
		return usage_error(c, "--dpi must be between 1 and 2400");
	}
	if (o->quiet && o->verbose)
		return usage_error(c, "-q and -v together: say one");
	if (!outputs_usable(o))
		return EXIT_INPUT;
	if (strcmp(c->name, "render") == 0 && !o->out && !o->split && !o->png && !o->report)
		return usage_error(
		    c, "render needs -o OUT.pdf, --split DIR, --png DIR or --report FILE");
	if (strcmp(c->name, "fit") == 0 && !o->layout)
		return usage_error(c, "fit needs --layout LAYOUT (a file, or a name: broadsheet)");
	return 0;
}

static int
dispatch(const Command *c, char **argv, CliOpts *o)
{
	if (strcmp(c->name, "render") == 0)
		return o->watch ? cmd_watch(argv[2], o) : cmd_render(argv[2], o, true);
	if (strcmp(c->name, "check") == 0)
		return cmd_render(argv[2], o, false);
	if (strcmp(c->name, "fonts") == 0)
		return cmd_fonts(argv[2], o);
	if (strcmp(c->name, "fit") == 0)
		return cmd_fit(argv[2], o);
	return cmd_dump(argv[2], argv[3], o);
}

/* the command named on a command line GOption refused, for the hint */
static const Command *
command_in(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (command_named(argv[i]))
			return command_named(argv[i]);
	return NULL;
}

int
main(int argc, char **argv)
{
	CliOpts o = {0};
	GOptionEntry entries[] = {
	    {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o.out, NULL, NULL},
	    {"split", 0, 0, G_OPTION_ARG_FILENAME, &o.split, NULL, NULL},
	    {"png", 0, 0, G_OPTION_ARG_FILENAME, &o.png, NULL, NULL},
	    {"dpi", 0, 0, G_OPTION_ARG_STRING, &o.dpi_text, NULL, NULL},
	    {"pages", 0, 0, G_OPTION_ARG_STRING, &o.pages, NULL, NULL},
	    {"proof", 0, 0, G_OPTION_ARG_NONE, &o.proof, NULL, NULL},
	    {"marks", 0, 0, G_OPTION_ARG_NONE, &o.marks, NULL, NULL},
	    {"cmyk", 0, 0, G_OPTION_ARG_NONE, &o.cmyk, NULL, NULL},
	    {"report", 0, 0, G_OPTION_ARG_FILENAME, &o.report, NULL, NULL},
	    {"strict", 0, 0, G_OPTION_ARG_NONE, &o.strict, NULL, NULL},
	    {"watch", 0, 0, G_OPTION_ARG_NONE, &o.watch, NULL, NULL},
	    {"layout", 0, 0, G_OPTION_ARG_FILENAME, &o.layout, NULL, NULL},
	    {"allow-outside", 0, 0, G_OPTION_ARG_NONE, &o.allow_outside, NULL, NULL},
	    {"timings", 0, 0, G_OPTION_ARG_NONE, &o.timings, NULL, NULL},
	    {"quiet", 'q', 0, G_OPTION_ARG_NONE, &o.quiet, NULL, NULL},
	    {"verbose", 'v', 0, G_OPTION_ARG_NONE, &o.verbose, NULL, NULL},
	    {"help", 'h', 0, G_OPTION_ARG_NONE, &o.help, NULL, NULL},
	    {"version", 0, 0, G_OPTION_ARG_NONE, &o.version, NULL, NULL},
	    {NULL}};
	GOptionContext *ctx;
	GError *err = NULL;
	const Command *c;
	int status;

	/* interrupted: remove the half-written outputs, leave the previous files as they were */
	hz_catch_signals();
	setlocale(LC_ALL, "");
	signal(SIGPIPE, SIG_IGN); /* a closed pipe is a write error, reported (exit 3) */
	ctx = g_option_context_new(NULL);
	g_option_context_set_help_enabled(ctx, FALSE); /* each command has its own help */
	g_option_context_add_main_entries(ctx, entries, NULL);
	if (!g_option_context_parse(ctx, &argc, &argv, &err)) {
		status = usage_error(command_in(argc, argv), "%s", err->message);
		g_error_free(err);
		g_option_context_free(ctx);
		free_opts(&o);
		return status;
	}
	g_option_context_free(ctx);
	c = argc > 1 ? command_named(argv[1]) : NULL;
	if (o.version) {
		printf("huozi %s\n", hz_version());
		status = EXIT_OK;
	} else if (o.help && c) {
		print_command_help(c);
		status = EXIT_OK;
	} else if (o.help && argc <= 1) {
		fputs(global_help, stdout);
		status = EXIT_OK;
	} else if (argc <= 1) {
		status = usage_error(NULL, "no command given");
	} else if (!c) {
		status = unknown_command(argv[1]);
	} else {
		status = usage_checked(c, argc, argv, &o);
		if (status == 0)
			status = dispatch(c, argv, &o);
	}
	free_opts(&o);
	return status;
}
