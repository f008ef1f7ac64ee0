/* proof.c - the proof overlay of --proof: baseline grid, columns, frames with their names, and a
 * red overset mark with the count of lines that did not fit. It is drawn only when --proof
 * asks for a proof (PNG or PDF); a render without --proof never carries it. */
#include "proof.h"
#include "display.h"
#include "i18n.h"

#define GRID_COLOR    0x8fd3f0
#define FRAME_COLOR   0x3c78d8
#define OVERSET_COLOR 0xe02020

static void
line_fig(FlowCtx *c, int page, Len x, Len y, Len w, Len h, uint32_t color, Len weight)
{
	Figure f = {.kind = FIG_RULE,
	            .page = page,
	            .x = x,
	            .y = y,
	            .w = w,
	            .h = h,
	            .color = color,
	            .weight = weight};
	flowctx_figure(c, &f);
}

static void
grid_overlay(FlowCtx *c, int p)
{
	const Grid *g = c->g;
	Len w = grid_area_width(g), h = grid_area_height(g), thin = len_from_pt(0.2);
	for (int l = 1; l <= g->lines; l++) {
		Len base = grid_baseline_in(grid_line_y(g, l), g->pitch, g->body_size);
		line_fig(c, p, g->left, base, w, 0, GRID_COLOR, thin);
	}
	for (int k = 1; k <= g->columns; k++) {
		Len x = grid_col_x(g, k);
		line_fig(c, p, x, g->top, 0, h, GRID_COLOR, thin);
		line_fig(c, p, x + grid_col_width(g), g->top, 0, h, GRID_COLOR, thin);
	}
}

static const char *
elem_label(const Model *m, const Elem *e)
{
	if (e->story >= 0 && m->stories[e->story].id)
		return m->stories[e->story].id;
	return model_elem_name(e->kind);
}

static void
frames_overlay(FlowCtx *c, int p)
{
	const Page *pg = &c->m->pages[p];
	const Style *s = layout_style(c->m->layout, ST_FOLIO);
	for (int i = 0; i < pg->nelems; i++) {
		const Elem *e = &pg->elems[i];
		Figure box = {
		    .kind = FIG_BOX, .page = p, .color = FRAME_COLOR, .weight = len_from_pt(0.6)};
		if (e->kind == EL_RULE)
			continue;
		flowctx_cell_rect(c, &e->cell, &box.x, &box.y, &box.w, &box.h);
		flowctx_figure(c, &box);
		display_kind(c,
		             flowctx_single(c, p, elem_label(c->m, e), s, box.x + len_from_pt(2),
		                            box.w, LB_LEFT, box.y + s->size,
		                            &(ItemsWhere){c->m->file, e->line, N_("proof label"),
		                                          e->col, NULL}),
		             "proof");
	}
}

/* the red mark at the bottom right of the story's last frame, like InDesign's overset plus */
static void
overset_mark(FlowCtx *c, int story)
{
	const StoryFit *fit = &c->out->fits[story];
	const Style *s = layout_style(c->m->layout, ST_FOLIO);
	const Elem *last = NULL;
	int page = 0;
	Len x, y, w, h, size = len_from_pt(14);
	Figure mark = {.kind = FIG_TINT, .color = OVERSET_COLOR};
	g_autofree char *label = NULL;

	if (fit->overset_lines == 0)
		return;
	for (int p = 0; p < c->m->npages; p++)
		for (int i = 0; i < c->m->pages[p].nelems; i++)
			if (c->m->pages[p].elems[i].story == story) {
				last = &c->m->pages[p].elems[i];
				page = p;
			}
	flowctx_cell_rect(c, &last->cell, &x, &y, &w, &h);
	mark.page = page;
	mark.x = x + w - size;
	mark.y = y + h - size;
	mark.w = mark.h = size;
	flowctx_figure(c, &mark);
	label = g_strdup_printf("+%d 行", fit->overset_lines);
	display_kind(c,
	             flowctx_single(c, page, label, s, x, w - size - len_from_pt(2), LB_RIGHT,
	                            y + h - len_from_pt(3),
	                            &(ItemsWhere){c->m->file, last->line, N_("overset mark"),
	                                          last->col, NULL}),
	             "proof");
}

void
proof_compose(FlowCtx *c)
{
	c->proof = true;
	for (int p = 0; p < c->m->npages; p++) {
		if (c->pages && !c->pages[p])
			continue;
		grid_overlay(c, p);
		frames_overlay(c, p);
	}
	for (int s = 0; s < c->m->nstories; s++)
		if (!c->stories || c->stories[s])
			overset_mark(c, s);
	c->proof = false;
}
