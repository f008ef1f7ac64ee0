/* test_items.c - items.c: itemizing and shaping a paragraph with the real fonts. */
#include "items.h"
#include "layout.h"
#include "unit.h"

typedef struct {
	Layout *layout;
	Fonts *fonts;
} World;

static World
world_new(void)
{
	World w = {0};
	g_autofree char *path = unit_layout_path();
	g_autofree char *conf = unit_fonts_conf();
	g_autoptr(Report) r = report_new();
	w.layout = layout_load(path, r);
	ck_assert_msg(w.layout != NULL, "%s", unit_report_text(r));
	w.fonts = fonts_new(conf, w.layout, r);
	ck_assert_msg(w.fonts != NULL, "%s", unit_report_text(r));
	return w;
}

static void
world_free(World *w)
{
	fonts_free(w->fonts);
	layout_free(w->layout);
}

static Items *
shape(const World *w, StyleId st, const char *text, Report *r)
{
	Items *it = items_shape(w->fonts, layout_style(w->layout, st), text, NULL, r);
	ck_assert_ptr_nonnull(it);
	return it;
}

START_TEST(test_shape_body)
{
	World w = world_new();
	g_autoptr(Report) r = report_new();
	g_autoptr(Items) it = shape(&w, ST_BODY, "中文。”", r);
	g_autofree char *face = NULL;
	ck_assert_msg(r->diags->len == 0, "%s", unit_report_text(r));
	ck_assert_str_eq(it->text, "中文。”");
	ck_assert_int_eq(it->em, 9216);
	ck_assert_int_eq(it->n, 4);
	ck_assert_int_eq(it->nmissing, 0);
	ck_assert_int_ge(it->nfonts, 1);
	face = fonts_face_name(it->fonts[it->cl[0].font]);
	ck_assert_msg(g_str_has_prefix(face, "Noto Serif CJK SC"), "中 set in %s", face);
	/* 9 pt ideographs: one em of 9216 units, no blank to give */
	for (int i = 0; i < 2; i++) {
		ck_assert_int_eq(it->cl[i].cls, KC_IDEO);
		ck_assert_int_eq(it->cl[i].adv, 9216);
		ck_assert_int_eq(it->cl[i].blank_l, 0);
		ck_assert_int_eq(it->cl[i].blank_r, 0);
		ck_assert_int_eq(it->cl[i].ng, 1);
		ck_assert(!it->cl[i].missing);
	}
	/* 。: full width with its right half blank (the font's halt metrics) */
	ck_assert_int_eq(it->cl[2].cls, KC_STOP);
	ck_assert_int_eq(it->cl[2].adv, 9216);
	ck_assert_int_eq(it->cl[2].blank_l, 0);
	ck_assert_int_eq(it->cl[2].blank_r, 4608);
	/* ”: a closing quote, full width in Chinese text */
	ck_assert_int_eq(it->cl[3].cls, KC_CLOSE);
	ck_assert_int_eq(it->cl[3].adv, 9216);
	ck_assert_int_eq(it->cl[3].blank_l + it->cl[3].blank_r, 4608);
	/* clusters cover the text in order */
	ck_assert_int_eq(it->cl[0].start, 0);
	ck_assert_int_eq(it->cl[1].start, 3);
	ck_assert_int_eq(it->cl[2].start, 6);
	ck_assert_int_eq(it->cl[3].start, 9);
	for (int i = 0; i < 4; i++) {
		ck_assert_int_eq(it->cl[i].len, 3);
		ck_assert_int_eq(it->cl[i].g0, i);
	}
	ck_assert_uint_eq(it->cl[2].ch, 0x3002);
	ck_assert_int_eq(it->ngl, 4);
	ck_assert_int_eq(it->gl[0].adv, 9216);
	ck_assert_uint_ne(it->gl[0].id, 0);
	world_free(&w);
}
END_TEST

