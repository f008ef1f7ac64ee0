/* colfill.c - column filling: rows of a story into columns on the baseline grid, around holes,
 * without widows or orphans, and the balancing of the last columns. Pure. */
#include "colfill.h"
#include <glib.h>

Len
colfill_snap(const ColfillGrid *g, Len y)
{
	return len_snap_down_to_grid(g->top, g->pitch, y);
}

Len
colfill_clear_holes(const ColfillGrid *g, const ColfillColumn *col, Len yy, Len h, bool grid)
{
	for (bool moved = true; moved;) {
		moved = false;
		for (int i = 0; i < col->nholes; i++)
			if (yy < col->hole_bottom[i] && yy + h > col->hole_top[i]) {
				yy = grid ? colfill_snap(g, col->hole_bottom[i])
				          : col->hole_bottom[i];
				moved = true;
			}
	}
	return yy;
}

Len
colfill_floor(const ColfillColumn *col)
{
	Len floor = col->bottom;
	for (bool moved = true; moved;) {
		moved = false;
		for (int i = 0; i < col->nholes; i++)
			if (col->hole_top[i] < floor && col->hole_bottom[i] >= floor) {
				floor = col->hole_top[i];
				moved = true;
			}
	}
	return MAX(floor, col->top);
}

/* the depth the rows kept with row r take under it: each row it keeps with, up to and
 * including the first that keeps with none (a heading of two lines and the line after it) */
static Len
kept_depth(const ColfillRow *rows, int nrows, int r)
{
	Len d = 0;
	for (int k = r + 1; k < nrows; k++) {
		d += rows[k].space_before + rows[k].height;
		if (!rows[k].keep_next)
			break;
	}
	return d;
}

/* Each step places a row or moves to the next column, so it always terminates. */
int
colfill_fill(const ColfillGrid *g, const ColfillRow *rows, int nrows, const ColfillColumn *cols,
             int ncols, Len *ends, ColfillSpot *spots)
{
	int r = 0, ci = 0;
	Len y = ncols ? cols[0].top : 0;
	bool at_top = true;

	for (int k = 0; k < ncols; k++)
		ends[k] = cols[k].top;
	while (r < nrows && ci < ncols) {
		const ColfillRow *row = &rows[r];
		const ColfillColumn *col = &cols[ci];
		Len yy = y + (at_top ? 0 : row->space_before);
		bool move;
		if (row->grid)
			yy = colfill_snap(g, yy);
		yy = colfill_clear_holes(g, col, yy, row->height, row->grid);
		move = yy + row->height > col->limit;
		if (!move && !at_top && row->keep_next && r + 1 < nrows)
			move = yy + row->height + kept_depth(rows, nrows, r) > col->limit;
		/* no widow: a paragraph's last line does not start a column when one more line
		 * can go with it */
		if (!move && !at_top && !g->level && row->nlines >= 3 &&
		    row->line == row->nlines - 2 && r + 1 < nrows)
			move = yy + row->height + rows[r + 1].height > col->limit;
		/* no orphan: a paragraph of three lines or more does not leave its first line
		 * alone at the foot of a column */
		if (!move && !at_top && !g->level && row->nlines >= 3 && row->line == 0 &&
		    r + 1 < nrows)
			move = yy + row->height + rows[r + 1].height > col->limit;
		if (move) {
			if (++ci < ncols)
				y = cols[ci].top;
			at_top = true;
			continue;
		}
		if (spots)
			spots[r] = (ColfillSpot){ci, yy};
		y = yy + row->height + row->space_after;
		ends[ci] = yy + row->height;
		at_top = false;
		r++;
	}
	return r;
}

void
colfill_balance(const ColfillGrid *g, const ColfillRow *rows, int nrows, ColfillColumn *cols,
                int ncols, int first, Len *ends)
{
	Len top, depth, full;
	if (first < 0 || first >= ncols)
		return;
	top = cols[first].top;
	full = cols[first].bottom - top;
	if (colfill_fill(g, rows, nrows, cols, ncols, ends, NULL) < nrows)
		return; /* overset: keep the full depth */
	/* no depth below an even share of what the last columns hold unbalanced: start there */
	depth = g->pitch;
	{
		Len held = 0;
		for (int k = first; k < ncols; k++)
			held += ends[k] - cols[k].top;
		if (held / (ncols - first) > depth)
			depth = held / (ncols - first) / g->pitch * g->pitch;
	}
	for (; depth < full; depth += g->pitch) {
		for (int k = first; k < ncols; k++)
			cols[k].limit = MIN(cols[k].bottom, top + depth);
		if (colfill_fill(g, rows, nrows, cols, ncols, ends, NULL) == nrows)
			return;
	}
	for (int k = first; k < ncols; k++)
		cols[k].limit = cols[k].bottom;
}
