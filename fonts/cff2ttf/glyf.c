/* glyf.c - one simple TrueType glyph written as 'glyf' table bytes.
 *
 * A glyph without contours is empty (zero bytes). Otherwise: the header with the bounding box
 * of all points, the contours' last points, no instructions, then the flags, run-length coded,
 * and the x and y deltas, each one byte when it is short (|d| < 256, its sign in the flag) and
 * none when it is 0.
 */
#include "glyf.h"

enum {
	ON_CURVE = 0x01,
	X_SHORT = 0x02,
	Y_SHORT = 0x04,
	REPEAT = 0x08,
	X_SAME_OR_POSITIVE = 0x10,
	Y_SAME_OR_POSITIVE = 0x20,
};

static void
put16(GByteArray *out, int v)
{
	guint8 b[2] = {(guint8)((v >> 8) & 0xff), (guint8)(v & 0xff)};
	g_byte_array_append(out, b, 2);
}

static void
put8(GByteArray *out, int v)
{
	guint8 b = (guint8)v;
	g_byte_array_append(out, &b, 1);
}

/* the flag bits for one delta: short, same-or-positive */
static int
delta_flags(int d, int short_bit, int same_bit)
{
	if (d == 0)
		return same_bit;
	if (d > -256 && d < 256)
		return short_bit | (d > 0 ? same_bit : 0);
	return 0;
}

static void
put_delta(GByteArray *out, int d, int flags, int short_bit, int same_bit)
{
	if (flags & short_bit)
		put8(out, d < 0 ? -d : d);
	else if (!(flags & same_bit))
		put16(out, d);
}

static GlyfBox
bounds(const GArray *points)
{
	const TtPoint *p = (const TtPoint *)points->data;
	GlyfBox b = {p[0].x, p[0].y, p[0].x, p[0].y};
	for (guint i = 1; i < points->len; i++) {
		b.x_min = MIN(b.x_min, p[i].x);
		b.y_min = MIN(b.y_min, p[i].y);
		b.x_max = MAX(b.x_max, p[i].x);
		b.y_max = MAX(b.y_max, p[i].y);
	}
	return b;
}

/* the flags, a run of three or more equal ones as one flag with REPEAT and its count (two
 * equal flags take two bytes either way, and written out they compress better) */
static void
put_flags(GByteArray *out, const guint8 *flags, guint n)
{
	for (guint i = 0; i < n;) {
		guint run = 1;
		while (i + run < n && flags[i + run] == flags[i] && run < 256)
			run++;
		if (run > 2) {
			put8(out, flags[i] | REPEAT);
			put8(out, (int)run - 1);
		} else {
			run = 1;
			put8(out, flags[i]);
		}
		i += run;
	}
}

/* Appends the glyph of c to out and sets box; an empty glyph appends nothing (box all 0). */
void
glyf_encode(const Contours *c, GByteArray *out, GlyfBox *box)
{
	const TtPoint *p = (const TtPoint *)c->points->data;
	guint n = c->points->len;
	*box = (GlyfBox){0, 0, 0, 0};
	if (c->ends->len == 0 || n == 0)
		return;
	*box = bounds(c->points);
	put16(out, (int)c->ends->len);
	put16(out, box->x_min);
	put16(out, box->y_min);
	put16(out, box->x_max);
	put16(out, box->y_max);
	for (guint i = 0; i < c->ends->len; i++)
		put16(out, g_array_index(c->ends, guint16, i));
	put16(out, 0); /* no instructions */
	g_autofree guint8 *flags = g_new(guint8, n);
	for (guint i = 0; i < n; i++) {
		int dx = p[i].x - (i ? p[i - 1].x : 0), dy = p[i].y - (i ? p[i - 1].y : 0);
		flags[i] = (guint8)((p[i].on ? ON_CURVE : 0) |
		                    delta_flags(dx, X_SHORT, X_SAME_OR_POSITIVE) |
		                    delta_flags(dy, Y_SHORT, Y_SAME_OR_POSITIVE));
	}
	put_flags(out, flags, n);
	for (guint i = 0; i < n; i++)
		put_delta(out, p[i].x - (i ? p[i - 1].x : 0), flags[i], X_SHORT,
		          X_SAME_OR_POSITIVE);
	for (guint i = 0; i < n; i++)
		put_delta(out, p[i].y - (i ? p[i - 1].y : 0), flags[i], Y_SHORT,
		          Y_SAME_OR_POSITIVE);
}
