/* clear.c - clearances: rules, box and tint edges kept the layout's clearance from the text's
 * ink, a box edge replacing the rule it runs along, images inset from the rules that border
 * them.
 *
 * Text stays on the baseline grid; what moves is the rest. Each rule (a thick-thin pair as one)
 * takes, across its run, the position nearest the one the page description gives at which its
 * ink is `clearance` away from the ink of every line beside it; a rule that runs towards text
 * stops `clearance` short of it. A box's edge that runs along a rule (within half a pitch)
 * replaces it there: the rule is dropped where the box's edge is, and a horizontal edge takes
 * the rule's place, so that the line runs on at one height. Box and tint edges are then placed
 * like rules. Images keep their modules: an image a rule or box edge would come closer to than
 * the clearance is inset (a fitted image is scaled down to the smaller area, a filled one
 * cropped more), so the rule between stays visible. A rule or edge with text on both sides and
 * no position clear of both is a layout warning at its element, once, and sits in the middle
 * of the gap. */
#include "clear.h"
#include "i18n.h"
#include <string.h>

typedef struct {
	Len x0, y0, x1, y1;
} Rect;

/* An edge seen along its own axis: it runs from a0 to a1 at pos, half its weight either side. */
typedef struct {
	bool vertical;
	Len pos, a0, a1, half;
} Edge;

/* what the text beside an edge allows: positions from lo to hi */
typedef struct {
	Len lo, hi;
} Room;

#define FAR (G_MAXINT32 / 4)

static void
add_ink(GArray *out, Rect *r)
{
	if (r->x1 > r->x0 && r->y1 > r->y0)
		g_array_append_val(out, *r);
}

static void
grow(Rect *r, PangoFont *font, guint32 id, Len x, Len y, int xscale)
{
	PangoRectangle ink;
	pango_font_get_glyph_extents(font, id, &ink, NULL);
	if (ink.width <= 0 || ink.height <= 0)
		return; /* a space */
	r->x0 = MIN(r->x0, x + (Len)((gint64)ink.x * xscale / 1000));
	r->x1 = MAX(r->x1, x + (Len)((gint64)(ink.x + ink.width) * xscale / 1000));
	r->y0 = MIN(r->y0, y + ink.y);
	r->y1 = MAX(r->y1, y + ink.y + ink.height);
}

/* the ink of a placed line: the union of its glyphs' ink boxes, placed as dlist.c places them */
static void
line_ink(const Flow *f, const FlowLine *fl, GArray *out)
{
	const FlowPara *fp = g_ptr_array_index(f->paras, fl->para);
	const Items *it = fp->items;
	const Lines *ls = fp->lines;
	const Line *ln = &ls->lines[fl->line];
	Rect r = {FAR, FAR, -FAR, -FAR};
	for (int i = ln->start; i < ln->end; i++) {
		const Cluster *c = &it->cl[i];
		Len pen = fl->x + ls->x[i] + ls->shift[i] + fp->base_shift[i];
		if (c->missing)
			continue;
		for (int g = c->g0; g < c->g0 + c->ng; g++) {
			grow(&r, it->fonts[c->font], it->gl[g].id, pen + it->gl[g].dx,
			     fl->baseline - it->gl[g].dy, it->xscale);
			pen += it->gl[g].adv;
		}
	}
	add_ink(out, &r);
}

/* the ink of each glyph of a run of vertical text */
static void
run_ink(const FlowRun *run, GArray *out)
{
	for (guint i = 0; i < run->glyphs->len; i++) {
		const RunGlyph *g = &g_array_index(run->glyphs, RunGlyph, i);
		Rect r = {FAR, FAR, -FAR, -FAR};
		grow(&r, run->font, g->id, g->x, g->y, 1000);
		add_ink(out, &r);
	}
}

