/* font.c - a private fontconfig configuration, the Pango context, and font roles -> faces. */
#include "font.h"
#include "config.h"
#include "i18n.h"
#include "where.h"
#include <fontconfig/fontconfig.h>
#include <hb.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>
#include <pango/pangofc-fontmap.h>
#include <string.h>

/* the faces build.sh converts to TrueType outlines (huozi-cff2ttf, fonts/cff2ttf/) */
static const char *const converted[] = {
    "NotoSerifCJKsc-Regular.ttf",
    "NotoSerifCJKsc-Bold.ttf",
    "NotoSansCJKsc-Regular.ttf",
    "NotoSansCJKsc-Bold.ttf",
};

static bool
have_converted(const char *dir)
{
	for (size_t i = 0; i < G_N_ELEMENTS(converted); i++) {
		g_autofree char *f = g_build_filename(dir, "ttf", converted[i], NULL);
		if (!g_file_test(f, G_FILE_TEST_IS_REGULAR))
			return false;
	}
	return true;
}

const char *
fonts_default_conf(void)
{
	static char path[4096];
	const char *env = g_getenv("HUOZI_FONTS_CONF");
	const char *dir = where_fonts_dir();
	if (env && *env)
		return env;
	g_snprintf(path, sizeof path, "%s/%s", dir,
	           have_converted(dir) ? "fonts-ttf.conf" : "fonts.conf");
	return path;
}

void
fonts_free(Fonts *f)
{
	if (!f)
		return;
	if (f->halt)
		g_hash_table_destroy(f->halt);
	if (f->halt_fonts)
		g_ptr_array_unref(f->halt_fonts);
	if (f->ctx)
		g_object_unref(f->ctx);
	if (f->map)
		g_object_unref(f->map);
	if (f->fc)
		FcConfigDestroy(f->fc);
	for (int i = 0; i < ROLE_COUNT; i++)
		g_free(f->family[i]);
	g_free(f->conf_file);
	g_free(f);
}

