/* cmd_fit.c - `huozi fit STORY.txt --layout FILE`: the copyfit table of one story. */
#include "cli.h"
#include "copyfit.h"
#include <stdio.h>

int
cmd_fit(const char *path, const CliOpts *o)
{
	g_autoptr(Report) r = report_new();
	g_autoptr(Layout) l = NULL;
	g_autoptr(Fonts) f = NULL;
	g_autoptr(Story) s = NULL;
	CopyfitRow *rows;
	int n = 0;

	if (!o->layout) {
		fprintf(stderr, "huozi: fit needs --layout FILE (e.g. layouts/broadsheet.xml)\n");
		return EXIT_INPUT;
	}
	if (!(l = layout_load(o->layout, r)) || !(s = story_load(path, r)) ||
	    !(f = fonts_new(fonts_default_conf(), l, r))) {
		cli_print_report(r);
		return cli_exit_status(r, false);
	}
	rows = copyfit_table(l, f, s, r, &n);
	printf("%s on %s (%d grid lines of %.1f pt per column)\n", path, l->name, l->grid.lines,
	       len_to_pt(l->grid.pitch));
	printf("span  lines  head\n");
	for (int i = 0; i < n; i++) {
		if (rows[i].fits)
			printf("%4d  %5d  %4d\n", rows[i].span, rows[i].lines, rows[i].head_lines);
		else
			printf("%4d  >%4d  %4d\n", rows[i].span, rows[i].lines, rows[i].head_lines);
	}
	g_free(rows);
	cli_print_report(r);
	return cli_exit_status(r, o->strict);
}