/* a rectangle's extent along an edge's axis (a) and across it (q) */
static void
axes(const Rect *r, bool vertical, Len *a0, Len *a1, Len *q0, Len *q1)
{
	*a0 = vertical ? r->y0 : r->x0;
	*a1 = vertical ? r->y1 : r->x1;
	*q0 = vertical ? r->x0 : r->y0;
	*q1 = vertical ? r->x1 : r->y1;
}

/* where the rectangles beside the edge (overlapping its run) let it be, `clear` away from them
 * (from its ink: half its weight included); those on the side of pos their centre is on bound
 * it from that side */
static Room
room_beside(const Edge *e, const Rect *rs, int n, Len clear)
{
	Room rm = {-FAR, FAR};
	for (int i = 0; i < n; i++) {
		Len a0, a1, q0, q1;
		axes(&rs[i], e->vertical, &a0, &a1, &q0, &q1);
		if (a1 <= e->a0 || a0 >= e->a1)
			continue;
		if (q0 / 2 + q1 / 2 < e->pos)
			rm.lo = MAX(rm.lo, q1 + clear + e->half);
		else
			rm.hi = MIN(rm.hi, q0 - clear - e->half);
	}
	return rm;
}

static Len
clamp_pos(Len pos, Room rm)
{
	return pos < rm.lo ? rm.lo : pos > rm.hi ? rm.hi : pos;
}

/* An edge's end that runs towards a rectangle stops `clear` short of its ink. */
static void
trim_ends(Edge *e, const Rect *rs, int n, Len clear)
{
	for (int i = 0; i < n; i++) {
		Len a0, a1, q0, q1;
		axes(&rs[i], e->vertical, &a0, &a1, &q0, &q1);
		if (q1 <= e->pos - e->half - clear || q0 >= e->pos + e->half + clear)
			continue;
		if (a1 <= e->a0 && a1 + clear > e->a0)
			e->a0 = a1 + clear;
		else if (a0 >= e->a1 && a0 - clear < e->a1)
			e->a1 = a0 - clear;
	}
}

static Edge
rule_edge(const Figure *f)
{
	bool v = f->w == 0 && f->h != 0;
	return (Edge){v, v ? f->x : f->y, v ? f->y : f->x, v ? f->y + f->h : f->x + f->w,
	              f->weight / 2};
}

static void
set_rule(Figure *f, const Edge *e)
{
	if (e->vertical) {
		f->x = e->pos;
		f->y = e->a0;
		f->h = e->a1 - e->a0;
	} else {
		f->y = e->pos;
		f->x = e->a0;
		f->w = e->a1 - e->a0;
	}
}

/* the four edges of a box or tint: top, bottom, left, right */
static void
box_edges(const Figure *f, Edge out[4])
{
	Len half = f->kind == FIG_BOX ? f->weight / 2 : 0;
	out[0] = (Edge){false, f->y, f->x, f->x + f->w, half};
	out[1] = (Edge){false, f->y + f->h, f->x, f->x + f->w, half};
	out[2] = (Edge){true, f->x, f->y, f->y + f->h, half};
	out[3] = (Edge){true, f->x + f->w, f->y, f->y + f->h, half};
}

struct Clear {
	const Model *m;
	Flow *f;
	Report *r;
	Len clear;
	const bool *pages; /* per page: cleared (--pages); NULL: every page */
	int page;
	GArray *ink;     /* Rect: the page's text's */
	GArray *figs;    /* guint: the page's figures (not the proof overlay's) */
	GArray *strokes; /* Edge: the page's rules and box edges, once placed */
	bool *drop;      /* per figure: a rule wholly replaced by a box edge */
	bool *pair;      /* per figure: one rule of a thick-thin pair */
	guint nfigs;     /* figures drop and pair have room for */
	GArray *ends;    /* Edge: the page's rules where the page description put them */
	/* the first rule or box edge that cannot keep the clearance, told once at the end */
	int ntight;
	int tight_page, tight_line, tight_col;
	const char *tight_what;
	Len tight_gap, tight_need;
};

