/* contour.h - a FreeType outline rewritten as TrueType contours: quadratic, clockwise, integer. */
#pragma once
#include <ft2build.h>
#include FT_FREETYPE_H
#include <glib.h>

/* one point of a TrueType glyph */
typedef struct {
	int x, y;
	gboolean on; /* on the curve, or the control point of a quadratic */
} TtPoint;

/* a glyph's points in contour order, and the index of each contour's last point */
typedef struct {
	GArray *points; /* TtPoint */
	GArray *ends;   /* guint16 */
} Contours;

void contours_init(Contours *c);
void contours_done(Contours *c);
FT_Error contours_from_outline(Contours *c, const FT_Outline *outline, double tolerance);
