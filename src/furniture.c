/* furniture.c - composing what is not a story: running heads, mastheads, photos, ads, rules. */
#include "furniture.h"
#include "i18n.h"
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

static void
rule(FlowCtx *c, int page, Len x, Len y, Len w, Len h, Len weight)
{
	Figure f = {
	    .kind = FIG_RULE, .page = page, .x = x, .y = y, .w = w, .h = h, .weight = weight};
	flowctx_figure(c, &f);
}

/* 文武线: a thick rule over a thin one, the top of the pair at y */
static void
thick_thin(FlowCtx *c, int page, Len x, Len y, Len w)
{
	rule(c, page, x, y + len_from_pt(0.75), w, 0, len_from_pt(1.5));
	rule(c, page, x, y + len_from_pt(2.6), w, 0, len_from_pt(0.4));
}

/* A piece of furniture text, meant for one line; when it needs more, the make-up has a
 * collision in waiting: say so, at the element (or the page) it belongs to. Returns the lines
 * set and, in *width, the widest. */
static int
furniture_text(FlowCtx *c, int p, const char *text, const Style *s, Len x, Len w, LineAlign a,
               Len base, int line, int col, const char *what, Len *width)
{
	ItemsWhere where = {c->m->file, line, what, col, NULL};
	const FlowPara *fp = flowctx_para(c, flowctx_single(c, p, text, s, x, w, a, base, &where));
	*width = 0;
	for (int i = 0; i < fp->lines->n; i++)
		*width = MAX(*width, fp->lines->lines[i].width);
	if (fp->lines->n > 1)
		report_warning(c->r, DIAG_LAYOUT, c->m->file, line, col,
		               _("widen its module, or give the layout a wider page"),
		               _("%s: \"%s\" does not fit on one line in %.1f pt"), what,
		               report_clip(c->r, text), len_to_pt(w));
	return fp->lines->n;
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
	furniture_text(c, p, left, s, x, w, LB_LEFT, base, pg->line, pg->col, _("running head"),
	               &wl);
	if (credits->len)
		furniture_text(c, p, credits->str, s, x, w, LB_CENTER, base, pg->line, pg->col,
		               _("running head"), &wc);
	furniture_text(c, p, right, s, x, w, LB_RIGHT, base, pg->line, pg->col, _("running head"),
	               &wr);
	/* left, centred and right on one line: each side needs an em clear of the credits */
	if (credits->len ? MAX(wl, wr) + s->size > (w - wc) / 2 : wl + wr + s->size > w)
		report_warning(
		    c->r, DIAG_LAYOUT, c->m->file, pg->line, pg->col,
		    _("shorten the credits, or give the layout a wider page"),
		    _("running head: paper and date, credits and folio (%.1f, %.1f and %.1f "
		      "pt) run into each other in %.1f pt"),
		    len_to_pt(wl), len_to_pt(wc), len_to_pt(wr), len_to_pt(w));
	thick_thin(c, p, x, base + len_from_pt(4), w);
	g_string_free(credits, TRUE);
}

static void
masthead(FlowCtx *c, int p, const Elem *e)
{
	const Model *m = c->m;
	const Style *big = layout_style(m->layout, ST_MASTHEAD);
	const Style *latin = layout_style(m->layout, ST_MASTHEAD_LATIN);
	const Style *small = layout_style(m->layout, ST_FOLIO);
	Len x, y, w, h, pitch = c->g->pitch, right_w, base, width;
	g_autofree char *date = date_text(m);
	const Page *pg = &m->pages[p];
	g_autofree char *folio = pg->section && *pg->section
	                             ? g_strdup_printf("第%s版　%s", pg->folio, pg->section)
	                             : g_strdup_printf("第%s版", pg->folio);
	const char *right[3] = {date, m->issue, folio};
	int n;

	flowctx_cell_rect(c, &e->cell, &x, &y, &w, &h);
	right_w = w / 3;
	base = grid_baseline_in(y, big->lines * pitch, big->size);
	furniture_text(c, p, m->paper, big, x, w - right_w, LB_LEFT, base, e->line, e->col,
	               _("masthead"), &width);
	if (m->paper_latin)
		furniture_text(
		    c, p, m->paper_latin, latin, x, w - right_w, LB_LEFT,
		    grid_baseline_in(y + big->lines * pitch, latin->lines * pitch, latin->size),
		    e->line, e->col, _("masthead"), &width);
	/* date, issue and folio down the right third, each below the lines of the one before */
	base = y + pitch + small->size;
	for (int i = 0; i < 3; i++) {
		if (!right[i])
			continue;
		n = furniture_text(c, p, right[i], small, x + w - right_w, right_w, LB_RIGHT, base,
		                   e->line, e->col, _("masthead"), &width);
		base += (n - 1) * small->size * 6 / 5 + small->size * 3 / 2;
	}
	thick_thin(c, p, x, y + h - len_from_pt(5), w);
}

/* one entry per file (the model shares one GBytes per file, whatever its name): the PDF then
 * embeds a photo or ad used on several pages once */
