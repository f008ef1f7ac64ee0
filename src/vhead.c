/* vhead.c - a head group set vertically (直排) in the right-hand columns of a module: the rubric
 * on its grey tag, then kicker, headline and subhead leftwards. */
#include "vhead.h"
#include "i18n.h"
#include "storystyle.h"
#include "vertical.h"

/* A rubric set vertically at x_right, on a grey tag like the horizontal one. Returns the width
 * it takes, the gap to what follows included. */
static Len
rubric(FlowCtx *c, const ModelStory *ms, int page, const StoryPara *sp, Len x_right, Len top,
       Len height, Figure *tag_out)
{
	const Style *s = storystyle_for(c->m->layout, &ms->styles, PARA_RUBRIC, false);
	ItemsWhere where = {ms->src, sp->line, N_("vertical rubric"), sp->col, sp};
	Len pad = s->size / 4, depth = 0, w;
	Figure tag = {.kind = FIG_TINT, .page = page, .y = top, .color = 0xe6e6e6};

	w = vertical_set(c, page, sp->text, s, x_right - pad, top + pad, height - 2 * pad, &where,
	                 &depth);
	tag.x = x_right - w - 2 * pad;
	tag.w = w + 2 * pad;
	tag.h = depth + 2 * pad;
	*tag_out = tag;
	return w + 2 * pad + s->size / 2;
}

/* The head group set vertically in the module's right-hand columns: the rubric on its tag at
 * the right edge, then kicker, headline and subhead leftwards. Returns how many columns it
 * takes. */
int
vhead_compose(FlowCtx *c, const ModelStory *ms, int page, const Elem *e, Len y, Len h, Figure *tag,
              bool *has_tag)
{
	const Story *st = ms->story;
	Len right = grid_col_x(c->g, e->cell.c1) + grid_col_width(c->g), used = 0, colw;
	int cols;
	for (int i = 0; i < st->n; i++)
		if (st->paras[i].kind == PARA_RUBRIC) {
			used += rubric(c, ms, page, &st->paras[i], right - used, y + c->g->pitch,
			               h - 2 * c->g->pitch, tag);
			*has_tag = true;
		}
	for (ParaKind k = PARA_KICKER; k <= PARA_SUBHEAD; k++)
		for (int i = 0; i < st->n; i++)
			if (st->paras[i].kind == k) {
				const Style *s =
				    storystyle_for(c->m->layout, &ms->styles, k, false);
				ItemsWhere where = {ms->src, st->paras[i].line,
				                    N_("vertical headline"), st->paras[i].col,
				                    &st->paras[i]};
				used += vertical_set(c, page, st->paras[i].text, s, right - used,
				                     y + c->g->pitch, h - 2 * c->g->pitch, &where,
				                     NULL);
			}
	colw = grid_col_width(c->g) + c->g->gutter;
	cols = (int)((used + c->g->gutter + colw - 1) / colw);
	return MIN(cols, e->cell.c1 - e->cell.c0);
}
