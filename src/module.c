/* module.c - one story through its frames: the head group across the first, the body rows set
 * and filled into the columns around inset photos (colfill.c), balanced, measured (fit.c). */
#include "module.h"
#include "colfill.h"
#include "display.h"
#include "flush.h"
#include "i18n.h"
#include "jump.h"
#include "photo.h"
#include "storystyle.h"
#include "vhead.h"
#include <string.h>

typedef struct {
	int page;
	const Elem *e;
} Frame;

/* a column that body text flows into: where it is; its depth and holes are the ColfillColumn
 * of the same index */
typedef struct {
	int page;
	int frame;
	Len x;
	bool jump_out; /* the last grid line is kept for the 下转 line */
} Column;

/* an inset photo of one of the story's frames: its group as set and where it goes */
typedef struct {
	const Elem *e;
	int page;
	int frame;
	PhotoSet set;
	int at; /* the group's first grid line */
	PhotoMove move;
} Inset;

/* what a row of the filling is: its paragraph (index into Flow.paras; -1 dropped as certainly
 * overset) and the line of it */
typedef struct {
	int para;
	int line;
} RowSource;

typedef struct {
	FlowCtx *c;
	int story;
	const ModelStory *ms;
	Frame *frames;
	int nframes;
	Column *cols;
	ColfillColumn *fcols; /* the same columns, for the filling */
	int ncols;
	GArray *rows;    /* ColfillRow */
	GArray *srcs;    /* RowSource, one per row */
	GArray *fitrows; /* FitRow, one per row */
	gint64 room;     /* the columns' depth summed: rows deeper than that together cannot fit */
	gint64 depth; /* the rows' heights summed so far (gint64: 400 pages of columns pass 2^31) */
	char *dropped_text; /* the start of the first paragraph dropped as certainly overset */
	Len inset;          /* notices: the text is inset from the box */
	Figure tag;         /* a vertical rubric's grey tag, added over the module's own tint */
	bool has_tag;
	GArray *heading; /* gboolean per row: the first row of an inner subhead, label or item */
	guint head_lines0, head_lines1; /* the head group's lines in c->out->lines */
	guint head_figs0, head_figs1;   /* and its figures in c->out->figures */
	Len body_top;                   /* of the first frame, under the head group */
	int vcols;                      /* columns a vertical headline takes */
	bool level;                     /* the columns are filled without the widow rules */
	GArray *insets;                 /* Inset */
} StoryFlow;

/* whether text ends with a date: digits (or 〇一二…十) before 年, 月 and a final 日 */
static bool
ends_with_date(const char *text)
{
	return g_regex_match_simple("[0-9〇一二三四五六七八九十]+年[0-9〇一二三四五六七八九十]+月"
	                            "[0-9〇一二三四五六七八九十]+日$",
	                            text, 0, 0);
}

/* A notice's signature (落款: 江城市救助管理站 2026年11月28日), its last paragraph or the last
 * before the next notice's heading, no longer than a line or two and ending with a date, is
 * set flush right, as notices print it. */
static bool
is_signature(const Story *st, int i)
{
	const StoryPara *sp = &st->paras[i];
	bool last = i + 1 == st->n || st->paras[i + 1].kind != PARA_BODY;
	return sp->kind == PARA_BODY && last && g_utf8_strlen(sp->text, -1) <= 40 &&
	       ends_with_date(sp->text);
}

static bool
is_head(ParaKind k)
{
	return k <= PARA_SUBHEAD;
}

/* what a paragraph of a story (or notice) is, for the dumps and the fit report */
static const char *
para_kind(ParaKind k, bool notice)
{
	if (notice)
		return k == PARA_HEADLINE || k == PARA_INNER_SUBHEAD ? "notice-heading"
		                                                     : "notice-item";
	return story_kind_name(k);
}

/* The head group (rubric, kicker, headline, subhead) across the first frame, above bottom (the
 * module's foot): lines that do not fit there even squeezed are left out and reported. Returns
 * the height it takes, whole grid lines. */
static Len
place_head(StoryFlow *sf, Len x, Len y, Len w, Len bottom, bool skip_vertical)
{
	FlowCtx *c = sf->c;
	const Story *st = sf->ms->story;
	const Grid *g = c->g;
	Len y0 = y;
	char what[128];

	for (int i = 0; i < st->n; i++) {
		const StoryPara *sp = &st->paras[i];
		const Style *s =
		    storystyle_for(c->m->layout, &sf->ms->styles, sp->kind, sf->ms->notice);
		ItemsWhere where = {sf->ms->src, sp->line, what, sp->col, sp};
		FlowPara *fp;
		Len lh = style_line_height(s, g->pitch);
		int pi, room, over = 0;
		if (!is_head(sp->kind) || skip_vertical)
			continue;
		g_snprintf(what, sizeof what, _("story %s, %s"), sf->ms->id ? sf->ms->id : "-",
		           story_kind_name(sp->kind));
		pi = flowctx_set(c, sp->text, s, w, flowctx_align(s->align), true, sf->story, i,
		                 &where);
		display_kind(c, pi, para_kind(sp->kind, sf->ms->notice));
		flowctx_squeeze(c, pi, &where);
		fp = flowctx_para(c, pi);
		y += (Len)((gint64)s->space_before_milli * g->pitch / 1000);
		room = y < bottom ? (int)((bottom - y) / lh) : 0;
		if (fp->lines->n > room)
			over =
			    display_fit(c, pi, room, &where,
			                _("give the module more grid lines, or shorten the head"));
		display_note(c, pi, &where, s->max_lines ? MIN(s->max_lines, room) : room, over);
		fp = flowctx_para(c, pi);
		if (sp->kind == PARA_RUBRIC && fp->lines->n > over) {
			Figure tint = {.kind = FIG_TINT,
			               .page = sf->frames[0].page,
			               .x = x,
			               .y = y,
			               .w = fp->lines->lines[0].width + s->size,
			               .h = lh,
			               .color = 0xe6e6e6};
			flowctx_figure(c, &tint);
			x += s->size / 2;
		}
		for (int l = 0; l < fp->lines->n - over; l++) {
			flowctx_place(c, sf->frames[0].page, pi, l, x,
			              grid_baseline_in(y, lh, s->size));
			y += lh;
		}
		if (sp->kind == PARA_RUBRIC && fp->lines->n > over)
			x -= s->size / 2;
		y += (Len)((gint64)s->space_after_milli * g->pitch / 1000);
	}
	return grid_snap(g, y) - y0;
}

