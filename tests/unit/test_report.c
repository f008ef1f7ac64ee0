/* test_report.c - report.c: messages that never send a control character to the terminal and
 * never quote a long value whole. */
#include "report.h"
#include "unit.h"

static char *
formatted(const char *file, const char *hint, const char *msg)
{
	g_autoptr(Report) r = report_new();
	report_error(r, DIAG_INPUT, file, 3, 7, hint, "%s", msg);
	return report_format(g_ptr_array_index(r->diags, 0));
}

START_TEST(test_plain_text_unchanged)
{
	g_autofree char *s = formatted("版面/a.xml", "用 \\ 分隔", "日报 \"x\" 一切正常");
	ck_assert_str_eq(s, "版面/a.xml:3:7: error: 日报 \"x\" 一切正常\n  hint: 用 \\ 分隔\n");
}
END_TEST

/* every control character, in the file, the message and the hint, as \xHH per byte */
START_TEST(test_controls_escaped)
{
	g_autofree char *s = formatted("a\x1b[2J.xml", "press \x07 then\ttab",
	                               "title \x1b]0;x\x07 del \x7f nel \xc2\x85");
	ck_assert_str_eq(s,
	                 "a\\x1b[2J.xml:3:7: error: title \\x1b]0;x\\x07 del \\x7f nel \\xc2\\x85\n"
	                 "  hint: press \\x07 then\\x09tab\n");
}
END_TEST

/* bidirectional controls and line separators cannot reorder or break a message */
START_TEST(test_bidi_escaped)
{
	g_autofree char *s = formatted("f.xml", NULL, "a\u202eb\u2066c\u2028d\u200fe");
	ck_assert_str_eq(s, "f.xml:3:7: error: a\\xe2\\x80\\xaeb\\xe2\\x81\\xa6c\\xe2\\x80\\xa8"
	                    "d\\xe2\\x80\\x8fe\n");
}
END_TEST

/* a newline inside a message cannot start a line that looks like another diagnostic */
START_TEST(test_newline_escaped)
{
	g_autofree char *s = formatted("f.xml", NULL, "one\nf.xml:1:1: error: forged");
	ck_assert_str_eq(s, "f.xml:3:7: error: one\\x0af.xml:1:1: error: forged\n");
}
END_TEST

/* bytes that are not UTF-8 (a file name from the disk) are written as \xHH */
START_TEST(test_broken_utf8_escaped)
{
	g_autofree char *s = formatted("\x9b\xff\xe4\xb8.xml", NULL, "x");
	ck_assert_str_eq(s, "\\x9b\\xff\\xe4\\xb8.xml:3:7: error: x\n");
}
END_TEST

START_TEST(test_clip)
{
	g_autoptr(Report) r = report_new();
	g_autofree char *forty = g_strnfill(40, 'a');
	g_autofree char *long_ascii = g_strnfill(100000, 'b');
	GString *cjk = g_string_new(NULL);
	const char *c;
	for (int i = 0; i < 50; i++)
		g_string_append(cjk, "长");
	ck_assert_ptr_eq(report_clip(r, forty), forty); /* short enough: itself */
	ck_assert_ptr_eq(report_clip(r, ""), (const char *)"");
	c = report_clip(r, long_ascii);
	ck_assert_int_eq(strlen(c), 40 + strlen("…"));
	ck_assert(g_str_has_suffix(c, "…"));
	c = report_clip(r, cjk->str); /* characters, not bytes */
	ck_assert_int_eq(g_utf8_strlen(c, -1), 41);
	ck_assert_int_eq(strncmp(c, cjk->str, 40 * 3), 0);
	/* a clipped value passed to report_add is copied into the message, then freed */
	report_error(r, DIAG_INPUT, "f", 1, 1, "h", "value \"%s\"", report_clip(r, long_ascii));
	ck_assert_int_eq(r->clips->len, 0);
	ck_assert_int_eq(strlen(unit_diag(r, 0)->msg), strlen("value \"\"") + 40 + strlen("…"));
	g_string_free(cjk, TRUE);
}
END_TEST

/* a broken sequence at the end is never read past */
START_TEST(test_clip_broken_utf8)
{
	g_autoptr(Report) r = report_new();
	g_autofree char *s = g_strnfill(45, 'x');
	s[39] = (char)0xf0; /* a 4-byte lead with only 5 bytes after it */
	ck_assert_ptr_nonnull(report_clip(r, s));
	s[42] = '\0';
	ck_assert_ptr_eq(report_clip(r, s), s);
}
END_TEST

/* beyond REPORT_MAX_DIAGS diagnostics are counted, not kept; one note says how many */
START_TEST(test_cap)
{
	g_autoptr(Report) r = report_new();
	g_autoptr(Report) part = report_new();
	const Diag *last;
	for (int i = 0; i < REPORT_MAX_DIAGS + 5; i++)
		report_warning(r, DIAG_LAYOUT, "f", i + 1, 1, "h", "w%d", i);
	report_error(r, DIAG_SYSTEM, "f", 1, 1, "h", "dropped, but still counted");
	ck_assert_int_eq(r->diags->len, REPORT_MAX_DIAGS + 1);
	ck_assert_int_eq(r->nwarnings, REPORT_MAX_DIAGS + 5);
	ck_assert_int_eq(r->nerrors, 1);
	ck_assert(report_has(r, DIAG_SYSTEM, REPORT_ERROR)); /* the exit status stays right */
	ck_assert(!report_has(r, DIAG_INPUT, REPORT_NOTE));
	ck_assert(!report_has(r, DIAG_LAYOUT, REPORT_ERROR));
	last = unit_diag(r, REPORT_MAX_DIAGS);
	ck_assert_int_eq(last->level, REPORT_NOTE);
	ck_assert_str_eq(last->msg, "6 more diagnostics not shown (only the first 1000 are)");
	/* moving a full report into another keeps the cap and sums what was dropped */
	for (int i = 0; i < REPORT_MAX_DIAGS + 2; i++)
		report_error(part, DIAG_INPUT, "g", 1, 1, "h", "e%d", i);
	report_move(r, part);
	ck_assert_int_eq(part->diags->len, 0);
	ck_assert_int_eq(part->ndropped, 0);
	ck_assert_int_eq(r->diags->len, REPORT_MAX_DIAGS + 1);
	ck_assert_int_eq(r->nerrors, 1 + REPORT_MAX_DIAGS + 2);
	ck_assert(report_has(r, DIAG_INPUT, REPORT_ERROR));
	ck_assert_str_eq(unit_diag(r, REPORT_MAX_DIAGS)->msg,
	                 "1008 more diagnostics not shown (only the first 1000 are)");
}
END_TEST

static Suite *
report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("report");
	tcase_add_test(tc, test_plain_text_unchanged);
	tcase_add_test(tc, test_controls_escaped);
	tcase_add_test(tc, test_newline_escaped);
	tcase_add_test(tc, test_bidi_escaped);
	tcase_add_test(tc, test_broken_utf8_escaped);
	tcase_add_test(tc, test_clip);
	tcase_add_test(tc, test_clip_broken_utf8);
	tcase_add_test(tc, test_cap);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return unit_run(report_suite());
}
