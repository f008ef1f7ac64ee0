/* flow.c - pouring each story's lines through its frames: head group across the module,
 * body column by column on the baseline grid, jump lines, balancing, and the fit report. */
#include "flowctx.h"
#include <string.h>

/* ---- the shared composition helpers ---- */

static void
para_free(gpointer p)
{
	FlowPara *fp = p;
	items_free(fp->items);
	just_free(fp->just);
	lines_free(fp->lines);
	g_free(fp);
}

LineAlign
flowctx_align(Align a)
{
	switch (a) {
	case ALIGN_LEFT:
		return LB_LEFT;
	case ALIGN_CENTER:
		return LB_CENTER;
	case ALIGN_RIGHT:
		return LB_RIGHT;
	default:
		return LB_JUSTIFY;
	}
}

FlowPara *
flowctx_para(FlowCtx *c, int i)
{
	return g_ptr_array_index(c->out->paras, i);
}

static void
report_forced(FlowCtx *c, const FlowPara *fp, const ItemsWhere *w)
{
	for (int i = 0; i < fp->lines->n; i++) {
		const Line *ln = &fp->lines->lines[i];
		if (!(ln->flags & (LINE_FORCED | LINE_OVERFULL)))
			continue;
		report_warning(c->r, DIAG_RULE, w ? w->file : NULL, w ? w->line : 0, 0,
			       "a word or number longer than the column, or a run without break "
			       "opportunities; shorten it or widen the module",
			       "%s line %d of %s is %s", ln->flags & LINE_FORCED ? "forced break:" : "overfull:",
			       i + 1, w && w->what ? w->what : "a paragraph",
			       ln->flags & LINE_FORCED ? "broken where the rules forbid it" : "wider than its measure");
	}
}

int
flowctx_set(FlowCtx *c, const char *text, const Style *s, Len measure, LineAlign align,
	    bool balance, int story, int para, const ItemsWhere *where)
{
	FlowPara *fp = g_new0(FlowPara, 1);
	fp->style = s;
	fp->story = story;
	fp->para = para;
	fp->items = items_shape(c->fonts, s, text, where, c->r);
	fp->just = just_prepare(fp->items, s, measure, align, balance);
	fp->lines = lines_break(&fp->just->in);
	report_forced(c, fp, where);
	g_ptr_array_add(c->out->paras, fp);
	return (int)c->out->paras->len - 1;
}

void
flowctx_place(FlowCtx *c, int page, int para, int line, Len x, Len baseline)
{
	FlowLine l = {page, para, line, x, baseline, c->proof};
	g_array_append_val(c->out->lines, l);
}

void
flowctx_figure(FlowCtx *c, const Figure *fig)
{
	g_array_append_val(c->out->figures, *fig);
	g_array_index(c->out->figures, Figure, c->out->figures->len - 1).proof = c->proof;
}

void
flowctx_cell_rect(const FlowCtx *c, const Cell *cell, Len *x, Len *y, Len *w, Len *h)
{
	*x = grid_col_x(c->g, cell->c0);
	*w = grid_span_width(c->g, cell->c0, cell->c1);
	*y = grid_line_y(c->g, cell->l0);
	*h = (cell->l1 - cell->l0 + 1) * c->g->pitch;
}

void
flowctx_single(FlowCtx *c, int page, const char *text, const Style *s, Len x, Len measure,
	       LineAlign align, Len baseline)
{
	int pi = flowctx_set(c, text, s, measure, align, false, -1, -1, NULL);
	FlowPara *fp = flowctx_para(c, pi);
	for (int i = 0; i < fp->lines->n; i++)
		flowctx_place(c, page, pi, i, x, baseline + i * s->size * 6 / 5);
}

/* ---- stories ---- */

typedef struct {
	int page;
	const Elem *e;
} Frame;

/* a column that body text flows into */
typedef struct {
	int page;
	int frame;
	Len x, top, bottom;
	Len limit; /* bottom used for this pass (balancing) */
	bool jump_out; /* the last grid line is kept for the 下转 line */
} Column;

/* one line of a body paragraph waiting to be placed */
typedef struct {
	int para; /* index into Flow.paras */
	int line;
	int nlines;
	Len height;
	Len space_before, space_after;
	bool grid;	/* snaps to the baseline grid */
	bool keep_next; /* a heading: stays with the next line */
} Row;