static void
add_rows(StoryFlow *sf)
{
	FlowCtx *c = sf->c;
	const Story *st = sf->ms->story;
	const Grid *g = c->g;
	Len measure = grid_col_width(g);
	char what[128];

	if (sf->ms->notice) {
		const Elem *e = sf->frames[0].e;
		measure = grid_span_width(g, e->cell.c0, e->cell.c1) - 2 * sf->inset;
	}
	for (int i = 0; i < st->n; i++) {
		const StoryPara *sp = &st->paras[i];
		const Style *s =
		    storystyle_for(c->m->layout, &sf->ms->styles, sp->kind, sf->ms->notice);
		ItemsWhere where = {sf->ms->src, sp->line, what, sp->col, sp};
		FlowPara *fp;
		int pi;
		bool drop, display, item;
		gboolean heading;
		if (is_head(sp->kind))
			continue;
		g_snprintf(what, sizeof what, _("story %s, paragraph %d"),
		           sf->ms->id ? sf->ms->id : "-", i + 1);
		/* inner subheads and labels are display text (lines.h), squeezed a little when that
		 * keeps the author's spaces as the breaks or a word whole */
		display = sp->kind == PARA_INNER_SUBHEAD || sp->kind == PARA_LABEL;
		pi = flowctx_set(c, sp->text, s, measure,
		                 sf->ms->notice && is_signature(st, i) ? LB_RIGHT
		                                                       : flowctx_align(s->align),
		                 display, sf->story, i, &where);
		if (display)
			flowctx_squeeze(c, pi, &where);
		display_kind(c, pi, para_kind(sp->kind, sf->ms->notice));
		if (sp->kind != PARA_BODY || sf->ms->notice)
			display_note(c, pi, &where, 0, 0);
		fp = flowctx_para(c, pi);
		/* rows are placed in order and each takes its height in one column: when this
		 * paragraph's first row takes the rows past the columns' depth, none of its lines
		 * can be placed. Only its rows are kept then, not its glyphs, so that a story far
		 * longer than its frames costs little more than its file. */
		drop = fp->lines->n > 0 &&
		       sf->depth + (gint64)style_line_height(s, g->pitch) > sf->room;
		if (drop && !sf->dropped_text)
			sf->dropped_text = g_utf8_substring(
			    fp->items->text, 0, MIN(g_utf8_strlen(fp->items->text, -1), 16));
		for (int l = 0; l < fp->lines->n; l++) {
			const Line *ln = &fp->lines->lines[l];
			ColfillRow row = {l, fp->lines->n, style_line_height(s, g->pitch)};
			RowSource src = {drop ? -1 : pi, l};
			FitRow fr = {ln->flags, ln->end - ln->start};
			sf->depth += row.height;
			row.space_before =
			    l == 0 ? (Len)((gint64)s->space_before_milli * g->pitch / 1000) : 0;
			row.space_after =
			    l == fp->lines->n - 1
			        ? (Len)((gint64)s->space_after_milli * g->pitch / 1000)
			        : 0;
			row.grid = s->leading == 0;
			/* a heading's lines stay together and with the line after them */
			row.keep_next = sp->kind == PARA_INNER_SUBHEAD || sp->kind == PARA_LABEL;
			/* where space may go (flush.c): before a heading, a notice's item, a
			 * brief's item (a paragraph led by its 【label】) */
			item = sf->ms->notice || g_str_has_prefix(sp->text, "【");
			heading = l == 0 && (row.keep_next || (item && sf->rows->len > 0));
			g_array_append_val(sf->heading, heading);
			g_array_append_val(sf->rows, row);
			g_array_append_val(sf->srcs, src);
			g_array_append_val(sf->fitrows, fr);
		}
		if (drop) /* the last paragraph: nothing shifts */
			g_ptr_array_remove_index(c->out->paras, (guint)pi);
	}
}

static bool
inside(const Elem *ph, const Elem *e)
{
	return ph->inset && ph->cell.l0 >= e->cell.l0 && ph->cell.l1 <= e->cell.l1 &&
	       ph->cell.c0 >= e->cell.c0 && ph->cell.c1 <= e->cell.c1;
}

/* the text top and foot, as grid lines, of each column of frame f's columns (first on, the
 * frame's grid columns from its first) that photo e covers; returns how many */
static int
inset_columns(const StoryFlow *sf, int f, int first, const Elem *e, PhotoColumn *pc, int max)
{
	const Grid *g = sf->c->g;
	int n = 0;
	for (int k = first; k < sf->ncols && n < max; k++) {
		int col = sf->frames[f].e->cell.c0 + (k - first);
		if (col < e->cell.c0 || col > e->cell.c1)
			continue;
		pc[n].top = (int)((sf->fcols[k].top - g->top + g->pitch - 1) / g->pitch) + 1;
		pc[n++].bottom = (int)((sf->fcols[k].bottom - g->top) / g->pitch) + 1;
	}
	return n;
}

