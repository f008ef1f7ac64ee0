/* flowctx.c - the frame context every composition stage writes through: set, squeeze and
 * place paragraphs, add figures and bookmarks into the Flow being composed. */
#include "flowctx.h"
#include "byline.h"
#include "i18n.h"

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
	const char *what = w && w->what ? i18n_name(w->what) : _("a paragraph");
	for (int i = 0; i < fp->lines->n; i++) {
		unsigned f = fp->lines->lines[i].flags;
		forced += (f & LINE_FORCED) ? 1 : 0;
		overfull += (f & LINE_OVERFULL) ? 1 : 0;
		if (first < 0 && (f & (LINE_FORCED | LINE_OVERFULL)))
			first = i;
	}
	if (overfull > 0)
		report_error(
		    c->r, DIAG_INPUT, w ? w->file : NULL, w ? w->line : 0, w ? w->col : 0,
		    _("set the story over more columns, or give the style a smaller size"),
		    _("%s: a character of its style '%s' (%.1f pt) is wider than the %.1f pt "
		      "column it is set in"),
		    what, fp->style->name, len_to_pt(fp->style->size), len_to_pt(fp->measure));
	else if (forced > 0)
		report_warning(c->r, DIAG_RULE, w ? w->file : NULL, w ? w->line : 0, w ? w->col : 0,
		               _("a word or number longer than the column, or a run without break "
		                 "opportunities; shorten it or widen the module"),
		               _("%s: %d line(s) broken where the rules forbid it, from line %d"),
		               what, forced, first + 1);
}

/* Space and break fp->items in style s. Of the spacing only what drawing needs is kept: the
 * breaker's arrays are five times the size of the result, for every paragraph of the edition. */
static void
break_para(FlowPara *fp, const Style *s)
{
	Just *j = just_prepare(fp->items, s, fp->measure, fp->align, fp->balance);
	fp->lines = lines_break(&j->in);
	if (s->space_breaks && fp->align == LB_LEFT)
		byline_align_names(fp->items, fp->lines, fp->measure);
	fp->base_shift = g_steal_pointer(&j->base_shift);
	fp->npairs = j->npairs;
	fp->nspaced = j->nspaced;
	just_free(j);
}

/* a line that a pull-up or push-down may not make: loose, broken against the rules (tightened by
 * at most 1/64 em a gap, as the body allows as its last resort, is no flaw) */
#define EDIT_FLAWS (LINE_LOOSE | LINE_FORCED | LINE_OVERFULL)

Lines *
flowctx_break_exact(FlowCtx *c, int pi, int nlines, double *cost)
{
	FlowPara *fp = flowctx_para(c, pi);
	Just *j = just_prepare(fp->items, fp->style, fp->measure, fp->align, fp->balance);
	/* only justified text: a ragged paragraph (a notice item) set a line longer or shorter is
	 * only broken somewhere worse */
	Lines *l = fp->align == LB_JUSTIFY ? lines_break_exact(&j->in, nlines) : NULL;
	bool clean = l && l->demerits < 1e7; /* no 孤字 */
	/* no flaw, every line but the last full, and none stretched past 1/8 em a gap: a paragraph
	 * pushed down a line must not read looser than its neighbours (the body's usual stretch
	 * stays under that), nor start with a line it cannot justify */
	for (int i = 0; clean && i < l->n; i++)
		clean =
		    !(l->lines[i].flags & EDIT_FLAWS) &&
		    l->lines[i].per_gap <= fp->style->size / 8 &&
		    (i == l->n - 1 || l->lines[i].width >= l->lines[i].avail - fp->style->size / 8);
	if (clean && l->n > 0)
		clean = lines_core_count(&j->in, &l->lines[l->n - 1]) >= 2;
	just_free(j);
	if (!clean) {
		lines_free(l);
		return NULL;
	}
	*cost = l->demerits - fp->lines->demerits;
	return l;
}

void
flowctx_take_lines(FlowCtx *c, int pi, Lines *lines)
{
	FlowPara *fp = flowctx_para(c, pi);
	lines_free(fp->lines);
	fp->lines = lines;
}

