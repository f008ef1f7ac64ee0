/* test_font.c - font.c: the private fontconfig configuration and font roles -> faces. */
#include "font.h"
#include "unit.h"
#include <pango/pangocairo.h>

static Layout *
broadsheet(void)
{
	g_autofree char *path = unit_layout_path();
	g_autoptr(Report) r = report_new();
	Layout *l = layout_load(path, r);
	ck_assert_msg(l != NULL, "%s", unit_report_text(r));
	return l;
}

static Fonts *
fonts_for(const Layout *l, Report *r)
{
	g_autofree char *conf = unit_fonts_conf();
	return fonts_new(conf, l, r);
}

/* the face a role resolves to, e.g. "Noto Serif CJK SC Bold", and its file */
static void
face_of(const Fonts *f, FontRole role, bool bold, char **name, char **file)
{
	Style s = {.role = role, .bold = bold, .size = 9 * 1024};
	PangoFontDescription *d = fonts_describe(f, &s);
	PangoFont *font = pango_font_map_load_font(f->map, f->ctx, d);
	ck_assert_ptr_nonnull(font);
	*name = fonts_face_name(font);
	*file = fonts_face_file(font);
	g_object_unref(font);
	pango_font_description_free(d);
}

START_TEST(test_default_conf_from_env)
{
	const char *env = g_getenv("HUOZI_FONTS_CONF");
	ck_assert_msg(env && *env, "HUOZI_FONTS_CONF is not set");
	ck_assert_str_eq(fonts_default_conf(), env);
	ck_assert(g_file_test(fonts_default_conf(), G_FILE_TEST_EXISTS));
}
END_TEST

START_TEST(test_roles_resolve_to_sc_faces)
{
	g_autoptr(Layout) l = broadsheet();
	g_autoptr(Report) r = report_new();
	g_autoptr(Fonts) f = fonts_for(l, r);
	static const struct {
		FontRole role;
		const char *family, *file_regular, *file_bold;
	} want[] = {
	    {ROLE_SONG, "Noto Serif CJK SC", "NotoSerifCJK-Regular.ttc", "NotoSerifCJK-Bold.ttc"},
	    {ROLE_HEI, "Noto Sans CJK SC", "NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc"},
	    {ROLE_KAI, "LXGW WenKai", "LXGWWenKai-Regular.ttf", "LXGWWenKai-Bold.ttf"},
	    {ROLE_FANGSONG, "LXGW WenKai", "LXGWWenKai-Regular.ttf", "LXGWWenKai-Bold.ttf"},
	};
	ck_assert_msg(f != NULL, "fonts_new failed:\n%s", unit_report_text(r));
	ck_assert_msg(r->diags->len == 0, "%s", unit_report_text(r));
	ck_assert_ptr_nonnull(f->ctx);
	ck_assert_ptr_nonnull(f->map);
	ck_assert_str_eq(pango_language_to_string(f->lang), "zh-cn");
	for (size_t i = 0; i < G_N_ELEMENTS(want); i++) {
		for (int bold = 0; bold <= 1; bold++) {
			g_autofree char *name = NULL, *file = NULL;
			face_of(f, want[i].role, bold, &name, &file);
			ck_assert_str_eq(f->family[want[i].role], want[i].family);
			ck_assert_msg(g_str_has_prefix(name, want[i].family),
			              "%s %s resolves to %s", style_role_name(want[i].role),
			              bold ? "bold" : "regular", name);
			ck_assert_msg(strstr(file, bold ? want[i].file_bold : want[i].file_regular),
			              "%s %s comes from %s", style_role_name(want[i].role),
			              bold ? "bold" : "regular", file);
			/* "Noto Serif CJK SC", not the JP, KR or TC face of the same collection */
			ck_assert_ptr_null(strstr(name, " JP"));
			ck_assert_ptr_null(strstr(name, " TC"));
		}
	}
}
END_TEST

START_TEST(test_describe)
{
	g_autoptr(Layout) l = broadsheet();
	g_autoptr(Report) r = report_new();
	g_autoptr(Fonts) f = fonts_for(l, r);
	Style s = {.role = ROLE_HEI, .bold = true, .size = 26 * 1024};
	PangoFontDescription *d;
	ck_assert_ptr_nonnull(f);
	d = fonts_describe(f, &s);
	ck_assert_str_eq(pango_font_description_get_family(d), "Noto Sans CJK SC");
	ck_assert_int_eq(pango_font_description_get_weight(d), PANGO_WEIGHT_BOLD);
	ck_assert(pango_font_description_get_size_is_absolute(d));
	ck_assert_int_eq(pango_font_description_get_size(d), 26 * 1024); /* 1 Pango unit = 1 Len */
	pango_font_description_free(d);
}
END_TEST