static int
image_index(FlowCtx *c, const Elem *e)
{
	guint i;
	if (g_ptr_array_find(c->out->image_data, e->data, &i))
		return (int)i;
	g_ptr_array_add(c->out->images, g_strdup(e->src));
	g_ptr_array_add(c->out->image_data, g_bytes_ref(e->data));
	return (int)c->out->images->len - 1;
}

static void
image_figure(FlowCtx *c, int p, const Elem *e, Len x, Len y, Len w, Len h, bool fill)
{
	Figure f = {.kind = FIG_IMAGE, .page = p, .x = x, .y = y, .w = w, .h = h};
	double sx = (double)w / e->image.width, sy = (double)h / e->image.height;
	double s = fill ? MAX(sx, sy) : MIN(sx, sy);
	f.iw = (Len)(e->image.width * s);
	f.ih = (Len)(e->image.height * s);
	f.ix = x + (w - f.iw) / 2;
	f.iy = fill ? y + (h - f.ih) / 2 : y;
	f.image = image_index(c, e);
	flowctx_figure(c, &f);
}

/* A photo with its caption and credit under it; the caption takes whole grid lines. */
static void
photo(FlowCtx *c, int p, const Elem *e)
{
	const Style *cs = layout_style(c->m->layout, ST_CAPTION);
	const Style *cr = layout_style(c->m->layout, ST_CREDIT);
	Len x, y, w, h, pitch = c->g->pitch, cx, cw, cy;
	int cap = -1, cred = -1, lines = 0;
	ItemsWhere where = {c->m->file, e->line, _("photo caption"), e->col, NULL};
	bool beside = e->caption_right && e->cell.c1 > e->cell.c0;

	flowctx_cell_rect(c, &e->cell, &x, &y, &w, &h);
	/* below: across the module; beside: in the module's last column, level with its foot */
	cx = beside ? grid_col_x(c->g, e->cell.c1) : x;
	cw = beside ? grid_col_width(c->g) : w;
	if (e->caption && *e->caption) {
		cap = flowctx_set(c, e->caption, cs, cw, flowctx_align(cs->align), false, -1, -1,
		                  &where);
		lines += flowctx_para(c, cap)->lines->n * cs->lines;
	}
	if (e->credit && *e->credit) {
		cred = flowctx_set(c, e->credit, cr, cw, flowctx_align(cr->align), false, -1, -1,
		                   &where);
		lines += flowctx_para(c, cred)->lines->n * cr->lines;
	}
	if (lines > 0 && !beside)
		lines += 1; /* a grid line between the photo and its caption */
	if (lines * pitch > h || (!beside && lines * pitch == h)) {
		report_error(c->r, DIAG_LAYOUT, c->m->file, e->line, e->col,
		             _("give the photo more grid lines or shorten the caption"),
		             _("the caption does not fit the %d grid lines of the photo module"),
		             (int)(h / pitch));
		lines = 0;
		cap = cred = -1; /* never drawn outside the module */
	}
	if (beside)
		image_figure(c, p, e, x, y, w - cw - c->g->gutter, h, e->fill);
	else
		image_figure(c, p, e, x, y, w, h - lines * pitch, e->fill);
	cy = beside ? y + h - lines * pitch : y + h - (lines - 1) * pitch;
	for (int k = 0, pi = cap; k < 2; k++, pi = cred) {
		FlowPara *fp = pi >= 0 ? flowctx_para(c, pi) : NULL;
		for (int i = 0; fp && i < fp->lines->n; i++) {
			flowctx_place(
			    c, p, pi, i, cx,
			    grid_baseline_in(cy, fp->style->lines * pitch, fp->style->size));
			cy += fp->style->lines * pitch;
		}
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
	const Style *s = layout_style(c->m->layout, ST_AD);
	Len x, y, w, h;
	Figure box = {.kind = FIG_BOX, .page = p, .weight = len_from_pt(0.5)};

	flowctx_cell_rect(c, &e->cell, &x, &y, &w, &h);
	check_ad_size(c, e);
	if (e->src) {
		image_figure(c, p, e, x, y, w, h, false);
		return;
	}
	box.x = x;
	box.y = y + len_from_pt(1);
	box.w = w;
	box.h = h - len_from_pt(2);
	flowctx_figure(c, &box);
	ItemsWhere where = {c->m->file, e->line, _("text ad"), e->col, NULL};
	flowctx_single(c, p, e->text, s, x, w, LB_CENTER, grid_baseline_in(y, h, s->size), &where);
}

static void
page_rule(FlowCtx *c, int p, const Elem *e)
{
	const Grid *g = c->g;
	if (e->vertical) {
		Len x = grid_col_x(g, e->at) + grid_col_width(g) + g->gutter / 2;
		Len y = grid_line_y(g, e->cell.l0);
		rule(c, p, x, y, 0, (e->cell.l1 - e->cell.l0 + 1) * g->pitch, e->weight);
	} else {
		Len x = grid_col_x(g, e->cell.c0), w = grid_span_width(g, e->cell.c0, e->cell.c1);
		Len y = g->top + e->at * g->pitch; /* under grid line at-line: in the leading */
		if (e->thick_thin)
			thick_thin(c, p, x, y - len_from_pt(1.5), w);
		else
			rule(c, p, x, y, w, 0, e->weight);
	}
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