/* A rule or edge with no room for the clearance: the first is remembered, and told once */
static void
tight(Clear *cl, const Figure *f, const char *what, Room rm, Len half)
{
	if (cl->ntight++ > 0)
		return;
	cl->tight_page = cl->page;
	cl->tight_line = f->line;
	cl->tight_col = f->col;
	cl->tight_what = what;
	cl->tight_gap = rm.hi - rm.lo + 2 * (cl->clear + half);
	cl->tight_need = 2 * (cl->clear + half);
}

/* one warning for the whole edition: a layout or page with too little room would say it for
 * every rule */
static void
warn_tight(const Clear *cl)
{
	const Page *pg = &cl->m->pages[cl->tight_page];
	g_autofree char *more =
	    cl->ntight > 1 ? g_strdup_printf(_(" (and %d more rules or box edges)"), cl->ntight - 1)
	                   : g_strdup("");
	if (cl->ntight == 0)
		return;
	report_warning(cl->r, DIAG_LAYOUT, cl->m->file, cl->tight_line ? cl->tight_line : pg->line,
	               cl->tight_line ? cl->tight_col : pg->col,
	               _("leave a grid line free beside it, or lower the layout's clearance "
	                 "(<grid clearance>)"),
	               /* TRANSLATORS: the first %s is a rule or a box's edge ("a horizontal
	                * rule"), the last the count of the others (" (and 3 more rules or box
	                * edges)") or nothing */
	               _("%s on page %s cannot keep the clearance of %.2f pt from the text on "
	                 "both sides: %.2f pt between their ink, it needs %.2f pt%s"),
	               _(cl->tight_what), pg->folio, len_to_pt(cl->clear), len_to_pt(cl->tight_gap),
	               len_to_pt(cl->tight_need), more);
}

#define FIG(cl, i)    (&g_array_index((cl)->f->figures, Figure, (i)))
#define PAGE_FIGS(cl) ((cl)->figs)
#define INK(cl)       ((const Rect *)(cl)->ink->data)
#define NINK(cl)      ((int)(cl)->ink->len)

/* how many of the page's figures from its k-th make one rule: a thick-thin pair is two rules
 * drawn one after the other, parallel, over the same run, less than 4 pt apart */
static guint
rule_group(Clear *cl, guint k)
{
	GArray *figs = PAGE_FIGS(cl);
	const Figure *a = FIG(cl, g_array_index(figs, guint, k));
	Edge ea = rule_edge(a);
	guint n = 1;
	while (k + n < figs->len) {
		const Figure *b = FIG(cl, g_array_index(figs, guint, k + n));
		Edge eb = rule_edge(b);
		if (b->kind != FIG_RULE || eb.vertical != ea.vertical || eb.a0 != ea.a0 ||
		    eb.a1 != ea.a1 || ABS(eb.pos - ea.pos) >= len_from_pt(4))
			break;
		n++;
	}
	return n;
}

/* Move the page's rules k..k+n (one rule, or a thick-thin pair) together to the position nearest
 * the one given that keeps the clearance from the text beside them. */
static void
place_rule(Clear *cl, guint k, guint n)
{
	GArray *figs = PAGE_FIGS(cl);
	Len lo = -FAR, hi = FAR, off, half = 0;
	for (guint j = 0; j < n; j++) {
		Edge e = rule_edge(FIG(cl, g_array_index(figs, guint, k + j)));
		Room rm = room_beside(&e, INK(cl), NINK(cl), cl->clear);
		half = MAX(half, e.half);
		if (rm.lo != -FAR)
			lo = MAX(lo, rm.lo - e.pos);
		if (rm.hi != FAR)
			hi = MIN(hi, rm.hi - e.pos);
	}
	if (lo <= hi) {
		off = clamp_pos(0, (Room){lo, hi});
	} else {
		const Figure *f = FIG(cl, g_array_index(figs, guint, k));
		off = lo / 2 + hi / 2;
		tight(cl, f,
		      rule_edge(f).vertical ? N_("a vertical rule") : N_("a horizontal rule"),
		      (Room){lo, hi}, half);
	}
	for (guint j = 0; j < n; j++) {
		guint fi = g_array_index(figs, guint, k + j);
		Figure *f = FIG(cl, fi);
		Edge e = rule_edge(f);
		cl->pair[fi] = n > 1;
		e.pos += off;
		set_rule(f, &e);
	}
}

