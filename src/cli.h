/* cli.h - what the huozi subcommands share: options, printing the report, the exit status. */
#pragma once

#include "report.h"
#include <glib.h>
#include <stdbool.h>

enum { EXIT_OK = 0, EXIT_STRICT = 1, EXIT_INPUT = 2, EXIT_SYSTEM = 3 };

typedef struct {
	char *out;    /* -o: the edition as one PDF */
	char *split;  /* --split DIR: one PDF per page */
	char *png;    /* --png DIR */
	char *report; /* --report FILE.json */
	char *pages;  /* --pages LIST */
	char *layout; /* fit: --layout FILE */
	double dpi;
	gboolean strict;
	gboolean proof;
	gboolean watch;
	gboolean marks;
	gboolean cmyk; /* --cmyk: DeviceCMYK, neutrals on K only */
	gboolean allow_outside;
	gboolean timings; /* print the time of each stage on stderr */
	gboolean version;
} CliOpts;

void cli_print_report(const Report *r);
int cli_exit_status(const Report *r, bool strict);

int cmd_render(const char *edition, const CliOpts *o, bool write);
int cmd_watch(const char *edition, const CliOpts *o);
int cmd_fonts(const char *edition, const CliOpts *o);
int cmd_dump(const char *stage, const char *edition, const CliOpts *o);
int cmd_fit(const char *story, const CliOpts *o);