/* in's group and its empty line run into an inset already placed in the frame */
static bool
overlaps_inset(const StoryFlow *sf, const Inset *in)
{
	for (guint i = 0; i < sf->insets->len; i++) {
		const Inset *o = &g_array_index(sf->insets, Inset, i);
		if (o->frame == in->frame && o->e->cell.c0 <= in->e->cell.c1 &&
		    in->e->cell.c0 <= o->e->cell.c1 && o->at <= in->at + in->set.plan.group_lines &&
		    in->at <= o->at + o->set.plan.group_lines)
			return true;
	}
	return false;
}

/* The inset photos of frame f (its columns first on), their captions set and their groups
 * planned: each where its cell starts, or moved to the top or the foot of its columns' text
 * (photoplan_inset) when it would leave one or two lines of text above or below it there. */
static void
add_insets(StoryFlow *sf, int f, int first)
{
	const Page *pg = &sf->c->m->pages[sf->frames[f].page];
	for (int i = 0; i < pg->nelems; i++) {
		Inset in = {&pg->elems[i], sf->frames[f].page, f};
		PhotoColumn pc[32]; /* a grid has at most 20 columns (layout.c) */
		int n, above, below;
		if (!inside(in.e, sf->frames[f].e))
			continue;
		in.set = photo_set(sf->c, in.e);
		n = inset_columns(sf, f, first, in.e, pc, G_N_ELEMENTS(pc));
		in.move = photoplan_inset(in.e->cell.l0, in.set.plan.group_lines, pc, n, &in.at,
		                          &above, &below);
		/* moved onto another inset of the frame in a column they share: it stays, and is
		 * reported once the head group is settled, as one that cannot move */
		if (in.move == PHOTO_STRANDED || overlaps_inset(sf, &in)) {
			in.move = PHOTO_AT_CELL;
			in.at = in.e->cell.l0;
		}
		g_array_append_val(sf->insets, in);
	}
}

/* An inset photo takes whole columns and whole grid lines of the module: its group, plus one
 * blank grid line under it; the text stops above it and resumes on the grid below. */
static void
add_holes(StoryFlow *sf, int f, int col, ColfillColumn *fc)
{
	const Grid *g = sf->c->g;
	for (guint i = 0; i < sf->insets->len && fc->nholes < COLFILL_MAX_HOLES; i++) {
		const Inset *in = &g_array_index(sf->insets, Inset, i);
		if (in->frame != f || col < in->e->cell.c0 || col > in->e->cell.c1)
			continue;
		if (grid_line_y(g, in->at) < fc->top && col == in->e->cell.c0)
			report_warning(sf->c->r, DIAG_LAYOUT, sf->c->m->file, in->e->line,
			               in->e->col, _("start the photo below the head group"),
			               _("the inset photo at grid line %d overlaps the head group "
			                 "of story %s"),
			               in->at, report_clip(sf->c->r, sf->ms->id));
		fc->hole_top[fc->nholes] = grid_line_y(g, in->at);
		fc->hole_bottom[fc->nholes++] =
		    grid_line_y(g, in->at + in->set.plan.group_lines - 1) + 2 * g->pitch;
	}
}

/* The 下转 line takes the last grid line of the frame's last column that is free down there. */
static void
reserve_jump_line(StoryFlow *sf, int f)
{
	const Grid *g = sf->c->g;
	for (int k = sf->ncols - 1; k >= 0 && sf->cols[k].frame == f; k--) {
		ColfillColumn *col = &sf->fcols[k];
		Len y = col->bottom - g->pitch;
		if (colfill_clear_holes(&(ColfillGrid){g->top, g->pitch}, col, y, g->pitch, true) !=
		    y)
			continue;
		sf->cols[k].jump_out = true;
		col->bottom = col->limit = y;
		return;
	}
}

static void
add_column(StoryFlow *sf, const Column *col, const ColfillColumn *fc)
{
	sf->cols = g_renew(Column, sf->cols, sf->ncols + 1);
	sf->fcols = g_renew(ColfillColumn, sf->fcols, sf->ncols + 1);
	sf->cols[sf->ncols] = *col;
	sf->fcols[sf->ncols++] = *fc;
}

static void
add_columns(StoryFlow *sf, int f, Len top, int right_cols)
{
	const Grid *g = sf->c->g;
	const Elem *e = sf->frames[f].e;
	Len bottom = grid_line_y(g, e->cell.l1) + g->pitch;
	int first;
	if (sf->ms->notice) {
		Column col = {sf->frames[f].page, f, grid_col_x(g, e->cell.c0) + sf->inset};
		ColfillColumn fc = {top, bottom - sf->inset / 2};
		fc.limit = fc.bottom;
		add_column(sf, &col, &fc);
		return;
	}
	first = sf->ncols;
	for (int k = e->cell.c0; k <= e->cell.c1 - right_cols; k++) {
		Column col = {sf->frames[f].page, f, grid_col_x(g, k)};
		ColfillColumn fc = {top, bottom};
		fc.limit = fc.bottom;
		add_column(sf, &col, &fc);
	}
	add_insets(sf, f, first);
	for (int k = first; k < sf->ncols; k++)
		add_holes(sf, f, e->cell.c0 + (k - first), &sf->fcols[k]);
	if (f < sf->nframes - 1)
		reserve_jump_line(sf, f);
}

/* Fill the columns and place the rows that fit; returns how many did, and the bottom of the
 * text in each column (ends[]). */
