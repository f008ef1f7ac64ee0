/* test_colour.c - colour.c: the ink limit with gray component replacement, RGB through the
 * output profile within it, a CMYK JPEG measured back, and a bad profile refused. */
#include "colour.h"
#include "unit.h"

static int
total(const guint8 p[4])
{
	return p[0] + p[1] + p[2] + p[3];
}

START_TEST(test_limit_leaves_what_is_within)
{
	guint8 p[4] = {100, 100, 100, 100};
	colour_limit_ink(p, 612);
	ck_assert(p[0] == 100 && p[1] == 100 && p[2] == 100 && p[3] == 100);
}
END_TEST

START_TEST(test_limit_replaces_gray_by_k)
{
	/* 400%: the gray component goes to K first (C, M, Y equal: they lose alike) */
	guint8 p[4] = {255, 255, 255, 255};
	colour_limit_ink(p, 612);
	ck_assert_int_le(total(p), 612);
	ck_assert_int_eq(p[3], 255);
	ck_assert(p[0] == p[1] && p[1] == p[2]);
	/* a dark brown: K grows, C, M, Y shrink by the same amount */
	guint8 q[4] = {150, 200, 250, 100};
	colour_limit_ink(q, 612);
	ck_assert_int_le(total(q), 612);
	ck_assert_int_eq(q[3] - 100, 150 - q[0]);
	ck_assert_int_eq(200 - q[1], 150 - q[0]);
	/* no gray component: C, M, Y scaled */
	guint8 r[4] = {0, 255, 255, 255};
	colour_limit_ink(r, 612);
	ck_assert_int_le(total(r), 612);
	ck_assert_int_eq(r[3], 255);
	ck_assert_int_eq(r[1], r[2]);
}
END_TEST

static Colour *
profile(int limit)
{
	ColourSetup s = {COLOUR_DEFAULT_PROFILE, NULL, COLOUR_RELATIVE, true, limit};
	Report *r = report_new();
	Colour *c = colour_new(&s, "t.pdf", r);
	ck_assert_msg(c != NULL, "cannot open " COLOUR_DEFAULT_PROFILE);
	report_free(r);
	return c;
}

START_TEST(test_rgb_within_the_limit)
{
	Colour *c = profile(240);
	guint8 rgb[3 * 6] = {0, 0, 0, 20, 10, 5, 255, 0, 0, 0, 0, 255, 255, 255, 255, 60, 0, 80};
	guint8 cmyk[4 * 6];
	gsize len = 0;
	colour_rgb_to_cmyk(c, rgb, cmyk, 6);
	for (int i = 0; i < 6; i++)
		ck_assert_int_le(total(cmyk + 4 * i), 612);
	ck_assert_int_gt(cmyk[3], 200);                  /* RGB black: mostly K */
	ck_assert_int_eq(total(cmyk + 16), 0);           /* white: no ink */
	ck_assert_int_gt(cmyk[8 + 1], cmyk[8 + 0]);      /* red: more M than C */
	ck_assert(colour_profile(c, &len) && len > 128); /* the ICC profile as read */
	colour_free(c);
}
END_TEST

START_TEST(test_neutral_colours_are_k_only)
{
	Colour *c = profile(240);
	double out[4];
	colour_convert(0.2, 0.2, 0.2, out, c);
	ck_assert(out[0] == 0 && out[1] == 0 && out[2] == 0);
	ck_assert_double_eq_tol(out[3], 0.8, 1e-9);
	colour_convert(0.8, 0.1, 0.1, out, c);
	ck_assert(out[1] > 0.5 && out[0] + out[1] + out[2] + out[3] <= 2.4 + 1e-9);
	colour_free(c);
}
END_TEST

START_TEST(test_jpeg_measured_back)
{
	enum { W = 16, H = 16 };
	guint8 cmyk[4 * W * H];
	for (int i = 0; i < W * H; i++) {
		cmyk[4 * i] = 200, cmyk[4 * i + 1] = 150, cmyk[4 * i + 2] = 100;
		cmyk[4 * i + 3] = (guint8)(i % 2 ? 150 : 50);
	}
	GBytes *j = colour_cmyk_jpeg(cmyk, W, H, 90);
	ck_assert(j != NULL);
	int worst = colour_jpeg_max_ink(j);
	/* 600 at most in the source; JPEG's error is a few steps */
	ck_assert_int_ge(worst, 560);
	ck_assert_int_le(worst, 640);
	g_bytes_unref(j);
	GBytes *junk = g_bytes_new_static("not a jpeg", 10);
	ck_assert_int_eq(colour_jpeg_max_ink(junk), -1);
	g_bytes_unref(junk);
}
END_TEST

START_TEST(test_bad_profile_refused)
{
	ColourSetup s = {"/nonexistent/x.icc", NULL, COLOUR_RELATIVE, true, 240};
	Report *r = report_new();
	ck_assert(colour_new(&s, "t.pdf", r) == NULL);
	ck_assert(report_has(r, DIAG_INPUT, REPORT_ERROR));
	report_free(r);
	r = report_new();
	s.profile =
	    "/usr/share/color/icc/ghostscript/default_rgb.icc"; /* RGB: not an output CMYK */
	ck_assert(colour_new(&s, "t.pdf", r) == NULL);
	ck_assert(report_has(r, DIAG_INPUT, REPORT_ERROR));
	report_free(r);
}
END_TEST

static Suite *
colour_suite(void)
{
	Suite *s = suite_create("colour");
	TCase *tc = tcase_create("colour");
	tcase_add_test(tc, test_limit_leaves_what_is_within);
	tcase_add_test(tc, test_limit_replaces_gray_by_k);
	tcase_add_test(tc, test_rgb_within_the_limit);
	tcase_add_test(tc, test_neutral_colours_are_k_only);
	tcase_add_test(tc, test_jpeg_measured_back);
	tcase_add_test(tc, test_bad_profile_refused);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return unit_run(colour_suite());
}
