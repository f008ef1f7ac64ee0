/* test_adcheck.c - pdfad.c and adcheck.c: probing a PDF ad (pages, boxes, rotation, errors),
 * its placement matrix, and the preflight: fonts, RGB in a press run, ink, image resolution,
 * bounded on hostile files. The PDFs are made here, object by object. */
#include "pdfad.h"
#include "unit.h"

/* A PDF of the objects given (object i + 1 is objs[i]; 1 is the catalog), with a correct
 * cross-reference table. */
static GBytes *
make_pdf(const char *const *objs, int n)
{
	GString *s = g_string_new("%PDF-1.4\n");
	gsize *off = g_new(gsize, n);
	gsize xref;
	for (int i = 0; i < n; i++) {
		off[i] = s->len;
		g_string_append_printf(s, "%d 0 obj\n%s\nendobj\n", i + 1, objs[i]);
	}
	xref = s->len;
	g_string_append_printf(s, "xref\n0 %d\n0000000000 65535 f \n", n + 1);
	for (int i = 0; i < n; i++)
		g_string_append_printf(s, "%010zu 00000 n \n", off[i]);
	g_string_append_printf(s, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n",
	                       n + 1, xref);
	g_free(off);
	return g_string_free_to_bytes(s);
}

/* a stream object of the content given */
static char *
stream(const char *dict, const char *content)
{
	return g_strdup_printf("<< %s /Length %zu >>\nstream\n%s\nendstream", dict,
	                       strlen(content) + 1, content);
}

/* a one-page PDF: the page's extra keys (resources, boxes), its content and more objects
 * (from 4 on) */
static GBytes *
one_page(const char *page_keys, const char *content, const char *const *more, int nmore)
{
	const char *objs[16];
	g_autofree char *page = g_strdup_printf(
	    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 200] /Contents 3 0 R %s >>",
	    page_keys);
	g_autofree char *c = stream("", content);
	g_assert(nmore <= 12);
	objs[0] = "<< /Type /Catalog /Pages 2 0 R >>";
	objs[1] = "<< /Type /Pages /Kids [4 0 R] /Count 1 >>";
	objs[2] = c;
	objs[3] = page;
	for (int i = 0; i < nmore; i++)
		objs[4 + i] = more[i];
	return make_pdf(objs, 4 + nmore);
}

static const AdWhere where = {"ed.xml", 3, 14, "ad.pdf"};

/* probe the PDF placed in a 400 x 200 pt module (scale 1), and return the report's messages
 * joined by "\n" */
static char *
probe(GBytes *pdf, int page, bool press, int limit, ImageInfo *info, bool *ok)
{
	g_autoptr(Report) r = report_new();
	AdCheckOptions o = {press, limit};
	ImageInfo local;
	GString *s = g_string_new(NULL);
	bool res = pdfad_probe(pdf, page, len_from_pt(400), len_from_pt(200), &o, &where,
	                       info ? info : &local, r);
	if (ok)
		*ok = res;
	for (guint i = 0; i < r->diags->len; i++) {
		const Diag *d = g_ptr_array_index(r->diags, i);
		g_string_append_printf(s, "%s%s %s", i ? "\n" : "",
		                       d->level == REPORT_ERROR ? "error" : "warning", d->msg);
		ck_assert_str_eq(d->file, "ed.xml");
		ck_assert_int_eq(d->line, 3);
		ck_assert_int_eq(d->col, 14);
		ck_assert_int_eq(d->kind, d->level == REPORT_ERROR ? DIAG_INPUT : DIAG_AD);
	}
	return g_string_free(s, FALSE);
}

START_TEST(test_clean_cmyk_ad)
{
	g_autoptr(GBytes) pdf =
	    one_page("", "0 0 0 1 k 0 0 400 200 re f 0.6 0.6 0.6 0.6 K", NULL, 0);
	ImageInfo info;
	bool ok;
	g_autofree char *msgs = probe(pdf, 0, true, 0, &info, &ok);
	ck_assert(ok);
	ck_assert_str_eq(msgs, ""); /* 240% is the limit, not over it */
	ck_assert_int_eq(info.format, IMAGE_PDF);
	ck_assert_int_eq(info.page, 1);
	ck_assert_int_eq(info.width, len_from_pt(400));
	ck_assert_int_eq(info.height, len_from_pt(200));
}
END_TEST

START_TEST(test_rgb_in_press_run_only)
{
	g_autoptr(GBytes) pdf = one_page("", "1 0 0 rg 0 0 10 10 re f", NULL, 0);
	g_autofree char *press = probe(pdf, 0, true, 0, NULL, NULL);
	g_autofree char *plain = probe(pdf, 0, false, 0, NULL, NULL);
	ck_assert_str_eq(press, "warning PDF ad ad.pdf has RGB content (DeviceRGB) in a press run");
	ck_assert_str_eq(plain, "");
}
END_TEST