static int
fill(StoryFlow *sf, Len *ends)
{
	const Grid *g = sf->c->g;
	int nrows = (int)sf->rows->len, placed;
	ColfillSpot *spots = g_new0(ColfillSpot, nrows + 1);
	placed = colfill_fill(&(ColfillGrid){g->top, g->pitch, sf->level},
	                      (const ColfillRow *)sf->rows->data, nrows, sf->fcols, sf->ncols, ends,
	                      spots);
	for (int r = 0; r < placed; r++) {
		const ColfillRow *row = &g_array_index(sf->rows, ColfillRow, r);
		const RowSource *src = &g_array_index(sf->srcs, RowSource, r);
		const Column *col = &sf->cols[spots[r].col];
		const FlowPara *fp = flowctx_para(sf->c, src->para);
		flowctx_place(sf->c, col->page, src->para, src->line, col->x,
		              grid_baseline_in(spots[r].y, row->height, fp->style->size));
	}
	g_free(spots);
	return placed;
}

/* The make-up's flush (flush.c): what the module offers its plan, and the plan carried out. */
typedef struct {
	int *para;      /* per row: its paragraph, local */
	int *first_row; /* per paragraph */
	int npara;
	bool *heading, *under_head, *pull, *push;
	double *cost;
	Lines **pulled, **pushed; /* per paragraph: its lines a line shorter, longer, or NULL */
	FlushInput in;
} FlushOffer;

static void
offer_init(StoryFlow *sf, FlushOffer *o)
{
	int nrows = (int)sf->rows->len;
	const Elem *e = sf->frames[0].e;
	o->para = g_new0(int, nrows + 1);
	o->first_row = g_new0(int, nrows + 1);
	o->heading = g_new0(bool, nrows + 1);
	o->under_head = g_new0(bool, sf->ncols + 1);
	for (int r = 0; r < nrows; r++) {
		if (g_array_index(sf->srcs, RowSource, r).line == 0)
			o->first_row[o->npara++] = r;
		o->para[r] = o->npara - 1;
		o->heading[r] = g_array_index(sf->heading, gboolean, r);
	}
	/* the head group grows down the columns of the first frame (not a vertical one). In a
	 * story that jumps, what it takes from the first frame goes on into the last. */
	for (int k = 0; k < sf->ncols; k++)
		o->under_head[k] = sf->cols[k].frame == 0 && !e->vertical_head;
	o->pull = g_new0(bool, o->npara + 1);
	o->push = g_new0(bool, o->npara + 1);
	o->cost = g_new0(double, o->npara + 1);
	o->pulled = g_new0(Lines *, o->npara + 1);
	o->pushed = g_new0(Lines *, o->npara + 1);
	o->in = (FlushInput){(const ColfillRow *)sf->rows->data,
	                     nrows,
	                     o->para,
	                     o->heading,
	                     o->npara,
	                     NULL,
	                     NULL,
	                     o->cost,
	                     sf->fcols,
	                     sf->ncols,
	                     0,
	                     o->under_head};
	while (o->in.first < sf->ncols && sf->cols[o->in.first].frame != sf->nframes - 1)
		o->in.first++;
}

/* which text paragraphs can be set a line shorter or longer, cleanly (flowctx_break_exact) */
static void
offer_edits(StoryFlow *sf, FlushOffer *o)
{
	for (int p = 0; p < o->npara; p++) {
		int pi = g_array_index(sf->srcs, RowSource, o->first_row[p]).para;
		FlowPara *fp = flowctx_para(sf->c, pi);
		double pull_cost = 0, push_cost = 0;
		if (fp->balance)
			continue; /* display text keeps its breaks */
		if (fp->lines->n >= 2)
			o->pulled[p] = flowctx_break_exact(sf->c, pi, fp->lines->n - 1, &pull_cost);
		o->pushed[p] = flowctx_break_exact(sf->c, pi, fp->lines->n + 1, &push_cost);
		o->pull[p] = o->pulled[p] != NULL;
		o->push[p] = o->pushed[p] != NULL;
		o->cost[p] = o->pulled[p] ? pull_cost : push_cost;
	}
	o->in.pull = o->pull;
	o->in.push = o->push;
}

static void
offer_done(FlushOffer *o)
{
	for (int p = 0; p < o->npara; p++) {
		lines_free(o->pulled[p]);
		lines_free(o->pushed[p]);
	}
	g_free(o->pulled);
	g_free(o->pushed);
	g_free(o->para);
	g_free(o->first_row);
	g_free(o->heading);
	g_free(o->under_head);
	g_free(o->pull);
	g_free(o->push);
	g_free(o->cost);
}

