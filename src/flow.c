/* flow.c - the composition of a whole edition: page furniture, then every story through its
 * modules (module.c), then the proof overlay; the helpers all composition stages share. */
#include "flowctx.h"
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

/* ---- the shared composition helpers ---- */

static void
para_free(gpointer p)
{
	FlowPara *fp = p;
	if (!fp)
		return; /* dropped already (flow_drop_para) */
	items_free(fp->items);
	g_free(fp->base_shift);
	lines_free(fp->lines);
	g_free(fp->squeezed);
	g_free(fp);
}

static void
flowrun_free(gpointer p)
{
	FlowRun *r = p;
	g_object_unref(r->font);
	g_array_free(r->glyphs, TRUE);
	g_string_free(r->text, TRUE);
	g_array_free(r->clusters, TRUE);
	g_free(r);
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

/* One diagnostic per paragraph, however many of its lines had to break the rules. A line
 * wider than the measure holds a single character wider than the column (a run without break
 * opportunities is broken anywhere instead): nothing can set it, so the placement is an error. */
static void
report_forced(FlowCtx *c, const FlowPara *fp, const ItemsWhere *w)
{
	int forced = 0, overfull = 0, first = -1;
	const char *what = w && w->what ? w->what : "a paragraph";
	for (int i = 0; i < fp->lines->n; i++) {
		unsigned f = fp->lines->lines[i].flags;
		forced += (f & LINE_FORCED) ? 1 : 0;
		overfull += (f & LINE_OVERFULL) ? 1 : 0;
		if (first < 0 && (f & (LINE_FORCED | LINE_OVERFULL)))
			first = i;
	}
	if (overfull > 0)
		report_error(
		    c->r, DIAG_INPUT, w ? w->file : NULL, w ? w->line : 0, 0,
		    "set the story over more columns, or give the style a smaller size",
		    "%s: a character of its style '%s' (%.1f pt) is wider than the %.1f pt "
		    "column it is set in",
		    what, fp->style->name, len_to_pt(fp->style->size), len_to_pt(fp->measure));
	else if (forced > 0)
		report_warning(c->r, DIAG_RULE, w ? w->file : NULL, w ? w->line : 0, 0,
		               "a word or number longer than the column, or a run without break "
		               "opportunities; shorten it or widen the module",
		               "%s: %d line(s) broken where the rules forbid it, from line %d",
		               what, forced, first + 1);
}

/* Space and break fp->items in style s. Of the spacing only what drawing needs is kept: the
 * breaker's arrays are five times the size of the result, for every paragraph of the edition. */
static void
break_para(FlowPara *fp, const Style *s)
{
	Just *j = just_prepare(fp->items, s, fp->measure, fp->align, fp->balance);
	fp->lines = lines_break(&j->in);
	fp->base_shift = g_steal_pointer(&j->base_shift);
	fp->npairs = j->npairs;
	fp->nspaced = j->nspaced;
	just_free(j);
}

int
flowctx_set(FlowCtx *c, const char *text, const Style *s, Len measure, LineAlign align,
            bool balance, int story, int para, const ItemsWhere *where)
{
	FlowPara *fp = g_new0(FlowPara, 1);
	gint64 t0, t1;
	fp->style = s;
	fp->story = story;
	fp->para = para;
	fp->measure = measure;
	fp->align = align;
	fp->balance = balance;
	t0 = g_get_monotonic_time();
	fp->items = items_shape(c->fonts, s, text, where, c->r);
	t1 = g_get_monotonic_time();
	break_para(fp, s);
	c->out->shape_us += t1 - t0;
	c->out->break_us += g_get_monotonic_time() - t1;
	report_forced(c, fp, where);
	g_ptr_array_add(c->out->paras, fp);
	return (int)c->out->paras->len - 1;
}

static bool
head_fits(const FlowPara *fp)
{
	if (fp->style->max_lines > 0 && fp->lines->n > fp->style->max_lines)
		return false;
	for (int i = 0; i < fp->lines->n; i++)
		if (fp->lines->lines[i].flags & (LINE_OVERFULL | LINE_FORCED))
			return false;
	return true;
}

/* set the paragraph again in fp->squeezed at a horizontal scale */
static void
reset(FlowCtx *c, FlowPara *fp, int xscale)
{
	g_autofree char *text = g_strdup(fp->items->text);
	Report *quiet = report_new(); /* missing glyphs were reported the first time */
	items_free(fp->items);
	g_clear_pointer(&fp->base_shift, g_free);
	lines_free(fp->lines);
	fp->squeezed->tracking = len_em(fp->squeezed->size, fp->squeezed->tracking_milli, 1000);
	fp->items = items_shape(c->fonts, fp->squeezed, text, NULL, quiet);
	if (xscale != 1000)
		items_scale(fp->items, xscale);
	break_para(fp, fp->squeezed);
	report_free(quiet);
}

bool
flowctx_squeeze(FlowCtx *c, int pi, const ItemsWhere *where)
{
	FlowPara *fp = flowctx_para(c, pi);
	const Style *s = fp->style;
	int milli = s->tracking_milli;

	if (head_fits(fp))
		return true;
	fp->squeezed = g_memdup2(s, sizeof *s);
	fp->style = fp->squeezed;
	for (int t = milli - 20; t >= MIN(milli, -100) && !head_fits(fp); t -= 20) {
		fp->squeezed->tracking_milli = t;
		reset(c, fp, 1000);
	}
	for (int scale = 950; scale >= s->min_scale * 10 && !head_fits(fp); scale -= 50)
		reset(c, fp, scale);
	if (head_fits(fp))
		return true;
	report_error(c->r, DIAG_LAYOUT, where ? where->file : NULL, where ? where->line : 0, 0,
	             "shorten the headline, widen its span (head=) or allow more lines (max-lines)",
	             "headline \"%s\" does not fit %d line(s) of %.1f pt even squeezed to %d%%",
	             report_clip(c->r, fp->items->text), s->max_lines ? s->max_lines : fp->lines->n,
	             len_to_pt(fp->measure), s->min_scale);
	return false;
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

int
flowctx_single(FlowCtx *c, int page, const char *text, const Style *s, Len x, Len measure,
               LineAlign align, Len baseline, const ItemsWhere *where)
{
	int pi = flowctx_set(c, text, s, measure, align, false, -1, -1, where);
	FlowPara *fp = flowctx_para(c, pi);
	for (int i = 0; i < fp->lines->n; i++)
		flowctx_place(c, page, pi, i, x, baseline + i * s->size * 6 / 5);
	return pi;
}

void
flowctx_mark(FlowCtx *c, int page, Len y, const char *title, int level)
{
	Mark mk = {g_strdup(title), page, y, level};
	g_array_append_val(c->out->marks, mk);
}

/* grid cells of a page that no module covers (rules do not count; a head group wider than its
 * module covers the cells it spans) */
static bool
covers(const Flow *f, const Elem *e, int col, int line)
{
	const Cell *c = &e->cell;
	if (e->kind == EL_RULE)
		return false;
	if (col >= c->c0 && col <= c->c1 && line >= c->l0 && line <= c->l1)
		return true;
	return e->head_c0 && e->story >= 0 && col >= e->head_c0 && col <= e->head_c1 &&
	       line >= c->l0 && line < c->l0 + f->fits[e->story].head_lines;
}

static int
uncovered_cells(const Model *m, const Flow *f, int p)
{
	const Grid *g = &m->layout->grid;
	const Page *pg = &m->pages[p];
	int empty = 0;
	for (int col = 1; col <= g->columns; col++)
		for (int line = 1; line <= g->lines; line++) {
			bool covered = false;
			for (int i = 0; i < pg->nelems && !covered; i++)
				covered = covers(f, &pg->elems[i], col, line);
			empty += !covered;
		}
	return empty;
}

Flow *
flowctx_new_flow(const Model *m, int nfits)
{
	Flow *out = g_new0(Flow, 1);
	out->paras = g_ptr_array_new_with_free_func(para_free);
	out->lines = g_array_new(FALSE, FALSE, sizeof(FlowLine));
	out->runs = g_ptr_array_new_with_free_func(flowrun_free);
	out->figures = g_array_new(FALSE, FALSE, sizeof(Figure));
	out->images = g_ptr_array_new_with_free_func(g_free);
	out->image_data = g_ptr_array_new_with_free_func((GDestroyNotify)g_bytes_unref);
	out->marks = g_array_new(FALSE, FALSE, sizeof(Mark));
	out->nfits = nfits;
	out->fits = g_new0(StoryFit, nfits + 1);
	out->npages = m->npages;
	out->helper_fonts = g_ptr_array_new_with_free_func((GDestroyNotify)fonts_free);
	return out;
}

Flow *
flow_compose(const Model *m, Fonts *f, int threads, Report *r)
{
	Flow *out = flowctx_new_flow(m, m->nstories);
	FlowCtx c = {m, &m->layout->grid, f, r, out};
	int *at = g_new0(int, m->nstories + 2);
	FlowFrame *frames;

	/* each story's frames, found once: looking for them story by story costs stories x
	 * elements, 10^10 steps for an edition of 100,000 one-line stories */
	for (int p = 0; p < m->npages; p++)
		for (int i = 0; i < m->pages[p].nelems; i++)
			if (m->pages[p].elems[i].story >= 0)
				at[m->pages[p].elems[i].story + 2]++;
	for (int s = 0; s < m->nstories; s++)
		at[s + 2] += at[s + 1];
	frames = g_new0(FlowFrame, at[m->nstories + 1] + 1);
	for (int p = 0; p < m->npages; p++)
		for (int i = 0; i < m->pages[p].nelems; i++)
			if (m->pages[p].elems[i].story >= 0)
				frames[at[m->pages[p].elems[i].story + 1]++] = (FlowFrame){p, i};
	c.fits = out->fits;
	c.frames = frames;
	c.frames_at = at;

	for (int p = 0; p < m->npages; p++) {
		g_autofree char *t = g_strdup_printf(
		    "第%s版 %s", m->pages[p].folio, m->pages[p].section ? m->pages[p].section : "");
		flowctx_mark(&c, p, 0, t, 0);
		furniture_compose_page(&c, p);
	}
	if (threads <= 1 || m->nstories < FLOW_PARALLEL_MIN_STORIES ||
	    !flowpar_compose_stories(&c, threads))
		for (int s = 0; s < m->nstories; s++)
			module_compose_story(&c, s);
	out->uncovered = g_new0(int, m->npages + 1);
	for (int p = 0; p < m->npages; p++)
		out->uncovered[p] = uncovered_cells(m, out, p);
	proof_compose(&c);
	g_free(frames);
	g_free(at);
	return out;
}

void
flow_free(Flow *f)
{
	if (!f)
		return;
	g_ptr_array_unref(f->paras);
	g_array_free(f->lines, TRUE);
	g_ptr_array_unref(f->runs);
	g_array_free(f->figures, TRUE);
	g_ptr_array_unref(f->images);
	g_ptr_array_unref(f->image_data);
	for (int i = 0; i < f->nfits; i++)
		g_free(f->fits[i].overset_text);
	g_free(f->fits);
	for (guint i = 0; i < f->marks->len; i++)
		g_free(g_array_index(f->marks, Mark, i).title);
	g_array_free(f->marks, TRUE);
	g_free(f->uncovered);
	g_ptr_array_unref(f->helper_fonts); /* after the paragraphs, which hold their fonts */
	g_free(f);
}

void
flow_drop_para(Flow *f, int i)
{
	para_free(g_ptr_array_index(f->paras, i));
	g_ptr_array_index(f->paras, i) = NULL;
}

void
flow_trim(void)
{
#ifdef __GLIBC__
	malloc_trim(0);
#endif
}

void
flow_drop_text(Flow *f)
{
	g_ptr_array_set_size(f->paras, 0);
	g_array_set_size(f->lines, 0);
	g_ptr_array_set_size(f->runs, 0);
	flow_trim(); /* hand the pages back: what follows (cairo) allocates otherwise */
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
				g_string_append_printf(out, "  %s %.2f,%.2f %.2fx%.2f\n",
				                       figs[fg->kind], len_to_pt(fg->x),
				                       len_to_pt(fg->y), len_to_pt(fg->w),
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
			                       fp->style->name, len_to_pt(l->x),
			                       len_to_pt(l->baseline), len_to_pt(ln->width),
			                       ln->flags & LINE_LOOSE ? " loose" : "",
			                       ln->flags & LINE_SQUEEZED ? " squeezed" : "", t);
		}
	}
	for (int s = 0; s < f->nfits; s++) {
		const StoryFit *fit = &f->fits[s];
		g_string_append_printf(
		    out, "fit %s frames=%d lines=%d/%d underset=%d overset=%d/%d%s%s\n",
		    m->stories[s].id ? m->stories[s].id : "-", fit->frames, fit->lines_set,
		    fit->lines_avail, fit->underset, fit->overset_lines, fit->overset_chars,
		    fit->overset_text ? " from " : "", fit->overset_text ? fit->overset_text : "");
	}
}
