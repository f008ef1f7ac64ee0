/* flush.h - the make-up's plan for a module its text leaves short (flush.c): which of the
 * layout's flush rules take the leftover grid lines so that every column ends on the module's
 * last line (齐底). Pure: plain arrays in, a plan out, checked by filling (colfill.c). */
#pragma once

#include "colfill.h"
#include "layout.h"
#include <glib.h>

/* what the module offers the plan */
typedef struct {
	const ColfillRow *rows;
	int nrows;
	const int *para;     /* per row: its paragraph, 0 .. npara-1, in order */
	const bool *heading; /* per row: the first row of an inner subhead or label */
	int npara;
	const bool *pull;        /* per paragraph: it can be set a line shorter (缩行), cleanly */
	const bool *push;        /* per paragraph: it can be set a line longer (拉行), cleanly */
	const double *edit_cost; /* per paragraph: what that costs (demerits added), to choose */
	const ColfillColumn *cols;
	int ncols;
	int first;              /* the last frame's columns are first .. ncols-1 */
	const bool *under_head; /* per column: the head group is above it, so it grows down it */
} FlushInput;

typedef struct {
	int head;         /* grid lines added to the head group */
	int *sub_lines;   /* per row: grid lines added before it (inner subheads, labels) */
	int *delta;       /* per paragraph: -1 pulled up a line, +1 pushed down, 0 */
	bool level;       /* the widow and orphan rules had to give way to level columns */
	int underset;     /* grid lines the last frame leaves empty with the plan */
	int underset_was; /* and without it */
	bool fits;        /* every row placed with the plan */
} FlushPlan;

/* the grid lines the last frame's columns leave empty when filled as they are (-1: the rows do
 * not all fit) */
int flush_underset(const ColfillGrid *g, const FlushInput *in);
/* The best plan under the rules: a flush one with the fewest paragraphs edited, the head group
 * taking what it can first, then space before headings; failing that the one that leaves the
 * fewest lines empty (possibly no change at all). */
FlushPlan *flush_plan(const ColfillGrid *g, const FlushInput *in, const FlushRules *rules);
/* a column under a head group that grows by d: its text starts d lower, and an inset photo at
 * the top of its text (a hole from its top, with one empty line of pitch under the photo)
 * moves down with it, unless that takes the photo past the column's foot: there it stays (the
 * grown head group's lines are its empty lines above) */
void flush_grow_column(ColfillColumn *col, Len d, Len pitch);
/* in's rows and columns with plan applied: *rows (g_free) and cols (ncols, written) */
ColfillRow *flush_apply(const ColfillGrid *g, const FlushInput *in, const FlushPlan *plan,
                        ColfillColumn *cols, int *nrows);
void flush_plan_free(FlushPlan *p);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(FlushPlan, flush_plan_free)
