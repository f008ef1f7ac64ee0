/* cmd_fonts.c - `huozi fonts`: each font role, the face it resolves to, uncovered characters. */
#include "cli.h"
#include "pipeline.h"
#include <stdio.h>

static void
print_role(const Fonts *f, FontRole role, bool bold)
{
	Style s = {.role = role, .bold = bold, .size = 10 * LEN_PER_PT};
	PangoFontDescription *d = fonts_describe(f, &s);
	PangoFont *font = pango_font_map_load_font(f->map, f->ctx, d);
	g_autofree char *name = font ? fonts_face_name(font) : g_strdup("-");
	g_autofree char *file = font ? fonts_face_file(font) : g_strdup("-");
	printf("%-9s %-7s %-32s %s\n", style_role_name(role), bold ? "bold" : "regular", name,
	       file);
	if (font)
		g_object_unref(font);
	pango_font_description_free(d);
}

int
cmd_fonts(const char *edition, const CliOpts *o)
{
	g_autoptr(Report) r = report_new();
	g_autoptr(Pipeline) p = pipeline_run(
	    edition, &(PipelineOptions){.last = STAGE_FLOW, .allow_outside = o->allow_outside}, r);
	int uncovered = 0;
	if (!p) {
		cli_print_report(r);
		return cli_exit_status(r, false);
	}
	printf("fontconfig: %s\n", p->fonts->conf_file);
	for (int role = 0; role < ROLE_COUNT; role++)
		for (int bold = 0; bold <= 1; bold++)
			print_role(p->fonts, (FontRole)role, bold);
	for (guint i = 0; i < r->diags->len; i++) {
		const Diag *dg = g_ptr_array_index(r->diags, i);
		if (dg->kind == DIAG_GLYPH) {
			g_autofree char *s = report_format(dg);
			printf("uncovered: %s", s);
			uncovered++;
		}
	}
	printf("%d uncovered characters\n", uncovered);
	return cli_exit_status(r, false);
}
