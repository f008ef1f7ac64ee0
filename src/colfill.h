/* colfill.h - column filling: which row of a story goes into which column at which depth, the
 * balancing of the last columns, no widows and no orphans (colfill.c). Pure: plain arrays in,
 * plain results out; nothing is shaped, placed or reported. */
#pragma once

#include "units.h"
#include <stdbool.h>

#define COLFILL_MAX_HOLES 4

/* the baseline grid: the top of its first line and its pitch */
typedef struct {
	Len top, pitch;
	bool level; /* level columns beat widow and orphan avoidance: those rules are off */
} ColfillGrid;

/* one line of a body paragraph waiting to be placed */
typedef struct {
	int line;   /* of its paragraph */
	int nlines; /* the paragraph's */
	Len height;
	Len space_before, space_after;
	bool grid;      /* snaps to the baseline grid */
	bool keep_next; /* a heading: stays with the next row */
} ColfillRow;

/* a column that rows flow into, in reading order */
typedef struct {
	Len top, bottom;
	Len limit; /* the bottom used for this pass (balancing) */
	Len hole_top[COLFILL_MAX_HOLES], hole_bottom[COLFILL_MAX_HOLES]; /* what rows flow around */
	int nholes;
} ColfillColumn;

/* where a placed row went: column index and the top of the row */
typedef struct {
	int col;
	Len y;
} ColfillSpot;

/* y moved down to the next grid line (unchanged above the grid's top) */
Len colfill_snap(const ColfillGrid *g, Len y);
/* the first y at or below y where a row of height h clears every hole of col (on the grid when
 * grid is true) */
Len colfill_clear_holes(const ColfillGrid *g, const ColfillColumn *col, Len y, Len h, bool grid);
/* the lowest a column's text can end: its bottom, or the top of a hole (an inset photo) that
 * reaches the bottom */
Len colfill_floor(const ColfillColumn *col);
/* Place rows into columns down to each column's limit, in order. Returns how many rows were
 * placed (the rest are overset); ends[k] is the bottom of the text in column k (its top when
 * empty); spots (may be NULL) receives, for every placed row, where it went. */
int colfill_fill(const ColfillGrid *g, const ColfillRow *rows, int nrows, const ColfillColumn *cols,
                 int ncols, Len *ends, ColfillSpot *spots);
/* Balance columns first..ncols-1 (the last frame, all starting at cols[first].top): set their
 * limits to the least depth, whole grid lines, at which every row still fits. When the rows do
 * not fit at full depth, or at any lesser depth, the limits stay at the bottoms. ends is
 * scratch of ncols. */
void colfill_balance(const ColfillGrid *g, const ColfillRow *rows, int nrows, ColfillColumn *cols,
                     int ncols, int first, Len *ends);
