/* pdfimage.c - PNG data into the PDF as it is: a stand-in image for cairo, replaced by the IDAT in
 * the post-pass. */
#include "pdfimage.h"
#include <string.h>

/* Why: cairo takes pixels, so a PNG was inflated, unpremultiplied into a surface and deflated
 * again by cairo's PDF writer on every run (a 4000x1250 ad: 15 MB of pixels, about a second of
 * zlib). PDF's FlateDecode with the PNG predictor (/Predictor 15) reads a PNG's IDAT stream as
 * it is, so an 8-bit grey or RGB PNG, not interlaced and with no transparency, needs no pixels:
 * cairo is given a 1x1 surface carrying a tiny JPEG stand-in (cairo embeds JPEG data as it is,
 * with the width and height of its header), whose comment names the image; the post-pass finds
 * that stream and puts the IDAT bytes and the decode parameters in its place. Other PNGs (alpha,
 * palette, 16-bit, interlaced, tRNS) are drawn from pixels as before. image_verify has checked
 * every chunk's CRC and that the data inflates to the rows the header promises. */

#define TAG "huozi-png "

static guint32
be32(const guchar *p)
{
	return (guint32)p[0] << 24 | (guint32)p[1] << 16 | (guint32)p[2] << 8 | p[3];
}

/* 8-bit grey (1) or RGB (3), not interlaced, no tRNS: the colours, or 0 */
static int
png_colors(const guchar *d, gsize n, guint32 *w, guint32 *h)
{
	static const guchar sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
	int colors;
	if (n < 33 || memcmp(d, sig, 8) != 0 || memcmp(d + 12, "IHDR", 4) != 0)
		return 0;
	*w = be32(d + 16);
	*h = be32(d + 20);
	if (d[24] != 8 || d[28] != 0 || *w == 0 || *h == 0 || *w > 65535 || *h > 65535)
		return 0;
	colors = d[25] == 0 ? 1 : d[25] == 2 ? 3 : 0;
	for (gsize p = 8; colors && p + 12 <= n;) {
		guint32 len = be32(d + p);
		if (len > n - p - 12)
			return 0;
		if (memcmp(d + p + 4, "tRNS", 4) == 0)
			return 0;
		if (memcmp(d + p + 4, "IEND", 4) == 0)
			break;
		p += 12 + (gsize)len;
	}
	return colors;
}

GBytes *
pdfimage_standin(const guchar *png, gsize n, int image)
{
	guint32 w, h;
	int colors = png_colors(png, n, &w, &h);
	GByteArray *j;
	char tag[32];
	int taglen;
	if (!colors)
		return NULL;
	taglen = g_snprintf(tag, sizeof tag, TAG "%d", image);
	j = g_byte_array_new();
	/* SOI; COM with the tag; SOF0: 8 bits, height, width, the components; EOI */
	g_byte_array_append(j, (const guint8[]){0xff, 0xd8, 0xff, 0xfe}, 4);
	g_byte_array_append(j, (const guint8[]){(guint8)((taglen + 2) >> 8), (guint8)(taglen + 2)},
	                    2);
	g_byte_array_append(j, (const guint8 *)tag, (guint)taglen);
	g_byte_array_append(j, (const guint8[]){0xff, 0xc0, 0, (guint8)(8 + 3 * colors), 8}, 5);
	g_byte_array_append(j,
	                    (const guint8[]){(guint8)(h >> 8), (guint8)h, (guint8)(w >> 8),
	                                     (guint8)w, (guint8)colors},
	                    5);
	for (int c = 0; c < colors; c++)
		g_byte_array_append(j, (const guint8[]){(guint8)(c + 1), 0x11, 0}, 3);
	g_byte_array_append(j, (const guint8[]){0xff, 0xd9}, 2);
	return g_byte_array_free_to_bytes(j);
}

/* the image a stand-in stream names, or -1 */
static int
standin_of(qpdf_data q, qpdf_oh x)
{
	unsigned char *data = NULL;
	size_t len = 0;
	int image = -1;
	qpdf_oh dict = qpdf_oh_get_dict(q, x), length = qpdf_oh_get_key(q, dict, "/Length");
	/* a photo's JPEG is as long as it is: not copied out only to be looked at */
	if (!qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, dict, "/Filter"), "/DCTDecode") ||
	    !qpdf_oh_is_integer(q, length) || qpdf_oh_get_int_value(q, length) >= 64)
		return -1;
	if (qpdf_oh_get_stream_data(q, x, qpdf_dl_none, NULL, &data, &len) & QPDF_ERRORS)
		return -1;
	if (len > 6 + strlen(TAG) && len < 64 && data[2] == 0xff && data[3] == 0xfe &&
	    memcmp(data + 6, TAG, strlen(TAG)) == 0) {
		char num[16] = {0};
		size_t k = 0, p = 6 + strlen(TAG);
		while (p < len && k < sizeof num - 1 && g_ascii_isdigit(data[p]))
			num[k++] = (char)data[p++];
		if (k > 0)
			image = atoi(num);
	}
	free(data);
	return image;
}

