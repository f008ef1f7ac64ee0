/* grid.h - Grid: the page's column and baseline grid, and cell -> rectangle maths. */
#pragma once

#include "units.h"

typedef struct {
	Len page_w, page_h; /* trim size */
	Len left, top;      /* top-left corner of the type area on the page */
	int columns;        /* basic columns (栏) */
	int chars;          /* body characters per column */
	int lines;          /* grid lines (行) per column */
	Len gutter;         /* space between columns */
	Len body_size;      /* body type size: one character cell is body_size square */
	Len pitch;          /* baseline-to-baseline distance of body lines */
	Len clearance;      /* white kept between text ink and a rule or box edge (clear.c) */
} Grid;

Len grid_col_width(const Grid *g);
Len grid_area_width(const Grid *g);
Len grid_area_height(const Grid *g);
/* left edge of basic column col (1-based) */
Len grid_col_x(const Grid *g, int col);
/* width from the left of column c0 to the right of column c1, gutters included */
Len grid_span_width(const Grid *g, int c0, int c1);
/* top edge of grid line (1-based) */
Len grid_line_y(const Grid *g, int line);
/* baseline of a text line of type size `size` centred in a block of `height` starting at
 * `top`: the em box is centred in the block and the baseline is 0.12 em above its bottom
 * (the ideographic em box of CJK fonts: ascent 0.88 em, descent 0.12 em). */
Len grid_baseline_in(Len top, Len height, Len size);
/* y moved down to the next grid line (unchanged above the type area) */
Len grid_snap(const Grid *g, Len y);