START_TEST(test_unknown_family_is_an_error)
{
	g_autofree char *path = unit_layout_path();
	g_autofree char *text = NULL;
	g_autofree char *dir = unit_tmpdir();
	g_autofree char *bad = NULL;
	g_autoptr(Report) r = report_new();
	g_autoptr(Layout) l = NULL;
	Fonts *f;
	GRegex *re = g_regex_new("(role=\"kai\"\\s+family=\")[^\"]*\"", 0, 0, NULL);
	g_autofree char *changed = NULL;
	ck_assert(g_file_get_contents(path, &text, NULL, NULL));
	/* the kai role asks for a family nobody has */
	changed = g_regex_replace(re, text, -1, 0, "\\1No Such Family Xq\"", 0, NULL);
	g_regex_unref(re);
	ck_assert_msg(changed && strcmp(changed, text) != 0, "broadsheet.xml has no kai role");
	bad = unit_write(dir, "layout.xml", changed);
	l = layout_load(bad, r);
	ck_assert_msg(l != NULL, "%s", unit_report_text(r));
	ck_assert_str_eq(l->family[ROLE_KAI], "No Such Family Xq");
	f = fonts_for(l, r);
	ck_assert_ptr_null(f);
	ck_assert(report_has(r, DIAG_FONT, REPORT_ERROR));
	{
		const Diag *d =
		    unit_find(r, REPORT_ERROR, "font role kai asks for \"No Such Family Xq\"");
		ck_assert_msg(d != NULL, "%s", unit_report_text(r));
		ck_assert_int_eq(d->kind, DIAG_FONT);
		ck_assert_str_eq(d->file, bad);
		ck_assert_ptr_nonnull(strstr(d->msg, "but fontconfig gives"));
		ck_assert_ptr_nonnull(strstr(d->hint, "fonts-lxgw-wenkai"));
	}
	/* the other roles resolved: only one error */
	ck_assert_int_eq(r->nerrors, 1);
	unit_rmtree(dir);
}
END_TEST

START_TEST(test_missing_conf_is_a_system_error)
{
	g_autoptr(Layout) l = broadsheet();
	g_autoptr(Report) r = report_new();
	g_autofree char *dir = unit_tmpdir();
	g_autofree char *conf = g_build_filename(dir, "missing-fonts.conf", NULL);
	ck_assert_ptr_null(fonts_new(conf, l, r));
	UNIT_ASSERT_ERROR_AT(r, conf, 0, 0, "cannot load the font configuration");
	ck_assert(report_has(r, DIAG_SYSTEM, REPORT_ERROR));
	unit_rmtree(dir);
}
END_TEST

START_TEST(test_private_configuration)
{
	/* the engine's FcConfig knows only the fonts of fonts.conf, not the system's, and it is
	 * fontconfig's current one, so that nothing loads the system's as a default */
	g_autoptr(Layout) l = broadsheet();
	g_autoptr(Report) r = report_new();
	g_autoptr(Fonts) f = fonts_for(l, r);
	g_autofree char *project = unit_source_path("fonts");
	FcFontSet *set;
	ck_assert_ptr_nonnull(f);
	ck_assert_ptr_nonnull(f->fc);
	ck_assert_ptr_eq(f->fc, FcConfigGetCurrent());
	set = FcConfigGetFonts(f->fc, FcSetSystem);
	ck_assert_ptr_nonnull(set);
	ck_assert_int_gt(set->nfont, 0);
	for (int i = 0; i < set->nfont; i++) {
		FcChar8 *file = NULL;
		const char *fn;
		ck_assert(FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) == FcResultMatch);
		fn = (const char *)file;
		ck_assert_msg(g_str_has_prefix(fn, "/usr/share/fonts/opentype/noto/") ||
		                  g_str_has_prefix(fn, "/usr/share/fonts/truetype/lxgw-wenkai/") ||
		                  g_str_has_prefix(fn, project),
		              "unexpected font %s", fn);
	}
}
END_TEST

static Suite *
font_suite(void)
{
	Suite *s = suite_create("font");
	TCase *tc = tcase_create("font");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_default_conf_from_env);
	tcase_add_test(tc, test_roles_resolve_to_sc_faces);
	tcase_add_test(tc, test_describe);
	tcase_add_test(tc, test_unknown_family_is_an_error);
	tcase_add_test(tc, test_missing_conf_is_a_system_error);
	tcase_add_test(tc, test_private_configuration);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return unit_run(font_suite());
}
