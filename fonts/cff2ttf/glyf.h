/* glyf.h - one simple TrueType glyph written as 'glyf' table bytes. */
#pragma once
#include "contour.h"

/* a glyph's bounding box, from all its points */
typedef struct {
	int x_min, y_min, x_max, y_max;
} GlyfBox;

void glyf_encode(const Contours *c, GByteArray *out, GlyfBox *box);