START_TEST(test_rgb_colour_spaces)
{
	/* an ICC profile of 3 components named in the resources, an image in CalRGB, and an
	 * Indexed space over DeviceRGB: each is RGB */
	g_autofree char *icc = stream("/N 3", "xx");
	const char *more[] = {icc};
	g_autoptr(GBytes) a =
	    one_page("/Resources << /ColorSpace << /C0 [/ICCBased 5 0 R] >> >>", "", more, 1);
	g_autoptr(GBytes) b = one_page(
	    "/Resources << /ColorSpace << /C0 [/Indexed /DeviceRGB 1 <000000FFFFFF>] >> >>", "",
	    NULL, 0);
	g_autofree char *img = stream("/Type /XObject /Subtype /Image /Width 1 /Height 1 "
	                              "/BitsPerComponent 8 /ColorSpace [/CalRGB << /WhitePoint "
	                              "[0.95 1 1.09] >>]",
	                              "abc");
	const char *more_c[] = {img};
	g_autoptr(GBytes) c = one_page("/Resources << /XObject << /Im0 5 0 R >> >>",
	                               "q 1 0 0 1 0 0 cm /Im0 Do Q", more_c, 1);
	g_autofree char *ma = probe(a, 0, true, 0, NULL, NULL);
	g_autofree char *mb = probe(b, 0, true, 0, NULL, NULL);
	g_autofree char *mc = probe(c, 0, true, 0, NULL, NULL);
	ck_assert_str_eq(ma, "warning PDF ad ad.pdf has RGB content (ICCBased RGB) in a press run");
	ck_assert_str_eq(mb, "warning PDF ad ad.pdf has RGB content (DeviceRGB) in a press run");
	ck_assert_ptr_nonnull(strstr(mc, "(CalRGB) in a press run"));
}
END_TEST

START_TEST(test_ink_limit)
{
	g_autoptr(GBytes) k = one_page("", "1 1 1 0.5 k", NULL, 0);
	/* scn in a CMYK colour space given by name */
	g_autoptr(GBytes) scn = one_page("/Resources << /ColorSpace << /CS0 /DeviceCMYK >> >>",
	                                 "/CS0 cs 0.9 0.9 0.9 0 scn /DeviceGray CS 1 SC", NULL, 0);
	/* four numbers for a DeviceN space are not CMYK */
	g_autoptr(GBytes) other = one_page(
	    "/Resources << /ColorSpace << /CS0 [/DeviceN [/A /B /C /D] /DeviceCMYK 5 0 R] >> >>",
	    "/CS0 cs 1 1 1 1 scn", NULL, 0);
	g_autofree char *mk = probe(k, 0, false, 0, NULL, NULL);
	g_autofree char *mk400 = probe(k, 0, false, 400, NULL, NULL);
	g_autofree char *mscn = probe(scn, 0, false, 0, NULL, NULL);
	g_autofree char *mother = probe(other, 0, false, 0, NULL, NULL);
	ck_assert_str_eq(
	    mk, "warning PDF ad ad.pdf has colours of 350% total ink, above the limit of 240%");
	ck_assert_str_eq(mk400, "");
	ck_assert_str_eq(
	    mscn, "warning PDF ad ad.pdf has colours of 270% total ink, above the limit of 240%");
	ck_assert_str_eq(mother, "");
}
END_TEST

START_TEST(test_cmyk_image_ink)
{
	/* a 2 x 1 uncompressed CMYK image: its second pixel is 100+100+100+100 */
	g_autofree char *img = stream("/Type /XObject /Subtype /Image /Width 2 /Height 1 "
	                              "/BitsPerComponent 8 /ColorSpace /DeviceCMYK",
	                              "\x10\x10\x10\x10\xff\xff\xff\xff");
	const char *more[] = {img};
	g_autoptr(GBytes) pdf = one_page("/Resources << /XObject << /Im0 5 0 R >> >>",
	                                 "q 0.01 0 0 0.01 0 0 cm /Im0 Do Q", more, 1);
	g_autofree char *m = probe(pdf, 0, false, 0, NULL, NULL);
	ck_assert_str_eq(
	    m, "warning PDF ad ad.pdf has colours of 400% total ink, above the limit of 240%");
}
END_TEST