typedef struct {
	FlowCtx *c;
	int story;
	const ModelStory *ms;
	Frame *frames;
	int nframes;
	Column *cols;
	int ncols;
	GArray *rows;
	Len inset; /* notices: the text is inset from the box */
} StoryFlow;

static const Style *
style_for(const Layout *l, ParaKind k, bool notice)
{
	static const StyleId ids[PARA_KIND_COUNT] = {
		[PARA_RUBRIC] = ST_RUBRIC,   [PARA_KICKER] = ST_KICKER, [PARA_HEADLINE] = ST_HEADLINE,
		[PARA_SUBHEAD] = ST_SUBHEAD, [PARA_BYLINE] = ST_BYLINE, [PARA_BODY] = ST_BODY,
		[PARA_INNER_SUBHEAD] = ST_INNER_SUBHEAD, [PARA_LABEL] = ST_LABEL,
	};
	if (notice)
		return layout_style(l, k == PARA_HEADLINE ? ST_NOTICE_HEAD : ST_NOTICE);
	return layout_style(l, ids[k]);
}

static bool
is_head(ParaKind k)
{
	return k <= PARA_SUBHEAD;
}

static Len
snap(const Grid *g, Len y)
{
	Len off = y - g->top;
	if (off <= 0)
		return y;
	return g->top + (off + g->pitch - 1) / g->pitch * g->pitch;
}

static Len
line_height(const Grid *g, const Style *s)
{
	return s->leading > 0 ? s->leading : s->lines * g->pitch;
}

/* The head group (rubric, kicker, headline, subhead) across the first frame. Returns the
 * height it takes, whole grid lines. */
static Len
place_head(StoryFlow *sf, Len x, Len y, Len w)
{
	FlowCtx *c = sf->c;
	const Story *st = sf->ms->story;
	const Grid *g = c->g;
	Len y0 = y;
	char what[128];

	for (int i = 0; i < st->n; i++) {
		const StoryPara *sp = &st->paras[i];
		const Style *s = style_for(c->m->layout, sp->kind, sf->ms->notice);
		ItemsWhere where = {sf->ms->src, sp->line, what};
		FlowPara *fp;
		int pi;
		if (!is_head(sp->kind))
			continue;
		g_snprintf(what, sizeof what, "story %s, %s", sf->ms->id ? sf->ms->id : "-",
			   story_kind_name(sp->kind));
		pi = flowctx_set(c, sp->text, s, w, flowctx_align(s->align), true, sf->story, i, &where);
		fp = flowctx_para(c, pi);
		y += s->space_before * g->pitch;
		if (sp->kind == PARA_RUBRIC && fp->lines->n > 0) {
			Figure tint = {.kind = FIG_TINT, .page = sf->frames[0].page, .x = x, .y = y,
				       .w = fp->lines->lines[0].width + s->size, .h = line_height(g, s),
				       .color = 0xe6e6e6};
			flowctx_figure(c, &tint);
			x += s->size / 2;
		}
		for (int l = 0; l < fp->lines->n; l++) {
			flowctx_place(c, sf->frames[0].page, pi, l, x, grid_baseline_in(y, line_height(g, s), s->size));
			y += line_height(g, s);
		}
		if (sp->kind == PARA_RUBRIC)
			x -= s->size / 2;
		y += s->space_after * g->pitch;
	}
	return snap(g, y) - y0;
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
		const Style *s = style_for(c->m->layout, sp->kind, sf->ms->notice);
		ItemsWhere where = {sf->ms->src, sp->line, what};
		FlowPara *fp;
		int pi;
		if (is_head(sp->kind))
			continue;
		g_snprintf(what, sizeof what, "story %s, paragraph %d", sf->ms->id ? sf->ms->id : "-", i + 1);
		pi = flowctx_set(c, sp->text, s, measure, flowctx_align(s->align), false, sf->story, i, &where);
		fp = flowctx_para(c, pi);
		for (int l = 0; l < fp->lines->n; l++) {
			Row row = {pi, l, fp->lines->n, line_height(g, s)};
			row.space_before = l == 0 ? s->space_before * g->pitch : 0;
			row.space_after = l == fp->lines->n - 1 ? s->space_after * g->pitch : 0;
			row.grid = s->leading == 0;
			row.keep_next = (sp->kind == PARA_INNER_SUBHEAD || sp->kind == PARA_LABEL) &&
					l == fp->lines->n - 1;
			g_array_append_val(sf->rows, row);
		}
	}
}

