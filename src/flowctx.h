/* flowctx.h - the frame context every composition stage writes through (flowctx.c). */
#pragma once

#include "flow.h"

/* an element that holds a story's text: page and index in it */
typedef struct {
	int page, elem;
} FlowFrame;

typedef struct {
	const Model *m;
	const Grid *g;
	Fonts *fonts;
	Report *r;
	Flow *out;
	bool proof;     /* what is added now belongs to the proof overlay */
	StoryFit *fits; /* where the stories' fits go: the edition's, also from a story's Flow */
	const FlowFrame *frames; /* every story's frames in page order, story after story */
	const int *frames_at;    /* story s: frames[frames_at[s] .. frames_at[s + 1]) */
	const bool *pages;       /* per page: composed (--pages); NULL: every page */
	const bool *stories;     /* per story: composed (a frame on such a page); NULL: all */
} FlowCtx;

/* Shape, space and break `text` in style `s` at `measure`; returns the index in paras. */
int flowctx_set(FlowCtx *c, const char *text, const Style *s, Len measure, LineAlign align,
                bool balance, int story, int para, const ItemsWhere *where);
/* Whether `text` in style s at type size `size` sets in at most max_lines lines of `measure`
 * with no line broken against the rules; *at_spaces: broken only at the author's spaces.
 * A trial: nothing is added to the flow, nothing reported. */
bool flowctx_fits_sized(FlowCtx *c, const char *text, const Style *s, Len size, Len measure,
                        LineAlign align, int max_lines, bool *at_spaces);
/* flowctx_set (balanced, no story) in a copy of s at type size `size` for max_lines lines, the
 * paragraph's own (FlowPara.sized) */
int flowctx_set_sized(FlowCtx *c, const char *text, const Style *s, Len size, Len measure,
                      LineAlign align, int max_lines, const ItemsWhere *where);
/* A headline that does not fit its span in max-lines: tighter tracking (down to -0.1 em), then
 * a narrower horizontal scale (down to the style's min-scale); reported when that is not
 * enough. Returns true when it fits. */
bool flowctx_squeeze(FlowCtx *c, int para, const ItemsWhere *where);
/* The same squeeze into max_lines lines (0: any number) without lines broken against the
 * rules, reporting nothing: returns true when it fits. */
bool flowctx_fit_lines(FlowCtx *c, int para, int max_lines);
/* true when a line of the paragraph holds a character wider than its measure: that is an
 * input error, reported when it was set (flowctx_set); no squeeze helps, and its failure is
 * not reported again */
bool flowctx_overfull(FlowCtx *c, int para);
/* The paragraph set again in exactly nlines lines (the make-up's 缩行 or 拉行), when that needs
 * no loose, tightened or forced line and leaves at least two characters on its last line;
 * NULL otherwise. *cost: the demerits it adds. */
Lines *flowctx_break_exact(FlowCtx *c, int para, int nlines, double *cost);
/* give the paragraph these lines instead of its own (from flowctx_break_exact) */
void flowctx_take_lines(FlowCtx *c, int para, Lines *lines);
/* the paragraph at index i */
FlowPara *flowctx_para(FlowCtx *c, int i);
void flowctx_place(FlowCtx *c, int page, int para, int line, Len x, Len baseline);
void flowctx_figure(FlowCtx *c, const Figure *fig);
LineAlign flowctx_align(Align a);
/* rectangle of a grid cell */
void flowctx_cell_rect(const FlowCtx *c, const Cell *cell, Len *x, Len *y, Len *w, Len *h);
/* set a short text with its first baseline at y (more lines follow at 1.2 x the size if it
 * does not fit the measure); where places messages about it; returns the index in paras */
int flowctx_single(FlowCtx *c, int page, const char *text, const Style *s, Len x, Len measure,
                   LineAlign align, Len baseline, const ItemsWhere *where);
/* a bookmark */
void flowctx_bookmark(FlowCtx *c, int page, Len y, const char *title, int level);
