/* test_srcline.c - srcline.c and report.c: the source line of a diagnostic with its caret. */
#include "srcline.h"
#include "unit.h"

/* the line and caret srcline_get and srcline_show make for line:col of text */
static char *
shown(const char *text, bool cr, int line, int col)
{
	SrcText *t = srcline_text_new(text, strlen(text), cr);
	int at = 0, span = 0;
	g_autofree char *src = srcline_get(t, line, col, 10, &at, &span);
	GString *out = g_string_new(NULL);
	if (src)
		srcline_show(out, line, src, at, span);
	srcline_text_free(t);
	return g_string_free(out, FALSE);
}

START_TEST(test_attribute_name)
{
	g_autofree char *s = shown("<a>\n  <b colz=\"1\"/>\n</a>\n", false, 2, 6);
	ck_assert_str_eq(s, "    2 |   <b colz=\"1\"/>\n"
	                    "      |      ^~~~\n");
}
END_TEST

START_TEST(test_empty_text)
{
	/* an empty file (the fuzzers' first input) has no line to show, and no NULL text */
	g_autofree char *s = shown("", false, 1, 1);
	g_autofree char *bom = shown("\xef\xbb\xbf", false, 1, 1);
	ck_assert_str_eq(s, "");
	ck_assert_str_eq(bom, "");
}
END_TEST

START_TEST(test_element_and_value)
{
	g_autofree char *el = shown("<ab x='1'>", false, 1, 1);
	g_autofree char *val = shown("<ab x='1'>", false, 1, 7);
	ck_assert_str_eq(el, "    1 | <ab x='1'>\n      | ^~~\n");
	ck_assert_str_eq(val, "    1 | <ab x='1'>\n      |       ^~~\n");
}
END_TEST

START_TEST(test_tab_expanded)
{
	g_autofree char *s = shown("\t<b c=\"1\"/>", false, 1, 4);
	ck_assert_str_eq(s, "    1 |         <b c=\"1\"/>\n"
	                    "      |           ^\n");
}
END_TEST

START_TEST(test_cjk_two_columns)
{
	/* col 4 is the fourth character; each CJK one takes two terminal columns */
	g_autofree char *s = shown("主题:x\n", false, 1, 4);
	ck_assert_str_eq(s, "    1 | 主题:x\n      |      ^\n");
}
END_TEST

START_TEST(test_control_escaped)
{
	g_autofree char *s = shown("a\x01"
	                           "bc",
	                           false, 1, 3);
	ck_assert_str_eq(s, "    1 | a\\x01bc\n      |      ^~\n");
}
END_TEST

START_TEST(test_long_line_clipped)
{
	GString *t = g_string_new(NULL);
	g_autofree char *s = NULL;
	for (int i = 0; i < 100000; i++)
		g_string_append_c(t, (char)('a' + i % 26));
	s = shown(t->str, false, 1, 50001);
	/* ten characters either side, "…" where cut */
	ck_assert_str_eq(s, "    1 | …stuvwxyzabcdefghijkl…\n"
	                    "      |            ^~~~~~~~~~\n");
	g_string_free(t, TRUE);
}
END_TEST

START_TEST(test_col_zero_and_beyond)
{
	g_autofree char *zero = shown("abc\n", false, 1, 0);
	g_autofree char *past = shown("abc\n", false, 1, 9);
	g_autofree char *none = shown("abc\n", false, 5, 1);
	ck_assert_str_eq(zero, "    1 | abc\n");
	ck_assert_str_eq(past, "    1 | abc\n      |    ^\n");
	ck_assert_str_eq(none, "");
}
END_TEST

START_TEST(test_line_ends)
{
	g_autofree char *crlf = shown("a\r\nbc\r\n", false, 2, 2);
	g_autofree char *cr = shown("a\rbc", true, 2, 1);
	g_autofree char *bom = shown("\xef\xbb\xbfxy", false, 1, 2);
	ck_assert_str_eq(crlf, "    2 | bc\n      |  ^\n");
	ck_assert_str_eq(cr, "    2 | bc\n      | ^\n");
	ck_assert_str_eq(bom, "    1 | xy\n      |  ^\n");
}
END_TEST