static void
add_columns(StoryFlow *sf, int f, Len top)
{
	const Grid *g = sf->c->g;
	const Elem *e = sf->frames[f].e;
	Len bottom = grid_line_y(g, e->cell.l1) + g->pitch;
	if (sf->ms->notice) {
		Column col = {sf->frames[f].page, f, grid_col_x(g, e->cell.c0) + sf->inset, top, bottom - sf->inset / 2};
		col.limit = col.bottom;
		sf->cols = g_renew(Column, sf->cols, sf->ncols + 1);
		sf->cols[sf->ncols++] = col;
		return;
	}
	for (int k = e->cell.c0; k <= e->cell.c1; k++) {
		Column col = {sf->frames[f].page, f, grid_col_x(g, k), top, bottom};
		col.jump_out = f < sf->nframes - 1 && k == e->cell.c1;
		if (col.jump_out)
			col.bottom -= g->pitch;
		col.limit = col.bottom;
		sf->cols = g_renew(Column, sf->cols, sf->ncols + 1);
		sf->cols[sf->ncols++] = col;
	}
}

/* Place rows into columns; with place == false only count. Returns the rows placed and
 * the bottom of the text in each column (ends[]). Each step places a row or moves to the
 * next column, so it always terminates. */
static int
fill(StoryFlow *sf, bool place, Len *ends)
{
	const Grid *g = sf->c->g;
	const Row *rows = (const Row *)sf->rows->data;
	int nrows = (int)sf->rows->len, r = 0, ci = 0;
	Len y = sf->ncols ? sf->cols[0].top : 0;
	bool at_top = true;

	for (int k = 0; k < sf->ncols; k++)
		ends[k] = sf->cols[k].top;
	while (r < nrows && ci < sf->ncols) {
		const Row *row = &rows[r];
		const Column *col = &sf->cols[ci];
		Len yy = y + (at_top ? 0 : row->space_before);
		bool move;
		if (row->grid)
			yy = snap(g, yy);
		move = yy + row->height > col->limit;
		if (!move && !at_top && row->keep_next && r + 1 < nrows)
			move = yy + row->height + rows[r + 1].space_before + rows[r + 1].height > col->limit;
		/* no widow: a paragraph's last line does not start a column when one more line
		 * can go with it */
		if (!move && !at_top && row->nlines >= 3 && row->line == row->nlines - 2 && r + 1 < nrows)
			move = yy + row->height + rows[r + 1].height > col->limit;
		if (move) {
			if (++ci < sf->ncols)
				y = sf->cols[ci].top;
			at_top = true;
			continue;
		}
		if (place) {
			const FlowPara *fp = flowctx_para(sf->c, row->para);
			flowctx_place(sf->c, col->page, row->para, row->line, col->x,
				      grid_baseline_in(yy, row->height, fp->style->size));
		}
		y = yy + row->height + row->space_after;
		ends[ci] = yy + row->height;
		at_top = false;
		r++;
	}
	return r;
}

/* Balance the last frame: the least depth at which everything still fits. */
static void
balance(StoryFlow *sf, Len *ends)
{
	const Grid *g = sf->c->g;
	int nrows = (int)sf->rows->len, first = 0;
	Len top, depth, full;
	if (sf->ncols == 0 || sf->ms->notice)
		return;
	while (first < sf->ncols && sf->cols[first].frame != sf->nframes - 1)
		first++;
	if (first == sf->ncols)
		return;
	top = sf->cols[first].top;
	full = sf->cols[first].bottom - top;
	if (fill(sf, false, ends) < nrows)
		return; /* overset: keep the full depth */
	for (depth = g->pitch; depth < full; depth += g->pitch) {
		for (int k = first; k < sf->ncols; k++)
			sf->cols[k].limit = MIN(sf->cols[k].bottom, top + depth);
		if (fill(sf, false, ends) == nrows)
			return;
	}
	for (int k = first; k < sf->ncols; k++)
		sf->cols[k].limit = sf->cols[k].bottom;
}