/* the bytes of the IDAT chunks' data */
static gsize
idat_length(const guchar *d, gsize n)
{
	gsize total = 0;
	for (gsize p = 8; p + 12 <= n;) {
		guint32 len = be32(d + p);
		if (memcmp(d + p + 4, "IDAT", 4) == 0)
			total += len;
		if (memcmp(d + p + 4, "IEND", 4) == 0)
			break;
		p += 12 + (gsize)len;
	}
	return total;
}

/* the IDAT chunks' data, one after another: a zlib stream of the filtered rows */
static void
replace(qpdf_data q, qpdf_oh x, GBytes *png)
{
	gsize n;
	const guchar *d = g_bytes_get_data(png, &n);
	guint32 w, h;
	int colors = png_colors(d, n, &w, &h);
	GByteArray *idat = g_byte_array_sized_new((guint)idat_length(d, n));
	qpdf_oh parms;
	for (gsize p = 8; p + 12 <= n;) {
		guint32 len = be32(d + p);
		if (memcmp(d + p + 4, "IDAT", 4) == 0)
			g_byte_array_append(idat, d + p + 8, len);
		if (memcmp(d + p + 4, "IEND", 4) == 0)
			break;
		p += 12 + (gsize)len;
	}
	parms = qpdf_oh_new_dictionary(q);
	qpdf_oh_replace_key(q, parms, "/Predictor", qpdf_oh_new_integer(q, 15));
	qpdf_oh_replace_key(q, parms, "/Colors", qpdf_oh_new_integer(q, colors));
	qpdf_oh_replace_key(q, parms, "/BitsPerComponent", qpdf_oh_new_integer(q, 8));
	qpdf_oh_replace_key(q, parms, "/Columns", qpdf_oh_new_integer(q, w));
	qpdf_oh_replace_stream_data(q, x, idat->data, idat->len,
	                            qpdf_oh_new_name(q, "/FlateDecode"), parms);
	g_byte_array_free(idat, TRUE);
}

static void walk_resources(qpdf_data q, qpdf_oh holder, GBytes *const *pngs, int npngs,
                           GHashTable *seen, int depth);

static void
walk_dict(qpdf_data q, qpdf_oh dict, GBytes *const *pngs, int npngs, GHashTable *seen, int depth)
{
	GPtrArray *keys = g_ptr_array_new_with_free_func(g_free);
	if (!qpdf_oh_is_dictionary(q, dict) || depth > 8) {
		g_ptr_array_unref(keys);
		return;
	}
	qpdf_oh_begin_dict_key_iter(q, dict);
	while (qpdf_oh_dict_more_keys(q))
		g_ptr_array_add(keys, g_strdup(qpdf_oh_dict_next_key(q)));
	for (guint i = 0; i < keys->len; i++) {
		qpdf_oh x = qpdf_oh_get_key(q, dict, g_ptr_array_index(keys, i));
		int id = qpdf_oh_get_object_id(q, x), image;
		if (!qpdf_oh_is_stream(q, x) ||
		    (id && !g_hash_table_add(seen, GINT_TO_POINTER(id))))
			continue;
		image = standin_of(q, x);
		if (image >= 0 && image < npngs && pngs[image])
			replace(q, x, pngs[image]);
		else
			walk_resources(q, qpdf_oh_get_dict(q, x), pngs, npngs, seen, depth + 1);
	}
	g_ptr_array_unref(keys);
}

/* the XObjects and patterns of a page, form or pattern, and theirs */
static void
walk_resources(qpdf_data q, qpdf_oh holder, GBytes *const *pngs, int npngs, GHashTable *seen,
               int depth)
{
	qpdf_oh res = qpdf_oh_get_key(q, holder, "/Resources");
	if (!qpdf_oh_is_dictionary(q, res))
		return;
	walk_dict(q, qpdf_oh_get_key(q, res, "/XObject"), pngs, npngs, seen, depth);
	walk_dict(q, qpdf_oh_get_key(q, res, "/Pattern"), pngs, npngs, seen, depth);
}

void
pdfimage_replace(qpdf_data q, qpdf_oh page, GBytes *const *pngs, int npngs, GHashTable *seen)
{
	walk_resources(q, page, pngs, npngs, seen, 0);
}
