/* cli.h - what the huozi subcommands share: options, printing the diagnostics, the exit status.
 * The program uses libhuozi through its public header only. */
#pragma once

#include <glib.h>
#include <huozi.h>
#include <stdbool.h>

/* the program's messages share the library's gettext domain and catalogues (hz_locale_dir) */
#define GETTEXT_PACKAGE HZ_TEXTDOMAIN
#include <glib/gi18n-lib.h>

enum {
	EXIT_OK = HZ_EXIT_OK,
	EXIT_STRICT = HZ_EXIT_STRICT,
	EXIT_INPUT = HZ_EXIT_INPUT,
	EXIT_SYSTEM = HZ_EXIT_SYSTEM
};

typedef struct {
	char *out;       /* -o: the edition as one PDF */
	char *split;     /* --split DIR: one PDF per page */
	char *png;       /* --png DIR */
	char *report;    /* --report FILE.json */
	char *proof_pdf; /* --proof-pdf FILE: the edition with the proof overlay */
	char *pages;     /* --pages LIST */
	char *layout;    /* fit: --layout FILE or NAME */
	char *dpi_text;  /* --dpi as given */
	double dpi;      /* 0: not given, the default */
	gboolean strict;
	gboolean proof;
	gboolean watch;
	gboolean marks;
	gboolean cmyk;  /* --cmyk: DeviceCMYK, neutrals on K only */
	gboolean press; /* --press: PDF/X-1a, implies --cmyk and --marks */
	gboolean allow_outside;
	gboolean timings; /* print the time of each stage on stderr */
	gboolean quiet;   /* -q: no summary, no progress, no path line */
	gboolean verbose; /* -v: the summary, the timings, what was written where */
	gboolean help;
	gboolean version;
} CliOpts;

/* the program's messages from the library's catalogues, in the language main's setlocale chose */
void cli_bind_messages(void);
/* "  hint: TEXT" on standard error, as the diagnostics write their hint */
void cli_print_hint(const char *text);
void cli_print_report(const HzDiags *d);
int cli_exit_status(const HzDiags *d, bool strict);
/* the library's options for these command-line options; hz_options_free it */
HzOptions *cli_options(const CliOpts *o);