static char *
overset_text(StoryFlow *sf, int from)
{
	const Row *row = &g_array_index(sf->rows, Row, from);
	const FlowPara *fp = flowctx_para(sf->c, row->para);
	const Line *ln = &fp->lines->lines[row->line];
	const char *s = fp->items->text + fp->items->cl[ln->start].start;
	return g_utf8_substring(s, 0, MIN(g_utf8_strlen(s, -1), 16));
}

static void
fit_report(StoryFlow *sf, int placed, const Len *ends, Len head)
{
	const Grid *g = sf->c->g;
	StoryFit *fit = &sf->c->out->fits[sf->story];
	int nrows = (int)sf->rows->len;
	const Elem *last = sf->frames[sf->nframes - 1].e;
	Len last_top = grid_line_y(g, last->cell.l0);

	fit->frames = sf->nframes;
	fit->head_lines = (int)(head / g->pitch);
	fit->depth_lines = sf->nframes == 1 ? fit->head_lines : 0;
	for (int k = 0; k < sf->ncols; k++)
		if (sf->cols[k].frame == sf->nframes - 1)
			fit->depth_lines = MAX(fit->depth_lines, (int)((ends[k] - last_top + g->pitch - 1) / g->pitch));
	for (int i = 0; i < nrows; i++) {
		const Row *row = &g_array_index(sf->rows, Row, i);
		const FlowPara *fp = flowctx_para(sf->c, row->para);
		unsigned fl = fp->lines->lines[row->line].flags;
		fit->loose_lines += (fl & LINE_LOOSE) ? 1 : 0;
		fit->forced_lines += (fl & (LINE_FORCED | LINE_OVERFULL)) ? 1 : 0;
	}
	for (int k = 0; k < sf->ncols; k++) {
		fit->lines_avail += (int)((sf->cols[k].bottom - sf->cols[k].top) / g->pitch);
		fit->lines_set += (int)((ends[k] - sf->cols[k].top + g->pitch - 1) / g->pitch);
		if (sf->cols[k].frame == sf->nframes - 1)
			fit->underset += (int)((sf->cols[k].bottom - ends[k]) / g->pitch);
	}
	if (placed >= nrows)
		return;
	fit->overset_lines = nrows - placed;
	for (int i = placed; i < nrows; i++) {
		const Row *row = &g_array_index(sf->rows, Row, i);
		const FlowPara *fp = flowctx_para(sf->c, row->para);
		const Line *ln = &fp->lines->lines[row->line];
		fit->overset_chars += ln->end - ln->start;
	}
	fit->overset_text = overset_text(sf, placed);
	fit->underset = 0;
	report_error(sf->c->r, DIAG_OVERSET, sf->c->m->file, sf->ms->line, sf->ms->col,
		     "enlarge the module, add a jump frame, or cut the story",
		     "overset: story %s does not fit: %d lines (%d characters) left over, from \"%s\"",
		     sf->ms->id ? sf->ms->id : sf->ms->src, fit->overset_lines, fit->overset_chars,
		     fit->overset_text);
}

static char *
folio_of(const Model *m, int page)
{
	return g_strdup(m->pages[page].folio);
}

/* 下转/上接 lines at the ends of the parts of a jumped story */
static void
jump_lines(StoryFlow *sf)
{
	FlowCtx *c = sf->c;
	const Style *s = layout_style(c->m->layout, ST_JUMP);
	const Grid *g = c->g;
	for (int k = 0; k < sf->ncols; k++) {
		const Column *col = &sf->cols[k];
		if (col->jump_out) {
			int next = sf->frames[col->frame + 1].page;
			g_autofree char *f = folio_of(c->m, next);
			g_autofree char *t = g_strdup_printf("（下转第%s版）", f);
			flowctx_single(c, col->page, t, s, col->x, grid_col_width(g), LB_RIGHT,
				       grid_baseline_in(col->bottom, g->pitch, s->size));
		}
	}
}

