/* test_textfile.c - textfile.c (safe reading, UTF-8 checks, positions) and report.c. */
#include "textfile.h"
#include "unit.h"

START_TEST(test_position)
{
	const char *t = "ab\n中文x\n\nz";
	int line = 0, col = 0;
	textfile_position(t, 0, &line, &col);
	ck_assert_int_eq(line, 1);
	ck_assert_int_eq(col, 1);
	textfile_position(t, 2, &line, &col); /* the newline itself */
	ck_assert_int_eq(line, 1);
	ck_assert_int_eq(col, 3);
	textfile_position(t, 3, &line, &col); /* 中 */
	ck_assert_int_eq(line, 2);
	ck_assert_int_eq(col, 1);
	textfile_position(t, 9, &line, &col); /* x: columns count characters, not bytes */
	ck_assert_int_eq(line, 2);
	ck_assert_int_eq(col, 3);
	textfile_position(t, 12, &line, &col); /* z */
	ck_assert_int_eq(line, 4);
	ck_assert_int_eq(col, 1);
}
END_TEST

START_TEST(test_utf8_ok)
{
	g_autoptr(Report) r = report_new();
	const char *t = "标题\tok\r\n第二行\n";
	ck_assert(textfile_check_utf8("a.txt", t, strlen(t), r));
	ck_assert_int_eq(r->diags->len, 0);
	ck_assert_int_eq(r->nerrors, 0);
}
END_TEST

START_TEST(test_utf8_invalid)
{
	g_autoptr(Report) r = report_new();
	const char t[] = "一行\n中文\xff后";
	ck_assert(!textfile_check_utf8("a.txt", t, sizeof t - 1, r));
	ck_assert_int_eq(r->nerrors, 1);
	UNIT_ASSERT_ERROR_AT(r, "a.txt", 2, 3, "invalid UTF-8 (byte 0xff)");
	ck_assert_int_eq(unit_diag(r, 0)->kind, DIAG_INPUT);
	ck_assert_str_eq(unit_diag(r, 0)->hint, "save the file as UTF-8");
}
END_TEST

START_TEST(test_utf8_control_and_nul)
{
	g_autoptr(Report) r = report_new();
	const char t[] = "ab\ncd\x01";
	const char z[] = "x\0y";
	ck_assert(!textfile_check_utf8("c.txt", t, sizeof t - 1, r));
	UNIT_ASSERT_ERROR_AT(r, "c.txt", 2, 3, "control character U+0001");
	ck_assert(!textfile_check_utf8("z.txt", z, sizeof z - 1, r));
	ck_assert_int_eq(r->nerrors, 2);
	ck_assert_str_eq(unit_diag(r, 1)->file, "z.txt");
	ck_assert_int_eq(unit_diag(r, 1)->line, 1);
	ck_assert_int_eq(unit_diag(r, 1)->col, 2);
}
END_TEST

START_TEST(test_utf8_del_and_noncharacter)
{
	g_autoptr(Report) r = report_new();
	const char del[] = "a\x7f";
	const char nonch[] = "中\n文\xef\xbf\xbf"; /* U+FFFF */
	const char fdd0[] = "\xef\xb7\x90";        /* U+FDD0 */
	ck_assert(!textfile_check_utf8("d.txt", del, sizeof del - 1, r));
	UNIT_ASSERT_ERROR_AT(r, "d.txt", 1, 2, "control character U+007F");
	ck_assert(!textfile_check_utf8("n.txt", nonch, sizeof nonch - 1, r));
	UNIT_ASSERT_ERROR_AT(r, "n.txt", 2, 2, "noncharacter U+FFFF");
	ck_assert(!textfile_check_utf8("f.txt", fdd0, sizeof fdd0 - 1, r));
	UNIT_ASSERT_ERROR_AT(r, "f.txt", 1, 1, "noncharacter U+FDD0");
}
END_TEST

/* C1 controls (U+0080 to U+009F: NEL, CSI...) are refused like C0 ones; U+00A0 is text */
START_TEST(test_utf8_c1)
{
	g_autoptr(Report) r = report_new();
	const char csi[] = "中文\n ab\xc2\x9b[2J";
	const char nbsp[] = "a\xc2\xa0"
	                    "b";
	ck_assert(!textfile_check_utf8("c.txt", csi, sizeof csi - 1, r));
	UNIT_ASSERT_ERROR_AT(r, "c.txt", 2, 4, "control character U+009B");
	ck_assert(textfile_check_utf8("n.txt", nbsp, sizeof nbsp - 1, r));
}
END_TEST

