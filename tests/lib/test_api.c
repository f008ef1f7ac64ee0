/* test_api.c - libhuozi through its public header only (huozi.h): the handles, the diagnostics
 * and their exit status, writing to memory and to a descriptor, the output transaction, the proof
 * PDF, the message catalogues. */
#include <check.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <huozi.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *
sample(void)
{
	return g_build_filename(g_getenv("SOURCE_ROOT"), "samples", "edition", "edition.xml", NULL);
}

/* the index of the first diagnostic whose message contains phrase, or -1 */
static int
find(const HzDiags *d, const char *phrase)
{
	for (int i = 0; i < hz_diags_count(d); i++)
		if (strstr(hz_diag_message(d, i), phrase))
			return i;
	return -1;
}

START_TEST(test_version)
{
	ck_assert_ptr_nonnull(strchr(hz_version(), '.'));
}
END_TEST

START_TEST(test_missing_edition)
{
	HzDiags *d = hz_diags_new();
	HzEdition *e = hz_edition_load("/nonexistent/missing.xml", NULL, d);
	char *line;
	ck_assert_ptr_null(e);
	ck_assert_int_ge(hz_diags_count(d), 1);
	ck_assert_int_ge(hz_diags_errors(d), 1);
	ck_assert_int_eq(hz_diag_level(d, 0), HZ_ERROR);
	ck_assert_int_eq(hz_diag_kind(d, 0), HZ_DIAG_INPUT);
	ck_assert_ptr_nonnull(strstr(hz_diag_file(d, 0), "missing.xml"));
	ck_assert_int_eq(hz_diags_exit_status(d, 0), HZ_EXIT_INPUT);
	line = hz_diag_format(d, 0);
	ck_assert_ptr_nonnull(strstr(line, "missing.xml"));
	ck_assert_ptr_nonnull(strstr(line, ": error: "));
	hz_free(line);
	/* out of range */
	ck_assert_int_eq(hz_diag_level(d, hz_diags_count(d)), -1);
	ck_assert_ptr_null(hz_diag_message(d, -1));
	ck_assert_ptr_null(hz_diag_format(d, 99999));
	hz_diags_free(d);
	/* no diagnostics wanted */
	ck_assert_ptr_null(hz_edition_load("/nonexistent/missing.xml", NULL, NULL));
}
END_TEST

/* a diagnostic at file:line:col carries the line it points at, and the caret in its format */
START_TEST(test_diag_source)
{
	g_autofree char *dir = g_dir_make_tmp("huozi-api-XXXXXX", NULL);
	g_autofree char *path = g_build_filename(dir, "edition.xml", NULL);
	const char *xml = "<edition paper=\"p\" date=\"2026-11-28\" layout=\"broadsheet\">\n"
	                  "\t<page folio=\"01\" colr=\"1\"/>\n</edition>\n";
	HzDiags *d = hz_diags_new();
	char *text;
	int i;
	ck_assert(g_file_set_contents(path, xml, -1, NULL));
	ck_assert_ptr_null(hz_edition_load(path, NULL, d));
	ck_assert_int_ge(i = find(d, "unknown attribute colr on <page>"), 0);
	ck_assert_int_eq(hz_diag_line(d, i), 2);
	ck_assert_int_eq(hz_diag_col(d, i), 19);
	ck_assert_str_eq(hz_diag_source(d, i), "\t<page folio=\"01\" colr=\"1\"/>");
	ck_assert_int_eq(hz_diag_source_col(d, i), 19);
	ck_assert_int_eq(hz_diag_source_span(d, i), 4);
	text = hz_diag_format(d, i);
	/* the tab shown as spaces to column 8, the caret under colr */
	ck_assert_ptr_nonnull(strstr(text, "    2 |         <page folio=\"01\" colr=\"1\"/>\n"
	                                   "      |                          ^~~~\n"));
	hz_free(text);
	ck_assert_ptr_null(hz_diag_source(d, 99999));
	ck_assert_int_eq(hz_diag_source_col(d, -1), -1);
	hz_diags_free(d);
	g_unlink(path);
	g_rmdir(dir);
}
END_TEST

