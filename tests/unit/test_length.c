/* test_length.c - length.c: lengths with units, Chinese type sizes, numbers, ints, ranges. */
#include "length.h"
#include "unit.h"

START_TEST(test_units_len_conversions)
{
	ck_assert_int_eq(LEN_PER_PT, 1024);
	ck_assert_int_eq(len_from_pt(9), 9216);
	ck_assert_int_eq(len_from_pt(0.5), 512);
	ck_assert_int_eq(len_from_mm(25.4), 72 * 1024);
	ck_assert_double_eq_tol(len_to_pt(13312), 13.0, 1e-9);
	/* em fractions round to nearest, symmetrically */
	ck_assert_int_eq(len_em(9216, 1, 4), 2304);
	ck_assert_int_eq(len_em(9216, 1, 8), 1152);
	ck_assert_int_eq(len_em(10, 1, 4), 3);   /* 2.5 -> 3 */
	ck_assert_int_eq(len_em(10, -1, 4), -3); /* -2.5 -> -3 */
	ck_assert_int_eq(len_em(26624, 50, 1000), 1331);
}
END_TEST

START_TEST(test_parse_pt_and_mm)
{
	Len l = -1;
	ck_assert(length_parse("9pt", &l));
	ck_assert_int_eq(l, 9216);
	ck_assert(length_parse("0.5pt", &l));
	ck_assert_int_eq(l, 512);
	ck_assert(length_parse("10.5pt", &l));
	ck_assert_int_eq(l, 10752);
	ck_assert(length_parse("25.4mm", &l));
	ck_assert_int_eq(l, 73728);
	ck_assert(length_parse("390mm", &l));
	ck_assert_int_eq(l, len_from_mm(390));
	ck_assert(length_parse("0pt", &l));
	ck_assert_int_eq(l, 0);
	ck_assert(length_parse(".5pt", &l));
	ck_assert_int_eq(l, 512);
}
END_TEST

START_TEST(test_parse_hao)
{
	static const struct {
		const char *name;
		double pt;
	} sizes[] = {
	    {"初号", 42},  {"小初", 36},  {"一号", 26},  {"小一", 24}, {"二号", 22},   {"小二", 18},
	    {"三号", 16},  {"小三", 15},  {"四号", 14},  {"小四", 12}, {"五号", 10.5}, {"小五", 9},
	    {"六号", 7.5}, {"小六", 6.5}, {"七号", 5.5}, {"八号", 5},
	};
	for (size_t i = 0; i < G_N_ELEMENTS(sizes); i++) {
		Len l = -1;
		ck_assert_double_eq_tol(length_hao_pt(sizes[i].name), sizes[i].pt, 1e-9);
		ck_assert_msg(length_parse(sizes[i].name, &l), "%s rejected", sizes[i].name);
		ck_assert_int_eq(l, (Len)(sizes[i].pt * 1024));
	}
	ck_assert_double_eq_tol(length_hao_pt("九号"), 0, 1e-9);
	ck_assert_double_eq_tol(length_hao_pt("小五号"), 0, 1e-9);
	ck_assert_double_eq_tol(length_hao_pt(""), 0, 1e-9);
}
END_TEST

START_TEST(test_parse_rejects)
{
	static const char *const bad[] = {
	    "9",    /* units are required */
	    "9 pt", /* no space */
	    " 9pt",     "9pt ",  "9PT",     "9px",   "9em",   "pt",    "mm", "",        "-1pt",
	    "-0.5mm",   "1e2pt", /* no exponents */
	    "0x10pt",            /* no hex */
	    "nanpt",    "infpt", "1.2.3pt", "9ptpt", "--1pt", "小五 ", "小", "28347pt", /* over 10 m
	                                                                                 */
	    "10001mm", /* over 10 m */
	    "100001pt",
	};
	for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
		Len l = 12345;
		ck_assert_msg(!length_parse(bad[i], &l), "\"%s\" accepted", bad[i]);
		ck_assert_msg(l == 12345, "\"%s\" wrote the output", bad[i]);
	}
	ck_assert(!length_parse(NULL, NULL));
}
END_TEST

