/* furniture.c - composing what is not a story: running heads, mastheads, stand-alone photos,
 * ads, rules. */
#include "furniture.h"
#include "display.h"
#include "i18n.h"
#include "photo.h"
#include "storystyle.h"
#include "textad.h"
#include <string.h>

static const char *const weekdays[] = {"",       "星期一", "星期二", "星期三",
                                       "星期四", "星期五", "星期六", "星期日"};

static char *
date_text(const Model *m)
{
	GDate *d = g_date_new_dmy((GDateDay)m->day, (GDateMonth)m->month, (GDateYear)m->year);
	char *s = g_strdup_printf("%d年%d月%d日 %s", m->year, m->month, m->day,
	                          weekdays[g_date_get_weekday(d)]);
	g_date_free(d);
	return s;
}

/* a rule drawn for the element at line:col of the page description (0: the page's own) */
static void
rule(FlowCtx *c, int page, int line, int col, Len x, Len y, Len w, Len h, Len weight)
{
	Figure f = {.kind = FIG_RULE,
	            .page = page,
	            .x = x,
	            .y = y,
	            .w = w,
	            .h = h,
	            .weight = weight,
	            .line = line,
	            .col = col};
	flowctx_figure(c, &f);
}

/* 文武线: a thick rule over a thin one, the top of the pair at y */
static void
thick_thin(FlowCtx *c, int page, int line, int col, Len x, Len y, Len w)
{
	rule(c, page, line, col, x, y + len_from_pt(0.75), w, 0, len_from_pt(1.5));
	rule(c, page, line, col, x, y + len_from_pt(2.6), w, 0, len_from_pt(0.4));
}

/* A piece of furniture text, meant for one line: squeezed onto it when it needs more; what
 * still does not fit is an error at the element (or the page) it belongs to, and only the
 * first line is drawn, the rest would collide with what is below. Returns its width. */
static Len
furniture_text(FlowCtx *c, int p, const char *text, const Style *s, Len x, Len w, LineAlign a,
               Len base, int line, int col, const char *what)
{
	const char *kind = strcmp(what, "masthead") == 0 ? "masthead" : "running-head";
	ItemsWhere where = {c->m->file, line, what, col, NULL};
	int pi = flowctx_set(c, text, s, w, a, false, -1, -1, &where), over;
	const FlowPara *fp;
	display_kind(c, pi, kind);
	over =
	    display_fit(c, pi, 1, &where, _("widen its module, or give the layout a wider page"));
	display_note(c, pi, &where, 1, over);
	fp = flowctx_para(c, pi);
	if (fp->lines->n == 0)
		return 0;
	flowctx_place(c, p, pi, 0, x, base);
	return fp->lines->lines[0].width;
}

static void
running_head(FlowCtx *c, int p)
{
	const Page *pg = &c->m->pages[p];
	const Style *s = layout_style(c->m->layout, ST_FOLIO);
	Len x = c->g->left, w = grid_area_width(c->g), base = c->g->top - len_from_pt(14);
	Len wl, wc = 0, wr;
	g_autofree char *date = date_text(c->m);
	g_autofree char *left = g_strdup_printf("%s　%s", c->m->paper, date);
	g_autofree char *right = pg->section && *pg->section
	                             ? g_strdup_printf("第%s版　%s", pg->folio, pg->section)
	                             : g_strdup_printf("第%s版", pg->folio);
	GString *credits = g_string_new(NULL);

	if (pg->editor)
		g_string_append_printf(credits, "责任编辑　%s", pg->editor);
	if (pg->designer)
		g_string_append_printf(credits, "%s美术编辑　%s", credits->len ? "　　" : "",
		                       pg->designer);
	if (pg->proofreader)
		g_string_append_printf(credits, "%s校对　%s", credits->len ? "　　" : "",
		                       pg->proofreader);
	wl = furniture_text(c, p, left, s, x, w, LB_LEFT, base, pg->line, pg->col,
	                    N_("running head"));
	if (credits->len)
		wc = furniture_text(c, p, credits->str, s, x, w, LB_CENTER, base, pg->line, pg->col,
		                    N_("running head"));
	wr = furniture_text(c, p, right, s, x, w, LB_RIGHT, base, pg->line, pg->col,
	                    N_("running head"));
	/* left, centred and right on one line: each side needs an em clear of the credits */
	if (credits->len ? MAX(wl, wr) + s->size > (w - wc) / 2 : wl + wr + s->size > w)
		report_warning(
		    c->r, DIAG_LAYOUT, c->m->file, pg->line, pg->col,
		    _("shorten the credits, or give the layout a wider page"),
		    _("running head: paper and date, credits and folio (%.1f, %.1f and %.1f "
		      "pt) run into each other in %.1f pt"),
		    len_to_pt(wl), len_to_pt(wc), len_to_pt(wr), len_to_pt(w));
	thick_thin(c, p, 0, 0, x, base + len_from_pt(4), w);
	g_string_free(credits, TRUE);
}