START_TEST(test_read_ok_and_limits)
{
	g_autoptr(Report) r = report_new();
	g_autofree char *dir = unit_tmpdir();
	g_autofree char *path = unit_write(dir, "f.txt", "0123456789");
	char *data = NULL;
	gsize len = 0;
	ck_assert(textfile_read(path, 10, &data, &len, r));
	ck_assert_uint_eq(len, 10);
	ck_assert_str_eq(data, "0123456789");
	g_free(data);
	data = NULL;
	ck_assert(!textfile_read(path, 9, &data, &len, r));
	ck_assert_ptr_null(data);
	UNIT_ASSERT_ERROR_AT(r, path, 0, 0, "file too large: 10 bytes (limit 9 bytes)");
	unit_rmtree(dir);
}
END_TEST

START_TEST(test_read_missing_and_directory)
{
	g_autoptr(Report) r = report_new();
	g_autofree char *dir = unit_tmpdir();
	g_autofree char *missing = g_build_filename(dir, "nope.txt", NULL);
	char *data = NULL;
	gsize len = 0;
	ck_assert(!textfile_read(missing, 100, &data, &len, r));
	UNIT_ASSERT_ERROR_AT(r, missing, 0, 0, "cannot open file: No such file or directory");
	ck_assert(!textfile_read(dir, 100, &data, &len, r));
	UNIT_ASSERT_ERROR_AT(r, dir, 0, 0, "is a directory");
	ck_assert_int_eq(r->nerrors, 2);
	ck_assert(report_has(r, DIAG_INPUT, REPORT_ERROR));
	unit_rmtree(dir);
}
END_TEST

START_TEST(test_report_format_and_counts)
{
	g_autoptr(Report) r = report_new();
	g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;
	report_error(r, DIAG_INPUT, "e.xml", 3, 5, "fix it", "bad %s", "thing");
	report_warning(r, DIAG_LAYOUT, "e.xml", 7, 0, NULL, "loose line");
	report_add(r, REPORT_NOTE, DIAG_INPUT, NULL, 0, 0, NULL, "just a note");
	report_error(r, DIAG_OVERSET, "s.txt", 0, 9, NULL, "overset");
	ck_assert_int_eq(r->nerrors, 2);
	ck_assert_int_eq(r->nwarnings, 1);
	ck_assert_uint_eq(r->diags->len, 4);
	a = report_format(unit_diag(r, 0));
	b = report_format(unit_diag(r, 1));
	c = report_format(unit_diag(r, 2));
	d = report_format(unit_diag(r, 3));
	ck_assert_str_eq(a, "e.xml:3:5: error: bad thing\n  hint: fix it\n");
	ck_assert_str_eq(b, "e.xml:7: warning: loose line\n");
	ck_assert_str_eq(c, "note: just a note\n");
	ck_assert_str_eq(d, "s.txt: error: overset\n"); /* a column without a line is not shown */
	ck_assert(report_has(r, DIAG_INPUT, REPORT_NOTE));
	ck_assert(report_has(r, DIAG_INPUT, REPORT_ERROR));
	ck_assert(report_has(r, DIAG_LAYOUT, REPORT_WARNING));
	ck_assert(!report_has(r, DIAG_LAYOUT, REPORT_ERROR));
	ck_assert(!report_has(r, DIAG_GLYPH, REPORT_NOTE));
}
END_TEST

static Suite *
textfile_suite(void)
{
	Suite *s = suite_create("textfile");
	TCase *tc = tcase_create("textfile");
	TCase *rep = tcase_create("report");
	tcase_add_test(tc, test_position);
	tcase_add_test(tc, test_utf8_ok);
	tcase_add_test(tc, test_utf8_invalid);
	tcase_add_test(tc, test_utf8_control_and_nul);
	tcase_add_test(tc, test_utf8_del_and_noncharacter);
	tcase_add_test(tc, test_utf8_c1);
	tcase_add_test(tc, test_read_ok_and_limits);
	tcase_add_test(tc, test_read_missing_and_directory);
	tcase_add_test(rep, test_report_format_and_counts);
	suite_add_tcase(s, tc);
	suite_add_tcase(s, rep);
	return s;
}

int
main(void)
{
	return unit_run(textfile_suite());
}
