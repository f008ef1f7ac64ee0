/* metrics.c - hmtx and vmtx side bearings set to the box of the TrueType outlines.
 *
 * FreeType and HarfBuzz place a TrueType glyph by its side bearing: they shift the outline by
 * the difference between the hmtx left side bearing and the glyph's xMin, which the 'glyf'
 * header takes from all its points, control points included; and without VORG (a CFF table)
 * the vertical origin is the glyph's yMax plus its vmtx top side bearing. The CFF font's
 * bearings were made from the cubic curves' box, which the quadratic control points overshoot
 * by a few units where a curve turns between its on-curve points; so each glyph's left side
 * bearing becomes its new xMin, and its top side bearing its VORG origin minus its new yMax:
 * the glyph then sits where the CFF one did. Advances stay as they are.
 */
#include "metrics.h"
#include <string.h>

static int
get16(const guint8 *p)
{
	return (gint16)(p[0] << 8 | p[1]);
}

static void
set16(guint8 *p, int v)
{
	p[0] = (guint8)((v >> 8) & 0xff);
	p[1] = (guint8)(v & 0xff);
}

/* Returns a copy of the hmtx or vmtx table mtx (long_metrics advance-and-bearing pairs, then
 * bearings) with the bearing of each glyph whose set is TRUE replaced by bearing. */
GBytes *
metrics_set_bearings(GBytes *mtx, guint long_metrics, const int *bearing, const gboolean *set,
                     guint glyphs)
{
	gsize len;
	const guint8 *src = g_bytes_get_data(mtx, &len);
	guint8 *m = g_memdup2(src, len);
	for (guint g = 0; g < glyphs; g++) {
		gsize at = g < long_metrics ? 4 * (gsize)g + 2
		                            : 4 * (gsize)long_metrics + 2 * (g - long_metrics);
		if (set[g] && at + 2 <= len)
			set16(m + at, bearing[g]);
	}
	return g_bytes_new_take(m, len);
}

/* The vertical origin (y) of glyph in the VORG table vorg: its own, or the default. */
int
metrics_vorg_origin(GBytes *vorg, guint glyph)
{
	gsize len;
	const guint8 *p = g_bytes_get_data(vorg, &len);
	if (len < 8)
		return 0;
	guint n = (guint)(p[6] << 8 | p[7]);
	/* the records are sorted by glyph id */
	guint lo = 0, hi = MIN(n, (guint)((len - 8) / 4));
	while (lo < hi) {
		guint mid = (lo + hi) / 2, id = (guint)(p[8 + 4 * mid] << 8 | p[9 + 4 * mid]);
		if (id == glyph)
			return get16(p + 10 + 4 * mid);
		if (id < glyph)
			lo = mid + 1;
		else
			hi = mid;
	}
	return get16(p + 4);
}
