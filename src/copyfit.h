/* copyfit.h - the copyfit table: grid lines a story needs at each column span, by the real
 * composer. */
#pragma once

#include "font.h"
#include "layout.h"
#include "model.h"
#include "report.h"
#include "story.h"

typedef struct {
	int span;       /* columns */
	int lines;      /* grid lines the module needs: head group + balanced body */
	int head_lines; /* of which the head group */
	bool fits;      /* false: more than the page's grid lines even at this span */
} CopyfitRow;

/* One row per span from 1 to the grid's columns, in order. The story is only read. */
CopyfitRow *copyfit_table(const Layout *l, Fonts *f, const Story *story, Report *r, int *nrows);
/* The table as huozi fit prints it: a heading naming the story as `shown`, then one line per
 * span (lines needed, ">" when it does not fit, head lines). */
char *copyfit_text(const char *shown, const Layout *l, const CopyfitRow *rows, int n);

/* What one element needs, composed alone by the real composer at its own columns, styles and
 * attributes, on an empty page, in grid lines 1 to `lines` of its columns. */
typedef struct {
	bool fits;   /* story, notice: no overset (a photo always) */
	int depth;   /* story, notice: grid lines its text takes, head group + balanced body */
	int head;    /* story: of which the head group */
	int caption; /* photo: grid lines its caption and credit take */
} CopyfitMeasure;

/* e is an element of m (a story, notice or photo); m and e are only read. */
CopyfitMeasure copyfit_alone(const Model *m, Fonts *f, const Elem *e, int lines);
