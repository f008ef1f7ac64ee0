/* render.c - libhuozi example: render an edition to one PDF through the public API, print the
 * diagnostics as huozi does, exit with its status. Usage: render EDITION.xml OUT.pdf */
#include <huozi.h>
#include <stdio.h>

int
main(int argc, char **argv)
{
	HzOptions *opts;
	HzDiags *diags;
	HzEdition *ed;
	int status;

	if (argc != 3) {
		fprintf(stderr, "usage: render EDITION.xml OUT.pdf\n");
		return HZ_EXIT_INPUT;
	}
	opts = hz_options_new();
	hz_options_set_strict(opts, 0);
	diags = hz_diags_new();
	ed = hz_edition_load(argv[1], opts, diags);
	if (ed) {
		hz_edition_write(ed, argv[2], NULL, NULL, NULL, diags);
		fprintf(stderr, "render: huozi %s, %d pages, %d stories, %d overset\n",
		        hz_version(), hz_edition_pages(ed), hz_edition_stories(ed),
		        hz_edition_overset_stories(ed));
	}
	for (int i = 0; i < hz_diags_count(diags); i++) {
		char *line = hz_diag_format(diags, i);
		fputs(line, stderr);
		hz_free(line);
	}
	status = hz_diags_exit_status(diags, 0);
	hz_edition_free(ed);
	hz_diags_free(diags);
	hz_options_free(opts);
	return status;
}
