/* fontreport.c - the font report of huozi fonts: each role, the face it resolves to, and the
 * characters no font covers. */
#include "fontreport.h"
#include "i18n.h"
#include <stdio.h>

static void
print_role(const Fonts *f, FontRole role, bool bold, GString *out)
{
	Style s = {.role = role, .bold = bold, .size = 10 * LEN_PER_PT};
	PangoFontDescription *d = fonts_describe(f, &s);
	PangoFont *font = pango_font_map_load_font(f->map, f->ctx, d);
	g_autofree char *name = font ? fonts_face_name(font) : g_strdup("-");
	g_autofree char *file = font ? fonts_face_file(font) : g_strdup("-");
	g_string_append_printf(out, "%-9s %-7s %-32s %s\n", style_role_name(role),
	                       bold ? "bold" : "regular", name, file);
	if (font)
		g_object_unref(font);
	pango_font_description_free(d);
}

void
fontreport_text(const Fonts *f, const Report *r, GString *out)
{
	int uncovered = 0;
	g_string_append_printf(out, "fontconfig: %s\n", f->conf_file);
	for (int role = 0; role < ROLE_COUNT; role++)
		for (int bold = 0; bold <= 1; bold++)
			print_role(f, (FontRole)role, bold, out);
	for (guint i = 0; i < r->diags->len; i++) {
		const Diag *dg = g_ptr_array_index(r->diags, i);
		if (dg->kind == DIAG_GLYPH) {
			g_autofree char *s = report_format(dg);
			g_string_append_printf(out, _("uncovered: %s"), s);
			uncovered++;
		}
	}
	g_string_append_printf(out, _("%d uncovered characters\n"), uncovered);
}