/* the rows again after paragraphs took other lines and headings space (plan) */
static void
rebuild_rows(StoryFlow *sf, FlushOffer *o, const FlushPlan *plan)
{
	const Grid *g = sf->c->g;
	GArray *rows = g_array_new(FALSE, FALSE, sizeof(ColfillRow));
	GArray *srcs = g_array_new(FALSE, FALSE, sizeof(RowSource));
	GArray *fitrows = g_array_new(FALSE, FALSE, sizeof(FitRow));
	GArray *heading = g_array_new(FALSE, FALSE, sizeof(gboolean));
	for (int p = 0; p < o->npara; p++) {
		int r0 = o->first_row[p], r1 = p + 1 < o->npara ? o->first_row[p + 1] : o->in.nrows;
		int pi = g_array_index(sf->srcs, RowSource, r0).para;
		ColfillRow first = g_array_index(sf->rows, ColfillRow, r0),
		           last = g_array_index(sf->rows, ColfillRow, r1 - 1);
		const FlowPara *fp;
		if (plan->delta[p] < 0)
			flowctx_take_lines(sf->c, pi, g_steal_pointer(&o->pulled[p]));
		else if (plan->delta[p] > 0)
			flowctx_take_lines(sf->c, pi, g_steal_pointer(&o->pushed[p]));
		fp = flowctx_para(sf->c, pi);
		for (int l = 0; l < fp->lines->n; l++) {
			const Line *ln = &fp->lines->lines[l];
			ColfillRow row = first;
			RowSource src = {pi, l};
			FitRow fr = {ln->flags, ln->end - ln->start};
			gboolean h = l == 0 && g_array_index(sf->heading, gboolean, r0);
			row.line = l;
			row.nlines = fp->lines->n;
			row.space_before =
			    l == 0 ? first.space_before + plan->sub_lines[r0] * g->pitch : 0;
			row.space_after = l == fp->lines->n - 1 ? last.space_after : 0;
			g_array_append_val(rows, row);
			g_array_append_val(srcs, src);
			g_array_append_val(fitrows, fr);
			g_array_append_val(heading, h);
		}
	}
	g_array_free(sf->rows, TRUE);
	g_array_free(sf->srcs, TRUE);
	g_array_free(sf->fitrows, TRUE);
	g_array_free(sf->heading, TRUE);
	sf->rows = rows;
	sf->srcs = srcs;
	sf->fitrows = fitrows;
	sf->heading = heading;
}

/* the head group down by half of the lines it grew by, the odd one above it: they go above and
 * below it, and a rule over the module is clear of its first line */
static void
grow_head(StoryFlow *sf, FlushOffer *o, int lines)
{
	const Grid *g = sf->c->g;
	Len dy = (lines + 1) / 2 * g->pitch;
	for (guint i = sf->head_lines0; i < sf->head_lines1; i++)
		g_array_index(sf->c->out->lines, FlowLine, i).baseline += dy;
	for (guint i = sf->head_figs0; i < sf->head_figs1; i++)
		if (g_array_index(sf->c->out->figures, Figure, i).kind == FIG_TINT)
			g_array_index(sf->c->out->figures, Figure, i).y += dy;
	/* an inset photo at the top of the text stays there, as its holes do (flush.c) */
	for (guint i = 0; i < sf->insets->len; i++) {
		Inset *in = &g_array_index(sf->insets, Inset, i);
		Len foot = grid_line_y(g, sf->frames[0].e->cell.l1) + g->pitch;
		if (in->frame == 0 && grid_line_y(g, in->at) <= sf->body_top &&
		    grid_line_y(g, in->at + in->set.plan.group_lines + lines) <= foot)
			in->at += lines;
	}
	for (int k = 0; k < sf->ncols; k++)
		if (o->under_head[k])
			flush_grow_column(&sf->fcols[k], lines * g->pitch, g->pitch);
	sf->body_top += lines * g->pitch;
}

/* A head group wider than its module (破栏) grows only down to the next element under its
 * columns beyond the module: the grid lines free there. */
static int
free_under_head_span(const StoryFlow *sf, Len head)
{
	const Elem *e = sf->frames[0].e;
	const Page *pg = &sf->c->m->pages[sf->frames[0].page];
	int below = e->cell.l0 + (int)(head / sf->c->g->pitch), free = G_MAXINT;
	if (!e->head_c0)
		return free;
	for (int i = 0; i < pg->nelems; i++) {
		const Elem *o = &pg->elems[i];
		if (o == e || o->kind == EL_RULE || o->inset || o->cell.c1 < e->head_c0 ||
		    o->cell.c0 > e->head_c1 || o->cell.l1 < below)
			continue;
		free = MIN(free, MAX(o->cell.l0 - below, 0));
	}
	return MIN(free, e->cell.l1 - below + 1);
}

/* A notice's leftover goes first, evenly, between its items (at most two lines each). */
static int
spread_items(StoryFlow *sf, const FlushOffer *o, int under)
{
	const Grid *g = sf->c->g;
	int gaps = 0, each;
	for (int r = 0; r < o->in.nrows; r++)
		gaps += o->heading[r] ? 1 : 0;
	each = gaps > 0 ? MIN(under / gaps, 2) : 0;
	for (int r = 0; each > 0 && r < o->in.nrows; r++)
		if (o->heading[r])
			g_array_index(sf->rows, ColfillRow, r).space_before += each * g->pitch;
	return each * gaps;
}

/* Make the module end flush, by the layout's rules (flush.c); returns the grid lines the head
 * group grew by. Not for a story that is overset: that is the finding. */
static int
make_flush(StoryFlow *sf, Len head_depth)
{
	const Grid *g = sf->c->g;
	StoryFit *fit = &sf->c->fits[sf->story];
	FlushRules rules = sf->c->m->layout->flush;
	ColfillGrid cg = {g->top, g->pitch, false};
	FlushOffer o = {0};
	FlushPlan *plan;
	int under, spread = 0, head;

	if (sf->ncols == 0 || sf->rows->len == 0 || sf->dropped_text)
		return 0;
	offer_init(sf, &o);
	under = flush_underset(&cg, &o.in);
	fit->underset_was = MAX(under, 0);
	if (under > 0 && sf->ms->notice) {
		spread = spread_items(sf, &o, under);
		rules.head_max = MIN(rules.head_max, 1);
		rules.sub_max = MAX(rules.sub_max, 1);
	}
	rules.head_max = MIN(rules.head_max, free_under_head_span(sf, head_depth));
	plan = flush_plan(&cg, &o.in, &rules);
	if (plan->underset > 0 && rules.pull_max > 0) {
		flush_plan_free(plan);
		offer_edits(sf, &o);
		plan = flush_plan(&cg, &o.in, &rules);
	}
	if (plan->fits && plan->underset < plan->underset_was) {
		rebuild_rows(sf, &o, plan);
		if (plan->head)
			grow_head(sf, &o, plan->head);
		sf->level = plan->level;
		fit->flush_head = plan->head;
		fit->flush_level = plan->level;
		for (int r = 0; r < o.in.nrows; r++)
			fit->flush_space += plan->sub_lines[r];
		for (int p = 0; p < o.npara; p++) {
			fit->flush_pulled += plan->delta[p] < 0 ? 1 : 0;
			fit->flush_pushed += plan->delta[p] > 0 ? 1 : 0;
		}
	}
	fit->flush_space += spread;
	head = fit->flush_head;
	flush_plan_free(plan);
	offer_done(&o);
	return head;
}

