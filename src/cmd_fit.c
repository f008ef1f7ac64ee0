/* cmd_fit.c - `huozi fit STORY.txt --layout FILE`: the copyfit table of one story. */
#include "cmd_fit.h"
#include <stdio.h>

int
cmd_fit(const char *path, const CliOpts *o)
{
	HzDiags *d;
	char *text;
	int status;

	if (!o->layout) {
		fprintf(stderr, "huozi: %s\n",
		        _("fit needs --layout FILE (e.g. layouts/broadsheet.xml)"));
		return EXIT_INPUT;
	}
	d = hz_diags_new();
	text = hz_fit(path, o->layout, NULL, d);
	if (text)
		fputs(text, stdout);
	cli_print_report(d);
	status = cli_exit_status(d, text && o->strict);
	hz_free(text);
	hz_diags_free(d);
	return status;
}