START_TEST(test_fonts)
{
	const char *more[] = {
	    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	    "<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+Embedded /FontDescriptor 7 0 R >>",
	    "<< /Type /FontDescriptor /FontName /ABCDEF+Embedded /FontFile2 8 0 R >>",
	    "<< /Length 1 >>\nstream\nx\nendstream",
	    "<< /Type /Font /Subtype /Type0 /BaseFont /Song /DescendantFonts [10 0 R] >>",
	    "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /Song /FontDescriptor 11 0 R >>",
	    "<< /Type /FontDescriptor /FontName /Song >>",
	};
	g_autoptr(GBytes) pdf =
	    one_page("/Resources << /Font << /F1 5 0 R /F2 6 0 R /F3 9 0 R /F4 5 0 R >> >>",
	             "BT /F1 12 Tf (a) Tj ET", more, 7);
	g_autofree char *m = probe(pdf, 0, false, 0, NULL, NULL);
	ck_assert_str_eq(m, "warning PDF ad ad.pdf: font Helvetica is not embedded\n"
	                    "warning PDF ad ad.pdf: font Song is not embedded");
}
END_TEST

START_TEST(test_image_resolution)
{
	/* 100 x 100 pixels drawn 100 pt wide: 72 ppi; in a form scaled by 0.25: 288 ppi */
	g_autofree char *img = stream("/Type /XObject /Subtype /Image /Width 100 /Height 100 "
	                              "/BitsPerComponent 8 /ColorSpace /DeviceGray",
	                              "");
	g_autofree char *form = stream("/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Matrix "
	                               "[0.25 0 0 0.25 0 0] /Resources << /XObject << /Im0 5 0 "
	                               "R >> >>",
	                               "q 100 0 0 100 0 0 cm /Im0 Do Q");
	const char *more[] = {img, form};
	g_autoptr(GBytes) low = one_page("/Resources << /XObject << /Im0 5 0 R >> >>",
	                                 "q 100 0 0 100 0 0 cm /Im0 Do Q", more, 2);
	g_autoptr(GBytes) high =
	    one_page("/Resources << /XObject << /Fm0 6 0 R >> >>", "q /Fm0 Do Q", more, 2);
	/* an inline image of 10 x 10 shown 100 pt wide: 7 ppi */
	g_autoptr(GBytes) inl = one_page(
	    "", "q 100 0 0 100 0 0 cm BI /W 10 /H 10 /CS /G /BPC 8 ID xxxxxxxxxx EI Q", NULL, 0);
	g_autofree char *ml = probe(low, 0, false, 0, NULL, NULL);
	g_autofree char *mh = probe(high, 0, false, 0, NULL, NULL);
	g_autofree char *mi = probe(inl, 0, false, 0, NULL, NULL);
	ck_assert_str_eq(
	    ml, "warning PDF ad ad.pdf: image Im0 is 72 ppi at its placed size, under 200");
	ck_assert_str_eq(mh, "");
	ck_assert_str_eq(
	    mi, "warning PDF ad ad.pdf: image inline is 7 ppi at its placed size, under 200");
}
END_TEST

START_TEST(test_pages_and_boxes)
{
	const char *objs[] = {
	    "<< /Type /Catalog /Pages 2 0 R >>",
	    "<< /Type /Pages /Kids [4 0 R 5 0 R] /Count 2 /MediaBox [0 0 600 800] >>",
	    "<< /Length 0 >>\nstream\n\nendstream",
	    "<< /Type /Page /Parent 2 0 R /Contents 3 0 R >>",
	    "<< /Type /Page /Parent 2 0 R /Contents 3 0 R /CropBox [10 10 590 790] /TrimBox [20 "
	    "30 220 130] /Rotate 90 >>",
	};
	g_autoptr(GBytes) pdf = make_pdf(objs, 5);
	ImageInfo info;
	bool ok;
	g_autofree char *m1 = probe(pdf, 0, false, 0, &info, &ok);
	g_autofree char *m2 = NULL, *m3 = NULL;
	ck_assert(ok);
	ck_assert_str_eq(m1, "warning PDF ad ad.pdf has 2 pages: page 1 is placed");
	ck_assert_int_eq(info.width, len_from_pt(600)); /* the inherited MediaBox */
	m2 = probe(pdf, 2, false, 0, &info, &ok);
	ck_assert(ok);
	ck_assert_str_eq(m2, "");
	ck_assert_int_eq(info.page, 2);
	ck_assert_int_eq(info.rotate, 90);
	ck_assert(info.box[0] == 20 && info.box[1] == 30 && info.box[2] == 220 &&
	          info.box[3] == 130);
	ck_assert(info.crop[0] == 10 && info.crop[3] == 790);
	ck_assert_int_eq(info.width, len_from_pt(100)); /* shown turned: 100 wide, 200 high */
	ck_assert_int_eq(info.height, len_from_pt(200));
	m3 = probe(pdf, 3, false, 0, &info, &ok);
	ck_assert(!ok);
	ck_assert_str_eq(m3, "error PDF ad ad.pdf has 2 pages, not page 3");
}
END_TEST

