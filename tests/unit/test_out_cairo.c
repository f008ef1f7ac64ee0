/* test_out_cairo.c - the painter (out_cairo.c): a small edition painted to a PNG whose pixels
 * are checked, and to a PDF read back with qpdf (pages, size, outline). */
#include "out_cairo.h"
#include "unit_pipeline.h"
#include <cairo.h>
#include <qpdf/qpdf-c.h>

/* the pixel at (x, y) points of a PNG at 72 dpi, 0xRRGGBB */
static guint32
pixel(cairo_surface_t *s, double x, double y)
{
	const unsigned char *data = cairo_image_surface_get_data(s);
	int stride = cairo_image_surface_get_stride(s);
	const guint32 *row = (const guint32 *)(data + (int)y * stride);
	return row[(int)x] & 0xffffff;
}

/* some pixel of the rectangle darker than `level` in every channel */
static bool
has_dark(cairo_surface_t *s, double x0, double y0, double x1, double y1, int level)
{
	for (double y = y0; y < y1; y++)
		for (double x = x0; x < x1; x++) {
			guint32 p = pixel(s, x, y);
			if ((int)(p >> 16) < level && (int)((p >> 8) & 0xff) < level &&
			    (int)(p & 0xff) < level)
				return true;
		}
	return false;
}

START_TEST(test_png_pixels)
{
	Report *r;
	g_autoptr(Pipeline) p = unit_pipeline("vertical", STAGE_DLIST, false, 1, &r);
	g_autofree char *dir = unit_tmpdir();
	g_autofree char *png = g_build_filename(dir, "p.png", NULL);
	const char *paths[] = {png}, *shown[] = {"p.png"};
	cairo_surface_t *s;
	ck_assert_msg(out_png(p->dlist, paths, shown, 72, false, r), "%s", unit_report_text(r));
	s = cairo_image_surface_create_from_png(png);
	ck_assert_int_eq(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
	/* 255.12 x 481.89 pt at 72 dpi */
	ck_assert_int_ge(cairo_image_surface_get_width(s), 255);
	ck_assert_int_le(cairo_image_surface_get_width(s), 256);
	ck_assert_int_ge(cairo_image_surface_get_height(s), 481);
	ck_assert_int_le(cairo_image_surface_get_height(s), 482);
	ck_assert_uint_eq(pixel(s, 2, 2), 0xffffff);    /* the margin is paper */
	ck_assert_uint_eq(pixel(s, 60, 300), 0xf3eee2); /* the module's tint, no text there */
	/* the masthead line's text and the vertical headline are inked */
	ck_assert(has_dark(s, 22, 20, 120, 30, 96));
	ck_assert(has_dark(s, 191, 75, 208, 250, 96));
	ck_assert(!has_dark(s, 40, 280, 180, 420, 200));
	cairo_surface_destroy(s);
	unit_rmtree(dir);
	report_free(r);
}
END_TEST

START_TEST(test_pdf_read_back)
{
	Report *r;
	g_autoptr(Pipeline) p = unit_pipeline("jump", STAGE_DLIST, false, 1, &r);
	g_autofree char *dir = unit_tmpdir();
	g_autofree char *pdf = g_build_filename(dir, "e.pdf", NULL);
	OutOptions o = {.title = "t", .creator = "huozi test", .date = "2026-11-28"};
	qpdf_data q = qpdf_init();
	qpdf_oh page, media, root;
	ck_assert_msg(out_pdf(p->dlist, &o, pdf, "e.pdf", r), "%s", unit_report_text(r));
	qpdf_silence_errors(q);
	ck_assert_int_eq(qpdf_read(q, pdf, NULL) & QPDF_ERRORS, 0);
	ck_assert_int_eq(qpdf_get_num_pages(q), 2);
	page = qpdf_get_page_n(q, 0);
	media = qpdf_oh_get_key(q, page, "/MediaBox");
	ck_assert(qpdf_oh_is_array(q, media));
	ck_assert_double_eq_tol(qpdf_oh_get_numeric_value(q, qpdf_oh_get_array_item(q, media, 2)),
	                        len_to_pt(p->dlist->pages[0].w), 0.01);
	root = qpdf_get_root(q);
	ck_assert(qpdf_oh_has_key(q, root, "/Outlines")); /* the bookmarks */
	qpdf_cleanup(&q);
	unit_rmtree(dir);
	report_free(r);
}
END_TEST

static Suite *
out_cairo_suite(void)
{
	Suite *s = suite_create("out_cairo");
	TCase *tc = tcase_create("out_cairo");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_png_pixels);
	tcase_add_test(tc, test_pdf_read_back);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return unit_run(out_cairo_suite());
}
