/* contour.c - a FreeType outline rewritten as TrueType contours: quadratic, clockwise, integer.
 *
 * Each cubic goes through quad.c; lines and quadratics stay as they are. A contour's closing
 * point, when it repeats its first, is dropped (TrueType closes every contour), as is an
 * on-curve point repeating the one before it. CFF draws outer contours
 * counter-clockwise and TrueType clockwise, so each contour is reversed, keeping its first point
 * first. Coordinates are rounded to whole font units last.
 */
#include "contour.h"
#include "quad.h"
#include FT_OUTLINE_H
#include <math.h>

/* a contour being drawn, in exact coordinates */
typedef struct {
	GArray *pts; /* QuadPt */
	GArray *on;  /* gboolean, one per point */
	Contours *out;
	double tolerance;
	QuadPt cur;
} Pen;

static void
pen_add(Pen *p, QuadPt q, gboolean on)
{
	if (on && p->pts->len > 0 && g_array_index(p->on, gboolean, p->on->len - 1)) {
		QuadPt last = g_array_index(p->pts, QuadPt, p->pts->len - 1);
		if (last.x == q.x && last.y == q.y)
			return;
	}
	g_array_append_val(p->pts, q);
	g_array_append_val(p->on, on);
	if (on)
		p->cur = q;
}

/* v rounded to a whole unit, halves up; within a millionth of a half counts as a half, so
 * that a coordinate on a half lands the same way whichever path the arithmetic took */
static int
round_half_up(double v)
{
	return (int)floor(v + 0.5 + 1e-6);
}

static void
pen_close(Pen *p)
{
	guint n = p->pts->len;
	if (n == 0)
		return;
	QuadPt first = g_array_index(p->pts, QuadPt, 0),
	       last = g_array_index(p->pts, QuadPt, n - 1);
	if (n > 1 && g_array_index(p->on, gboolean, n - 1) && last.x == first.x &&
	    last.y == first.y)
		n--;
	for (guint k = 0; k < n; k++) {
		/* the first point stays first; the others are taken backwards */
		guint i = k == 0 ? 0 : n - k;
		QuadPt q = g_array_index(p->pts, QuadPt, i);
		TtPoint t = {round_half_up(q.x), round_half_up(q.y),
		             g_array_index(p->on, gboolean, i)};
		g_array_append_val(p->out->points, t);
	}
	guint16 end = (guint16)(p->out->points->len - 1);
	g_array_append_val(p->out->ends, end);
	g_array_set_size(p->pts, 0);
	g_array_set_size(p->on, 0);
}

static QuadPt
pt(const FT_Vector *v)
{
	return (QuadPt){(double)v->x, (double)v->y};
}

static int
move_to(const FT_Vector *to, void *user)
{
	Pen *p = user;
	pen_close(p);
	pen_add(p, pt(to), TRUE);
	return 0;
}

static int
line_to(const FT_Vector *to, void *user)
{
	pen_add(user, pt(to), TRUE);
	return 0;
}

static int
conic_to(const FT_Vector *control, const FT_Vector *to, void *user)
{
	pen_add(user, pt(control), FALSE);
	pen_add(user, pt(to), TRUE);
	return 0;
}

static int
cubic_to(const FT_Vector *c1, const FT_Vector *c2, const FT_Vector *to, void *user)
{
	Pen *p = user;
	QuadPt c[4] = {p->cur, pt(c1), pt(c2), pt(to)};
	QuadPt ctrl[QUAD_MAX_PIECES];
	int n = quad_from_cubic(c, p->tolerance, ctrl);
	for (int i = 0; i < n; i++)
		pen_add(p, ctrl[i], FALSE);
	pen_add(p, c[3], TRUE);
	return 0;
}

void
contours_init(Contours *c)
{
	c->points = g_array_new(FALSE, FALSE, sizeof(TtPoint));
	c->ends = g_array_new(FALSE, FALSE, sizeof(guint16));
}

void
contours_done(Contours *c)
{
	g_array_unref(c->points);
	g_array_unref(c->ends);
}

/* Replaces c's contents by the outline's contours, within tolerance font units of it. */
FT_Error
contours_from_outline(Contours *c, const FT_Outline *outline, double tolerance)
{
	static const FT_Outline_Funcs draw = {move_to, line_to, conic_to, cubic_to, 0, 0};
	Pen p = {g_array_new(FALSE, FALSE, sizeof(QuadPt)),
	         g_array_new(FALSE, FALSE, sizeof(gboolean)),
	         c,
	         tolerance,
	         {0, 0}};
	g_array_set_size(c->points, 0);
	g_array_set_size(c->ends, 0);
	FT_Error err = FT_Outline_Decompose((FT_Outline *)outline, &draw, &p);
	if (!err)
		pen_close(&p);
	g_array_unref(p.pts);
	g_array_unref(p.on);
	return err;
}