START_TEST(test_unusable_files)
{
	g_autoptr(GBytes) text = g_bytes_new_static("hello", 5);
	g_autoptr(GBytes) broken = g_bytes_new_static("%PDF-1.4\ngarbage", 16);
	g_autoptr(GBytes) nobox = one_page("/MediaBox [0 0 0 0]", "", NULL, 0);
	bool ok = true;
	g_autofree char *m1 = probe(text, 0, false, 0, NULL, &ok);
	g_autofree char *m2 = NULL, *m3 = NULL;
	ck_assert(!ok);
	ck_assert_str_eq(m1, "error ad.pdf is not a PDF file");
	m2 = probe(broken, 0, false, 0, NULL, &ok);
	ck_assert(!ok);
	ck_assert(g_str_has_prefix(m2, "error PDF ad ad.pdf cannot be read: ") ||
	          g_str_has_prefix(m2, "error PDF ad ad.pdf has no page that can be read"));
	m3 = probe(nobox, 0, false, 0, NULL, &ok);
	ck_assert(!ok);
	ck_assert_str_eq(m3, "error PDF ad ad.pdf: the page has no usable size");
}
END_TEST

START_TEST(test_hostile_forms_terminate)
{
	/* a form that draws itself, and one that draws the first twice: bounded walks */
	g_autofree char *f1 = stream("/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources "
	                             "<< /XObject << /A 5 0 R /B 6 0 R >> >>",
	                             "/A Do /B Do /A Do /B Do 1 1 1 1 k");
	g_autofree char *f2 = stream("/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources "
	                             "<< /XObject << /A 5 0 R /B 6 0 R >> >>",
	                             "/A Do /B Do /B Do /A Do q q q q Q Q Q Q Q Q cm )(");
	const char *more[] = {f1, f2};
	g_autoptr(GBytes) pdf =
	    one_page("/Resources << /XObject << /A 5 0 R >> >>", "/A Do", more, 2);
	gint64 t0 = g_get_monotonic_time();
	g_autofree char *m = probe(pdf, 0, false, 0, NULL, NULL);
	ck_assert_str_eq(
	    m, "warning PDF ad ad.pdf has colours of 400% total ink, above the limit of 240%");
	ck_assert_int_lt(g_get_monotonic_time() - t0, 5 * G_USEC_PER_SEC);
}
END_TEST

START_TEST(test_matrix_centres)
{
	ImageInfo info = {.format = IMAGE_PDF, .page = 1, .box = {10, 20, 110, 70}};
	double m[6];
	info.width = (int)len_from_pt(100);
	info.height = (int)len_from_pt(50);
	/* 100 x 50 into 400 x 100: scale 2, centred across: 200 pt over, 100 either side */
	pdfad_matrix(&info, 0, 0, 400, 100, m);
	ck_assert_double_eq_tol(m[0], 2, 1e-9);
	ck_assert_double_eq_tol(m[3], 2, 1e-9);
	ck_assert_double_eq_tol(m[4], 100 - 2 * 10, 1e-9);
	ck_assert_double_eq_tol(m[5], 0 - 2 * 20, 1e-9);
	/* turned 90: shown 50 wide, 100 high, into 100 x 100: scale 1, 25 over either side */
	info.rotate = 90;
	info.width = (int)len_from_pt(50);
	info.height = (int)len_from_pt(100);
	pdfad_matrix(&info, 0, 0, 100, 100, m);
	/* turned clockwise: the box's top left corner (10, 70) lands at the shown ad's top right
	 * (75, 100), its bottom left (10, 20) at the top left (25, 100) */
	ck_assert_double_eq_tol(m[0] * 10 + m[2] * 70 + m[4], 25 + 50, 1e-9);
	ck_assert_double_eq_tol(m[1] * 10 + m[3] * 70 + m[5], 100, 1e-9);
	ck_assert_double_eq_tol(m[0] * 10 + m[2] * 20 + m[4], 25, 1e-9);
}
END_TEST

static Suite *
adcheck_suite(void)
{
	Suite *s = suite_create("adcheck");
	TCase *tc = tcase_create("adcheck");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_clean_cmyk_ad);
	tcase_add_test(tc, test_rgb_in_press_run_only);
	tcase_add_test(tc, test_rgb_colour_spaces);
	tcase_add_test(tc, test_ink_limit);
	tcase_add_test(tc, test_cmyk_image_ink);
	tcase_add_test(tc, test_fonts);
	tcase_add_test(tc, test_image_resolution);
	tcase_add_test(tc, test_pages_and_boxes);
	tcase_add_test(tc, test_unusable_files);
	tcase_add_test(tc, test_hostile_forms_terminate);
	tcase_add_test(tc, test_matrix_centres);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return unit_run(adcheck_suite());
}
