/* main.c - the huozi command line: one subcommand, its options, its help; usage errors; the exit
 * status from the report. */
#include "cli.h"
#include "cmd_dump.h"
#include "cmd_fit.h"
#include "cmd_fonts.h"
#include "cmd_render.h"
#include "cmd_watch.h"
#include <locale.h>
#include <malloc.h>
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
	OPT_PROOF_PDF = 1 << 16,
	OPT_PRESS = 1 << 17,
};

typedef struct {
	unsigned bit;
	const char *name; /* as the help and the errors name it */
	const char *arg;  /* its argument, NULL for none */
	const char *help;
} Option;

static const Option options[] = {
    {OPT_OUT, "-o, --output", "OUT.pdf",
     N_("write the edition to this PDF (- for standard output)")},
    {OPT_SPLIT, "--split", "DIR", N_("write one PDF per page into DIR (DATE-版次.pdf)")},
    {OPT_PNG, "--png", "DIR", N_("write a PNG proof of each page into DIR")},
    {OPT_DPI, "--dpi", "N", N_("resolution of the PNG proofs, 1 to 2400 (default 100)")},
    {OPT_PAGES, "--pages", "LIST", N_("only these pages (positions in the edition), e.g. 1,3-4")},
    {OPT_PROOF, "--proof", NULL,
     N_("draw grid, frames, names and overset marks on the PNG proofs (not on -o, --split)")},
    {OPT_PROOF_PDF, "--proof-pdf", "FILE",
     N_("also write the edition with that overlay as a proof PDF (- for standard output)")},
    {OPT_MARKS, "--marks", NULL, N_("crop marks and bleed, with TrimBox and BleedBox")},
    {OPT_CMYK, "--cmyk", NULL,
     N_("device CMYK for the press: black text, rules and greys on the K plate only")},
    {OPT_PRESS, "--press", NULL,
     N_("PDF/X-1a for the printing plant: --cmyk, --marks, output intent, photos in CMYK")},
    {OPT_REPORT, "--report", "FILE", N_("write the fit report as JSON (- for standard output)")},
    {OPT_STRICT, "--strict", NULL, N_("overset, missing glyphs and forced breaks fail (exit 1)")},
    {OPT_WATCH, "--watch", NULL, N_("render again whenever an input changes")},
    {OPT_LAYOUT, "--layout", "LAYOUT",
     N_("the layout to fit to: a file, or a name of the library (broadsheet)")},
    {OPT_ALLOW, "--allow-outside", NULL, N_("allow files outside the edition's folder")},
    {OPT_TIMINGS, "--timings", NULL, N_("print the time each stage took on stderr")},
    {OPT_QUIET, "-q, --quiet", NULL,
     N_("no summary, no progress, no path line; diagnostics still")},
    {OPT_VERBOSE, "-v, --verbose", NULL,
     N_("the summary, the time of each stage and what was written where")},
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
    {"render", "EDITION.xml", 1, N_("one page description"),
     N_("lay out the edition and write it: one PDF, a PDF per page, PNG proofs, the fit report"),
     OPT_OUT | OPT_SPLIT | OPT_PNG | OPT_DPI | OPT_PAGES | OPT_PROOF | OPT_PROOF_PDF | OPT_MARKS |
         OPT_CMYK | OPT_PRESS | OPT_REPORT | OPT_STRICT | OPT_WATCH | OPT_ALLOW | OPT_TIMINGS |
         OPT_QUIET | OPT_VERBOSE,
     NULL},
    {"check", "EDITION.xml", 1, N_("one page description"),
     N_("lay out the edition and report how it fits; writes no PDF"),
     OPT_PAGES | OPT_REPORT | OPT_STRICT | OPT_ALLOW | OPT_TIMINGS | OPT_QUIET | OPT_VERBOSE,
     N_("it is render's, and check writes no PDF")},
    {"fonts", "EDITION.xml", 1, N_("one page description"),
     N_("each font role, the face it resolves to, the characters no font covers"), OPT_ALLOW, NULL},
    {"fit", "STORY.txt --layout LAYOUT", 1, N_("one story"),
     N_("the grid lines the story needs at each column span of a layout"), OPT_LAYOUT | OPT_STRICT,
     NULL},
    {"dump", "STAGE EDITION.xml", 2, N_("a stage and a page description"),
     N_("the text dump of one stage: desc model layout stack items lines flow dlist"), OPT_ALLOW,
     NULL},
};

