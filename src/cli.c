/* cli.c - what the huozi subcommands share: the language of the messages, the library's
 * options, printing the diagnostics and hints, the exit status. */
#include "cli.h"
#include <stdio.h>

void
cli_bind_messages(void)
{
	bindtextdomain(GETTEXT_PACKAGE, hz_locale_dir());
	bind_textdomain_codeset(GETTEXT_PACKAGE, "UTF-8");
}

void
cli_print_hint(const char *text)
{
	/* TRANSLATORS: the word before a diagnostic's hint, as in "  hint: fix it" */
	fprintf(stderr, "  %s: %s\n", _("hint"), text);
}

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
	hz_options_set_proof_pdf(h, o->proof_pdf);
	hz_options_set_marks(h, o->marks);
	hz_options_set_cmyk(h, o->cmyk);
	hz_options_set_press(h, o->press);
	hz_options_set_pages(h, o->pages);
	hz_options_set_dpi(h, o->dpi);
	hz_options_set_strict(h, o->strict);
	return h;
}
