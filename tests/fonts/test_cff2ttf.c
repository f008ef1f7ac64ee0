/* test_cff2ttf.c - huozi-cff2ttf on a real face: the same glyphs, metrics and code points, the
 * outlines within tolerance of the CFF ones, reversed, and the same bytes on every run. */
#include <check.h>
#include <ft2build.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
#include FT_OUTLINE_H
#include FT_TRUETYPE_TABLES_H

/* a curve within 1 unit, then rounded to whole units (half a unit in x and y), and the
 * samples' own spacing */
#define OFF_MAX 1.75
#define STEPS   16 /* line segments per curve when flattening */

static char *tmp, *out, *src;
static const char *family;

/* runs huozi-cff2ttf; its exit status, its error output in *err */
static int
convert(const char *from, const char *fam, const char *to, char **err)
{
	const char *argv[] = {g_getenv("CFF2TTF"), from, fam, to, NULL};
	int status = -1;
	GError *e = NULL;
	ck_assert_msg(argv[0], "CFF2TTF is not set; run the tests with meson test");
	ck_assert_msg(g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
	                           err, &status, &e),
	              "%s", e ? e->message : "");
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void
setup_once(void)
{
	src = g_strdup(g_getenv("CFF2TTF_SOURCE"));
	family = g_getenv("CFF2TTF_FAMILY");
	tmp = g_dir_make_tmp("huozi-cff2ttf-XXXXXX", NULL);
	out = g_build_filename(tmp, "face.ttf", NULL);
	g_autofree char *err = NULL;
	if (src && family && tmp && convert(src, family, out, &err) != 0)
		fprintf(stderr, "huozi-cff2ttf failed: %s\n", err);
}

static void
teardown_once(void)
{
	g_autofree char *part = g_strconcat(out, ".part", NULL);
	g_unlink(out);
	g_unlink(part);
	g_rmdir(tmp);
	g_free(out);
	g_free(tmp);
	g_free(src);
}

/* the face of src whose family is family */
static FT_Face
source_face(FT_Library lib)
{
	FT_Face f;
	ck_assert_int_eq(FT_New_Face(lib, src, -1, &f), 0);
	FT_Long n = f->num_faces;
	FT_Done_Face(f);
	for (FT_Long i = 0; i < n; i++) {
		ck_assert_int_eq(FT_New_Face(lib, src, i, &f), 0);
		if (g_strcmp0(f->family_name, family) == 0)
			return f;
		FT_Done_Face(f);
	}
	ck_abort_msg("%s has no face %s", src, family);
	return NULL;
}

static FT_Face
output_face(FT_Library lib)
{
	FT_Face f;
	ck_assert_msg(FT_New_Face(lib, out, 0, &f) == 0, "FreeType cannot open %s", out);
	return f;
}

/* the face's VORG table */
static GBytes *
vorg_table(FT_Face face)
{
	FT_ULong len = 0;
	ck_assert_int_eq(FT_Load_Sfnt_Table(face, FT_MAKE_TAG('V', 'O', 'R', 'G'), 0, NULL, &len),
	                 0);
	FT_Byte *p = g_malloc(len);
	FT_Load_Sfnt_Table(face, FT_MAKE_TAG('V', 'O', 'R', 'G'), 0, p, &len);
	ck_assert_uint_ge(len, 8);
	return g_bytes_new_take(p, len);
}

/* the vertical origin (y) of glyph in the VORG table vorg */
static long
vorg_origin(GBytes *vorg, FT_UInt glyph)
{
	gsize len;
	const guint8 *p = g_bytes_get_data(vorg, &len);
	guint n = (guint)(p[6] << 8 | p[7]);
	for (guint i = 0; i < n && 12 + 4 * i <= len; i++)
		if ((guint)(p[8 + 4 * i] << 8 | p[9 + 4 * i]) == glyph)
			return (gint16)(p[10 + 4 * i] << 8 | p[11 + 4 * i]);
	return (gint16)(p[4] << 8 | p[5]);
}

/* the on-curve points of outline, each x, y as one key */
static GHashTable *
on_points(const FT_Outline *outline)
{
	GHashTable *set = g_hash_table_new(g_direct_hash, g_direct_equal);
	for (int i = 0; i < outline->n_points; i++) {
		if (FT_CURVE_TAG(outline->tags[i]) != FT_CURVE_TAG_ON)
			continue;
		gsize x = (gsize)(outline->points[i].x + 32768),
		      y = (gsize)(outline->points[i].y + 32768);
		g_hash_table_add(set, GSIZE_TO_POINTER(x << 16 | y));
	}
	return set;
}