/* a module that still ends short beyond the layout's tolerance is a make-up finding */
static void
check_underset(StoryFlow *sf)
{
	const StoryFit *fit = &sf->c->fits[sf->story];
	const Elem *last = sf->frames[sf->nframes - 1].e;
	if (fit->overset_lines > 0 || fit->underset <= sf->c->m->layout->flush.tolerance)
		return;
	{
		const char *hint =
		    _("give the module fewer grid lines (or use a <stack>), or let the "
		      "layout's <flush> rules take more");
		/* a notice without id by its file's name (the element's position says which one):
		 * the path would clip at a width that depends on where the edition is */
		g_autofree char *base = g_path_get_basename(sf->ms->src);
		const char *who = report_clip(sf->c->r, sf->ms->id ? sf->ms->id : base);
		if (sf->ms->notice)
			report_warning(
			    sf->c->r, DIAG_MAKEUP, sf->c->m->file, last->line, last->col, hint,
			    _("underset: the notice %s ends %d grid line(s) short of its module"),
			    who, fit->underset);
		else
			report_warning(
			    sf->c->r, DIAG_MAKEUP, sf->c->m->file, last->line, last->col, hint,
			    _("underset: story %s ends %d grid line(s) short of its module"), who,
			    fit->underset);
	}
}

/* Balance the last frame: the least depth at which everything still fits. */
static void
balance(StoryFlow *sf, Len *ends)
{
	const Grid *g = sf->c->g;
	int first = 0;
	if (sf->ncols == 0 || sf->ms->notice || sf->frames[sf->nframes - 1].e->no_balance)
		return;
	while (first < sf->ncols && sf->cols[first].frame != sf->nframes - 1)
		first++;
	colfill_balance(&(ColfillGrid){g->top, g->pitch, sf->level},
	                (const ColfillRow *)sf->rows->data, (int)sf->rows->len, sf->fcols,
	                sf->ncols, first, ends);
}

static char *
overset_text(StoryFlow *sf, int from)
{
	const RowSource *row = &g_array_index(sf->srcs, RowSource, from);
	const FlowPara *fp;
	const Line *ln;
	const char *s;
	if (row->para < 0) /* the first dropped paragraph: its first line */
		return g_strdup(sf->dropped_text);
	fp = flowctx_para(sf->c, row->para);
	ln = &fp->lines->lines[row->line];
	s = fp->items->text + fp->items->cl[ln->start].start;
	return g_utf8_substring(s, 0, MIN(g_utf8_strlen(s, -1), 16));
}

static void
fit_report(StoryFlow *sf, int placed, const Len *ends, Len head)
{
	const Grid *g = sf->c->g;
	StoryFit *fit = &sf->c->fits[sf->story];
	const Elem *last = sf->frames[sf->nframes - 1].e;
	bool *in_last = g_new0(bool, sf->ncols + 1);

	for (int k = 0; k < sf->ncols; k++)
		in_last[k] = sf->cols[k].frame == sf->nframes - 1;
	if (fit_measure(fit, g->pitch, sf->nframes, head, grid_line_y(g, last->cell.l0), sf->fcols,
	                in_last, ends, sf->ncols, (const FitRow *)sf->fitrows->data,
	                (int)sf->rows->len, placed)) {
		fit->overset_text = overset_text(sf, placed);
		report_error(
		    sf->c->r, DIAG_OVERSET, sf->c->m->file, sf->ms->line, sf->ms->col,
		    _("enlarge the module, add a jump frame, or cut the story"),
		    _("overset: story %s does not fit: %d lines (%d characters) left over, "
		      "from \"%s\""),
		    report_clip(sf->c->r, sf->ms->id ? sf->ms->id : sf->ms->src),
		    fit->overset_lines, fit->overset_chars, fit->overset_text);
	}
	g_free(in_last);
}

/* 下转 lines at the feet of the parts of a jumped story */
static void
jump_lines(StoryFlow *sf)
{
	for (int k = 0; k < sf->ncols; k++) {
		const Column *col = &sf->cols[k];
		if (col->jump_out)
			jump_out(sf->c, col->page, sf->frames[col->frame + 1].page, col->x,
			         sf->fcols[k].bottom);
	}
}

