/* cmd_fonts.c - `huozi fonts`: each font role, the face it resolves to, uncovered characters. */
#include "cmd_fonts.h"
#include <stdio.h>

int
cmd_fonts(const char *edition, const CliOpts *o)
{
	HzDiags *d = hz_diags_new();
	HzOptions *h = hz_options_new();
	char *text;
	int status;
	hz_options_set_allow_outside(h,
	                             o->allow_outside); /* only: as the dump and fonts ever did */
	text = hz_fonts_report(edition, h, d);
	if (text)
		fputs(text, stdout);
	else
		cli_print_report(d);
	status = cli_exit_status(d, false);
	hz_free(text);
	hz_options_free(h);
	hz_diags_free(d);
	return status;
}