/* A masthead text whose line (baseline at base, type size size) would reach down to the
 * masthead's rule at rule_y is left out, with an error: returns false then. */
static bool
masthead_room(FlowCtx *c, const Elem *e, const char *text, Len base, Len size, Len rule_y)
{
	if (base + len_em(size, 12, 100) <= rule_y) /* its descent, as grid_baseline_in */
		return true;
	report_error(
	    c->r, DIAG_LAYOUT, c->m->file, e->line, e->col, _("give the masthead more grid lines"),
	    _("masthead: no room for \"%s\" above the rule of its %d grid lines: left out"),
	    report_clip(c->r, text), e->cell.l1 - e->cell.l0 + 1);
	return false;
}

static void
masthead(FlowCtx *c, int p, const Elem *e)
{
	const Model *m = c->m;
	const Style *big = storystyle_get(m->layout, &e->styles, ST_MASTHEAD);
	const Style *latin = storystyle_get(m->layout, &e->styles, ST_MASTHEAD_LATIN);
	const Style *small = storystyle_get(m->layout, &e->styles, ST_FOLIO);
	Len x, y, w, h, pitch = c->g->pitch, right_w, base, rule_y;
	g_autofree char *date = date_text(m);
	const Page *pg = &m->pages[p];
	g_autofree char *folio = pg->section && *pg->section
	                             ? g_strdup_printf("第%s版　%s", pg->folio, pg->section)
	                             : g_strdup_printf("第%s版", pg->folio);
	const char *right[3] = {date, m->issue, folio};

	flowctx_cell_rect(c, &e->cell, &x, &y, &w, &h);
	right_w = w / 3;
	rule_y = y + h - len_from_pt(5);
	base = grid_baseline_in(y, big->lines * pitch, big->size);
	if (masthead_room(c, e, m->paper, base, big->size, rule_y))
		furniture_text(c, p, m->paper, big, x, w - right_w, LB_LEFT, base, e->line, e->col,
		               N_("masthead"));
	base = grid_baseline_in(y + big->lines * pitch, latin->lines * pitch, latin->size);
	if (m->paper_latin && masthead_room(c, e, m->paper_latin, base, latin->size, rule_y))
		furniture_text(c, p, m->paper_latin, latin, x, w - right_w, LB_LEFT, base, e->line,
		               e->col, N_("masthead"));
	/* date, issue and folio down the right third, one under the other, above the rule */
	base = y + pitch + small->size;
	for (int i = 0; i < 3; i++) {
		if (!right[i] || !masthead_room(c, e, right[i], base, small->size, rule_y))
			continue;
		furniture_text(c, p, right[i], small, x + w - right_w, right_w, LB_RIGHT, base,
		               e->line, e->col, N_("masthead"));
		base += small->size * 3 / 2;
	}
	thick_thin(c, p, e->line, e->col, x, rule_y, w);
}

/* A stand-alone photo: its group flush with the module's top; the lines it leaves empty under
 * it are a make-up finding beyond the layout's tolerance. An inset photo is its story's
 * (module.c): where it goes depends on the story's head group and columns. */