/* The end of the page's k-th rule that met its j-th where the page description put them goes
 * where the j-th went. */
static void
follow(Clear *cl, guint k, guint j)
{
	Figure *f = FIG(cl, g_array_index(PAGE_FIGS(cl), guint, k));
	const Figure *o = FIG(cl, g_array_index(PAGE_FIGS(cl), guint, j));
	const Edge *old = &g_array_index(cl->ends, Edge, k);
	const Edge *oo = &g_array_index(cl->ends, Edge, j);
	Edge e = rule_edge(f), on = rule_edge(o);
	if (on.pos == oo->pos || old->pos < oo->a0 - oo->half || old->pos > oo->a1 + oo->half)
		return;
	if (ABS(old->a0 - oo->pos) <= oo->half + len_from_pt(1))
		e.a0 = on.pos + (old->a0 - oo->pos);
	if (ABS(old->a1 - oo->pos) <= oo->half + len_from_pt(1))
		e.a1 = on.pos + (old->a1 - oo->pos);
	set_rule(f, &e);
}

/* A rule's end that met another rule where the page description put them meets it where it
 * went: a column rule ends on the horizontal rule under it, not a point past it. Only the
 * pairs of a vertical and a horizontal rule are looked at. */
static void
follow_ends(Clear *cl)
{
	GArray *figs = PAGE_FIGS(cl);
	g_autoptr(GArray) vert = g_array_new(FALSE, FALSE, sizeof(guint));
	g_autoptr(GArray) hor = g_array_new(FALSE, FALSE, sizeof(guint));
	for (guint k = 0; k < cl->ends->len; k++)
		if (FIG(cl, g_array_index(figs, guint, k))->kind == FIG_RULE)
			g_array_append_val(g_array_index(cl->ends, Edge, k).vertical ? vert : hor,
			                   k);
	for (guint v = 0; v < vert->len && hor->len > 0; v++)
		for (guint h = 0; h < hor->len; h++) {
			guint a = g_array_index(vert, guint, v), b = g_array_index(hor, guint, h);
			follow(cl, a, b);
			follow(cl, b, a);
		}
}

static void
add_figure(Clear *cl, const Figure *fg)
{
	guint i = cl->f->figures->len;
	g_array_append_val(cl->f->figures, *fg);
	cl->drop = g_renew(bool, cl->drop, i + 1);
	cl->pair = g_renew(bool, cl->pair, i + 1);
	cl->drop[i] = cl->pair[i] = false;
	g_array_append_val(PAGE_FIGS(cl), i);
}

/* Rule fi where box edge b runs along it (parallel, within half a pitch) is dropped; what is
 * left of it, a pitch or longer, stays (a second piece is appended to the figures). A box's
 * horizontal edge takes the rule's place (*box_pos), so that the line runs on at one height. */
static void
replace_by(Clear *cl, guint fi, const Edge *b, Len *box_pos)
{
	Figure *f = FIG(cl, fi);
	Edge e = rule_edge(f), before, after;
	Len min = cl->m->layout->grid.pitch;
	bool keep_before, keep_after;
	if (e.vertical != b->vertical || ABS(e.pos - b->pos) > min / 2 || b->a1 <= e.a0 ||
	    b->a0 >= e.a1 || cl->pair[fi])
		return;
	if (!e.vertical)
		*box_pos = e.pos;
	before = after = e;
	before.a1 = b->a0;
	after.a0 = b->a1;
	keep_before = before.a1 - before.a0 >= min;
	keep_after = after.a1 - after.a0 >= min;
	if (keep_before && keep_after) {
		Figure rest = *f;
		set_rule(&rest, &after);
		set_rule(f, &before);
		add_figure(cl, &rest);
	} else if (keep_before || keep_after) {
		set_rule(f, keep_before ? &before : &after);
	} else {
		cl->drop[fi] = true;
	}
}

