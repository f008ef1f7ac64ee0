/* test_imagecheck.c - imagecheck: images checked whole on a thread, and what a broken one does
 * to the pipeline's report. */
#include "imagecheck.h"
#include "pipeline.h"
#include "unit.h"

static GBytes *
fixture(const char *name, gsize cut)
{
	g_autofree char *rel = g_build_filename("tests/hostile/fixture/images", name, NULL);
	g_autofree char *path = unit_source_path(rel);
	char *data = NULL;
	gsize n = 0;
	ck_assert(g_file_get_contents(path, &data, &n, NULL));
	ck_assert_uint_gt(n, cut);
	return g_bytes_new_take(data, n - cut);
}

/* every diagnostic as text (unit_report_text keeps its string, for failure messages only) */
static char *
report_text(const Report *r)
{
	GString *s = g_string_new(NULL);
	for (guint i = 0; i < r->diags->len; i++) {
		g_autofree char *line = report_format(g_ptr_array_index(r->diags, i));
		g_string_append(s, line);
	}
	return g_string_free(s, FALSE);
}

static void
add(ImageChecks *c, GBytes *b)
{
	g_autoptr(Report) r = report_new();
	ImageInfo info = {0};
	ck_assert_msg(image_probe(b, "x", "e.xml", 1, 1, &info, r), "%s", unit_report_text(r));
	image_checks_add(c, b, &info);
}

START_TEST(test_whole_images_pass)
{
	g_autoptr(GBytes) png = fixture("x.png", 0), jpg = fixture("y.jpg", 0);
	g_autoptr(ImageChecks) c = image_checks_new();
	add(c, png);
	add(c, jpg);
	image_checks_close(c);
	ck_assert(image_checks_passed(c));
	ck_assert(image_checks_passed(c)); /* asked again: the same answer */
}
END_TEST

/* a PNG cut inside its image data probes fine (its header is whole) and fails the check, after
 * a whole one or before it */
START_TEST(test_cut_png_fails)
{
	g_autoptr(GBytes) png = fixture("x.png", 0), cut = fixture("x.png", 40);
	g_autoptr(ImageChecks) last = image_checks_new(), first = image_checks_new();
	add(last, png);
	add(last, cut);
	ck_assert(!image_checks_passed(last));
	add(first, cut);
	add(first, png);
	image_checks_close(first);
	ck_assert(!image_checks_passed(first));
}
END_TEST

START_TEST(test_nothing_to_check)
{
	g_autoptr(ImageChecks) c = image_checks_new();
	ck_assert(image_checks_passed(c));
	ck_assert(image_checks_passed(NULL));
}
END_TEST

/* freed while the thread may still run, the list never closed: it is closed and the thread
 * waited for (ASan and valgrind see the rest) */
START_TEST(test_free_while_running)
{
	g_autoptr(GBytes) png = fixture("x.png", 0);
	ImageChecks *c = image_checks_new();
	add(c, png);
	image_checks_free(c);
}
END_TEST

/* The pipeline checks the images beside the later stages. A broken one must give the report a
 * plain load gives: its error where its element is, among the other errors of the page
 * description in their order, and nothing from the stages after the model (no overset). */
START_TEST(test_broken_image_reported_in_place)
{
	g_autoptr(Report) r = report_new(), plain = report_new();
	g_autofree char *dir = unit_tmpdir();
	g_autofree char *conf = unit_fonts_conf();
	g_autoptr(GBytes) cut = fixture("x.png", 40);
	g_autofree char *png = g_build_filename(dir, "cut.png", NULL);
	g_autofree char *xml = NULL, *edition = NULL, *got = NULL, *want = NULL;
	g_autoptr(GString) story = g_string_new("headline: 长稿\n\n");
	PipelineOptions po = {.fonts_conf = conf, .last = STAGE_DLIST, .threads = 2};
	g_autoptr(Pipeline) p = NULL;
	ModelOptions mo = {0};

	for (int i = 0; i < 400; i++) /* far more than its frame holds */
		g_string_append(story, "江城市今年新建的滨江公园对市民开放，游客络绎不绝。\n\n");
	g_free(unit_write(dir, "long.txt", story->str));
	ck_assert(g_file_set_contents(png, g_bytes_get_data(cut, NULL),
	                              (gssize)g_bytes_get_size(cut), NULL));
	xml = g_strdup("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	               "<edition paper=\"江城日报\" date=\"2026-11-28\" layout=\"broadsheet\">\n"
	               "  <page folio=\"01\">\n"
	               "    <story id=\"s1\" src=\"long.txt\" cols=\"1-2\" lines=\"1-10\"/>\n"
	               "    <photo src=\"cut.png\" cols=\"5-8\" lines=\"1-30\"/>\n"
	               "    <photo src=\"cut.png\" cols=\"5-8\" lines=\"31-60\"/>\n"
	               "  </page>\n"
	               "</edition>\n");
	edition = unit_write(dir, "edition.xml", xml);

	ck_assert_ptr_null(p = pipeline_run(edition, &po, r));
	ck_assert_ptr_null(model_load_with(edition, &mo, plain));
	got = report_text(r);
	want = report_text(plain);
	ck_assert_str_eq(got, want);
	ck_assert_int_eq(r->nerrors, 2); /* each <photo> naming it */
	ck_assert_ptr_null(unit_find(r, REPORT_WARNING, "overset"));
	ck_assert_ptr_nonnull(unit_find(r, REPORT_ERROR, "is a broken PNG"));
	unit_rmtree(dir);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("imagecheck");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_whole_images_pass);
	tcase_add_test(tc, test_cut_png_fails);
	tcase_add_test(tc, test_nothing_to_check);
	tcase_add_test(tc, test_free_while_running);
	tcase_add_test(tc, test_broken_image_reported_in_place);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	return unit_run(s);
}