int
flowctx_set(FlowCtx *c, const char *text, const Style *s, Len measure, LineAlign align,
            bool balance, int story, int para, const ItemsWhere *where)
{
	FlowPara *fp = g_new0(FlowPara, 1);
	gint64 t0, t1;
	fp->style = s;
	fp->base_style = s;
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
fits_lines(const FlowPara *fp, int max_lines)
{
	if (max_lines > 0 && fp->lines->n > max_lines)
		return false;
	for (int i = 0; i < fp->lines->n; i++)
		if (fp->lines->lines[i].flags & (LINE_OVERFULL | LINE_FORCED))
			return false;
	return true;
}

/* a copy of s at type size `size`, for max_lines lines (the author's spaces are taken as the
 * breaks when they give no more) */
static Style *
sized_style(const Style *s, Len size, int max_lines)
{
	Style *out = g_memdup2(s, sizeof *s);
	style_resize(out, size);
	out->max_lines = max_lines;
	return out;
}

bool
flowctx_fits_sized(FlowCtx *c, const char *text, const Style *s, Len size, Len measure,
                   LineAlign align, int max_lines, bool *at_spaces)
{
	g_autofree Style *st = sized_style(s, size, max_lines);
	Report *quiet = report_new(); /* the paragraph set at last reports what it has */
	FlowPara fp = {.style = st, .base_style = st, .measure = measure, .align = align};
	bool fits;
	fp.balance = true;
	fp.items = items_shape(c->fonts, st, text, NULL, quiet);
	break_para(&fp, st);
	fits = fits_lines(&fp, max_lines);
	*at_spaces = !fp.lines->spaces_missed;
	items_free(fp.items);
	g_free(fp.base_shift);
	lines_free(fp.lines);
	report_free(quiet);
	return fits;
}

int
flowctx_set_sized(FlowCtx *c, const char *text, const Style *s, Len size, Len measure,
                  LineAlign align, int max_lines, const ItemsWhere *where)
{
	Style *st = sized_style(s, size, max_lines);
	int pi = flowctx_set(c, text, st, measure, align, true, -1, -1, where);
	flowctx_para(c, pi)->sized = st;
	return pi;
}

/* set the paragraph again in its style at a horizontal scale */
static void
reset(FlowCtx *c, FlowPara *fp, int xscale)
{
	g_autofree char *text = g_strdup(fp->items->text);
	Report *quiet = report_new(); /* missing glyphs were reported the first time */
	items_free(fp->items);
	g_clear_pointer(&fp->base_shift, g_free);
	lines_free(fp->lines);
	fp->items = items_shape(c->fonts, fp->style, text, NULL, quiet);
	if (xscale != 1000)
		items_scale(fp->items, xscale);
	break_para(fp, fp->style);
	report_free(quiet);
}

/* the squeeze steps: tracking down by 0.02 em to -0.1 em, then the horizontal scale down by
 * 5% to the style's floor; step 0 is the paragraph as set. Returns the last step. */
static int
squeeze_steps(const Style *s, int step, int *milli, int *scale)
{
	int tracks = 0;
	for (int t = s->tracking_milli - 20; t >= MIN(s->tracking_milli, -100); t -= 20)
		tracks++;
	*milli = s->tracking_milli - 20 * MIN(step, tracks);
	*scale = 1000 - 50 * MAX(step - tracks, 0);
	return tracks + MAX((1000 - s->min_scale * 10) / 50, 0);
}

/* set the paragraph of layout style s again at a squeeze step (0: as the style says) */
static void
squeeze_to(FlowCtx *c, FlowPara *fp, const Style *s, int step)
{
	int milli, scale;
	squeeze_steps(s, step, &milli, &scale);
	g_clear_pointer(&fp->squeezed, g_free);
	fp->style = s;
	if (step > 0) {
		fp->squeezed = g_memdup2(s, sizeof *s);
		fp->squeezed->tracking_milli = milli;
		fp->squeezed->tracking = len_em(s->size, milli, 1000);
		fp->style = fp->squeezed;
	}
	reset(c, fp, scale);
}

/* what is wrong with a headline that fits: breaks off the author's spaces first, then the
 * breaker's defects (a split word, a line of 1-2 characters); 0 for none */
#define D_SHORT_PART 10 /* lines.c: the defect of a line of two characters */

static double
head_flaws(const FlowPara *fp)
{
	return (fp->lines->spaces_missed ? 1e9 : 0) + fp->lines->defects;
}

/* The loosest step at which the paragraph fits max_lines: for display text (fp->balance) the one
 * with the fewest flaws, so a tighter setting that keeps the author's spaces as the breaks, or a
 * word whole, beats a looser one that does not. Squeeze only as far as needed: a line of two
 * characters that is a whole part of the author's (江城 / 迎初雪) is worth tighter tracking
 * (治土 守护“舌尖上的安全” on one line) but not narrowed glyphs, so at the steps that narrow
 * them such lines of the best setting so far do not count against it. */
bool
flowctx_fit_lines(FlowCtx *c, int pi, int max_lines)
{
	FlowPara *fp = flowctx_para(c, pi);
	const Style *s = fp->base_style;
	int milli, scale, last = squeeze_steps(s, 0, &milli, &scale), best = -1, best_short = 0;
	double best_flaws = 0;

	if (fits_lines(fp, max_lines) && (!fp->balance || head_flaws(fp) == 0))
		return true;
	if (flowctx_overfull(c, pi)) /* reported, and no squeeze fits */
		return false;
	for (int step = 0; step <= last; step++) {
		if (step > 0 || fp->style != s) /* step 0 again: squeezed before, for more lines */
			squeeze_to(c, fp, s, step);
		squeeze_steps(s, step, &milli, &scale);
		if (!fits_lines(fp, max_lines) ||
		    (best >= 0 &&
		     head_flaws(fp) >= best_flaws - (scale < 1000 ? D_SHORT_PART * best_short : 0)))
			continue;
		best = step;
		best_flaws = head_flaws(fp);
		best_short = fp->lines->short_parts;
		if (best_flaws == 0 || !fp->balance)
			return true;
	}
	if (best >= 0 && best != last)
		squeeze_to(c, fp, s, best);
	return best >= 0;
}

bool
flowctx_overfull(FlowCtx *c, int pi)
{
	const FlowPara *fp = flowctx_para(c, pi);
	for (int i = 0; i < fp->lines->n; i++)
		if (fp->lines->lines[i].flags & LINE_OVERFULL)
			return true;
	return false;
}

bool
flowctx_squeeze(FlowCtx *c, int pi, const ItemsWhere *where)
{
	FlowPara *fp = flowctx_para(c, pi);
	const Style *s = fp->base_style;

	if (flowctx_fit_lines(c, pi, s->max_lines))
		return true;
	if (flowctx_overfull(c, pi)) /* reported as the input error it is */
		return false;
	report_error(
	    c->r, DIAG_LAYOUT, where ? where->file : NULL, where ? where->line : 0,
	    where ? where->col : 0,
	    _("shorten the headline, widen its span (head=) or allow more lines (max-lines)"),
	    _("headline \"%s\" does not fit %d line(s) of %.1f pt even squeezed to %d%%"),
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
flowctx_bookmark(FlowCtx *c, int page, Len y, const char *title, int level)
{
	Bookmark bm = {g_strdup(title), page, y, level};
	g_array_append_val(c->out->bookmarks, bm);
}