START_TEST(test_going_back)
{
	const char *text = "one\ntwo\nthree\n";
	SrcText *t = srcline_text_new(text, strlen(text), false);
	int at, span;
	g_autofree char *a = srcline_get(t, 3, 2, 10, &at, &span);
	g_autofree char *b = srcline_get(t, 1, 1, 10, &at, &span);
	g_autofree char *c = srcline_get(t, 1, 3, 10, &at, &span);
	ck_assert_str_eq(a, "three");
	ck_assert_str_eq(b, "one");
	ck_assert_str_eq(c, "one");
	ck_assert_int_eq(at, 3);
	srcline_text_free(t);
}
END_TEST

START_TEST(test_report_quotes_line)
{
	g_autoptr(Report) r = report_new();
	g_autoptr(Report) later = report_new();
	const char *text = "<e>\n <s colz=\"1\"/>\n</e>\n";
	g_autofree char *f1 = NULL, *f2 = NULL;
	report_source(r, "e.xml", text, strlen(text), false);
	report_error(r, DIAG_INPUT, "e.xml", 2, 5, "did you mean 'cols'?", "unknown attribute");
	report_error(later, DIAG_INPUT, "e.xml", 1, 1, NULL, "later");
	report_move(r, later); /* a diagnostic made elsewhere gets its line when moved */
	f1 = report_format(unit_diag(r, 0));
	f2 = report_format(unit_diag(r, 1));
	ck_assert_str_eq(f1, "e.xml:2:5: error: unknown attribute\n"
	                     "    2 |  <s colz=\"1\"/>\n"
	                     "      |     ^~~~\n"
	                     "  hint: did you mean 'cols'?\n");
	ck_assert_str_eq(f2, "e.xml:1:1: error: later\n    1 | <e>\n      | ^~\n");
	ck_assert_str_eq(unit_diag(r, 0)->source, " <s colz=\"1\"/>");
	ck_assert_int_eq(unit_diag(r, 0)->source_col, 5);
	ck_assert_int_eq(unit_diag(r, 0)->span, 4);
}
END_TEST

START_TEST(test_story_tokens)
{
	/* in a story only a header key is a token: a paragraph's first word is not */
	g_autofree char *key = shown("subhed: 副题\n", true, 1, 1);
	g_autofree char *word = shown("Hello you\n", true, 1, 1);
	ck_assert_str_eq(key, "    1 | subhed: 副题\n      | ^~~~~~\n");
	ck_assert_str_eq(word, "    1 | Hello you\n      | ^\n");
}
END_TEST

START_TEST(test_reference_and_noncharacter)
{
	g_autofree char *ref = shown("<a b=\"x&#x1b;y\"/>", false, 1, 8);
	g_autofree char *non = shown("a\xef\xbf\xbf"
	                             "b",
	                             true, 1, 2);
	ck_assert_str_eq(ref, "    1 | <a b=\"x&#x1b;y\"/>\n      |        ^~~~~~\n");
	/* U+FFFF escaped, its caret as wide as the escapes */
	ck_assert_str_eq(non, "    1 | a\\xef\\xbf\\xbfb\n      |  ^~~~~~~~~~~~\n");
}
END_TEST

static Suite *
srcline_suite(void)
{
	Suite *s = suite_create("srcline");
	TCase *tc = tcase_create("srcline");
	tcase_add_test(tc, test_attribute_name);
	tcase_add_test(tc, test_empty_text);
	tcase_add_test(tc, test_element_and_value);
	tcase_add_test(tc, test_tab_expanded);
	tcase_add_test(tc, test_cjk_two_columns);
	tcase_add_test(tc, test_control_escaped);
	tcase_add_test(tc, test_long_line_clipped);
	tcase_add_test(tc, test_col_zero_and_beyond);
	tcase_add_test(tc, test_line_ends);
	tcase_add_test(tc, test_going_back);
	tcase_add_test(tc, test_story_tokens);
	tcase_add_test(tc, test_reference_and_noncharacter);
	tcase_add_test(tc, test_report_quotes_line);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return unit_run(srcline_suite());
}
