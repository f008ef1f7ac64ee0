/* test_infile.c - infile: confinement beneath a folder, file types, bounded reads; and the
 * painter drawing the bytes the model read, never a file opened again by name. */
#include "infile.h"
#include "out_cairo.h"
#include "pipeline.h"
#include "unit.h"
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

static InFileStatus
read_in(const InDir *d, const char *name, gsize max, GBytes **b, Report *r)
{
	return infile_read(d, name, name, max, b, NULL, r);
}

START_TEST(test_regular_and_limit)
{
	g_autoptr(Report) r = report_new();
	g_autofree char *dir = unit_tmpdir();
	g_autoptr(InDir) d = infile_dir_open(dir, true, r);
	g_autoptr(GBytes) b = NULL;
	g_free(unit_write(dir, "f.txt", "0123456789"));
	ck_assert_int_eq(read_in(d, "f.txt", 10, &b, r), INFILE_OK);
	ck_assert_uint_eq(g_bytes_get_size(b), 10);
	g_clear_pointer(&b, g_bytes_unref);
	ck_assert_int_eq(read_in(d, "f.txt", 9, &b, r), INFILE_FAILED);
	ck_assert_ptr_null(b);
	UNIT_ASSERT_ERROR_AT(r, "f.txt", 0, 0, "file too large: 10 bytes (limit 9 bytes)");
	unit_rmtree(dir);
}
END_TEST

/* a file read before (its identity in the set) is not read again, under any of its names */
START_TEST(test_seen_not_read_again)
{
	g_autoptr(Report) r = report_new();
	g_autofree char *dir = unit_tmpdir();
	g_autofree char *f = unit_write(dir, "f.png", "0123456789");
	g_autofree char *g = g_build_filename(dir, "g.png", NULL);
	g_autoptr(InDir) d = infile_dir_open(dir, true, r);
	g_autoptr(GHashTable) seen =
	    g_hash_table_new_full(infile_id_hash, infile_id_equal, g_free, NULL);
	g_autoptr(GBytes) b = NULL;
	InFileId id = {0}, again = {0};
	ck_assert_int_eq(link(f, g), 0);
	ck_assert_int_eq(infile_read_unseen(d, "f.png", "f.png", 100, seen, &b, &id, r), INFILE_OK);
	ck_assert_uint_eq(g_bytes_get_size(b), 10);
	g_clear_pointer(&b, g_bytes_unref);
	g_hash_table_add(seen, g_memdup2(&id, sizeof id));
	ck_assert_int_eq(infile_read_unseen(d, "g.png", "g.png", 100, seen, &b, &again, r),
	                 INFILE_OK);
	ck_assert_ptr_null(b);
	ck_assert(infile_id_equal(&id, &again));
	/* the checks before the set still hold: too large is refused, seen or not */
	ck_assert_int_eq(infile_read_unseen(d, "g.png", "g.png", 5, seen, &b, &again, r),
	                 INFILE_FAILED);
	ck_assert_int_eq(r->nerrors, 1);
	unit_rmtree(dir);
}
END_TEST

START_TEST(test_limit_text)
{
	g_autofree char *a = infile_limit_text(16 * 1024 * 1024);
	g_autofree char *b = infile_limit_text(1000);
	ck_assert_str_eq(a, "16 MB");
	ck_assert_str_eq(b, "1000 bytes");
}
END_TEST

START_TEST(test_special_files_refused)
{
	g_autoptr(Report) r = report_new();
	g_autofree char *dir = unit_tmpdir();
	g_autofree char *fifo = g_build_filename(dir, "fifo", NULL);
	g_autofree char *sock = g_build_filename(dir, "sock", NULL);
	g_autoptr(InDir) d = infile_dir_open(dir, true, r);
	g_autoptr(GBytes) b = NULL;
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	int s = socket(AF_UNIX, SOCK_STREAM, 0);

	ck_assert_int_eq(mkfifo(fifo, 0644), 0);
	g_strlcpy(sa.sun_path, sock, sizeof sa.sun_path);
	ck_assert_int_eq(bind(s, (struct sockaddr *)&sa, sizeof sa), 0);
	/* no writer: a blocking open would hang here */
	ck_assert_int_eq(read_in(d, "fifo", 100, &b, r), INFILE_FAILED);
	UNIT_ASSERT_ERROR_AT(r, "fifo", 0, 0, "is a FIFO (named pipe), not a regular file");
	ck_assert_int_eq(read_in(d, "sock", 100, &b, r), INFILE_FAILED);
	UNIT_ASSERT_ERROR_AT(r, "sock", 0, 0, "is a socket, not a regular file");
	ck_assert_int_eq(read_in(NULL, "/dev/zero", 100, &b, r), INFILE_FAILED);
	UNIT_ASSERT_ERROR_AT(r, "/dev/zero", 0, 0, "is a character device, not a regular file");
	ck_assert_int_eq(read_in(d, ".", 100, &b, r), INFILE_FAILED);
	UNIT_ASSERT_ERROR_AT(r, ".", 0, 0, "is a directory");
	ck_assert_int_eq(r->nerrors, 4);
	close(s);
	unit_rmtree(dir);
}
END_TEST