static void
jump_in_line(StoryFlow *sf, int f)
{
	FlowCtx *c = sf->c;
	const Style *s = layout_style(c->m->layout, ST_JUMP);
	const Grid *g = c->g;
	const Elem *e = sf->frames[f].e;
	g_autofree char *folio = folio_of(c->m, sf->frames[f - 1].page);
	g_autofree char *t = g_strdup_printf("（上接第%s版）", folio);
	Len top = grid_line_y(g, e->cell.l0);
	flowctx_single(c, sf->frames[f].page, t, s, grid_col_x(g, e->cell.c0), grid_col_width(g),
		       LB_LEFT, grid_baseline_in(top, g->pitch, s->size));
}

static void
add_mark(FlowCtx *c, int page, Len y, const char *title, int level)
{
	Mark mk = {g_strdup(title), page, y, level};
	g_array_append_val(c->out->marks, mk);
}

static void
compose_story(FlowCtx *c, int story)
{
	StoryFlow sf = {c, story, &c->m->stories[story]};
	const Grid *g = c->g;
	Len x, y, w, h, head;
	Len *ends;
	int placed;
	const char *title;

	for (int p = 0; p < c->m->npages; p++)
		for (int i = 0; i < c->m->pages[p].nelems; i++) {
			const Elem *e = &c->m->pages[p].elems[i];
			if (e->story != story)
				continue;
			sf.frames = g_renew(Frame, sf.frames, sf.nframes + 1);
			sf.frames[sf.nframes++] = (Frame){p, e};
		}
	if (sf.nframes == 0)
		return;
	c->out->fits[story].story = story;
	flowctx_cell_rect(c, &sf.frames[0].e->cell, &x, &y, &w, &h);
	title = story_get(sf.ms->story, PARA_HEADLINE);
	add_mark(c, sf.frames[0].page, y, title ? title : (sf.ms->id ? sf.ms->id : "notice"), 1);
	if (sf.ms->notice) {
		Figure box = {.kind = FIG_BOX, .page = sf.frames[0].page, .x = x, .y = y + g->pitch / 4,
			      .w = w, .h = h - g->pitch / 2, .weight = len_from_pt(0.75)};
		flowctx_figure(c, &box);
		sf.inset = layout_style(c->m->layout, ST_NOTICE)->size;
		y += g->pitch / 2;
		head = place_head(&sf, x + sf.inset, y, w - 2 * sf.inset);
		add_columns(&sf, 0, y + head);
	} else {
		head = place_head(&sf, x, y, w);
		add_columns(&sf, 0, y + head);
	}
	for (int f = 1; f < sf.nframes; f++) {
		Len top = grid_line_y(g, sf.frames[f].e->cell.l0);
		jump_in_line(&sf, f);
		add_columns(&sf, f, top + g->pitch);
	}
	sf.rows = g_array_new(FALSE, FALSE, sizeof(Row));
	add_rows(&sf);
	ends = g_new0(Len, sf.ncols + 1);
	balance(&sf, ends);
	placed = fill(&sf, true, ends);
	fit_report(&sf, placed, ends, head);
	jump_lines(&sf);
	g_free(ends);
	g_array_free(sf.rows, TRUE);
	g_free(sf.cols);
	g_free(sf.frames);
}

/* grid cells of a page that no module covers (rules do not count) */
static int
uncovered_cells(const Model *m, int p)
{
	const Grid *g = &m->layout->grid;
	const Page *pg = &m->pages[p];
	int empty = 0;
	for (int col = 1; col <= g->columns; col++)
		for (int line = 1; line <= g->lines; line++) {
			bool covered = false;
			for (int i = 0; i < pg->nelems && !covered; i++) {
				const Cell *c = &pg->elems[i].cell;
				covered = pg->elems[i].kind != EL_RULE && col >= c->c0 && col <= c->c1 &&
					  line >= c->l0 && line <= c->l1;
			}
			empty += !covered;
		}
	return empty;
}