PangoFontDescription *
fonts_describe(const Fonts *f, const Style *s)
{
	PangoFontDescription *d = pango_font_description_new();
	pango_font_description_set_family(d, f->family[s->role]);
	pango_font_description_set_weight(d, s->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_absolute_size(d, s->size);
	return d;
}

typedef struct {
	PangoFont *font;
	gunichar c;
} HaltKey;

typedef struct {
	HaltKey key;
	Len adv, x_offset;
} HaltEntry;

static guint
halt_hash(gconstpointer p)
{
	const HaltKey *k = p;
	return g_direct_hash(k->font) * 31u + k->c;
}

static gboolean
halt_equal(gconstpointer a, gconstpointer b)
{
	const HaltKey *x = a, *y = b;
	return x->font == y->font && x->c == y->c;
}

void
fonts_halt(Fonts *f, PangoFont *font, gunichar c, Len *adv, Len *x_offset)
{
	static const hb_feature_t halt_on[] = {{HB_TAG('h', 'a', 'l', 't'), 1, 0, (unsigned)-1}};
	HaltKey key = {font, c};
	HaltEntry *e;

	if (!f->halt) {
		f->halt = g_hash_table_new_full(halt_hash, halt_equal, NULL, g_free);
		f->halt_fonts = g_ptr_array_new_with_free_func(g_object_unref);
	}
	e = g_hash_table_lookup(f->halt, &key);
	if (!e) {
		hb_buffer_t *b = hb_buffer_create();
		unsigned n = 0;
		hb_glyph_position_t *pos;
		hb_buffer_add_utf32(b, &c, 1, 0, 1);
		hb_buffer_set_direction(b, HB_DIRECTION_LTR);
		hb_buffer_set_script(b, HB_SCRIPT_HAN);
		hb_buffer_set_language(b, hb_language_from_string("zh-CN", -1));
		hb_shape(pango_font_get_hb_font(font), b, halt_on, 1);
		pos = hb_buffer_get_glyph_positions(b, &n);
		e = g_new0(HaltEntry, 1);
		e->key = key;
		e->adv = n ? pos[0].x_advance : 0;
		e->x_offset = n ? pos[0].x_offset : 0;
		hb_buffer_destroy(b);
		if (!g_ptr_array_find(f->halt_fonts, font, NULL))
			g_ptr_array_add(f->halt_fonts, g_object_ref(font));
		g_hash_table_insert(f->halt, &e->key, e);
	}
	*adv = e->adv;
	*x_offset = e->x_offset;
}

static FcPattern *
font_pattern(PangoFont *font)
{
	if (!PANGO_IS_FC_FONT(font))
		return NULL;
	return pango_fc_font_get_pattern(PANGO_FC_FONT(font));
}

char *
fonts_face_name(PangoFont *font)
{
	FcPattern *p = font_pattern(font);
	FcChar8 *family = NULL, *style = NULL;
	if (!p || FcPatternGetString(p, FC_FAMILY, 0, &family) != FcResultMatch)
		return g_strdup("?");
	if (FcPatternGetString(p, FC_STYLE, 0, &style) != FcResultMatch)
		return g_strdup((char *)family);
	return g_strdup_printf("%s %s", family, style);
}

char *
fonts_face_file(PangoFont *font)
{
	FcPattern *p = font_pattern(font);
	FcChar8 *file = NULL;
	int index = 0;
	if (!p || FcPatternGetString(p, FC_FILE, 0, &file) != FcResultMatch)
		return g_strdup("?");
	FcPatternGetInteger(p, FC_INDEX, 0, &index);
	return g_strdup_printf("%s#%d", file, index);
}

static bool
family_matches(PangoFont *font, const char *want)
{
	FcPattern *p = font_pattern(font);
	FcChar8 *family = NULL;
	for (int i = 0; p && FcPatternGetString(p, FC_FAMILY, i, &family) == FcResultMatch; i++)
		if (g_ascii_strcasecmp((char *)family, want) == 0)
			return true;
	return false;
}

static bool
check_role(Fonts *f, FontRole role, const char *layout_file, Report *r)
{
	for (int bold = 0; bold <= 1; bold++) {
		Style s = {.role = role, .bold = bold, .size = 10 * LEN_PER_PT};
		PangoFontDescription *d = fonts_describe(f, &s);
		PangoFont *font = pango_font_map_load_font(f->map, f->ctx, d);
		bool ok = font && family_matches(font, f->family[role]);
		if (!ok) {
			g_autofree char *got =
			    font ? fonts_face_name(font) : g_strdup(_("nothing"));
			report_error(
			    r, DIAG_FONT, layout_file, 0, 0,
			    _("install the font (Debian: fonts-noto-cjk, fonts-lxgw-wenkai) or "
			      "map the role to a family listed by `fc-list`"),
			    _("font role %s%s asks for \"%s\" but fontconfig gives %s"),
			    style_role_name(role), bold ? _(" (bold)") : "",
			    report_clip(r, f->family[role]), got);
		}
		if (font)
			g_object_unref(font);
		pango_font_description_free(d);
		if (!ok)
			return false;
	}
	return true;
}

Fonts *
fonts_new(const char *conf_file, const Layout *layout, Report *r)
{
	Fonts *f = g_new0(Fonts, 1);
	cairo_font_options_t *opts;
	bool ok = true;

	f->conf_file = g_strdup(conf_file);
	f->fc = FcConfigCreate();
	if (!FcConfigParseAndLoad(f->fc, (const FcChar8 *)conf_file, FcTrue) ||
	    !FcConfigBuildFonts(f->fc)) {
		report_error(r, DIAG_SYSTEM, conf_file, 0, 0,
		             _("set HUOZI_FONTS_CONF to the project's fonts/fonts.conf"),
		             _("cannot load the font configuration"));
		fonts_free(f);
		return NULL;
	}
	/* Ours is also fontconfig's current configuration, so that nothing that asks for the
	 * default one (Pango's font map initialization calls FcInit, cairo resolves patterns with
	 * it) loads the machine's configuration: the private one is the only source of faces. */
	FcConfigSetCurrent(f->fc);
	f->map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(f->map), f->fc);
	pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(f->map), 72.0);
	f->ctx = pango_font_map_create_context(f->map);
	f->lang = pango_language_from_string("zh-cn");
	pango_context_set_language(f->ctx, f->lang);
	pango_context_set_round_glyph_positions(f->ctx, FALSE);
	opts = cairo_font_options_create();
	cairo_font_options_set_hint_style(opts, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(opts, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(f->ctx, opts);
	cairo_font_options_destroy(opts);
	for (int i = 0; i < ROLE_COUNT; i++)
		f->family[i] = g_strdup(layout->family[i]);
	for (int i = 0; i < ROLE_COUNT; i++)
		ok = check_role(f, (FontRole)i, layout->file, r) && ok;
	if (!ok) {
		fonts_free(f);
		return NULL;
	}
	return f;
}