START_TEST(test_shape_other_sizes_and_tracking)
{
	World w = world_new();
	g_autoptr(Report) r = report_new();
	/* the headline: 一号 (26 pt), tracking 0.05 em */
	g_autoptr(Items) head = shape(&w, ST_HEADLINE, "大桥", r);
	/* the notice: 六号 (7.5 pt) in the fangsong role */
	g_autoptr(Items) notice = shape(&w, ST_NOTICE, "声明", r);
	g_autofree char *face = NULL;
	ck_assert_msg(r->diags->len == 0, "%s", unit_report_text(r));
	ck_assert_int_eq(head->em, 26 * 1024);
	ck_assert_int_eq(head->cl[0].adv, 26 * 1024 + 1331);
	ck_assert_int_eq(head->gl[0].adv, 26 * 1024); /* tracking is on the cluster only */
	ck_assert_int_eq(notice->em, 7680);
	ck_assert_int_eq(notice->cl[0].adv, 7680);
	face = fonts_face_name(notice->fonts[notice->cl[0].font]);
	ck_assert_msg(g_str_has_prefix(face, "LXGW WenKai"), "notice set in %s", face);
	world_free(&w);
}
END_TEST

START_TEST(test_shape_latin_and_digits)
{
	World w = world_new();
	g_autoptr(Report) r = report_new();
	g_autoptr(Items) it = shape(&w, ST_BODY, "PM2.5浓度", r);
	ck_assert_msg(r->diags->len == 0, "%s", unit_report_text(r));
	ck_assert_int_eq(it->n, 7);
	ck_assert_int_eq(it->cl[0].cls, KC_LATIN);
	ck_assert_int_eq(it->cl[2].cls, KC_DIGIT);
	ck_assert_int_eq(it->cl[3].cls, KC_NUMSIGN);
	ck_assert_int_eq(it->cl[5].cls, KC_IDEO);
	for (int i = 0; i < 5; i++) {
		ck_assert_int_gt(it->cl[i].adv, 0);
		ck_assert_int_lt(it->cl[i].adv, 9216); /* proportional Latin, not full width */
		ck_assert_int_eq(it->cl[i].blank_l + it->cl[i].blank_r, 0);
	}
	ck_assert_int_eq(it->cl[5].adv, 9216);
	world_free(&w);
}
END_TEST

START_TEST(test_normalized_text)
{
	World w = world_new();
	g_autoptr(Report) r = report_new();
	g_autoptr(Items) body = shape(&w, ST_BODY, "他说:好!", r);
	g_autoptr(Items) jump = shape(&w, ST_JUMP, "他说:好!", r); /* normalize="no" */
	ck_assert_str_eq(body->text, "他说：好！");
	ck_assert_int_eq(body->textlen, (int)strlen("他说：好！"));
	ck_assert_int_eq(body->cl[2].cls, KC_COLON);
	ck_assert_int_eq(body->cl[2].adv, 9216);
	ck_assert_int_eq(body->cl[2].blank_l + body->cl[2].blank_r, 4608);
	ck_assert_str_eq(jump->text, "他说:好!");
	ck_assert_int_eq(jump->cl[2].cls, KC_NUMSIGN);
	world_free(&w);
}
END_TEST

START_TEST(test_opening_bracket_blank_left)
{
	World w = world_new();
	g_autoptr(Report) r = report_new();
	g_autoptr(Items) it = shape(&w, ST_BODY, "《人》", r);
	ck_assert_int_eq(it->cl[0].cls, KC_OPEN);
	ck_assert_int_eq(it->cl[0].blank_l, 4608);
	ck_assert_int_eq(it->cl[0].blank_r, 0);
	ck_assert_int_eq(it->cl[2].cls, KC_CLOSE);
	ck_assert_int_eq(it->cl[2].blank_l, 0);
	ck_assert_int_eq(it->cl[2].blank_r, 4608);
	world_free(&w);
}
END_TEST