START_TEST(test_confined)
{
	g_autoptr(Report) r = report_new();
	g_autofree char *top = unit_tmpdir();
	g_autofree char *dir = g_build_filename(top, "ed", NULL);
	g_autofree char *abs_in = NULL, *link = NULL;
	g_autoptr(InDir) d = NULL, loose = NULL;
	g_autoptr(GBytes) b = NULL;

	g_free(unit_write(top, "secret.txt", "secret"));
	abs_in = unit_write(dir, "in.txt", "inside");
	d = infile_dir_open(dir, true, r);
	loose = infile_dir_open(dir, false, r);
	link = g_build_filename(dir, "up.txt", NULL);
	ck_assert_int_eq(symlink("../secret.txt", link), 0);
	g_free(link);
	link = g_build_filename(dir, "abs.txt", NULL);
	ck_assert_int_eq(symlink(abs_in, link), 0);

	ck_assert_int_eq(read_in(d, "../secret.txt", 100, &b, r), INFILE_OUTSIDE);
	ck_assert_int_eq(read_in(d, "up.txt", 100, &b, r), INFILE_OUTSIDE);
	ck_assert_int_eq(read_in(d, abs_in, 100, &b, r), INFILE_OUTSIDE);
	ck_assert_int_eq(read_in(d, "../missing.txt", 100, &b, r), INFILE_OUTSIDE);
	ck_assert_int_eq(r->nerrors, 0); /* the caller reports it where the name is written */
	/* an absolute symlink to a file inside, and ".." that comes back, stay inside */
	ck_assert_int_eq(read_in(d, "abs.txt", 100, &b, r), INFILE_OK);
	g_clear_pointer(&b, g_bytes_unref);
	ck_assert_int_eq(read_in(d, "../ed/in.txt", 100, &b, r), INFILE_OK);
	g_clear_pointer(&b, g_bytes_unref);
	/* not confined: anything */
	ck_assert_int_eq(read_in(loose, "up.txt", 100, &b, r), INFILE_OK);
	ck_assert(g_bytes_get_size(b) == 6 && memcmp(g_bytes_get_data(b, NULL), "secret", 6) == 0);
	unit_rmtree(top);
}
END_TEST

/* the same, on the path for kernels without openat2 */
START_TEST(test_confined_without_openat2)
{
	infile_use_openat2(false);
	test_confined_fn(_i);
	infile_use_openat2(true);
}
END_TEST

static char *
copy_fixture(const char *dir, const char *rel)
{
	g_autofree char *src = g_build_filename("tests/hostile/fixture", rel, NULL);
	g_autofree char *from = unit_source_path(src);
	g_autofree char *data = NULL;
	g_autofree char *to = g_build_filename(dir, rel, NULL);
	g_autofree char *parent = g_path_get_dirname(to);
	gsize n = 0;
	ck_assert(g_file_get_contents(from, &data, &n, NULL));
	ck_assert_int_eq(g_mkdir_with_parents(parent, 0755), 0);
	ck_assert(g_file_set_contents(to, data, (gssize)n, NULL));
	return g_steal_pointer(&to);
}

/* Issue 10 class 4: the images are read when the edition is read; swapping them for
 * symlinks to files outside the folder before the PDF is written changes nothing. */
START_TEST(test_swap_after_read_changes_nothing)
{
	g_autoptr(Report) r = report_new();
	g_autofree char *top = unit_tmpdir();
	g_autofree char *dir = g_build_filename(top, "ed", NULL);
	g_autofree char *edition = copy_fixture(dir, "edition.xml");
	g_autofree char *jpg = copy_fixture(dir, "images/y.jpg");
	g_autofree char *png = copy_fixture(dir, "images/x.png");
	g_autofree char *out = g_build_filename(top, "out.pdf", NULL);
	g_autofree char *outside_jpg = NULL, *orig = NULL, *bad = NULL, *pdf = NULL;
	gsize norig = 0, npdf = 0;
	g_autofree char *conf = unit_fonts_conf();
	PipelineOptions po = {.fonts_conf = conf, .last = STAGE_DLIST, .threads = 1};
	OutOptions oo = {.date = "2026-11-28"};
	g_autoptr(Pipeline) p = NULL;

	g_free(copy_fixture(dir, "stories/a.txt"));
	g_free(copy_fixture(dir, "stories/b.txt"));
	g_free(copy_fixture(dir, "layout.xml"));
	ck_assert(g_file_get_contents(jpg, &orig, &norig, NULL));
	p = pipeline_run(edition, &po, r);
	ck_assert_msg(p != NULL, "%s", unit_report_text(r));

	/* the outside JPEG differs from the one read in its middle */
	bad = g_memdup2(orig, norig);
	memcpy(bad + norig / 2, "OUTSIDE-OUTSIDE!", 16);
	outside_jpg = unit_write(top, "outside.jpg", "");
	ck_assert(g_file_set_contents(outside_jpg, bad, (gssize)norig, NULL));
	g_free(unit_write(top, "outside.png", "not a PNG at all"));
	ck_assert_int_eq(unlink(jpg), 0);
	ck_assert_int_eq(symlink("../../outside.jpg", jpg), 0);
	ck_assert_int_eq(unlink(png), 0);
	ck_assert_int_eq(symlink("../../outside.png", png), 0);

	ck_assert_msg(out_pdf(p->dlist, &oo, out, out, r), "%s", unit_report_text(r));
	ck_assert(g_file_get_contents(out, &pdf, &npdf, NULL));
	ck_assert_msg(memmem(pdf, npdf, orig, norig) != NULL, "the JPEG read is not in the PDF");
	ck_assert_msg(memmem(pdf, npdf, "OUTSIDE-OUTSIDE!", 16) == NULL,
	              "the outside JPEG reached the PDF");
	unit_rmtree(top);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("infile");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_regular_and_limit);
	tcase_add_test(tc, test_limit_text);
	tcase_add_test(tc, test_seen_not_read_again);
	tcase_add_test(tc, test_special_files_refused);
	tcase_add_test(tc, test_confined);
	tcase_add_test(tc, test_confined_without_openat2);
	tcase_add_test(tc, test_swap_after_read_changes_nothing);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