/* A box edge along a thick-thin rule does not replace it (the pair is the stronger divide):
 * it keeps the clearance from the pair's ink, as from text. */
static Room
beside_pairs(Clear *cl, const Edge *e, Room rm)
{
	GArray *figs = PAGE_FIGS(cl);
	for (guint k = 0; k < figs->len; k++) {
		guint fi = g_array_index(figs, guint, k);
		const Figure *f = FIG(cl, fi);
		Edge r;
		Rect ink;
		Room more;
		if (f->kind != FIG_RULE || !cl->pair[fi] || cl->drop[fi])
			continue;
		r = rule_edge(f);
		if (r.vertical != e->vertical ||
		    ABS(r.pos - e->pos) > cl->m->layout->grid.pitch / 2)
			continue;
		ink = r.vertical ? (Rect){r.pos - r.half, r.a0, r.pos + r.half, r.a1}
		                 : (Rect){r.a0, r.pos - r.half, r.a1, r.pos + r.half};
		more = room_beside(e, &ink, 1, cl->clear);
		rm.lo = MAX(rm.lo, more.lo);
		rm.hi = MIN(rm.hi, more.hi);
	}
	return rm;
}

/* A box's edges replace the rules they run along; then each edge of a box or tint is placed
 * like a rule. */
static void
place_box(Clear *cl, guint bi)
{
	static const char *const names[] = {N_("the top of a box"), N_("the foot of a box"),
	                                    N_("the left side of a box"),
	                                    N_("the right side of a box")};
	Figure *bx = FIG(cl, bi);
	bool box = bx->kind == FIG_BOX;
	Edge e[4];
	Len pos[4];
	box_edges(bx, e);
	for (int k = 0; k < 4; k++) {
		if (k == 2) /* the sides run between where the top and foot went */
			e[2].a0 = e[3].a0 = pos[0], e[2].a1 = e[3].a1 = pos[1];
		pos[k] = e[k].pos;
		for (guint j = 0; box && j < PAGE_FIGS(cl)->len; j++) {
			guint fi = g_array_index(PAGE_FIGS(cl), guint, j);
			if (FIG(cl, fi)->kind == FIG_RULE && !cl->drop[fi])
				replace_by(cl, fi, &e[k], &pos[k]);
		}
	}
	bx = FIG(cl, bi); /* the figures may have moved */
	for (int k = 0; k < 4; k++) {
		Room rm;
		e[k].pos = pos[k];
		rm = room_beside(&e[k], INK(cl), NINK(cl), cl->clear);
		if (box)
			rm = beside_pairs(cl, &e[k], rm);
		if (rm.lo <= rm.hi) {
			pos[k] = clamp_pos(pos[k], rm);
		} else {
			pos[k] = rm.lo / 2 + rm.hi / 2;
			if (box)
				tight(cl, bx, names[k], rm, e[k].half);
		}
	}
	bx->y = pos[0];
	bx->h = pos[1] - pos[0];
	bx->x = pos[2];
	bx->w = pos[3] - pos[2];
	box_edges(bx, e);
	for (int k = 0; box && k < 4; k++)
		g_array_append_val(cl->strokes, e[k]);
}

/* the box of the element whose tint t is (the figures of one element share its place in the
 * page description), or NULL */
static const Figure *
box_of_tint(Clear *cl, const Figure *t)
{
	GArray *figs = PAGE_FIGS(cl);
	for (guint j = 0; t->line > 0 && j < figs->len; j++) {
		const Figure *b = FIG(cl, g_array_index(figs, guint, j));
		if (b->kind == FIG_BOX && b->line == t->line && b->col == t->col)
			return b;
	}
	return NULL;
}

/* The tint of a boxed element fills its box as the box's edges were placed: a box's top that
 * took the place of the rule above it left a strip of white inside the frame. */
