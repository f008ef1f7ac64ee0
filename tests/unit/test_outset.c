/* test_outset.c - outset.c (outputs checked by identity, committed together) and tempfile.c. */
#include "outset.h"
#include "tempfile.h"
#include "unit.h"
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

/* An edition folder with edition.xml and one story; a Model that names them (no layout). */
typedef struct {
	char *dir, *edition, *story;
	ModelStory ms;
	Model m;
} Ed;

static void
ed_init(Ed *e)
{
	e->dir = unit_tmpdir();
	e->edition = unit_write(e->dir, "ed/edition.xml", "<edition/>\n");
	e->story = unit_write(e->dir, "ed/stories/a.txt", "headline: x\n\nbody\n");
	e->ms = (ModelStory){.src = e->story};
	e->m = (Model){.file = e->edition, .stories = &e->ms, .nstories = 1};
}

static void
ed_done(Ed *e)
{
	unit_rmtree(e->dir);
	g_free(e->dir);
	g_free(e->edition);
	g_free(e->story);
}

static char *
path(const Ed *e, const char *rel)
{
	return g_build_filename(e->dir, rel, NULL);
}

static void
put(const char *tmp, const char *text)
{
	int err = 0, fd = tempfile_open(tmp, &err);
	tempfile_write(fd, text, strlen(text), &err);
	tempfile_close(fd, &err);
	ck_assert_int_eq(err, 0);
}

static char *
get(const char *p)
{
	char *s = NULL;
	ck_assert_msg(g_file_get_contents(p, &s, NULL, NULL), "cannot read %s", p);
	return s;
}

START_TEST(test_hard_link_to_input_refused)
{
	Ed e;
	g_autoptr(Report) r = report_new();
	ed_init(&e);
	g_autofree char *hard = path(&e, "hard.pdf");
	ck_assert_int_eq(link(e.story, hard), 0);
	g_autoptr(OutSet) s = outset_new();
	outset_add_file(s, hard, "-o", "PDF");
	ck_assert(!outset_check(s, &e.m, r));
	ck_assert_int_eq(r->nerrors, 1);
	ck_assert_str_eq(unit_diag(r, 0)->msg,
	                 "the output would overwrite an input of the edition (stories/a.txt)");
	ck_assert_str_eq(unit_diag(r, 0)->file, hard);
	ck_assert_int_eq(unit_diag(r, 0)->kind, DIAG_INPUT);
	ed_done(&e);
}
END_TEST

START_TEST(test_same_new_file_two_spellings)
{
	Ed e;
	g_autoptr(Report) r = report_new();
	ed_init(&e);
	g_autofree char *a = path(&e, "out/x");
	g_autofree char *b = path(&e, "ed/../out/./x"); /* out/ does not exist either */
	g_autoptr(OutSet) s = outset_new();
	outset_add_file(s, a, "-o", "PDF");
	outset_add_file(s, b, "--report", "report");
	ck_assert(!outset_check(s, &e.m, r));
	ck_assert_int_eq(r->nerrors, 1);
	ck_assert_str_eq(unit_diag(r, 0)->msg,
	                 "the PDF (-o) and the report (--report) would be the same file");
	ck_assert_str_eq(unit_diag(r, 0)->file, b);
	ed_done(&e);
}
END_TEST

START_TEST(test_commit_all)
{
	Ed e;
	g_autoptr(Report) r = report_new();
	ed_init(&e);
	g_autofree char *pdf = path(&e, "out.pdf");
	g_autofree char *dir = path(&e, "new/pages");
	g_autoptr(OutSet) s = outset_new();
	int a = outset_add_file(s, pdf, "-o", "PDF");
	int f = outset_add_folder(s, dir, "--split");
	int b = outset_add_in_folder(s, f, "p1.pdf", "--split", "PDF of page 1");
	ck_assert(outset_check(s, &e.m, r));
	ck_assert(outset_open(s, r));
	ck_assert(!g_file_test(pdf, G_FILE_TEST_EXISTS));
	put(outset_tmp(s, a), "one");
	put(outset_tmp(s, b), "two");
	ck_assert(!g_file_test(outset_shown(s, b), G_FILE_TEST_EXISTS)); /* not before the end */
	ck_assert(outset_commit(s, true, r));
	ck_assert_int_eq(r->nerrors, 0);
	g_autofree char *x = get(pdf);
	g_autofree char *y = get(outset_shown(s, b));
	ck_assert_str_eq(x, "one");
	ck_assert_str_eq(y, "two");
	g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
	ck_assert_str_eq(g_dir_read_name(d), "p1.pdf"); /* the temporary folder is gone */
	ck_assert_ptr_null(g_dir_read_name(d));
	ed_done(&e);
}
END_TEST

