/* test_quad.c - quad.c (huozi-cff2ttf): cubic curves as quadratic splines within tolerance. */
#include "quad.h"
#include <check.h>
#include <glib.h>
#include <math.h>
#include <stdlib.h>

#define SAMPLES 400

static QuadPt
cubic_at(const QuadPt c[4], double t)
{
	double u = 1 - t;
	return (QuadPt){u * u * u * c[0].x + 3 * u * u * t * c[1].x + 3 * u * t * t * c[2].x +
	                    t * t * t * c[3].x,
	                u * u * u * c[0].y + 3 * u * u * t * c[1].y + 3 * u * t * t * c[2].y +
	                    t * t * t * c[3].y};
}

static QuadPt
quad_at(QuadPt a, QuadPt q, QuadPt b, double t)
{
	double u = 1 - t;
	return (QuadPt){u * u * a.x + 2 * u * t * q.x + t * t * b.x,
	                u * u * a.y + 2 * u * t * q.y + t * t * b.y};
}

/* the spline's points, densely: its pieces run between the implied midpoints */
static int
spline_samples(const QuadPt c[4], const QuadPt *ctrl, int n, QuadPt *out)
{
	int k = 0;
	for (int i = 0; i < n; i++) {
		QuadPt a = i == 0 ? c[0]
		                  : (QuadPt){(ctrl[i - 1].x + ctrl[i].x) / 2,
		                             (ctrl[i - 1].y + ctrl[i].y) / 2};
		QuadPt b = i == n - 1 ? c[3]
		                      : (QuadPt){(ctrl[i].x + ctrl[i + 1].x) / 2,
		                                 (ctrl[i].y + ctrl[i + 1].y) / 2};
		for (int s = 0; s <= SAMPLES / n; s++)
			out[k++] = quad_at(a, ctrl[i], b, (double)s / (SAMPLES / n));
	}
	return k;
}

/* the distance from p to the polyline through pts */
static double
nearest(QuadPt p, const QuadPt *pts, int n)
{
	double best = INFINITY;
	for (int i = 0; i + 1 < n; i++) {
		double dx = pts[i + 1].x - pts[i].x, dy = pts[i + 1].y - pts[i].y;
		double len2 = dx * dx + dy * dy;
		double t = len2 > 0 ? ((p.x - pts[i].x) * dx + (p.y - pts[i].y) * dy) / len2 : 0;
		t = t < 0 ? 0 : t > 1 ? 1 : t;
		best = fmin(best, hypot(p.x - pts[i].x - t * dx, p.y - pts[i].y - t * dy));
	}
	return best;
}

/* the largest distance from either curve to the other (both drawn as dense polylines) */
static double
distance(const QuadPt c[4], const QuadPt *ctrl, int n)
{
	static QuadPt cubic[4 * SAMPLES + 1], spline[2 * SAMPLES + 2 * QUAD_MAX_PIECES];
	for (int i = 0; i <= 4 * SAMPLES; i++)
		cubic[i] = cubic_at(c, (double)i / (4 * SAMPLES));
	int k = spline_samples(c, ctrl, n, spline);
	double worst = 0;
	for (int i = 0; i < k; i++)
		worst = fmax(worst, nearest(spline[i], cubic, 4 * SAMPLES + 1));
	for (int i = 0; i <= 4 * SAMPLES; i += 4)
		worst = fmax(worst, nearest(cubic[i], spline, k));
	return worst;
}

START_TEST(test_quarter_circle_one_unit)
{
	/* a quarter circle of radius 500 font units */
	const double k = 0.5523 * 500;
	QuadPt c[4] = {{500, 0}, {500, k}, {k, 500}, {0, 500}};
	QuadPt ctrl[QUAD_MAX_PIECES];
	int n = quad_from_cubic(c, 1.0, ctrl);
	ck_assert_int_ge(n, 2);
	ck_assert_int_lt(n, 8);
	/* measured on polylines: a little slack for their chords */
	ck_assert_double_le(distance(c, ctrl, n), 1.0 + 0.05);
	/* the first control point lies on the start tangent, the last on the end tangent */
	ck_assert_double_eq_tol(ctrl[0].x, 500, 1e-9);
	ck_assert_double_eq_tol(ctrl[n - 1].y, 500, 1e-9);
	/* a looser tolerance takes no more pieces, a tighter one more */
	QuadPt loose[QUAD_MAX_PIECES], tight[QUAD_MAX_PIECES];
	ck_assert_int_le(quad_from_cubic(c, 4.0, loose), n);
	int m = quad_from_cubic(c, 0.1, tight);
	ck_assert_int_gt(m, n);
	ck_assert_double_le(distance(c, tight, m), 0.1 + 0.05);
}
END_TEST

START_TEST(test_parabola_is_one_quadratic)
{
	/* the cubic form of the quadratic (0,0) (100,200) (200,0) */
	QuadPt c[4] = {{0, 0}, {200.0 / 3, 400.0 / 3}, {400.0 / 3, 400.0 / 3}, {200, 0}};
	QuadPt ctrl[QUAD_MAX_PIECES];
	ck_assert_int_eq(quad_from_cubic(c, 1.0, ctrl), 1);
	ck_assert_double_eq_tol(ctrl[0].x, 100, 1e-9);
	ck_assert_double_eq_tol(ctrl[0].y, 200, 1e-9);
}
END_TEST

START_TEST(test_s_curve_and_stroke_ends)
{
	/* an inflection (no single quadratic can follow it), a stroke end of a CJK glyph, and a
	 * cubic whose handles cross */
	static const QuadPt curves[][4] = {
	    {{0, 0}, {300, 0}, {0, 300}, {300, 300}},
	    {{102, 377}, {51, 340}, {5, 390}, {62, 435}},
	    {{394, 39}, {468, -8}, {510, 148}, {259, 248}},
	    {{0, 0}, {600, 400}, {-200, 400}, {400, 0}},
	};
	for (size_t i = 0; i < G_N_ELEMENTS(curves); i++) {
		QuadPt ctrl[QUAD_MAX_PIECES];
		int n = quad_from_cubic(curves[i], 1.0, ctrl);
		ck_assert_int_ge(n, 1);
		ck_assert_int_lt(n, QUAD_MAX_PIECES);
		ck_assert_msg(distance(curves[i], ctrl, n) <= 1.05,
		              "curve %zu: %d pieces, %.3f units off", i, n,
		              distance(curves[i], ctrl, n));
	}
}
END_TEST

START_TEST(test_degenerate_cubics)
{
	/* a point, and a straight line drawn as a cubic: still a spline that stays on them */
	static const QuadPt curves[][4] = {
	    {{10, 10}, {10, 10}, {10, 10}, {10, 10}},
	    {{0, 0}, {100, 100}, {200, 200}, {300, 300}},
	    {{0, 0}, {0, 0}, {300, 0}, {300, 0}},
	};
	for (size_t i = 0; i < G_N_ELEMENTS(curves); i++) {
		QuadPt ctrl[QUAD_MAX_PIECES];
		int n = quad_from_cubic(curves[i], 1.0, ctrl);
		ck_assert_int_ge(n, 1);
		ck_assert_double_le(distance(curves[i], ctrl, n), 1.05);
	}
}
END_TEST

static Suite *
quad_suite(void)
{
	Suite *s = suite_create("quad");
	TCase *tc = tcase_create("quad");
	tcase_add_test(tc, test_quarter_circle_one_unit);
	tcase_add_test(tc, test_parabola_is_one_quadratic);
	tcase_add_test(tc, test_s_curve_and_stroke_ends);
	tcase_add_test(tc, test_degenerate_cubics);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(quad_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
