/* grid.c - the page's column and baseline grid, and cell -> rectangle maths. */
#include "grid.h"

Len
grid_col_width(const Grid *g)
{
	return g->chars * g->body_size;
}

Len
grid_area_width(const Grid *g)
{
	return g->columns * grid_col_width(g) + (g->columns - 1) * g->gutter;
}

Len
grid_area_height(const Grid *g)
{
	return g->lines * g->pitch;
}

Len
grid_col_x(const Grid *g, int col)
{
	return g->left + (col - 1) * (grid_col_width(g) + g->gutter);
}

Len
grid_span_width(const Grid *g, int c0, int c1)
{
	return (c1 - c0 + 1) * grid_col_width(g) + (c1 - c0) * g->gutter;
}

Len
grid_line_y(const Grid *g, int line)
{
	return g->top + (line - 1) * g->pitch;
}

Len
grid_baseline_in(Len top, Len height, Len size)
{
	return top + (height - size) / 2 + len_em(size, 88, 100);
}

Len
grid_snap(const Grid *g, Len y)
{
	return len_snap_down_to_grid(g->top, g->pitch, y);
}
