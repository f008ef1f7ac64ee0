/* textad.c - text ads: the advertiser's text at the largest size that fills its box, on the grid.
 */
#include "textad.h"
#include "display.h"
#include "i18n.h"
#include "length.h"
#include "storystyle.h"

/* sizes above 初号 are tried in steps of this many points */
#define LARGE_STEP_PT 6
#define MAX_SIZES     64

/* The sizes a text ad of style s may take, largest first: its max-size, every named size (号)
 * between, and above 初号 steps of 6 pt; its size last, the floor the squeeze starts from. */
static int
ad_sizes(const Style *s, Len *out)
{
	double hao[32];
	int nhao = length_hao_ladder(hao, G_N_ELEMENTS(hao)), n = 0;
	Len top = MAX(s->max_size, s->size), biggest = len_from_pt(hao[0]);
	if (top > s->size)
		out[n++] = top;
	for (Len l = top - len_from_pt(LARGE_STEP_PT); l > biggest && n < MAX_SIZES - nhao - 1;
	     l -= len_from_pt(LARGE_STEP_PT))
		out[n++] = l;
	for (int i = 0; i < nhao; i++) {
		Len l = len_from_pt(hao[i]);
		if (l < top && l > s->size)
			out[n++] = l;
	}
	out[n++] = s->size;
	return n;
}

/* the baseline-to-baseline step of lines of this size: the first whole number of grid lines
 * at least 1.2 times the size, so that every line sits on the grid when the first does; 1.2
 * times the size when that would be more than 1.5 times (14 pt on a 13 pt grid would be set
 * 26 pt apart, and the box would hold half the lines) */
static Len
ad_step(const Grid *g, Len size)
{
	Len want = size * 6 / 5, grid = MAX((want + g->pitch - 1) / g->pitch, 1) * g->pitch;
	return grid * 2 <= size * 3 ? grid : want;
}

/* The ink of a text ad stays between top and bottom: inside its border by the clearance. */
typedef struct {
	Len top, bottom;
} Zone;

/* The zone of text larger than the style's size: white grows by half the difference at top and
 * bottom, as the measure leaves half an em each side, so that a large size does not fill the box
 * to its clearance. */
static Zone
ad_zone(Zone z, Len size, Len floor)
{
	Len pad = MAX(size - floor, 0) / 2;
	return (Zone){z.top + pad, z.bottom - pad};
}

/* The first baseline of n lines of this size in the zone: on a grid baseline of the body (the
 * one that centres the block best), or, when none keeps the block inside, centred off the
 * grid. -1 when the block is taller than the zone. */
static Len
first_baseline(const Grid *g, Zone z, Len size, int n)
{
	Len asc = len_em(size, 88, 100), step = ad_step(g, size);
	Len block = size + (Len)(n - 1) * step, ideal, phase, b, best = -1;
	if (n < 1 || block > z.bottom - z.top)
		return -1;
	ideal = z.top + (z.bottom - z.top - block) / 2 + asc;
	phase = grid_baseline_in(g->top, g->pitch, g->body_size);
	b = phase + (ideal - phase) / g->pitch * g->pitch - g->pitch;
	for (int k = 0; k < 3; k++, b += g->pitch)
		if (b - asc >= z.top && b - asc + block <= z.bottom &&
		    (best < 0 || ABS(b - ideal) < ABS(best - ideal)))
			best = b;
	return best >= 0 ? best : ideal;
}

/* how many lines of this size the zone holds */
static int
ad_capacity(const Grid *g, Zone z, Len size)
{
	Len room = z.bottom - z.top;
	return room < size ? 0 : (int)((room - size) / ad_step(g, size)) + 1;
}

/* the measure at this size: half an em of white each side, and never less than the clearance */
static Len
ad_measure(const Grid *g, Len w, Len size)
{
	return MAX(w - MAX(size, 2 * (g->clearance + len_from_pt(1))), size);
}

/* How the lines stand in the box: each centred (align="center"), or flush left in a block that
 * is itself centred (align="left", the ragged right of the block's lines kept inside it). */
static LineAlign
ad_align(const Style *s)
{
	return s->align == ALIGN_LEFT ? LB_LEFT : LB_CENTER;
}

/* the left edge of the lines: the measure centred in the box, or a flush-left block of the
 * paragraph's widest line centred in it */
static Len
ad_left(const FlowPara *fp, int n, Len x, Len w)
{
	Len widest = 0;
	if (fp->align != LB_LEFT)
		return x + (w - fp->measure) / 2;
	for (int i = 0; i < n; i++)
		widest = MAX(widest, fp->lines->lines[i].width);
	return x + (w - widest) / 2;
}

/* The size the text fills the box at: the largest that sets it broken only at the author's
 * spaces, else the largest that sets it at all; 0 when even the style's size needs the squeeze. */
static Len
ad_fill_size(FlowCtx *c, const char *text, const Style *s, Len w, Zone z)
{
	Len sizes[MAX_SIZES], any = 0;
	int n = ad_sizes(s, sizes);
	for (int i = 0; i < n; i++) {
		int cap = ad_capacity(c->g, ad_zone(z, sizes[i], s->size), sizes[i]);
		bool at_spaces = false;
		if (cap < 1 ||
		    !flowctx_fits_sized(c, text, s, sizes[i], ad_measure(c->g, w, sizes[i]),
		                        ad_align(s), cap, &at_spaces))
			continue;
		if (at_spaces)
			return sizes[i];
		if (!any)
			any = sizes[i];
	}
	return any;
}

void
textad_compose(FlowCtx *c, int p, const Elem *e, Len x, Len y, Len w, Len h)
{
	const Style *s = storystyle_get(c->m->layout, &e->styles, ST_AD);
	ItemsWhere where = {c->m->file, e->line, N_("text ad"), e->col, NULL};
	Len border = len_from_pt(1), weight = len_from_pt(0.5), size, measure, base, left;
	Zone z = {y + border + weight / 2 + c->g->clearance,
	          y + h - border - weight / 2 - c->g->clearance};
	int max, pi, over, n;
	bool fits;
	Zone zone;
	Figure box = {.kind = FIG_BOX,
	              .page = p,
	              .x = x,
	              .y = y + border,
	              .w = w,
	              .h = h - 2 * border,
	              .weight = weight,
	              .line = e->line,
	              .col = e->col};

	flowctx_figure(c, &box);
	size = ad_fill_size(c, e->text, s, w, z);
	fits = size > 0;
	if (!fits) /* at the style's size, squeezed into the lines the box holds or reported */
		size = s->size;
	zone = ad_zone(z, size, s->size);
	max = ad_capacity(c->g, zone, size);
	measure = ad_measure(c->g, w, size);
	pi = flowctx_set_sized(c, e->text, s, size, measure, ad_align(s), max, &where);
	over = fits ? 0
	            : display_fit(c, pi, max, &where,
	                          _("shorten the text, or sell a larger ad size (the layout's "
	                            "<ad-size>)"));
	display_kind(c, pi, "text-ad");
	display_note(c, pi, &where, max, over);
	n = flowctx_para(c, pi)->lines->n - over;
	base = first_baseline(c->g, zone, size, n);
	left = ad_left(flowctx_para(c, pi), n, x, w);
	for (int i = 0; i < n; i++)
		flowctx_place(c, p, pi, i, left, base + i * ad_step(c->g, size));
}