/* tint, box and column rules of one frame; the box sits in the gutters around the module */
static void
decorate(StoryFlow *sf, int f, Len body_top, int right_cols)
{
	FlowCtx *c = sf->c;
	const Grid *g = c->g;
	const Elem *e = sf->frames[f].e;
	int page = sf->frames[f].page;
	Len x, y, w, h, out = MIN(g->gutter / 2, g->pitch / 2);

	flowctx_cell_rect(c, &e->cell, &x, &y, &w, &h);
	if (e->tint) {
		Figure t = {.kind = FIG_TINT,
		            .page = page,
		            .x = x - out,
		            .y = y,
		            .w = w + 2 * out,
		            .h = h,
		            .color = e->tint,
		            .line = e->line,
		            .col = e->col};
		flowctx_figure(c, &t);
	}
	if (e->box) {
		Figure b = {.kind = FIG_BOX,
		            .page = page,
		            .x = x - out,
		            .y = y - g->pitch / 4,
		            .w = w + 2 * out,
		            .h = h + g->pitch / 4,
		            .weight = len_from_pt(0.75),
		            .line = e->line,
		            .col = e->col};
		flowctx_figure(c, &b);
	}
	for (int k = e->cell.c0; e->column_rules && k < e->cell.c1 - right_cols; k++) {
		Figure r = {.kind = FIG_RULE,
		            .page = page,
		            .x = grid_col_x(g, k) + grid_col_width(g) + g->gutter / 2,
		            .y = body_top,
		            .h = y + h - body_top,
		            .weight = len_from_pt(0.3),
		            .line = e->line,
		            .col = e->col};
		flowctx_figure(c, &r);
	}
}

/* a head group wider than the module (破栏) must not run into its neighbours */
static void
check_head_span(StoryFlow *sf, Len head)
{
	FlowCtx *c = sf->c;
	const Elem *e = sf->frames[0].e;
	const Page *pg = &c->m->pages[sf->frames[0].page];
	int lines = (int)(head / c->g->pitch);
	Cell hc = {e->head_c0, e->head_c1, e->cell.l0, e->cell.l0 + lines - 1};
	for (int i = 0; e->head_c0 && lines > 0 && i < pg->nelems; i++) {
		const Cell *o = &pg->elems[i].cell;
		if (&pg->elems[i] == e || pg->elems[i].kind == EL_RULE || pg->elems[i].inset)
			continue;
		if (o->c0 <= hc.c1 && hc.c0 <= o->c1 && o->l0 <= hc.l1 && hc.l0 <= o->l1)
			report_error(c->r, DIAG_LAYOUT, c->m->file, e->line, e->col,
			             _("start the neighbour below the head group or narrow head="),
			             _("the head group of story %s (columns %d-%d, %d grid lines) "
			               "runs into the <%s> at line %d"),
			             report_clip(c->r, sf->ms->id), hc.c0, hc.c1, lines,
			             model_elem_name(pg->elems[i].kind), pg->elems[i].line);
	}
}

/* The inset photos placed where they went; one that still leaves one or two lines of text
 * above or below it in a column (it could not move, or the head group grew down to it) is a
 * make-up finding. */
static void
place_insets(StoryFlow *sf)
{
	for (guint i = 0; i < sf->insets->len; i++) {
		const Inset *in = &g_array_index(sf->insets, Inset, i);
		PhotoColumn pc[32];
		int first = 0, n, line, above, below;
		PhotoMove move;
		while (first < sf->ncols && sf->cols[first].frame != in->frame)
			first++;
		n = inset_columns(sf, in->frame, first, in->e, pc, G_N_ELEMENTS(pc));
		move =
		    photoplan_inset(in->at, in->set.plan.group_lines, pc, n, &line, &above, &below);
		if (move != PHOTO_AT_CELL)
			report_warning(
			    sf->c->r, DIAG_MAKEUP, sf->c->m->file, in->e->line, in->e->col,
			    _("give the photo or the story's module other grid lines, so that the "
			      "photo starts at the top of the text or ends at the foot of its "
			      "columns"),
			    move == PHOTO_STRANDED ? _("the inset photo at grid lines %d-%d leaves "
			                               "%d line(s) of story %s "
			                               "above it and %d below it in a column (a "
			                               "reader jumps the photo for "
			                               "them); at the top or the foot of its "
			                               "columns' text it would too")
			                           : _("the inset photo at grid lines %d-%d leaves "
			                               "%d line(s) of story %s "
			                               "above it and %d below it in a column (a "
			                               "reader jumps the photo for "
			                               "them): the head group grew down to it when "
			                               "the module was made "
			                               "flush"),
			    in->at, in->at + in->set.plan.group_lines - 1, above,
			    report_clip(sf->c->r, sf->ms->id), below);
		photo_place(sf->c, in->page, in->e, &in->set, in->at,
		            in->move == PHOTO_TO_TOP      ? "top"
		            : in->move == PHOTO_TO_BOTTOM ? "bottom"
		                                          : "");
	}
}

/* when the text ends before the last frame, the jump lines promise text that is not there */
static void
check_run_out(StoryFlow *sf, const Len *ends)
{
	bool last_used = false;
	for (int k = 0; k < sf->ncols; k++)
		if (sf->cols[k].frame == sf->nframes - 1 && ends[k] > sf->fcols[k].top)
			last_used = true;
	if (sf->nframes > 1 && !last_used && sf->rows->len > 0)
		report_warning(sf->c->r, DIAG_LAYOUT, sf->c->m->file,
		               sf->frames[sf->nframes - 1].e->line,
		               sf->frames[sf->nframes - 1].e->col,
		               _("remove the jump or shrink the first part"),
		               _("story %s runs out before its last frame: the jump is empty"),
		               report_clip(sf->c->r, sf->ms->id));
}

static void
collect_frames(StoryFlow *sf)
{
	const FlowCtx *c = sf->c;
	int a = c->frames_at[sf->story], b = c->frames_at[sf->story + 1];
	sf->frames = g_new0(Frame, b - a + 1);
	for (int k = a; k < b; k++) {
		const FlowFrame *ff = &c->frames[k];
		sf->frames[sf->nframes++] =
		    (Frame){ff->page, &c->m->pages[ff->page].elems[ff->elem]};
	}
}