Flow *
flow_compose(const Model *m, const Fonts *f, Report *r)
{
	Flow *out = g_new0(Flow, 1);
	FlowCtx c = {m, &m->layout->grid, f, r, out};

	out->paras = g_ptr_array_new_with_free_func(para_free);
	out->lines = g_array_new(FALSE, FALSE, sizeof(FlowLine));
	out->figures = g_array_new(FALSE, FALSE, sizeof(Figure));
	out->images = g_ptr_array_new_with_free_func(g_free);
	out->marks = g_array_new(FALSE, FALSE, sizeof(Mark));
	out->nfits = m->nstories;
	out->fits = g_new0(StoryFit, m->nstories + 1);
	out->npages = m->npages;
	for (int p = 0; p < m->npages; p++) {
		g_autofree char *t = g_strdup_printf("第%s版 %s", m->pages[p].folio,
						     m->pages[p].section ? m->pages[p].section : "");
		add_mark(&c, p, 0, t, 0);
		furniture_compose_page(&c, p);
	}
	for (int s = 0; s < m->nstories; s++)
		compose_story(&c, s);
	out->uncovered = g_new0(int, m->npages + 1);
	for (int p = 0; p < m->npages; p++)
		out->uncovered[p] = uncovered_cells(m, p);
	proof_compose(&c);
	return out;
}

void
flow_free(Flow *f)
{
	if (!f)
		return;
	g_ptr_array_unref(f->paras);
	g_array_free(f->lines, TRUE);
	g_array_free(f->figures, TRUE);
	g_ptr_array_unref(f->images);
	for (int i = 0; i < f->nfits; i++)
		g_free(f->fits[i].overset_text);
	g_free(f->fits);
	for (guint i = 0; i < f->marks->len; i++)
		g_free(g_array_index(f->marks, Mark, i).title);
	g_array_free(f->marks, TRUE);
	g_free(f->uncovered);
	g_free(f);
}

char *
flow_line_text(const Flow *f, const FlowLine *l)
{
	const FlowPara *fp = g_ptr_array_index(f->paras, l->para);
	const Line *ln = &fp->lines->lines[l->line];
	const Items *it = fp->items;
	int b0, b1;
	if (ln->end <= ln->start)
		return g_strdup("");
	b0 = it->cl[ln->start].start;
	b1 = it->cl[ln->end - 1].start + it->cl[ln->end - 1].len;
	return g_strndup(it->text + b0, (gsize)(b1 - b0));
}

void
flow_dump(const Flow *f, const Model *m, GString *out)
{
	static const char *const figs[] = {"image", "rule", "box", "tint"};
	for (int p = 0; p < f->npages; p++) {
		g_string_append_printf(out, "page %s\n", m->pages[p].folio);
		for (guint i = 0; i < f->figures->len; i++) {
			const Figure *fg = &g_array_index(f->figures, Figure, i);
			if (fg->page == p && !fg->proof)
				g_string_append_printf(out, "  %s %.2f,%.2f %.2fx%.2f\n", figs[fg->kind],
						       len_to_pt(fg->x), len_to_pt(fg->y), len_to_pt(fg->w),
						       len_to_pt(fg->h));
		}
		for (guint i = 0; i < f->lines->len; i++) {
			const FlowLine *l = &g_array_index(f->lines, FlowLine, i);
			const FlowPara *fp = g_ptr_array_index(f->paras, l->para);
			const Line *ln = &fp->lines->lines[l->line];
			g_autofree char *t = NULL;
			if (l->page != p || l->proof)
				continue;
			t = flow_line_text(f, l);
			g_string_append_printf(out, "  line %s x=%.2f y=%.2f w=%.2f%s%s \"%s\"\n",
					       fp->style->name, len_to_pt(l->x), len_to_pt(l->baseline),
					       len_to_pt(ln->width), ln->flags & LINE_LOOSE ? " loose" : "",
					       ln->flags & LINE_SQUEEZED ? " squeezed" : "", t);
		}
	}
	for (int s = 0; s < f->nfits; s++) {
		const StoryFit *fit = &f->fits[s];
		g_string_append_printf(out, "fit %s frames=%d lines=%d/%d underset=%d overset=%d/%d%s%s\n",
				       m->stories[s].id ? m->stories[s].id : "-", fit->frames,
				       fit->lines_set, fit->lines_avail, fit->underset, fit->overset_lines,
				       fit->overset_chars, fit->overset_text ? " from " : "",
				       fit->overset_text ? fit->overset_text : "");
	}
}
