/* furniture.c - composing what is not a story: running heads, mastheads, photos, ads, rules. */
#include "furniture.h"
#include "display.h"
#include "i18n.h"
#include "storystyle.h"
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

/* one entry per file (the model shares one GBytes per file, whatever its name), and per page
 * of a PDF ad: the PDF then embeds a photo or ad used on several pages once */
static int
image_index(FlowCtx *c, const Elem *e)
{
	for (guint i = 0; i < c->out->image_data->len; i++)
		if (g_ptr_array_index(c->out->image_data, i) == e->data &&
		    g_array_index(c->out->image_info, ImageInfo, i).page == e->image.page)
			return (int)i;
	g_ptr_array_add(c->out->images, g_strdup(e->src));
	g_ptr_array_add(c->out->image_data, g_bytes_ref(e->data));
	g_array_append_val(c->out->image_info, e->image);
	return (int)c->out->images->len - 1;
}

static void
image_figure(FlowCtx *c, int p, const Elem *e, Len x, Len y, Len w, Len h, bool fill)
{
	Figure f = {.kind = FIG_IMAGE,
	            .page = p,
	            .x = x,
	            .y = y,
	            .w = w,
	            .h = h,
	            .line = e->line,
	            .col = e->col};
	double sx = (double)w / e->image.width, sy = (double)h / e->image.height;
	double s = fill ? MAX(sx, sy) : MIN(sx, sy);
	f.iw = (Len)(e->image.width * s);
	f.ih = (Len)(e->image.height * s);
	f.ix = x + (w - f.iw) / 2;
	/* a photo hangs from the top of its module; a PDF ad is centred both ways */
	f.iy = fill || e->image.format == IMAGE_PDF ? y + (h - f.ih) / 2 : y;
	f.image = image_index(c, e);
	f.fill = fill;
	flowctx_figure(c, &f);
}

/* A caption or credit set at the caption column's width, squeezed into the grid lines it
 * may take (room, in its style's lines); the lines that still do not fit are left out. Returns
 * its paragraph, or -1 when there is no text. *used is the grid lines it takes. */
static int
caption_para(FlowCtx *c, const Elem *e, const char *text, const Style *s, Len w, int room,
             const char *what, int *used)
{
	ItemsWhere where = {c->m->file, e->line, what, e->col, NULL};
	int pi, over, max = room / s->lines;
	FlowPara *fp;
	*used = 0;
	if (!text || !*text)
		return -1;
	pi = flowctx_set(c, text, s, w, flowctx_align(s->align), false, -1, -1, &where);
	display_kind(c, pi, what + strlen("photo "));
	over = display_fit(c, pi, max, &where,
	                   _("give the photo more grid lines or shorten the caption"));
	display_note(c, pi, &where, max, over);
	fp = flowctx_para(c, pi);
	*used = (fp->lines->n - over) * s->lines;
	return pi;
}

/* A photo with its caption and credit under it (or beside it); caption and credit take whole
 * grid lines of the module, under the photo with one blank grid line between, and the photo
 * keeps at least one grid line. */
static void
photo(FlowCtx *c, int p, const Elem *e)
{
	const Style *cs = storystyle_get(c->m->layout, &e->styles, ST_CAPTION);
	const Style *cr = storystyle_get(c->m->layout, &e->styles, ST_CREDIT);
	Len x, y, w, h, pitch = c->g->pitch, cx, cw, cy;
	int cap, cred, room, cap_lines, cred_lines, lines;
	bool beside = e->caption_right && e->cell.c1 > e->cell.c0;
	bool has_credit = e->credit && *e->credit;

	flowctx_cell_rect(c, &e->cell, &x, &y, &w, &h);
	/* below: across the module; beside: in the module's last column, level with its foot */
	cx = beside ? grid_col_x(c->g, e->cell.c1) : x;
	cw = beside ? grid_col_width(c->g) : w;
	room = (int)(h / pitch) - (beside ? 0 : 2);
	/* the caption first, leaving a line for the credit; the credit in what is left */
	cap = caption_para(c, e, e->caption, cs, cw, MAX(room - (has_credit ? cr->lines : 0), 0),
	                   N_("photo caption"), &cap_lines);
	cred = caption_para(c, e, e->credit, cr, cw, MAX(room - cap_lines, 0), N_("photo credit"),
	                    &cred_lines);
	lines = cap_lines + cred_lines;
	if (lines > 0 && !beside)
		lines += 1; /* a grid line between the photo and its caption */
	if (beside)
		image_figure(c, p, e, x, y, w - cw - c->g->gutter, h, e->fill);
	else
		image_figure(c, p, e, x, y, w, h - lines * pitch, e->fill);
	cy = beside ? y + h - lines * pitch : y + h - (lines - 1) * pitch;
	for (int k = 0, pi = cap, n = cap_lines; k < 2; k++, pi = cred, n = cred_lines) {
		FlowPara *fp = pi >= 0 ? flowctx_para(c, pi) : NULL;
		for (int i = 0; fp && i < n / fp->style->lines; i++) {
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

/* A text ad: its text centred in the box, lines at 1.2 times the size and half an em clear of
 * the border; squeezed into the lines the box holds, the rest left out and reported. */
static void
text_ad(FlowCtx *c, int p, const Elem *e, Len x, Len y, Len w, Len h)
{
	const Style *s = storystyle_get(c->m->layout, &e->styles, ST_AD);
	ItemsWhere where = {c->m->file, e->line, N_("text ad"), e->col, NULL};
	Len step = s->size * 6 / 5, inner = h - len_from_pt(4), top;
	int max = inner < s->size ? 0 : (int)((inner - s->size) / step) + 1, pi, over, n;
	Figure box = {.kind = FIG_BOX,
	              .page = p,
	              .x = x,
	              .y = y + len_from_pt(1),
	              .w = w,
	              .h = h - len_from_pt(2),
	              .weight = len_from_pt(0.5),
	              .line = e->line,
	              .col = e->col};

	flowctx_figure(c, &box);
	pi = flowctx_set(c, e->text, s, MAX(w - s->size, s->size), LB_CENTER, true, -1, -1, &where);
	display_kind(c, pi, "text-ad");
	over =
	    display_fit(c, pi, max, &where,
	                _("shorten the text, or sell a larger ad size (the layout's <ad-size>)"));
	display_note(c, pi, &where, max, over);
	n = flowctx_para(c, pi)->lines->n - over;
	top = grid_baseline_in(y, h - (n - 1) * step, s->size);
	for (int i = 0; i < n; i++)
		flowctx_place(c, p, pi, i, x + (w - MAX(w - s->size, s->size)) / 2, top + i * step);
}

static void
ad(FlowCtx *c, int p, const Elem *e)
{
	Len x, y, w, h;
	flowctx_cell_rect(c, &e->cell, &x, &y, &w, &h);
	check_ad_size(c, e);
	if (e->src)
		image_figure(c, p, e, x, y, w, h, false);
	else
		text_ad(c, p, e, x, y, w, h);
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
	for (int i = 0; i < pg->nelems; i++) /* the elements image_figure() is called for */
		if (pg->elems[i].kind == EL_PHOTO ||
		    (pg->elems[i].kind == EL_AD && pg->elems[i].src))
			image_index(c, &pg->elems[i]);
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