static void
tints_fill_boxes(Clear *cl)
{
	GArray *figs = PAGE_FIGS(cl);
	for (guint k = 0; k < figs->len; k++) {
		Figure *t = FIG(cl, g_array_index(figs, guint, k));
		const Figure *b = t->kind == FIG_TINT ? box_of_tint(cl, t) : NULL;
		if (b) {
			t->x = b->x;
			t->y = b->y;
			t->w = b->w;
			t->h = b->h;
		}
	}
}

/* An image that a stroke comes closer to than the clearance yields: its area ends the
 * clearance away from the stroke's ink (never less than a pitch deep or wide); a fitted image
 * is scaled into what is left, centred at its top (a PDF ad: centred both ways), a filled one
 * is cropped more. */
static void
inset_image(Clear *cl, Figure *im)
{
	Rect r = {im->x, im->y, im->x + im->w, im->y + im->h};
	bool centred;
	for (guint i = 0; i < cl->strokes->len; i++) {
		const Edge *e = &g_array_index(cl->strokes, Edge, i);
		Len a0, a1, q0, q1;
		axes(&r, e->vertical, &a0, &a1, &q0, &q1);
		/* a stroke that runs along the image, not one that ends at its edge */
		if (a1 <= e->a0 + cl->clear || a0 >= e->a1 - cl->clear ||
		    q1 <= e->pos - e->half - cl->clear || q0 >= e->pos + e->half + cl->clear)
			continue;
		if (q0 / 2 + q1 / 2 > e->pos)
			q0 = e->pos + e->half + cl->clear;
		else
			q1 = e->pos - e->half - cl->clear;
		if (q1 - q0 < cl->m->layout->grid.pitch)
			continue;
		if (e->vertical) {
			r.x0 = q0;
			r.x1 = q1;
		} else {
			r.y0 = q0;
			r.y1 = q1;
		}
	}
	if (r.x0 == im->x && r.y0 == im->y && r.x1 == im->x + im->w && r.y1 == im->y + im->h)
		return;
	centred = im->iy > im->y; /* a PDF ad is centred both ways, a photo hangs from the top */
	im->x = r.x0;
	im->y = r.y0;
	im->w = r.x1 - r.x0;
	im->h = r.y1 - r.y0;
	if (!im->fill && im->iw > 0 && im->ih > 0) {
		double s = MIN(1.0, MIN((double)im->w / im->iw, (double)im->h / im->ih));
		im->iw = (Len)(im->iw * s);
		im->ih = (Len)(im->ih * s);
		im->ix = im->x + (im->w - im->iw) / 2;
		im->iy = centred ? im->y + (im->h - im->ih) / 2 : im->y;
	}
}

static void
clear_page(Clear *cl)
{
	GArray *figs = PAGE_FIGS(cl);
	guint n = figs->len;
	g_array_set_size(cl->strokes, 0);
	g_array_set_size(cl->ends, 0);
	for (guint k = 0; k < n; k++) {
		Edge e = rule_edge(FIG(cl, g_array_index(figs, guint, k)));
		g_array_append_val(cl->ends, e);
	}
	for (guint k = 0; k < n; k++)
		if (FIG(cl, g_array_index(figs, guint, k))->kind == FIG_RULE) {
			guint g = rule_group(cl, k);
			place_rule(cl, k, g);
			k += g - 1;
		}
	follow_ends(cl);
	for (guint k = 0; k < n; k++) {
		guint i = g_array_index(figs, guint, k);
		const Figure *f = FIG(cl, i);
		/* a boxed element's tint takes its box's place after (tints_fill_boxes) */
		if (f->kind == FIG_BOX || (f->kind == FIG_TINT && !box_of_tint(cl, f)))
			place_box(cl, i);
	}
	tints_fill_boxes(cl);
	for (guint k = 0; k < figs->len; k++) {
		guint i = g_array_index(figs, guint, k);
		Figure *fg = FIG(cl, i);
		Edge e;
		if (fg->kind != FIG_RULE || cl->drop[i])
			continue;
		e = rule_edge(fg);
		trim_ends(&e, INK(cl), NINK(cl), cl->clear);
		if (e.a1 - e.a0 < cl->m->layout->grid.pitch) {
			cl->drop[i] = true;
			continue;
		}
		set_rule(fg, &e);
		g_array_append_val(cl->strokes, e);
	}
	for (guint k = 0; k < figs->len; k++) {
		Figure *fg = FIG(cl, g_array_index(figs, guint, k));
		if (fg->kind == FIG_IMAGE)
			inset_image(cl, fg);
	}
}

