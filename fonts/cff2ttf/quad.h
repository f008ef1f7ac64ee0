/* quad.h - one cubic Bézier curve approximated by a TrueType quadratic spline. */
#pragma once

typedef struct {
	double x, y;
} QuadPt;

/* the most pieces a cubic is cut into; a curve that needs more gets this many */
#define QUAD_MAX_PIECES 64

int quad_from_cubic(const QuadPt c[4], double tolerance, QuadPt *ctrl);