START_TEST(test_commit_nothing)
{
	Ed e;
	g_autoptr(Report) r = report_new();
	ed_init(&e);
	g_autofree char *pdf = path(&e, "out.pdf");
	g_autofree char *top = path(&e, "new");
	g_autofree char *dir = path(&e, "new/pages");
	g_free(unit_write(e.dir, "out.pdf", "old"));
	OutSet *s = outset_new();
	int a = outset_add_file(s, pdf, "-o", "PDF");
	int f = outset_add_folder(s, dir, "--split");
	int b = outset_add_in_folder(s, f, "p1.pdf", "--split", "PDF of page 1");
	ck_assert(outset_check(s, &e.m, r));
	ck_assert(outset_open(s, r));
	put(outset_tmp(s, a), "new");
	put(outset_tmp(s, b), "new");
	ck_assert(!outset_commit(s, false, r));
	outset_free(s);
	g_autofree char *x = get(pdf);
	ck_assert_str_eq(x, "old");
	ck_assert(!g_file_test(top, G_FILE_TEST_EXISTS)); /* the folders it made are gone */
	g_autoptr(GDir) d = g_dir_open(e.dir, 0, NULL);
	for (const char *n; (n = g_dir_read_name(d));)
		ck_assert_msg(!g_str_has_suffix(n, ".part"), "left %s", n);
	ed_done(&e);
}
END_TEST

START_TEST(test_symlink_followed_and_dangling_refused)
{
	Ed e;
	g_autoptr(Report) r = report_new();
	ed_init(&e);
	g_autofree char *target = unit_write(e.dir, "keep/real.json", "old");
	g_autofree char *link = path(&e, "link.json");
	g_autofree char *dangling = path(&e, "dangling.json");
	ck_assert_int_eq(symlink("keep/real.json", link), 0);
	ck_assert_int_eq(symlink("nowhere.json", dangling), 0);
	g_autoptr(OutSet) bad = outset_new();
	outset_add_file(bad, dangling, "--report", "report");
	ck_assert(!outset_check(bad, &e.m, r));
	ck_assert_str_eq(
	    unit_diag(r, 0)->msg,
	    "the output is a symbolic link to a file that does not exist (nowhere.json)");
	g_autoptr(OutSet) s = outset_new();
	int a = outset_add_file(s, link, "--report", "report");
	ck_assert(outset_check(s, &e.m, r));
	ck_assert(outset_open(s, r));
	put(outset_tmp(s, a), "new");
	ck_assert(outset_commit(s, true, r));
	ck_assert(g_file_test(link, G_FILE_TEST_IS_SYMLINK));
	g_autofree char *x = get(target);
	ck_assert_str_eq(x, "new");
	ed_done(&e);
}
END_TEST

START_TEST(test_fifo_and_folder_refused)
{
	Ed e;
	g_autoptr(Report) r = report_new();
	ed_init(&e);
	g_autofree char *fifo = path(&e, "out.fifo");
	g_autofree char *dir = path(&e, "ed");
	ck_assert_int_eq(mkfifo(fifo, 0644), 0);
	g_autoptr(OutSet) s = outset_new();
	outset_add_file(s, fifo, "-o", "PDF");
	outset_add_file(s, dir, "--report", "report");
	ck_assert(!outset_check(s, &e.m, r));
	ck_assert_int_eq(r->nerrors, 2);
	ck_assert_str_eq(unit_diag(r, 0)->msg, "the output is a FIFO (named pipe), not a file");
	ck_assert_str_eq(unit_diag(r, 0)->hint, "name a regular file, or - for standard output");
	ck_assert_str_eq(unit_diag(r, 1)->msg, "the output is a folder, not a file");
	ed_done(&e);
}
END_TEST

START_TEST(test_write_error_kept)
{
	int err = 0, fd = open("/dev/full", O_WRONLY);
	ck_assert_int_ge(fd, 0);
	tempfile_write(fd, "x", 1, &err);
	ck_assert_int_eq(err, ENOSPC);
	tempfile_write(fd, "y", 1, &err); /* the first error stays */
	ck_assert_int_eq(err, ENOSPC);
	close(fd);
	ck_assert_str_eq(tempfile_hint(ENOSPC),
	                 "free some space on that disk, or write the output somewhere else");
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("outset");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_hard_link_to_input_refused);
	tcase_add_test(tc, test_same_new_file_two_spellings);
	tcase_add_test(tc, test_commit_all);
	tcase_add_test(tc, test_commit_nothing);
	tcase_add_test(tc, test_symlink_followed_and_dangling_refused);
	tcase_add_test(tc, test_fifo_and_folder_refused);
	tcase_add_test(tc, test_write_error_kept);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