/* the same bytes in memory, through a descriptor and in a file */
START_TEST(test_memory_fd_file)
{
	g_autofree char *path = sample();
	g_autofree char *dir = g_dir_make_tmp("huozi-api-XXXXXX", NULL);
	g_autofree char *fdpath = g_build_filename(dir, "fd.pdf", NULL);
	g_autofree char *file = g_build_filename(dir, "file.pdf", NULL);
	g_autofree char *fdbytes = NULL, *filebytes = NULL;
	HzOptions *o = hz_options_new();
	HzDiags *d = hz_diags_new();
	HzEdition *e;
	unsigned char *buf = NULL;
	size_t len = 0;
	gsize n1, n2;
	int fd;

	hz_options_set_threads(o, 1);
	e = hz_edition_load(path, o, d);
	hz_options_free(o); /* the edition keeps its own copy */
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(hz_edition_pages(e), 2);
	ck_assert_int_gt(hz_edition_stories(e), 0);
	ck_assert_int_eq(hz_edition_overset_stories(e), 0);
	ck_assert_int_eq(hz_edition_write_pdf_memory(e, &buf, &len, d), HZ_EXIT_OK);
	ck_assert_ptr_nonnull(buf);
	ck_assert_uint_gt(len, 1000);
	ck_assert_int_eq(memcmp(buf, "%PDF-", 5), 0);
	fd = open(fdpath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(hz_edition_write_pdf_fd(e, fd, d), HZ_EXIT_OK);
	close(fd);
	ck_assert_int_eq(hz_edition_write(e, file, NULL, NULL, NULL, d), HZ_EXIT_OK);
	ck_assert(g_file_get_contents(fdpath, &fdbytes, &n1, NULL));
	ck_assert(g_file_get_contents(file, &filebytes, &n2, NULL));
	ck_assert_uint_eq(n1, len);
	ck_assert_uint_eq(n2, len);
	ck_assert_int_eq(memcmp(fdbytes, buf, len), 0);
	ck_assert_int_eq(memcmp(filebytes, buf, len), 0);
	ck_assert_int_eq(hz_diags_exit_status(d, 1), HZ_EXIT_OK);
	hz_free(buf);
	hz_edition_free(e);
	hz_diags_free(d);
	g_unlink(fdpath);
	g_unlink(file);
	g_rmdir(dir);
}
END_TEST

/* a bad page selection, two outputs onto one file: refused, nothing written */
START_TEST(test_transaction)
{
	g_autofree char *path = sample();
	g_autofree char *dir = g_dir_make_tmp("huozi-api-XXXXXX", NULL);
	g_autofree char *pdf = g_build_filename(dir, "out.pdf", NULL);
	g_autofree char *split = g_build_filename(dir, "split", NULL);
	HzOptions *o = hz_options_new();
	HzDiags *d = hz_diags_new();
	HzEdition *e;
	int i;

	hz_options_set_pages(o, "9");
	e = hz_edition_load(path, o, d);
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(hz_edition_write(e, pdf, split, NULL, NULL, d), HZ_EXIT_INPUT);
	ck_assert_int_ge(i = find(d, "--pages 9: the edition has pages 1 to 2"), 0);
	ck_assert_int_eq(hz_diag_kind(d, i), HZ_DIAG_INPUT);
	ck_assert(!g_file_test(pdf, G_FILE_TEST_EXISTS));
	ck_assert(!g_file_test(split, G_FILE_TEST_EXISTS));
	hz_edition_free(e);
	hz_diags_free(d);

	d = hz_diags_new();
	hz_options_set_pages(o, NULL);
	e = hz_edition_load(path, o, d);
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(hz_edition_write(e, pdf, split, NULL, pdf, d), HZ_EXIT_INPUT);
	ck_assert_int_ge(hz_diags_errors(d), 1);
	ck_assert(!g_file_test(pdf, G_FILE_TEST_EXISTS));
	ck_assert(!g_file_test(split, G_FILE_TEST_EXISTS));
	/* then a good run writes them all */
	hz_diags_free(d);
	d = hz_diags_new();
	ck_assert_int_eq(hz_edition_write(e, pdf, split, NULL, NULL, d), HZ_EXIT_OK);
	ck_assert(g_file_test(pdf, G_FILE_TEST_IS_REGULAR));
	ck_assert(g_file_test(split, G_FILE_TEST_IS_DIR));
	hz_edition_free(e);
	hz_diags_free(d);
	hz_options_free(o);
	{
		GDir *g = g_dir_open(split, 0, NULL);
		const char *name;
		int n = 0;
		while ((name = g_dir_read_name(g))) {
			g_autofree char *f = g_build_filename(split, name, NULL);
			n++;
			g_unlink(f);
		}
		g_dir_close(g);
		ck_assert_int_eq(n, 2);
	}
	g_rmdir(split);
	g_unlink(pdf);
	g_rmdir(dir);
}
END_TEST

/* the proof overlay goes to the proof PDF only: -o and the memory PDF stay as without it */
START_TEST(test_proof_pdf)
{
	g_autofree char *path = sample();
	g_autofree char *dir = g_dir_make_tmp("huozi-api-XXXXXX", NULL);
	g_autofree char *pdf = g_build_filename(dir, "out.pdf", NULL);
	g_autofree char *proof = g_build_filename(dir, "proof.pdf", NULL);
	g_autofree char *pdfbytes = NULL, *proofbytes = NULL;
	HzOptions *o = hz_options_new();
	HzDiags *d = hz_diags_new();
	HzEdition *plain, *e;
	unsigned char *buf = NULL, *plainbuf = NULL;
	size_t len = 0, plainlen = 0;
	gsize n1, n2;

	plain = hz_edition_load(path, o, d);
	ck_assert_ptr_nonnull(plain);
	ck_assert_int_eq(hz_edition_write_pdf_memory(plain, &plainbuf, &plainlen, d), HZ_EXIT_OK);
	hz_options_set_proof(o, 1);
	hz_options_set_proof_pdf(o, proof);
	e = hz_edition_load(path, o, d);
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(hz_edition_write(e, pdf, NULL, NULL, NULL, d), HZ_EXIT_OK);
	ck_assert(g_file_get_contents(pdf, &pdfbytes, &n1, NULL));
	ck_assert(g_file_get_contents(proof, &proofbytes, &n2, NULL));
	ck_assert_uint_eq(n1, plainlen);
	ck_assert_int_eq(memcmp(pdfbytes, plainbuf, plainlen), 0);
	ck_assert(n2 != plainlen || memcmp(proofbytes, plainbuf, plainlen) != 0);
	/* the memory PDF is the -o one, and writes no proof PDF */
	g_unlink(proof);
	ck_assert_int_eq(hz_edition_write_pdf_memory(e, &buf, &len, d), HZ_EXIT_OK);
	ck_assert_uint_eq(len, plainlen);
	ck_assert_int_eq(memcmp(buf, plainbuf, len), 0);
	ck_assert(!g_file_test(proof, G_FILE_TEST_EXISTS));
	hz_free(buf);
	hz_free(plainbuf);
	hz_edition_free(e);
	hz_edition_free(plain);
	hz_options_free(o);
	hz_diags_free(d);
	g_unlink(pdf);
	g_rmdir(dir);
}
END_TEST

/* the catalogues the library binds: the build tree's, with the Chinese one */
START_TEST(test_locale_dir)
{
	g_autofree char *mo =
	    g_build_filename(hz_locale_dir(), "zh_CN", "LC_MESSAGES", HZ_TEXTDOMAIN ".mo", NULL);
	ck_assert_msg(g_file_test(mo, G_FILE_TEST_IS_REGULAR), "no %s", mo);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("api");
	TCase *tc = tcase_create("api");
	SRunner *sr;
	int failed;
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_version);
	tcase_add_test(tc, test_missing_edition);
	tcase_add_test(tc, test_diag_source);
	tcase_add_test(tc, test_memory_fd_file);
	tcase_add_test(tc, test_transaction);
	tcase_add_test(tc, test_proof_pdf);
	tcase_add_test(tc, test_locale_dir);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
