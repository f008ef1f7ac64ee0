/* cli.c - what the huozi subcommands share: the library's options, printing the diagnostics,
 * the exit status. */
#include "cli.h"
#include <stdio.h>

void
cli_print_report(const HzDiags *d)
{
	for (int i = 0; i < hz_diags_count(d); i++) {
		char *s = hz_diag_format(d, i);
		fputs(s, stderr);
		hz_free(s);
	}
}

int
cli_exit_status(const HzDiags *d, bool strict)
{
	return hz_diags_exit_status(d, strict);
}

HzOptions *
cli_options(const CliOpts *o)
{
	HzOptions *h = hz_options_new();
	hz_options_set_allow_outside(h, o->allow_outside);
	hz_options_set_proof(h, o->proof);
	hz_options_set_marks(h, o->marks);
	hz_options_set_cmyk(h, o->cmyk);
	hz_options_set_pages(h, o->pages);
	hz_options_set_dpi(h, o->dpi);
	hz_options_set_strict(h, o->strict);
	return h;
}
