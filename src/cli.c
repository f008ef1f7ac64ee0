/* cli.c - what the huozi subcommands share: printing the report, the exit status. */
#include "cli.h"
#include <stdio.h>

void
cli_print_report(const Report *r)
{
	for (guint i = 0; i < r->diags->len; i++) {
		g_autofree char *s = report_format(g_ptr_array_index(r->diags, i));
		fputs(s, stderr);
	}
}

int
cli_exit_status(const Report *r, bool strict)
{
	return report_status(r, strict);
}
