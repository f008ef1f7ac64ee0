/* test_cmyk.c - cmyk.c: RGB to CMYK with neutrals as K only, and the content-stream rewrite. */
#include "cmyk.h"
#include "unit.h"

static void
check_rewrite(const char *in, const char *want, int want_changed)
{
	int changed = -1;
	GString *out = cmyk_rewrite_content(in, strlen(in), &changed);
	ck_assert_str_eq(out->str, want);
	ck_assert_int_eq(changed, want_changed);
	g_string_free(out, TRUE);
}

START_TEST(test_neutrals_are_k_only)
{
	double c[4];
	cmyk_from_rgb(0, 0, 0, c);
	ck_assert(c[0] == 0 && c[1] == 0 && c[2] == 0 && c[3] == 1);
	cmyk_from_rgb(1, 1, 1, c);
	ck_assert(c[0] == 0 && c[1] == 0 && c[2] == 0 && c[3] == 0);
	cmyk_from_rgb(0.9, 0.9, 0.9, c);
	ck_assert(c[0] == 0 && c[1] == 0 && c[2] == 0);
	ck_assert_double_eq_tol(c[3], 0.1, 1e-9);
}
END_TEST

START_TEST(test_colours_convert)
{
	double c[4];
	cmyk_from_rgb(0xc0 / 255.0, 0, 0, c); /* the rubric red #c00000 */
	ck_assert_double_eq_tol(c[0], 0, 1e-9);
	ck_assert_double_eq_tol(c[1], 1, 1e-9);
	ck_assert_double_eq_tol(c[2], 1, 1e-9);
	ck_assert_double_eq_tol(c[3], 1 - 0xc0 / 255.0, 1e-9);
	cmyk_from_rgb(0, 0, 1, c);
	ck_assert(c[0] == 1 && c[1] == 1 && c[2] == 0 && c[3] == 0);
}
END_TEST

START_TEST(test_rewrite_fill_and_stroke)
{
	check_rewrite("0 0 0 rg\n", "0 0 0 1 k\n", 1);
	check_rewrite("q 0 0 0 RG 1.5 w 10 10 m 20 10 l S Q",
	              "q 0 0 0 1 K 1.5 w 10 10 m 20 10 l S Q", 1);
	check_rewrite("0.898 0.898 0.898 rg 0 0 10 10 re f", "0 0 0 0.102 k 0 0 10 10 re f", 1);
	check_rewrite("0.752941 0 0 rg", "0 1 1 0.2471 k", 1);
	check_rewrite(".5 .5 .5 rg", "0 0 0 0.5 k", 1);
}
END_TEST

START_TEST(test_rewrite_leaves_the_rest)
{
	/* text, strings holding "rg", TJ arrays, names, hex strings and comments are untouched */
	check_rewrite("BT /f-0-1 1 Tf (0 0 0 rg) Tj [<00b1>-42(\\)rg)] TJ ET",
	              "BT /f-0-1 1 Tf (0 0 0 rg) Tj [<00b1>-42(\\)rg)] TJ ET", 0);
	check_rewrite("% 0 0 0 rg\n1 0 0 1 0 0 cm", "% 0 0 0 rg\n1 0 0 1 0 0 cm", 0);
	check_rewrite("/a0 gs /x11 Do", "/a0 gs /x11 Do", 0);
	/* not three numbers: a malformed operator is left as it is */
	check_rewrite("0 0 rg", "0 0 rg", 0);
	check_rewrite("1 0 0 0 rg", "1 0 0 0 rg", 0);
	check_rewrite("/Name 0 0 rg", "/Name 0 0 rg", 0);
	check_rewrite("[0 0 0] rg", "[0 0 0] rg", 0);
	check_rewrite("<< /A 1 >> 0 0 rg", "<< /A 1 >> 0 0 rg", 0);
}
END_TEST

START_TEST(test_rewrite_skips_inline_images)
{
	/* the binary data of an inline image may hold anything, "0 0 0 rg" included */
	check_rewrite("BI /W 2 /H 1 /CS /RGB /BPC 8 ID 0 0 0 rg\xff\x01 EI 0 0 0 rg",
	              "BI /W 2 /H 1 /CS /RGB /BPC 8 ID 0 0 0 rg\xff\x01 EI 0 0 0 1 k", 1);
}
END_TEST

START_TEST(test_rewrite_survives_truncation)
{
	const char *cut[] = {"(unclosed 0 0 0 rg",  "<00ff", "[ 0 0 0 rg", "<< /A", "0 0 0 r",
	                     "BI /W 1 ID \x01\x02", ""};
	for (size_t i = 0; i < G_N_ELEMENTS(cut); i++)
		check_rewrite(cut[i], cut[i], 0);
}
END_TEST

START_TEST(test_rewrite_cairo_page)
{
	/* the shape of what cairo writes for a page: several colours, each rewritten */
	const char *in = "1 0 0 -1 0 1539.212891 cm\nq\n0 0 0 RG /a0 gs\n1.5 w\n"
	                 "53.289 84.293 m 1052.289 84.293 l S\nQ q\n0.898039 0.898039 0.898039 rg "
	                 "/a0 gs\n48.789 951.543 378 182 re f\nQ\nBT\n9 0 0 -9 53.289 120 Tm\n"
	                 "0 0 0 rg\n/f-0-1 1 Tf\n<003d00b100b2>Tj\nET\n";
	const char *want = "1 0 0 -1 0 1539.212891 cm\nq\n0 0 0 1 K /a0 gs\n1.5 w\n"
	                   "53.289 84.293 m 1052.289 84.293 l S\nQ q\n0 0 0 0.102 k "
	                   "/a0 gs\n48.789 951.543 378 182 re f\nQ\nBT\n9 0 0 -9 53.289 120 Tm\n"
	                   "0 0 0 1 k\n/f-0-1 1 Tf\n<003d00b100b2>Tj\nET\n";
	check_rewrite(in, want, 3);
}
END_TEST

static Suite *
cmyk_suite(void)
{
	Suite *s = suite_create("cmyk");
	TCase *tc = tcase_create("cmyk");
	tcase_add_test(tc, test_neutrals_are_k_only);
	tcase_add_test(tc, test_colours_convert);
	tcase_add_test(tc, test_rewrite_fill_and_stroke);
	tcase_add_test(tc, test_rewrite_leaves_the_rest);
	tcase_add_test(tc, test_rewrite_skips_inline_images);
	tcase_add_test(tc, test_rewrite_survives_truncation);
	tcase_add_test(tc, test_rewrite_cairo_page);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return unit_run(cmyk_suite());
}
