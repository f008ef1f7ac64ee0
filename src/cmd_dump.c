/* cmd_dump.c - `huozi dump STAGE`: the stable text dump of one pipeline stage. */
#include "cmd_dump.h"
#include <stdio.h>

int
cmd_dump(const char *stage, const char *edition, const CliOpts *o)
{
	HzDiags *d;
	HzOptions *h;
	char *text;
	int status;

	if (!hz_dump_known(stage)) {
		fputs("huozi: ", stderr);
		fprintf(
		    stderr,
		    _("unknown stage \"%s\" (desc model layout stack items lines flow dlist)\n"),
		    stage);
		return EXIT_INPUT;
	}
	d = hz_diags_new();
	h = hz_options_new();
	hz_options_set_allow_outside(h, o->allow_outside);
	text = hz_dump(stage, edition, h, d);
	fputs(text, stdout);
	hz_free(text);
	cli_print_report(d);
	status = cli_exit_status(d, false);
	hz_options_free(h);
	hz_diags_free(d);
	return status;
}
