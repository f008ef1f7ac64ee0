/* jump.c - the jump lines of a story continued on another page: 下转 at the foot of a part,
 * the short headline and 上接 at the top of the next. */
#include "jump.h"
#include "i18n.h"

/* a jump line from the layout's template: {folio} is the other page's 版次 */
static char *
jump_text(const Model *m, const char *tmpl, int page)
{
	g_auto(GStrv) parts = g_strsplit(tmpl, "{folio}", -1);
	return g_strjoinv(m->pages[page].folio, parts);
}

/* Set a jump line: its messages (a glyph no font has, a break) name the layout's template, and
 * a line that does not fit the column is reported there, since it would run into the text. */
static void
jump_line(FlowCtx *c, int page, const char *text, bool out, Len x, LineAlign align, Len base)
{
	const Layout *l = c->m->layout;
	const Style *s = layout_style(l, ST_JUMP);
	ItemsWhere where = {l->file, out ? l->jump_out_line : l->jump_in_line,
	                    out ? _("jump line (out)") : _("jump line (in)"),
	                    out ? l->jump_out_col : l->jump_in_col, NULL};
	int pi = flowctx_set(c, text, s, grid_col_width(c->g), align, false, -1, -1, &where);
	const FlowPara *fp = flowctx_para(c, pi);
	for (int i = 0; i < fp->lines->n; i++)
		flowctx_place(c, page, pi, i, x, base + i * s->size * 6 / 5);
	if (fp->lines->n > 1)
		report_warning(c->r, DIAG_LAYOUT, l->file, out ? l->jump_out_line : l->jump_in_line,
		               out ? l->jump_out_col : l->jump_in_col,
		               _("shorten the jump template, or make the style jump smaller"),
		               _("jump line \"%s\" does not fit on one line in %.1f pt"),
		               report_clip(c->r, text), len_to_pt(grid_col_width(c->g)));
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
	const Style *hs = layout_style_named(c->m->layout, "jump-head");
	const Grid *g = c->g;
	g_autofree char *t = jump_text(c->m, c->m->layout->jump_in, prev_page);
	Len x, y, w, h, y0;

	flowctx_cell_rect(c, &e->cell, &x, &y, &w, &h);
	y0 = y;
	if (e->title && *e->title) {
		ItemsWhere where = {c->m->file, e->line, _("jump title"), e->col, NULL};
		int pi;
		FlowPara *fp;
		if (!hs)
			hs = layout_style(c->m->layout, ST_SUBHEAD);
		pi =
		    flowctx_set(c, e->title, hs, w, flowctx_align(hs->align), true, -1, -1, &where);
		fp = flowctx_para(c, pi);
		for (int l = 0; l < fp->lines->n; l++) {
			flowctx_place(
			    c, page, pi, l, x,
			    grid_baseline_in(y, style_line_height(hs, g->pitch), hs->size));
			y += style_line_height(hs, g->pitch);
		}
	}
	jump_line(c, page, t, false, x, LB_LEFT, grid_baseline_in(y, g->pitch, s->size));
	return grid_snap(g, y + g->pitch) - y0;
}
