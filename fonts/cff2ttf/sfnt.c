/* sfnt.c - an OpenType font file's tables, written with their directory and checksums.
 *
 * The tables are sorted by tag, in the directory and in the file, each starting on a multiple
 * of 4 bytes and padded with zeros. Each table's checksum is the sum of its big-endian 32-bit
 * words; head.checkSumAdjustment is set last, so that the whole file sums to 0xB1B0AFBA.
 */
#include "sfnt.h"
#include <string.h>

static void
set32(guint8 *p, guint32 v)
{
	p[0] = (guint8)(v >> 24);
	p[1] = (guint8)(v >> 16);
	p[2] = (guint8)(v >> 8);
	p[3] = (guint8)v;
}

static void
set16(guint8 *p, guint v)
{
	p[0] = (guint8)(v >> 8);
	p[1] = (guint8)v;
}

static guint32
checksum(const guint8 *p, gsize len)
{
	guint32 sum = 0;
	for (gsize i = 0; i < len; i += 4) {
		guint8 w[4] = {0, 0, 0, 0};
		memcpy(w, p + i, MIN(4, len - i));
		sum += (guint32)w[0] << 24 | (guint32)w[1] << 16 | (guint32)w[2] << 8 | w[3];
	}
	return sum;
}

static gint
by_tag(gconstpointer a, gconstpointer b)
{
	guint32 x = ((const SfntTable *)a)->tag, y = ((const SfntTable *)b)->tag;
	return x < y ? -1 : x > y;
}

/* Sorts tables by tag and returns the font file holding them, of sfnt version version; the
 * 'head' table's checkSumAdjustment is computed here. */
GBytes *
sfnt_build(GArray *tables, guint32 version)
{
	guint n = tables->len;
	g_array_sort(tables, by_tag);
	gsize size = 12 + 16 * (gsize)n;
	for (guint i = 0; i < n; i++)
		size +=
		    (g_bytes_get_size(g_array_index(tables, SfntTable, i).data) + 3) & ~(gsize)3;
	guint8 *file = g_malloc0(size);
	guint pow2 = 1, log2 = 0;
	while (pow2 * 2 <= n) {
		pow2 *= 2;
		log2++;
	}
	set32(file, version);
	set16(file + 4, n);
	set16(file + 6, pow2 * 16);
	set16(file + 8, log2);
	set16(file + 10, n * 16 - pow2 * 16);
	gsize off = 12 + 16 * (gsize)n, head_off = 0;
	for (guint i = 0; i < n; i++) {
		const SfntTable *t = &g_array_index(tables, SfntTable, i);
		gsize len;
		const guint8 *data = g_bytes_get_data(t->data, &len);
		guint8 *entry = file + 12 + 16 * i;
		memcpy(file + off, data, len);
		if (t->tag == SFNT_TAG('h', 'e', 'a', 'd') && len >= 12) {
			set32(file + off + 8, 0);
			head_off = off;
		}
		set32(entry, t->tag);
		set32(entry + 4, checksum(file + off, len));
		set32(entry + 8, (guint32)off);
		set32(entry + 12, (guint32)len);
		off += (len + 3) & ~(gsize)3;
	}
	if (head_off)
		set32(file + head_off + 8, 0xB1B0AFBAu - checksum(file, size));
	return g_bytes_new_take(file, size);
}