START_TEST(test_parse_upper_bound)
{
	Len l = 0;
	ck_assert(length_parse("9999mm", &l));
	ck_assert_int_eq(l, len_from_mm(9999));
	ck_assert(length_parse("28346pt", &l));
	ck_assert_int_eq(l, 28346 * 1024);
	/* Was a bug (fixed): length.c length_parse: the bound is "pt > 28346", 1/2 pt short of the
	 * documented 10 m (28346.46 pt), so exactly 10 m ("10000mm") is rejected */
	ck_assert(length_parse("10000mm", &l));
	ck_assert_int_eq(l, len_from_mm(10000));
	ck_assert(length_parse("0009pt", &l)); /* leading zeros are harmless */
	ck_assert_int_eq(l, 9216);
}
END_TEST

START_TEST(test_parse_number)
{
	double d = -99;
	ck_assert(length_parse_number("2", 0, 20, &d));
	ck_assert_double_eq_tol(d, 2, 1e-12);
	ck_assert(length_parse_number("0.25", 0, 20, &d));
	ck_assert_double_eq_tol(d, 0.25, 1e-12);
	ck_assert(length_parse_number("-0.05", -0.5, 2, &d));
	ck_assert_double_eq_tol(d, -0.05, 1e-12);
	ck_assert(length_parse_number("-0.5", -0.5, 2, &d)); /* bounds are inclusive */
	ck_assert_double_eq_tol(d, -0.5, 1e-12);
	ck_assert(length_parse_number("2", -0.5, 2, &d));
	d = 7;
	ck_assert(!length_parse_number("-0.51", -0.5, 2, &d));
	ck_assert(!length_parse_number("2.01", -0.5, 2, &d));
	ck_assert(!length_parse_number("1e0", 0, 20, &d));
	ck_assert(!length_parse_number("0x1", 0, 20, &d));
	ck_assert(!length_parse_number(" 1", 0, 20, &d));
	ck_assert(!length_parse_number("1 ", 0, 20, &d));
	ck_assert(!length_parse_number("", 0, 20, &d));
	ck_assert(!length_parse_number(NULL, 0, 20, &d));
	ck_assert(!length_parse_number("nan", -1e9, 1e9, &d));
	ck_assert(!length_parse_number("inf", -1e9, 1e9, &d));
	ck_assert(!length_parse_number("two", 0, 20, &d));
	ck_assert_double_eq_tol(d, 7, 1e-12);
}
END_TEST

START_TEST(test_parse_int)
{
	int v = -1;
	ck_assert(length_parse_int("8", 1, 20, &v));
	ck_assert_int_eq(v, 8);
	ck_assert(length_parse_int("104", 1, 1000, &v));
	ck_assert_int_eq(v, 104);
	ck_assert(length_parse_int("007", 1, 20, &v));
	ck_assert_int_eq(v, 7);
	ck_assert(length_parse_int("1", 1, 1, &v));
	ck_assert_int_eq(v, 1);
	v = -1;
	ck_assert(!length_parse_int("0", 1, 20, &v));
	ck_assert(!length_parse_int("21", 1, 20, &v));
	ck_assert(!length_parse_int("-1", -5, 20, &v)); /* "positive integer": no sign */
	ck_assert(!length_parse_int("+1", 1, 20, &v));
	ck_assert(!length_parse_int("1.0", 1, 20, &v));
	ck_assert(!length_parse_int(" 1", 1, 20, &v));
	ck_assert(!length_parse_int("", 1, 20, &v));
	ck_assert(!length_parse_int(NULL, 1, 20, &v));
	ck_assert(!length_parse_int("99999999999999999999999", 1, 20, &v)); /* no overflow */
	ck_assert_int_eq(v, -1);
}
END_TEST