/* the global help, line by line: a synopsis (not translated, padded) and what it does */
static const struct {
	const char *synopsis, *text;
} global_lines[] = {
    {"huozi render EDITION.xml       ",
     N_("lay out the edition, write PDF, PNG proofs, the report")},
    {"huozi check EDITION.xml        ", N_("the fit report; writes no PDF")},
    {"huozi fonts EDITION.xml        ", N_("font roles, their faces, uncovered characters")},
    {"huozi fit STORY.txt --layout LAYOUT   ",
     N_("grid lines the story needs at each column span")},
    {"huozi dump STAGE EDITION.xml   ",
     N_("STAGE: desc model layout stack items lines flow dlist")},
};

static void
print_global_help(void)
{
	printf("%s huozi COMMAND ARGUMENTS %s\n", _("usage:"), _("[OPTIONS]"));
	printf("       huozi COMMAND --help      %s\n",
	       _("the synopsis and the options of a command"));
	printf("       huozi --help | --version\n\n%s\n", _("commands:"));
	for (size_t i = 0; i < G_N_ELEMENTS(global_lines); i++)
		printf("  %s%s\n", global_lines[i].synopsis, _(global_lines[i].text));
	printf("\n%s\n", _("options:"));
	printf("  %-16s %s\n", "-h, --help", _("print this help, or a command's with its options"));
	printf("  %-16s %s\n", "--version", _("print the version"));
	printf("\n%s\n",
	       _("exit status: 0 ok, 1 --strict found problems, 2 bad input, 3 system failure"));
}

static void
free_opts(CliOpts *o)
{
	g_free(o->out);
	g_free(o->split);
	g_free(o->png);
	g_free(o->report);
	g_free(o->proof_pdf);
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
	       (o->press ? OPT_PRESS : 0) | (o->report ? OPT_REPORT : 0) |
	       (o->strict ? OPT_STRICT : 0) | (o->watch ? OPT_WATCH : 0) |
	       (o->layout ? OPT_LAYOUT : 0) | (o->allow_outside ? OPT_ALLOW : 0) |
	       (o->timings ? OPT_TIMINGS : 0) | (o->quiet ? OPT_QUIET : 0) |
	       (o->verbose ? OPT_VERBOSE : 0) | (o->proof_pdf ? OPT_PROOF_PDF : 0);
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
	printf("%s huozi %s %s %s\n%s\n", _("usage:"), c->name, c->args, _("[OPTIONS]"),
	       _(c->about));
	printf("\n%s\n", _("options:"));
	for (size_t i = 0; i < G_N_ELEMENTS(options); i++) {
		if (!(c->takes & options[i].bit))
			continue;
		g_autofree char *head =
		    g_strdup_printf("%s%s%s", options[i].name, options[i].arg ? " " : "",
		                    options[i].arg ? options[i].arg : "");
		printf("  %-22s %s\n", head, _(options[i].help));
	}
	printf("  %-22s %s\n", "-h, --help", _("print this help"));
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
	fputc('\n', stderr);
	if (c) {
		g_autofree char *hint =
		    g_strdup_printf(_("huozi %s --help lists what it takes"), c->name);
		cli_print_hint(hint);
	} else
		cli_print_hint(_("huozi --help lists the commands"));
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
	fputs("huozi: ", stderr);
	if (near)
		fprintf(stderr, _("unknown command \"%s\"; did you mean \"%s\"?"), name,
		        near->name);
	else
		fprintf(stderr, _("unknown command \"%s\""), name);
	fputc('\n', stderr);
	cli_print_hint(_("huozi --help lists the commands"));
	return EXIT_INPUT;
}

