/* quad.c - one cubic Bézier curve approximated by a TrueType quadratic spline.
 *
 * The cubic is cut at t = i/n into n equal pieces, each piece drawn by one quadratic. With
 * n = 1 the control point is where the end tangents meet. With n > 1 the first control point
 * lies on the start tangent (1.5 times the piece's first handle), the last on the end tangent,
 * and those between move from one estimate to the other along the curve; consecutive control
 * points are joined at their midpoint, the point TrueType implies between two off-curve
 * points, so n pieces cost n points. n grows from 1 until every piece stays within the
 * tolerance of its cubic piece: the difference of the two curves, written as one cubic Bézier,
 * is bounded by its control points (the convex hull), halved where that bound is too loose, and
 * refused as soon as a point on it is too far.
 */
#include "quad.h"
#include <math.h>
#include <stdbool.h>

static QuadPt
lerp(QuadPt a, QuadPt b, double t)
{
	return (QuadPt){a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t};
}

static double
len(QuadPt p)
{
	return hypot(p.x, p.y);
}

/* the piece of the cubic c between t0 and t1 */
static void
cubic_piece(const QuadPt c[4], double t0, double t1, QuadPt out[4])
{
	QuadPt a[4];
	/* the part after t0, then the part of that before (t1 - t0) / (1 - t0) */
	QuadPt p01 = lerp(c[0], c[1], t0), p12 = lerp(c[1], c[2], t0), p23 = lerp(c[2], c[3], t0);
	QuadPt p012 = lerp(p01, p12, t0), p123 = lerp(p12, p23, t0);
	a[0] = lerp(p012, p123, t0);
	a[1] = p123;
	a[2] = p23;
	a[3] = c[3];
	double s = t0 < 1 ? (t1 - t0) / (1 - t0) : 1;
	QuadPt q01 = lerp(a[0], a[1], s), q12 = lerp(a[1], a[2], s), q23 = lerp(a[2], a[3], s);
	QuadPt q012 = lerp(q01, q12, s), q123 = lerp(q12, q23, s);
	out[0] = a[0];
	out[1] = q01;
	out[2] = q012;
	out[3] = lerp(q012, q123, s);
}

/* is the cubic Bézier d (a difference of two curves) within tol of the origin everywhere?
 * Its ends are checked by the caller, or are a midpoint checked here. */
static bool
within(const QuadPt d[4], double tol, int depth)
{
	if (len(d[1]) <= tol && len(d[2]) <= tol)
		return true;
	QuadPt d01 = lerp(d[0], d[1], 0.5), d12 = lerp(d[1], d[2], 0.5),
	       d23 = lerp(d[2], d[3], 0.5);
	QuadPt d012 = lerp(d01, d12, 0.5), d123 = lerp(d12, d23, 0.5);
	QuadPt mid = lerp(d012, d123, 0.5);
	if (len(mid) > tol)
		return false;
	if (depth >= 16)
		return true; /* a curve this fine is as close as doubles can tell */
	QuadPt left[4] = {d[0], d01, d012, mid}, right[4] = {mid, d123, d23, d[3]};
	return within(left, tol, depth + 1) && within(right, tol, depth + 1);
}

/* does the quadratic a, q, b stay within tol of the cubic c? */
static bool
piece_fits(const QuadPt c[4], QuadPt a, QuadPt q, QuadPt b, double tol)
{
	/* the quadratic raised to a cubic, minus the cubic */
	QuadPt e1 = lerp(a, q, 2.0 / 3), e2 = lerp(b, q, 2.0 / 3);
	QuadPt d[4] = {
	    {a.x - c[0].x, a.y - c[0].y},
	    {e1.x - c[1].x, e1.y - c[1].y},
	    {e2.x - c[2].x, e2.y - c[2].y},
	    {b.x - c[3].x, b.y - c[3].y},
	};
	if (len(d[0]) > tol || len(d[3]) > tol)
		return false;
	return within(d, tol, 0);
}

/* where the lines through a0, a1 and b0, b1 meet; false when they are parallel */
static bool
intersect(QuadPt a0, QuadPt a1, QuadPt b0, QuadPt b1, QuadPt *at)
{
	double ax = a1.x - a0.x, ay = a1.y - a0.y, bx = b1.x - b0.x, by = b1.y - b0.y;
	double den = ax * by - ay * bx;
	if (fabs(den) < 1e-9)
		return false;
	double s = ((b0.x - a0.x) * by - (b0.y - a0.y) * bx) / den;
	*at = (QuadPt){a0.x + ax * s, a0.y + ay * s};
	return true;
}

/* the n control points of a spline of n pieces for the cubic c; true when it fits */
static bool
spline_fits(const QuadPt c[4], int n, double tol, QuadPt *ctrl)
{
	QuadPt pieces[QUAD_MAX_PIECES][4];
	if (n == 1) {
		if (!intersect(c[0], c[1], c[3], c[2], &ctrl[0]))
			return false;
		pieces[0][0] = c[0], pieces[0][1] = c[1], pieces[0][2] = c[2], pieces[0][3] = c[3];
	} else {
		for (int i = 0; i < n; i++) {
			QuadPt *p = pieces[i];
			cubic_piece(c, (double)i / n, (double)(i + 1) / n, p);
			QuadPt from_start = lerp(p[0], p[1], 1.5), from_end = lerp(p[3], p[2], 1.5);
			ctrl[i] = lerp(from_start, from_end, (double)i / (n - 1));
		}
	}
	for (int i = 0; i < n; i++) {
		QuadPt a = i == 0 ? c[0] : lerp(ctrl[i - 1], ctrl[i], 0.5);
		QuadPt b = i == n - 1 ? c[3] : lerp(ctrl[i], ctrl[i + 1], 0.5);
		if (!piece_fits(pieces[i], a, ctrl[i], b, tol))
			return false;
	}
	return true;
}

/* Writes the control points of a quadratic spline from c[0] to c[3] within tolerance of the
 * cubic c to ctrl (room for QUAD_MAX_PIECES) and returns how many; between two of them lies
 * the implied on-curve point, their midpoint. */
int
quad_from_cubic(const QuadPt c[4], double tolerance, QuadPt *ctrl)
{
	for (int n = 1; n < QUAD_MAX_PIECES; n++)
		if (spline_fits(c, n, tolerance, ctrl))
			return n;
	spline_fits(c, QUAD_MAX_PIECES, tolerance, ctrl);
	return QUAD_MAX_PIECES;
}