START_TEST(test_parse_range)
{
	int a = -1, b = -1;
	ck_assert(length_parse_range("1-3", 1, 8, &a, &b));
	ck_assert_int_eq(a, 1);
	ck_assert_int_eq(b, 3);
	ck_assert(length_parse_range("5", 1, 8, &a, &b));
	ck_assert_int_eq(a, 5);
	ck_assert_int_eq(b, 5);
	ck_assert(length_parse_range("4-4", 1, 8, &a, &b));
	ck_assert_int_eq(a, 4);
	ck_assert_int_eq(b, 4);
	ck_assert(length_parse_range("10-104", 1, 104, &a, &b));
	ck_assert_int_eq(a, 10);
	ck_assert_int_eq(b, 104);

	ck_assert(!length_parse_range("3-1", 1, 8, &a, &b)); /* a <= b */
	ck_assert(!length_parse_range("7-9", 1, 8, &a, &b));
	ck_assert(!length_parse_range("0-3", 1, 8, &a, &b));
	ck_assert(!length_parse_range("9", 1, 8, &a, &b));
	ck_assert(!length_parse_range("1-", 1, 8, &a, &b));
	ck_assert(!length_parse_range("-3", 1, 8, &a, &b));
	ck_assert(!length_parse_range("1-2-3", 1, 8, &a, &b));
	ck_assert(!length_parse_range(" 1-3", 1, 8, &a, &b));
	ck_assert(!length_parse_range("1 - 3", 1, 8, &a, &b));
	ck_assert(!length_parse_range("", 1, 8, &a, &b));
	ck_assert(!length_parse_range(NULL, 1, 8, &a, &b));
}
END_TEST

START_TEST(test_check_range)
{
	int a = 0, b = 0;
	ck_assert_int_eq(length_check_range("2-5", 1, 8, &a, &b), RANGE_OK);
	ck_assert_int_eq(a, 2);
	ck_assert_int_eq(b, 5);
	ck_assert_int_eq(length_check_range("5-3", 1, 8, &a, &b), RANGE_REVERSED);
	ck_assert_int_eq(a, 5);
	ck_assert_int_eq(b, 3);
	ck_assert_int_eq(length_check_range(" 1-4", 1, 8, &a, &b), RANGE_SPACE);
	ck_assert_int_eq(length_check_range("1 -4", 1, 8, &a, &b), RANGE_SPACE);
	ck_assert_int_eq(length_check_range("1-9", 1, 8, &a, &b), RANGE_OUTSIDE);
	ck_assert_int_eq(length_check_range("0", 1, 8, &a, &b), RANGE_OUTSIDE);
	ck_assert_int_eq(length_check_range("-1", 1, 8, &a, &b), RANGE_OUTSIDE);
	ck_assert_int_eq(length_check_range("1-99999999999", 1, 8, &a, &b), RANGE_OUTSIDE);
	ck_assert_int_eq(length_check_range("9-3", 1, 8, &a, &b), RANGE_OUTSIDE);
	ck_assert_int_eq(length_check_range("a-b", 1, 8, &a, &b), RANGE_SHAPE);
	ck_assert_int_eq(length_check_range("1-", 1, 8, &a, &b), RANGE_SHAPE);
	ck_assert_int_eq(length_check_range("-", 1, 8, &a, &b), RANGE_SHAPE);
	ck_assert_int_eq(length_check_range("1-2-3", 1, 8, &a, &b), RANGE_SHAPE);
	ck_assert_int_eq(length_check_range("", 1, 8, &a, &b), RANGE_SHAPE);
	ck_assert_int_eq(length_check_range(NULL, 1, 8, &a, &b), RANGE_SHAPE);
}
END_TEST

static Suite *
length_suite(void)
{
	Suite *s = suite_create("length");
	TCase *tc = tcase_create("length");
	tcase_add_test(tc, test_units_len_conversions);
	tcase_add_test(tc, test_parse_pt_and_mm);
	tcase_add_test(tc, test_parse_hao);
	tcase_add_test(tc, test_parse_rejects);
	tcase_add_test(tc, test_parse_upper_bound);
	tcase_add_test(tc, test_parse_number);
	tcase_add_test(tc, test_parse_int);
	tcase_add_test(tc, test_parse_range);
	tcase_add_test(tc, test_check_range);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return unit_run(length_suite());
}