/* a usage error without the pointer to the help: the message and a hint of its own */
static bool output_refused(const char *hint, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

static bool
output_refused(const char *hint, const char *fmt, ...)
{
	va_list ap;
	fputs("huozi: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	cli_print_hint(hint);
	return false;
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
	            {"--proof-pdf", o->proof_pdf, false},
	            {"--split", o->split, true},
	            {"--png", o->png, true}};
	const char *to_stdout = NULL; /* the first file output that goes to standard output */
	for (size_t i = 0; i < G_N_ELEMENTS(outs); i++) {
		const char *v = outs[i].value;
		if (v && !*v)
			return output_refused(outs[i].folder
			                          ? _("name a folder")
			                          : _("name a file, or - for standard output"),
			                      _("%s \"\": an empty name"), outs[i].option);
		if (v && outs[i].folder && strcmp(v, "-") == 0)
			return output_refused(
			    _("name a folder (./- for a folder called -)"),
			    _("%s -: one file per page cannot go to standard output"),
			    outs[i].option);
		if (v && strcmp(v, "-") == 0 && to_stdout)
			return output_refused(
			    _("write the other to a file"),
			    _("%s - and %s -: only one output can go to standard output"),
			    to_stdout, outs[i].option);
		if (v && strcmp(v, "-") == 0)
			to_stdout = outs[i].option;
	}
	if (o->watch && to_stdout)
		return output_refused(
		    _("write to a file"), "%s",
		    _("--watch renders again and again: it cannot write to standard output"));
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
			return usage_error(c, _("%s needs %s (%s %s)"), c->name, _(c->what),
			                   c->name, c->args);
		g_autofree char *list = g_strjoinv(" ", argv + 2);
		return usage_error(c, _("%s takes %s, not %d (%s)"), c->name, _(c->what), n, list);
	}
	for (size_t i = 0; i < G_N_ELEMENTS(options); i++) {
		if (!(refused & options[i].bit))
			continue;
		g_autofree char *name = option_name(&options[i]);
		if (c->why)
			return usage_error(c, _("%s does not take %s: %s"), c->name, name,
			                   _(c->why));
		return usage_error(c, _("%s does not take %s"), c->name, name);
	}
	if (o->dpi_text && !dpi_parsed(o)) {
		return usage_error(c, "%s", _("--dpi must be between 1 and 2400"));
	}
	if (o->quiet && o->verbose)
		return usage_error(c, "%s", _("-q and -v together: say one"));
	if (!outputs_usable(o))
		return EXIT_INPUT;
	if (strcmp(c->name, "render") == 0 && !o->out && !o->split && !o->png && !o->report &&
	    !o->proof_pdf)
		return usage_error(c, "%s",
		                   _("render needs -o OUT.pdf, --split DIR, --png DIR, --proof-pdf "
		                     "FILE or --report FILE"));
	if (o->proof && !o->png && !o->proof_pdf)
		return usage_error(c, "%s",
		                   _("--proof draws on the PNG proofs only: give --png DIR, or "
		                     "--proof-pdf FILE for a PDF with the overlay"));
	if (strcmp(c->name, "fit") == 0 && !o->layout)
		return usage_error(c, "%s",
		                   _("fit needs --layout LAYOUT (a file, or a name: broadsheet)"));
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

/* A run allocates and frees buffers of megabytes over and over (an image's bytes, a stream
 * being written, a page's display list). glibc maps each one above 128 KB afresh and unmaps it
 * when freed, so every reuse faults its pages in again, and a fault is dear on a virtual
 * machine (at 24 pages: 11,100 faults, 30 ms more, against 8,600 kept this way). Buffers up to
 * 64 MB come from the heap and freed memory stays for the next buffer; a process lives seconds,
 * and its peak memory is the same. The program's choice, not the library's. */
static void
keep_freed_memory(void)
{
	mallopt(M_MMAP_THRESHOLD, 64 * 1024 * 1024);
	mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
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
	    {"proof-pdf", 0, 0, G_OPTION_ARG_FILENAME, &o.proof_pdf, NULL, NULL},
	    {"marks", 0, 0, G_OPTION_ARG_NONE, &o.marks, NULL, NULL},
	    {"cmyk", 0, 0, G_OPTION_ARG_NONE, &o.cmyk, NULL, NULL},
	    {"press", 0, 0, G_OPTION_ARG_NONE, &o.press, NULL, NULL},
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

	keep_freed_memory();
	/* interrupted: remove the half-written outputs, leave the previous files as they were */
	hz_catch_signals();
	setlocale(LC_ALL, ""); /* the messages' language (and only here: never in the library) */
	cli_bind_messages();
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
		print_global_help();
		status = EXIT_OK;
	} else if (argc <= 1) {
		status = usage_error(NULL, "%s", _("no command given"));
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