/* the page's text ink (its lines', then its vertical runs') and figures, in the flow's order */
static void
gather(Clear *cl, const FlowIndex *x)
{
	const Flow *f = cl->f;
	int p = cl->page;
	g_array_set_size(cl->ink, 0);
	g_array_set_size(cl->figs, 0);
	for (guint k = 0; k < x->lines[p]->len; k++) {
		const FlowLine *fl =
		    &g_array_index(f->lines, FlowLine, g_array_index(x->lines[p], int, k));
		if (!fl->proof)
			line_ink(f, fl, cl->ink);
	}
	for (guint k = 0; k < x->runs[p]->len; k++)
		run_ink(g_ptr_array_index(f->runs, g_array_index(x->runs[p], int, k)), cl->ink);
	for (guint k = 0; k < x->figs[p]->len; k++) {
		guint i = (guint)g_array_index(x->figs[p], int, k);
		if (!FIG(cl, i)->proof)
			g_array_append_val(cl->figs, i);
	}
}

Clear *
clear_new(const Model *m, Flow *f, const bool *pages, Report *r)
{
	Clear *cl = g_new0(Clear, 1);
	*cl = (Clear){m, f, r, m->layout->grid.clearance, pages};
	cl->ink = g_array_new(FALSE, FALSE, sizeof(Rect));
	cl->figs = g_array_new(FALSE, FALSE, sizeof(guint));
	cl->strokes = g_array_new(FALSE, FALSE, sizeof(Edge));
	cl->ends = g_array_new(FALSE, FALSE, sizeof(Edge));
	return cl;
}

void
clear_page_of(Clear *cl, int p, const FlowIndex *x)
{
	guint n = cl->f->figures->len;
	if (cl->pages && !cl->pages[p])
		return;
	if (n > cl->nfigs) { /* the flow grew since: room for its new figures, none dropped */
		cl->drop = g_renew(bool, cl->drop, n);
		cl->pair = g_renew(bool, cl->pair, n);
		memset(cl->drop + cl->nfigs, 0, n - cl->nfigs);
		memset(cl->pair + cl->nfigs, 0, n - cl->nfigs);
		cl->nfigs = n;
	}
	cl->page = p;
	gather(cl, x);
	clear_page(cl);
}

bool
clear_dropped(const Clear *cl, int fig)
{
	return (guint)fig < cl->nfigs && cl->drop[fig];
}

void
clear_end(Clear *cl)
{
	Flow *f = cl->f;
	guint kept = 0;
	warn_tight(cl);
	for (guint i = 0; i < f->figures->len; i++)
		if (!clear_dropped(cl, (int)i))
			*FIG(cl, kept++) = *FIG(cl, i);
	g_array_set_size(f->figures, kept);
	g_array_free(cl->ink, TRUE);
	g_array_free(cl->figs, TRUE);
	g_free(cl->drop);
	g_free(cl->pair);
	g_array_free(cl->ends, TRUE);
	g_array_free(cl->strokes, TRUE);
	g_free(cl);
}

void
clear_edition(const Model *m, Flow *f, const bool *pages, Report *r)
{
	Clear *cl = clear_new(m, f, pages, r);
	g_autoptr(FlowIndex) x = flow_index_new(m->npages);
	flow_index_update(x, f);
	for (int p = 0; p < m->npages; p++)
		clear_page_of(cl, p, x);
	clear_end(cl);
}
