/* test_segment.c - segment.c: word boundaries from ICU as byte offsets of UTF-8 text. */
#include "segment.h"
#include "unit.h"

/* the words of text joined by "|" */
static char *
words(const char *text)
{
	int n = 0;
	g_autofree int *b = segment_words(text, (int)strlen(text), &n);
	GString *out = g_string_new(NULL);
	ck_assert_ptr_nonnull(b);
	ck_assert_int_ge(n, 1);
	ck_assert_int_eq(b[0], 0);
	ck_assert_int_eq(b[n - 1], (int)strlen(text));
	for (int i = 1; i < n; i++) {
		ck_assert_int_gt(b[i], b[i - 1]);
		g_string_append_printf(out, "%s%.*s", i > 1 ? "|" : "", b[i] - b[i - 1],
		                       text + b[i - 1]);
	}
	return g_string_free(out, FALSE);
}

START_TEST(test_chinese_words)
{
	/* ICU 72's dictionary; another ICU version may segment differently (README) */
	g_autofree char *a = words("老旧小区改造 让居民住得更舒心");
	g_autofree char *b = words("走进社区 结合基层治理谈变化");
	ck_assert_str_eq(a, "老旧|小区|改造| |让|居民|住得|更|舒心");
	ck_assert_str_eq(b, "走进|社区| |结合|基层|治理|谈|变化");
}
END_TEST

START_TEST(test_numbers_and_latin)
{
	/* a number or a Latin word is one word; ICU parts it from the ideograph after it */
	g_autofree char *a = words("全长628米");
	g_autofree char *b = words("PM2.5浓度");
	ck_assert_str_eq(a, "全长|628|米");
	ck_assert_str_eq(b, "PM2.5|浓度");
}
END_TEST

START_TEST(test_offsets_are_bytes)
{
	/* 3-byte ideographs: the boundaries of 小区 in "老旧小区" are at bytes 0, 6, 12 */
	int n = 0;
	g_autofree int *b = segment_words("老旧小区", (int)strlen("老旧小区"), &n);
	ck_assert_int_eq(n, 3);
	ck_assert_int_eq(b[1], 6);
	ck_assert_int_eq(b[2], 12);
}
END_TEST

START_TEST(test_empty_and_prefix)
{
	int n = -1;
	g_autofree int *b = segment_words("", 0, &n);
	g_autofree char *c = NULL;
	ck_assert_ptr_nonnull(b);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(b[0], 0);
	/* only len bytes are read: the same words as the prefix alone */
	{
		int m = 0;
		g_autofree int *d = segment_words("老旧小区改造", 12, &m);
		ck_assert_int_eq(m, 3);
		ck_assert_int_eq(d[2], 12);
	}
	c = words("同一段文字"); /* the iterator is kept: a second call gives the same words */
	{
		g_autofree char *again = words("同一段文字");
		ck_assert_str_eq(c, again);
	}
}
END_TEST

START_TEST(test_version)
{
	const char *v = segment_icu_version();
	ck_assert_ptr_nonnull(v);
	ck_assert(g_ascii_isdigit(v[0]));
	ck_assert_ptr_nonnull(strchr(v, '.'));
}
END_TEST

static Suite *
segment_suite(void)
{
	Suite *s = suite_create("segment");
	TCase *tc = tcase_create("words");
	tcase_add_test(tc, test_chinese_words);
	tcase_add_test(tc, test_numbers_and_latin);
	tcase_add_test(tc, test_offsets_are_bytes);
	tcase_add_test(tc, test_empty_and_prefix);
	tcase_add_test(tc, test_version);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return unit_run(segment_suite());
}