START_TEST(test_same_glyphs_metrics_cmap)
{
	FT_Library lib;
	FT_Init_FreeType(&lib);
	FT_Face s = source_face(lib), o = output_face(lib);
	ck_assert_int_eq(o->num_glyphs, s->num_glyphs);
	ck_assert_int_gt(o->num_glyphs, 60000);
	ck_assert(FT_IS_SFNT(o) && !FT_HAS_GLYPH_NAMES(o)); /* post format 3 */
	ck_assert_int_eq(o->units_per_EM, s->units_per_EM);
	ck_assert_int_eq(o->ascender, s->ascender);
	ck_assert_int_eq(o->descender, s->descender);
	for (FT_Long g = 0; g < s->num_glyphs; g++) {
		FT_Fixed sa, oa;
		ck_assert_int_eq(FT_Get_Advance(s, (FT_UInt)g, FT_LOAD_NO_SCALE, &sa), 0);
		ck_assert_int_eq(FT_Get_Advance(o, (FT_UInt)g, FT_LOAD_NO_SCALE, &oa), 0);
		ck_assert_int_eq(oa, sa);
		FT_Get_Advance(s, (FT_UInt)g, FT_LOAD_NO_SCALE | FT_LOAD_VERTICAL_LAYOUT, &sa);
		FT_Get_Advance(o, (FT_UInt)g, FT_LOAD_NO_SCALE | FT_LOAD_VERTICAL_LAYOUT, &oa);
		ck_assert_int_eq(oa, sa);
		/* every glyph of the output is one FreeType reads, and it keeps the source's
		 * on-curve points where they were, once FreeType has placed it by its side bearing
		 */
		ck_assert_int_eq(FT_Load_Glyph(s, (FT_UInt)g, FT_LOAD_NO_SCALE), 0);
		g_autoptr(GHashTable) on = on_points(&s->glyph->outline);
		ck_assert_msg(FT_Load_Glyph(o, (FT_UInt)g, FT_LOAD_NO_SCALE) == 0, "glyph %ld",
		              (long)g);
		g_autoptr(GHashTable) kept = on_points(&o->glyph->outline);
		GHashTableIter it;
		gpointer key;
		g_hash_table_iter_init(&it, on);
		while (g_hash_table_iter_next(&it, &key, NULL))
			ck_assert_msg(g_hash_table_contains(kept, key),
			              "glyph %ld: point %ld,%ld moved", (long)g,
			              (long)(GPOINTER_TO_SIZE(key) >> 16) - 32768,
			              (long)(GPOINTER_TO_SIZE(key) & 0xffff) - 32768);
	}
	FT_UInt sg, og;
	FT_ULong sc = FT_Get_First_Char(s, &sg), oc = FT_Get_First_Char(o, &og);
	long chars = 0;
	while (sg != 0 || og != 0) {
		ck_assert_uint_eq(oc, sc);
		ck_assert_uint_eq(og, sg);
		sc = FT_Get_Next_Char(s, sc, &sg);
		oc = FT_Get_Next_Char(o, oc, &og);
		chars++;
	}
	ck_assert_int_gt(chars, 40000);
	FT_Done_Face(s);
	FT_Done_Face(o);
	FT_Done_FreeType(lib);
}
END_TEST

/* an outline flattened, one polyline per contour, and the points to measure from: every
 * segment's end and the middle of every curve */
typedef struct {
	GArray *line; /* FT_Vector-like doubles: x, y pairs of the current contour */
	GPtrArray *lines, *marks;
	double x, y;
} Flat;

static void
flat_point(Flat *f, double x, double y)
{
	double p[2] = {x, y};
	g_array_append_vals(f->line, p, 2);
	f->x = x;
	f->y = y;
}

static void
flat_mark(Flat *f, double x, double y)
{
	GArray *m = g_ptr_array_index(f->marks, f->marks->len - 1);
	double p[2] = {x, y};
	g_array_append_vals(m, p, 2);
}

static int
flat_move(const FT_Vector *to, void *user)
{
	Flat *f = user;
	f->line = g_array_new(FALSE, FALSE, sizeof(double));
	g_ptr_array_add(f->lines, f->line);
	g_ptr_array_add(f->marks, g_array_new(FALSE, FALSE, sizeof(double)));
	flat_point(f, to->x, to->y);
	flat_mark(f, to->x, to->y);
	return 0;
}

static int
flat_line(const FT_Vector *to, void *user)
{
	flat_point(user, to->x, to->y);
	flat_mark(user, to->x, to->y);
	return 0;
}