/* where the head group's lines and figures start (or end) in the flow, to move it down */
static void
mark_head(StoryFlow *sf, bool start)
{
	const Flow *out = sf->c->out;
	if (start) {
		sf->head_lines0 = out->lines->len;
		sf->head_figs0 = out->figures->len;
	} else {
		sf->head_lines1 = out->lines->len;
		sf->head_figs1 = out->figures->len;
	}
}

/* the rest of the first frame, once the head group's depth is settled: its rules and tints */
static void
finish_first_frame(StoryFlow *sf, Len head)
{
	if (sf->ms->notice)
		return;
	check_head_span(sf, head);
	decorate(sf, 0, sf->body_top, sf->vcols);
	if (sf->has_tag)
		flowctx_figure(sf->c, &sf->tag);
}

static Len
first_frame(StoryFlow *sf)
{
	FlowCtx *c = sf->c;
	const Grid *g = c->g;
	const Elem *e = sf->frames[0].e;
	Len x, y, w, h, head;
	int vcols = 0;

	flowctx_cell_rect(c, &e->cell, &x, &y, &w, &h);
	if (sf->ms->notice) {
		Figure box = {.kind = FIG_BOX,
		              .page = sf->frames[0].page,
		              .x = x,
		              .y = y + g->pitch / 4,
		              .w = w,
		              .h = h - g->pitch / 2,
		              .weight = len_from_pt(0.75),
		              .line = e->line,
		              .col = e->col};
		if (e->tint) {
			Figure t = box;
			t.kind = FIG_TINT;
			t.color = e->tint;
			flowctx_figure(c, &t);
		}
		flowctx_figure(c, &box);
		sf->inset = storystyle_get(c->m->layout, &sf->ms->styles, ST_NOTICE)->size;
		y += g->pitch / 2;
		mark_head(sf, true);
		head = place_head(sf, x + sf->inset, y, w - 2 * sf->inset, y + h - g->pitch, false);
		mark_head(sf, false);
		sf->body_top = y + head;
		add_columns(sf, 0, y + head, 0);
		return head;
	}
	if (e->vertical_head)
		vcols =
		    vhead_compose(c, sf->ms, sf->frames[0].page, e, y, h, &sf->tag, &sf->has_tag);
	if (e->head_c0) {
		x = grid_col_x(g, e->head_c0);
		w = grid_span_width(g, e->head_c0, e->head_c1);
	} else if (vcols) {
		w = grid_span_width(g, e->cell.c0, e->cell.c1 - vcols);
	}
	/* the head group ends above the 下转 line of a story that jumps */
	mark_head(sf, true);
	head = place_head(sf, x, y, w, y + h - (sf->nframes > 1 ? g->pitch : 0), e->vertical_head);
	mark_head(sf, false);
	sf->body_top = y + head;
	sf->vcols = vcols;
	add_columns(sf, 0, y + head, vcols);
	return head;
}

void
module_compose_story(FlowCtx *c, int story)
{
	StoryFlow sf = {c, story, &c->m->stories[story]};
	sf.insets = g_array_new(FALSE, FALSE, sizeof(Inset));
	Len head, *ends;
	int placed;
	const char *title;

	collect_frames(&sf);
	if (sf.nframes == 0) {
		g_array_free(sf.insets, TRUE);
		g_free(sf.frames);
		return;
	}
	c->fits[story].story = story;
	title = story_get(sf.ms->story, PARA_HEADLINE);
	flowctx_bookmark(c, sf.frames[0].page, grid_line_y(c->g, sf.frames[0].e->cell.l0),
	                 title ? title : (sf.ms->id ? sf.ms->id : "notice"), 1);
	head = first_frame(&sf);
	for (int f = 1; f < sf.nframes; f++) {
		Len top = grid_line_y(c->g, sf.frames[f].e->cell.l0),
		    in = jump_in(c, sf.frames[f].page, sf.frames[f - 1].page, sf.frames[f].e);
		decorate(&sf, f, top + in, 0);
		add_columns(&sf, f, top + in, 0);
	}
	sf.rows = g_array_new(FALSE, FALSE, sizeof(ColfillRow));
	sf.srcs = g_array_new(FALSE, FALSE, sizeof(RowSource));
	sf.fitrows = g_array_new(FALSE, FALSE, sizeof(FitRow));
	sf.heading = g_array_new(FALSE, FALSE, sizeof(gboolean));
	/* a column the head group fills to its foot (top below bottom) holds nothing: counting it
	 * negative would make room smaller than the other columns hold, and drop paragraphs that
	 * fit there as "certainly overset" */
	for (int k = 0; k < sf.ncols; k++)
		sf.room += MAX((gint64)sf.fcols[k].bottom - sf.fcols[k].top, 0);
	add_rows(&sf);
	head += make_flush(&sf, head) * c->g->pitch;
	finish_first_frame(&sf, head);
	ends = g_new0(Len, sf.ncols + 1);
	balance(&sf, ends);
	placed = fill(&sf, ends);
	fit_report(&sf, placed, ends, head);
	check_underset(&sf);
	check_run_out(&sf, ends);
	jump_lines(&sf);
	place_insets(&sf);
	g_free(ends);
	g_array_free(sf.rows, TRUE);
	g_array_free(sf.srcs, TRUE);
	g_array_free(sf.fitrows, TRUE);
	g_array_free(sf.heading, TRUE);
	g_array_free(sf.insets, TRUE);
	g_free(sf.dropped_text);
	g_free(sf.cols);
	g_free(sf.fcols);
	g_free(sf.frames);
}