static void
photo(FlowCtx *c, int p, const Elem *e)
{
	PhotoSet s;
	if (e->inset)
		return;
	s = photo_set(c, e);
	photo_place(c, p, e, &s, e->cell.l0, "");
	if (s.plan.empty_lines > c->m->layout->flush.tolerance) {
		g_autofree char *base = g_path_get_basename(e->src);
		report_warning(
		    c->r, DIAG_MAKEUP, c->m->file, e->line, e->col,
		    _("give the photo fewer grid lines (the module under it takes them), or "
		      "fit=\"fill\" to crop the image to its area"),
		    _("photo %s: its image, caption and credit take %d of its %d grid lines, %d "
		      "left empty under them"),
		    report_clip(c->r, base), s.plan.group_lines, e->cell.l1 - e->cell.l0 + 1,
		    s.plan.empty_lines);
	}
}

/* ads are sold in the paper's module sizes; another size is a make-up mistake */
static void
check_ad_size(FlowCtx *c, const Elem *e)
{
	const Layout *l = c->m->layout;
	int cols = e->cell.c1 - e->cell.c0 + 1, lines = e->cell.l1 - e->cell.l0 + 1;
	GString *sizes;
	if (l->nad_sizes == 0)
		return;
	for (int i = 0; i < l->nad_sizes; i++)
		if (l->ad_sizes[i].cols == cols && l->ad_sizes[i].lines == lines)
			return;
	sizes = g_string_new(NULL);
	for (int i = 0; i < l->nad_sizes; i++)
		g_string_append_printf(sizes, "%s%s %dx%d", i ? ", " : "", l->ad_sizes[i].name,
		                       l->ad_sizes[i].cols, l->ad_sizes[i].lines);
	report_warning(c->r, DIAG_LAYOUT, c->m->file, e->line, e->col, sizes->str,
	               _("the ad is %d columns x %d lines, not one of the layout's ad sizes"), cols,
	               lines);
	g_string_free(sizes, TRUE);
}

static void
ad(FlowCtx *c, int p, const Elem *e)
{
	Len x, y, w, h;
	flowctx_cell_rect(c, &e->cell, &x, &y, &w, &h);
	check_ad_size(c, e);
	if (e->src)
		photo_image(c, p, e, x, y, w, h, false);
	else
		textad_compose(c, p, e, x, y, w, h);
}

static void
page_rule(FlowCtx *c, int p, const Elem *e)
{
	const Grid *g = c->g;
	if (e->vertical) {
		Len x = grid_col_x(g, e->at) + grid_col_width(g) + g->gutter / 2;
		Len y = grid_line_y(g, e->cell.l0);
		rule(c, p, e->line, e->col, x, y, 0, (e->cell.l1 - e->cell.l0 + 1) * g->pitch,
		     e->weight);
	} else {
		Len x = grid_col_x(g, e->cell.c0), w = grid_span_width(g, e->cell.c0, e->cell.c1);
		/* under grid line at-line, in the leading; or through the middle of its own line */
		Len y =
		    e->own_line ? grid_line_y(g, e->at) + g->pitch / 2 : g->top + e->at * g->pitch;
		if (e->thick_thin)
			thick_thin(c, p, e->line, e->col, x, y - len_from_pt(1.5), w);
		else
			rule(c, p, e->line, e->col, x, y, w, 0, e->weight);
	}
}

void
furniture_page_images(FlowCtx *c, int p)
{
	const Page *pg = &c->m->pages[p];
	/* the elements furniture_compose_page() places an image for: an inset photo is its
	 * story's, registered when the story is composed (after every page's furniture) */
	for (int i = 0; i < pg->nelems; i++)
		if ((pg->elems[i].kind == EL_PHOTO && !pg->elems[i].inset) ||
		    (pg->elems[i].kind == EL_AD && pg->elems[i].src))
			photo_image_index(c, &pg->elems[i]);
}

void
furniture_compose_page(FlowCtx *c, int p)
{
	const Page *pg = &c->m->pages[p];
	bool has_masthead = false;
	for (int i = 0; i < pg->nelems; i++)
		has_masthead = has_masthead || pg->elems[i].kind == EL_MASTHEAD;
	if (!has_masthead)
		running_head(c, p);
	for (int i = 0; i < pg->nelems; i++) {
		const Elem *e = &pg->elems[i];
		switch (e->kind) {
		case EL_MASTHEAD:
			masthead(c, p, e);
			break;
		case EL_PHOTO:
			photo(c, p, e);
			break;
		case EL_AD:
			ad(c, p, e);
			break;
		case EL_RULE:
			page_rule(c, p, e);
			break;
		default:
			break;
		}
	}
}