static int
flat_conic(const FT_Vector *c, const FT_Vector *to, void *user)
{
	Flat *f = user;
	double x0 = f->x, y0 = f->y;
	for (int i = 1; i <= STEPS; i++) {
		double t = (double)i / STEPS, u = 1 - t;
		flat_point(f, u * u * x0 + 2 * u * t * c->x + t * t * to->x,
		           u * u * y0 + 2 * u * t * c->y + t * t * to->y);
		if (i == STEPS / 2)
			flat_mark(f, f->x, f->y);
	}
	flat_mark(f, to->x, to->y);
	return 0;
}

static int
flat_cubic(const FT_Vector *c1, const FT_Vector *c2, const FT_Vector *to, void *user)
{
	Flat *f = user;
	double x0 = f->x, y0 = f->y;
	for (int i = 1; i <= STEPS; i++) {
		double t = (double)i / STEPS, u = 1 - t;
		flat_point(f,
		           u * u * u * x0 + 3 * u * u * t * c1->x + 3 * u * t * t * c2->x +
		               t * t * t * to->x,
		           u * u * u * y0 + 3 * u * u * t * c1->y + 3 * u * t * t * c2->y +
		               t * t * t * to->y);
		if (i == STEPS / 2)
			flat_mark(f, f->x, f->y);
	}
	flat_mark(f, to->x, to->y);
	return 0;
}

static void
flatten(FT_Face face, FT_UInt g, Flat *f)
{
	static const FT_Outline_Funcs funcs = {flat_move, flat_line, flat_conic, flat_cubic, 0, 0};
	f->lines = g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref);
	f->marks = g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref);
	ck_assert_int_eq(FT_Load_Glyph(face, g, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING), 0);
	ck_assert_int_eq(FT_Outline_Decompose(&face->glyph->outline, &funcs, f), 0);
	for (guint i = 0; i < f->lines->len; i++) { /* close each contour */
		GArray *l = g_ptr_array_index(f->lines, i);
		double p[2] = {g_array_index(l, double, 0), g_array_index(l, double, 1)};
		g_array_append_vals(l, p, 2);
	}
}

static void
flat_free(Flat *f)
{
	g_ptr_array_unref(f->lines);
	g_ptr_array_unref(f->marks);
}

static double
seg_dist(double px, double py, const double *a, const double *b)
{
	double dx = b[0] - a[0], dy = b[1] - a[1], len2 = dx * dx + dy * dy;
	double t = len2 > 0 ? ((px - a[0]) * dx + (py - a[1]) * dy) / len2 : 0;
	t = t < 0 ? 0 : t > 1 ? 1 : t;
	return hypot(px - (a[0] + t * dx), py - (a[1] + t * dy));
}

/* the largest distance from a mark of marks to the polyline line */
static double
farthest(const GArray *marks, const GArray *line)
{
	const double *m = (const double *)marks->data, *l = (const double *)line->data;
	guint nm = marks->len / 2, nl = line->len / 2;
	double worst = 0;
	for (guint i = 0; i < nm; i++) {
		double best = INFINITY;
		for (guint j = 0; j + 1 < nl && best > 0; j++)
			best =
			    fmin(best, seg_dist(m[2 * i], m[2 * i + 1], l + 2 * j, l + 2 * j + 2));
		worst = fmax(worst, best);
	}
	return worst;
}

/* twice the signed area of a closed polyline: positive counter-clockwise */
static double
area(const GArray *line)
{
	const double *l = (const double *)line->data;
	double a = 0;
	for (guint j = 0; j + 1 < line->len / 2; j++)
		a += l[2 * j] * l[2 * j + 3] - l[2 * j + 2] * l[2 * j + 1];
	return a;
}

START_TEST(test_vertical_origin_kept)
{
	FT_Library lib;
	FT_Init_FreeType(&lib);
	FT_Face s = source_face(lib), o = output_face(lib);
	g_autoptr(GBytes) vorg = vorg_table(s);
	/* without VORG the vertical origin is the glyph's top plus its top side bearing: where the
	 * source's VORG put it. Every 3rd glyph (a VORG lookup is a walk of the table). */
	for (FT_Long g = 0; g < s->num_glyphs; g += 3) {
		ck_assert_int_eq(
		    FT_Load_Glyph(o, (FT_UInt)g, FT_LOAD_NO_SCALE | FT_LOAD_VERTICAL_LAYOUT), 0);
		if (o->glyph->outline.n_contours == 0)
			continue;
		FT_BBox cb;
		FT_Outline_Get_CBox(&o->glyph->outline, &cb);
		ck_assert_msg(
		    o->glyph->metrics.vertBearingY + cb.yMax == vorg_origin(vorg, (FT_UInt)g),
		    "glyph %ld: origin %ld, VORG %ld", (long)g,
		    o->glyph->metrics.vertBearingY + cb.yMax, vorg_origin(vorg, (FT_UInt)g));
	}
	FT_Done_Face(s);
	FT_Done_Face(o);
	FT_Done_FreeType(lib);
}
END_TEST

