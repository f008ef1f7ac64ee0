/* test_suggest.c - suggest.c: edit distance and "did you mean" over names. */
#include "suggest.h"
#include "unit.h"

START_TEST(test_distance)
{
	ck_assert_int_eq(suggest_distance("cols", "cols"), 0);
	ck_assert_int_eq(suggest_distance("colz", "cols"), 1);        /* substitution */
	ck_assert_int_eq(suggest_distance("headlne", "headline"), 1); /* insertion */
	ck_assert_int_eq(suggest_distance("liens", "lines"), 1);      /* transposition */
	ck_assert_int_eq(suggest_distance("kitten", "sitting"), 3);
	ck_assert_int_eq(suggest_distance("", "abc"), 3);
	ck_assert_int_eq(suggest_distance("Cols", "cols"), 0); /* ASCII case does not count */
}
END_TEST

START_TEST(test_distance_utf8)
{
	/* characters, not bytes: one CJK character is one edit */
	ck_assert_int_eq(suggest_distance("主题", "主体"), 1);
	ck_assert_int_eq(suggest_distance("栏目", "目栏"), 1);
	ck_assert_int_eq(suggest_distance("引题", "引"), 1);
}
END_TEST

START_TEST(test_distance_limits)
{
	char *long_name = g_strnfill(SUGGEST_MAX_CHARS + 1, 'a');
	ck_assert_int_eq(suggest_distance(long_name, "a"), G_MAXINT);
	ck_assert_int_eq(suggest_distance("\xff", "a"), G_MAXINT); /* not UTF-8 */
	g_free(long_name);
}
END_TEST

START_TEST(test_best)
{
	const char *const attrs[] = {"id", "src", "cols", "lines", "style", NULL};
	const char *const keys[] = {"rubric", "kicker", "headline", "subhead", "byline", NULL};
	ck_assert_str_eq(suggest_best("colz", attrs), "cols");
	ck_assert_str_eq(suggest_best("Lines", attrs), "lines");
	ck_assert_str_eq(suggest_best("stlye", attrs), "style");
	ck_assert_str_eq(suggest_best("headlne", keys), "headline");
	ck_assert_str_eq(suggest_best("subhed", keys), "subhead");
	ck_assert_ptr_null(suggest_best("align", attrs)); /* nothing close */
	ck_assert_ptr_null(suggest_best("xy", attrs));    /* "id" is 2 edits: all of it */
	ck_assert_ptr_null(suggest_best("author", keys));
	ck_assert_ptr_null(suggest_best("", attrs));
}
END_TEST

START_TEST(test_best_threshold_grows)
{
	const char *const names[] = {"broadsheet", "tabloid", NULL};
	ck_assert_str_eq(suggest_best("brodshet", names), "broadsheet"); /* 2 of 10 */
	ck_assert_str_eq(suggest_best("tabliod", names), "tabloid");
	ck_assert_ptr_null(suggest_best("broad", names)); /* 5 of 10 */
}
END_TEST

START_TEST(test_best_first_of_ties)
{
	const char *const names[] = {"cat", "car", NULL};
	ck_assert_str_eq(suggest_best("cax", names), "cat");
}
END_TEST

START_TEST(test_hint)
{
	const char *const names[] = {"song", "hei", "kai", "fangsong", NULL};
	g_autofree char *h1 = suggest_hint("sogn", names, "use song, hei, kai or fangsong");
	g_autofree char *h2 = suggest_hint("zzzz", names, "use song, hei, kai or fangsong");
	g_autofree char *h3 = suggest_hint("hie", names, NULL);
	g_autofree char *list = suggest_list(names);
	ck_assert_str_eq(h1, "did you mean 'song'? use song, hei, kai or fangsong");
	ck_assert_str_eq(h2, "use song, hei, kai or fangsong");
	ck_assert_str_eq(h3, "did you mean 'hei'?");
	ck_assert_str_eq(list, "song, hei, kai, fangsong");
}
END_TEST

static Suite *
suggest_suite(void)
{
	Suite *s = suite_create("suggest");
	TCase *tc = tcase_create("suggest");
	tcase_add_test(tc, test_distance);
	tcase_add_test(tc, test_distance_utf8);
	tcase_add_test(tc, test_distance_limits);
	tcase_add_test(tc, test_best);
	tcase_add_test(tc, test_best_threshold_grows);
	tcase_add_test(tc, test_best_first_of_ties);
	tcase_add_test(tc, test_hint);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return unit_run(suggest_suite());
}