START_TEST(test_missing_private_use)
{
	/* a character no configured font has is reported at its place and left out: the
	 * paragraph is set as if it were not there */
	World w = world_new();
	g_autoptr(Report) r = report_new();
	ItemsWhere where = {"edition.xml", 7, "photo caption", 5, NULL};
	g_autoptr(Items) it = items_shape(w.fonts, layout_style(w.layout, ST_BODY),
	                                  "中\xee\x80\x80文", &where, r); /* U+E000 */
	const Diag *d;
	ck_assert_int_eq(it->n, 2);
	ck_assert_str_eq(it->text, "中文");
	ck_assert(!it->cl[0].missing);
	ck_assert(!it->cl[1].missing);
	ck_assert_int_eq(it->nmissing, 0);
	ck_assert_int_eq(r->nerrors, 1);
	d = unit_diag(r, 0);
	ck_assert_int_eq(d->kind, DIAG_GLYPH);
	ck_assert_int_eq(d->level, REPORT_ERROR);
	ck_assert_ptr_nonnull(strstr(d->msg, "U+E000 \\u{E000}"));
	ck_assert_ptr_nonnull(strstr(d->msg, "photo caption"));
	ck_assert_str_eq(d->file, "edition.xml");
	ck_assert_int_eq(d->line, 7);
	ck_assert_int_eq(d->col, 5);
	world_free(&w);
}
END_TEST

/* A character in none of the project's fonts is never set from a face of the machine (U+1F600
 * is in DejaVu Sans on Debian): the error, and the character left out. */
START_TEST(test_missing_not_from_machine)
{
	World w = world_new();
	g_autoptr(Report) r = report_new();
	StoryPara sp = {PARA_BODY, "好\xf0\x9f\x98\x80好", 3, 2, NULL, 0};
	ItemsWhere where = {"stories/a.txt", 3, "story a, paragraph 1", 2, &sp};
	g_autoptr(Items) it =
	    items_shape(w.fonts, layout_style(w.layout, ST_BODY), sp.text, &where, r);
	g_autoptr(Items) plain = shape(&w, ST_BODY, "好好", r);
	const Diag *d;
	ck_assert_int_eq(it->n, 2);
	ck_assert_int_eq(it->nfonts, 1);
	ck_assert_int_eq(it->cl[1].adv, plain->cl[1].adv);
	ck_assert_int_eq(r->nerrors, 1);
	ck_assert_int_eq(r->diags->len, 1);
	d = unit_diag(r, 0);
	ck_assert_ptr_nonnull(strstr(d->msg, "U+1F600 \xf0\x9f\x98\x80 is in none"));
	ck_assert_int_eq(d->line, 3);
	ck_assert_int_eq(d->col, 3);
	world_free(&w);
}
END_TEST

START_TEST(test_empty_text)
{
	World w = world_new();
	g_autoptr(Report) r = report_new();
	g_autoptr(Items) it = shape(&w, ST_BODY, "", r);
	ck_assert_int_eq(it->n, 0);
	ck_assert_int_eq(it->ngl, 0);
	ck_assert_int_eq(r->diags->len, 0);
	world_free(&w);
}
END_TEST

START_TEST(test_dump)
{
	World w = world_new();
	g_autoptr(Report) r = report_new();
	g_autoptr(Items) it = shape(&w, ST_BODY, "中。", r);
	GString *out = g_string_new(NULL);
	items_dump(it, out);
	ck_assert_ptr_nonnull(strstr(out->str, "items n=2 glyphs=2 fonts=1 em=9.00pt\n"));
	ck_assert_ptr_nonnull(strstr(out->str, "  font 0 Noto Serif CJK SC"));
	ck_assert_ptr_nonnull(strstr(out->str, "  0 \"中\" ideo f0 adv=9.000\n"));
	ck_assert_ptr_nonnull(strstr(out->str, "  1 \"。\" stop f0 adv=9.000 blank=0.000/4.500\n"));
	g_string_free(out, TRUE);
	world_free(&w);
}
END_TEST

static Suite *
items_suite(void)
{
	Suite *s = suite_create("items");
	TCase *tc = tcase_create("items");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_shape_body);
	tcase_add_test(tc, test_shape_other_sizes_and_tracking);
	tcase_add_test(tc, test_shape_latin_and_digits);
	tcase_add_test(tc, test_normalized_text);
	tcase_add_test(tc, test_opening_bracket_blank_left);
	tcase_add_test(tc, test_missing_private_use);
	tcase_add_test(tc, test_missing_not_from_machine);
	tcase_add_test(tc, test_empty_text);
	tcase_add_test(tc, test_dump);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return unit_run(items_suite());
}