START_TEST(test_outlines_within_tolerance_and_reversed)
{
	FT_Library lib;
	FT_Init_FreeType(&lib);
	FT_Face s = source_face(lib), o = output_face(lib);
	long contours = 0;
	/* every 23rd glyph, some 2,800 of them: each contour of the output lies along the same
	 * contour of the source and the source along it, where FreeType places them (the output's
	 * side bearings included), and turns the other way */
	for (FT_Long g = 0; g < s->num_glyphs; g += 23) {
		Flat fs = {0}, fo = {0};
		flatten(s, (FT_UInt)g, &fs);
		flatten(o, (FT_UInt)g, &fo);
		ck_assert_int_eq(fo.lines->len, fs.lines->len);
		for (guint k = 0; k < fs.lines->len; k++) {
			GArray *ls = g_ptr_array_index(fs.lines, k),
			       *lo = g_ptr_array_index(fo.lines, k);
			double off = fmax(farthest(g_ptr_array_index(fo.marks, k), ls),
			                  farthest(g_ptr_array_index(fs.marks, k), lo));
			ck_assert_msg(off <= OFF_MAX, "glyph %ld contour %u: %.2f units off",
			              (long)g, k, off);
			double as = area(ls), ao = area(lo);
			if (fabs(as) > 2000)
				ck_assert_msg(as * ao < 0, "glyph %ld contour %u not reversed",
				              (long)g, k);
			contours++;
		}
		flat_free(&fs);
		flat_free(&fo);
	}
	ck_assert_int_gt(contours, 10000);
	FT_Done_Face(s);
	FT_Done_Face(o);
	FT_Done_FreeType(lib);
}
END_TEST

START_TEST(test_same_bytes_every_run)
{
	g_autofree char *again = g_build_filename(tmp, "again.ttf", NULL), *err = NULL;
	ck_assert_int_eq(convert(src, family, again, &err), 0);
	g_autofree char *a = NULL, *b = NULL;
	gsize la, lb;
	ck_assert(g_file_get_contents(out, &a, &la, NULL));
	ck_assert(g_file_get_contents(again, &b, &lb, NULL));
	ck_assert_uint_eq(la, lb);
	ck_assert(memcmp(a, b, la) == 0);
	/* an sfnt of TrueType outlines */
	ck_assert(memcmp(a, "\0\1\0\0", 4) == 0);
	g_unlink(again);
}
END_TEST

START_TEST(test_refuses_missing_family_and_non_cff)
{
	g_autofree char *bad = g_build_filename(tmp, "bad.ttf", NULL), *err = NULL;
	ck_assert_int_eq(convert(src, "No Such Family", bad, &err), 1);
	ck_assert_msg(strstr(err, "has no face of family \"No Such Family\""), "%s", err);
	ck_assert(!g_file_test(bad, G_FILE_TEST_EXISTS));
	g_free(err);
	err = NULL;
	/* the converted face has no CFF outlines to convert */
	ck_assert_int_eq(convert(out, family, bad, &err), 1);
	ck_assert_msg(strstr(err, "has no CFF outlines"), "%s", err);
	ck_assert(!g_file_test(bad, G_FILE_TEST_EXISTS));
	g_free(err);
	err = NULL;
	ck_assert_int_eq(convert(src, family, NULL, &err), 2); /* usage */
}
END_TEST

static Suite *
cff2ttf_suite(void)
{
	Suite *s = suite_create("cff2ttf");
	TCase *tc = tcase_create("cff2ttf");
	tcase_add_unchecked_fixture(tc, setup_once, teardown_once);
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, test_same_glyphs_metrics_cmap);
	tcase_add_test(tc, test_vertical_origin_kept);
	tcase_add_test(tc, test_outlines_within_tolerance_and_reversed);
	tcase_add_test(tc, test_same_bytes_every_run);
	tcase_add_test(tc, test_refuses_missing_family_and_non_cff);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(cff2ttf_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
