/* jump.c - the jump lines of a story continued on another page: 下转 at the foot of a part,
 * the short headline and 上接 at the top of the next. */
#include "jump.h"
#include "display.h"
#include "i18n.h"
#include "storystyle.h"

/* a jump line from the layout's template: {folio} is the other page's 版次 */
static char *
jump_text(const Model *m, const char *tmpl, int page)
{
	g_auto(GStrv) parts = g_strsplit(tmpl, "{folio}", -1);
	return g_strjoinv(m->pages[page].folio, parts);
}

/* Set a jump line: its messages (a glyph no font has, a break) name the layout's template. It
 * has one line of the column: squeezed onto it when it needs more, and what still does not fit
 * is reported at the template and left out, since it would run into the text. */
static void
jump_line(FlowCtx *c, int page, const char *text, bool out, Len x, LineAlign align, Len base)
{
	const Layout *l = c->m->layout;
	const Style *s = layout_style(l, ST_JUMP);
	ItemsWhere where = {l->file, out ? l->jump_out_line : l->jump_in_line,
	                    out ? N_("jump line (out)") : N_("jump line (in)"),
	                    out ? l->jump_out_col : l->jump_in_col, NULL};
	int pi = flowctx_set(c, text, s, grid_col_width(c->g), align, false, -1, -1, &where);
	int over;
	display_kind(c, pi, "jump-line");
	over = display_fit(c, pi, 1, &where,
	                   _("shorten the jump template, or make the style jump smaller"));
	display_note(c, pi, &where, 1, over);
	if (flowctx_para(c, pi)->lines->n > 0)
		flowctx_place(c, page, pi, 0, x, base);
}

void
jump_out(FlowCtx *c, int page, int next_page, Len x, Len bottom)
{
	const Style *s = layout_style(c->m->layout, ST_JUMP);
	g_autofree char *t = jump_text(c->m, c->m->layout->jump_out, next_page);
	jump_line(c, page, t, true, x, LB_RIGHT, grid_baseline_in(bottom, c->g->pitch, s->size));
}

/* The top of a continuation: the short headline if the jump has a title, then the 上接 line.
 * Returns the height taken, whole grid lines. */
Len
jump_in(FlowCtx *c, int page, int prev_page, const Elem *e)
{
	const Style *s = layout_style(c->m->layout, ST_JUMP);
	const Style *hs = storystyle_get(c->m->layout, &e->styles, ST_JUMP_HEAD);
	const Grid *g = c->g;
	g_autofree char *t = jump_text(c->m, c->m->layout->jump_in, prev_page);
	Len x, y, w, h, y0;

	flowctx_cell_rect(c, &e->cell, &x, &y, &w, &h);
	y0 = y;
	if (e->title && *e->title) {
		ItemsWhere where = {c->m->file, e->line, N_("jump title"), e->col, NULL};
		/* the title and the 上接 line under it stay in the frame */
		int pi, over, max;
		FlowPara *fp;
		max = (int)((h - g->pitch) / style_line_height(hs, g->pitch));
		pi =
		    flowctx_set(c, e->title, hs, w, flowctx_align(hs->align), true, -1, -1, &where);
		display_kind(c, pi, "jump-title");
		if (hs->max_lines > 0)
			max = MIN(max, hs->max_lines);
		over = display_fit(c, pi, max, &where,
		                   _("shorten the title, or give the jump frame more grid lines"));
		display_note(c, pi, &where, max, over);
		fp = flowctx_para(c, pi);
		for (int l = 0; l < fp->lines->n - over; l++) {
			flowctx_place(
			    c, page, pi, l, x,
			    grid_baseline_in(y, style_line_height(hs, g->pitch), hs->size));
			y += style_line_height(hs, g->pitch);
		}
	}
	jump_line(c, page, t, false, x, LB_LEFT, grid_baseline_in(y, g->pitch, s->size));
	return grid_snap(g, y + g->pitch) - y0;
}
