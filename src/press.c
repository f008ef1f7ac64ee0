/* press.c - PDF/X-1a:2003 in the post-pass: output intent, Info and XMP, no transparency
 * groups, RGB images to the output profile's CMYK (press.h). */
#include "press.h"
#include "i18n.h"
#include "jpegcmyk.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 8 /* forms inside forms */

typedef struct {
	qpdf_data q;
	const PressSetup *s;
	const char *shown;
	Report *r;
	GHashTable *seen; /* object ids done */
	int in_ad;        /* inside the form of a PDF ad (pdfad.c names them /HzAdN) */
	bool ok;
} Walk;

/* 3 for an RGB colour space (DeviceRGB, CalRGB, ICCBased with N 3), else 0 */
static int
rgb_space(qpdf_data q, qpdf_oh cs)
{
	if (qpdf_oh_is_name_and_equals(q, cs, "/DeviceRGB"))
		return 3;
	if (qpdf_oh_is_array(q, cs) && qpdf_oh_get_array_n_items(q, cs) >= 2) {
		qpdf_oh kind = qpdf_oh_get_array_item(q, cs, 0);
		qpdf_oh arg = qpdf_oh_get_array_item(q, cs, 1);
		if (qpdf_oh_is_name_and_equals(q, kind, "/CalRGB"))
			return 3;
		if (qpdf_oh_is_name_and_equals(q, kind, "/ICCBased") && qpdf_oh_is_stream(q, arg) &&
		    qpdf_oh_get_int_value_as_int(
		        q, qpdf_oh_get_key(q, qpdf_oh_get_dict(q, arg), "/N")) == 3)
			return 3;
	}
	return 0;
}

static void
refuse(Walk *w, const char *what)
{
	report_error(w->r, DIAG_INPUT, w->shown, 0, 0,
	             _("give the image as 8-bit RGB, gray or CMYK without transparency"),
	             _("PDF/X-1a cannot hold this image: %s"), what);
	w->ok = false;
}

/* an /Indexed palette over RGB: its lookup table converted, the base made DeviceCMYK */
static void
indexed_to_cmyk(Walk *w, qpdf_oh cs)
{
	qpdf_data q = w->q;
	qpdf_oh look = qpdf_oh_get_array_item(q, cs, 3);
	unsigned char *data = NULL;
	size_t len = 0, n;
	guint8 *cmyk;
	const unsigned char *rgb;

	if (qpdf_oh_is_stream(q, look)) {
		if (qpdf_oh_get_stream_data(q, look, qpdf_dl_all, NULL, &data, &len) &
		    QPDF_ERRORS) {
			free(data);
			refuse(w, _("an unreadable palette"));
			return;
		}
		rgb = data;
	} else if (qpdf_oh_is_string(q, look)) {
		rgb = (const unsigned char *)qpdf_oh_get_binary_string_value(q, look, &len);
	} else {
		refuse(w, _("an unreadable palette"));
		return;
	}
	n = len / 3;
	cmyk = g_malloc(4 * n + 1);
	colour_rgb_to_cmyk(w->s->colour, rgb, cmyk, n);
	qpdf_oh_set_array_item(q, cs, 1, qpdf_oh_new_name(q, "/DeviceCMYK"));
	qpdf_oh_set_array_item(q, cs, 3, qpdf_oh_new_binary_string(q, (const char *)cmyk, 4 * n));
	g_free(cmyk);
	free(data);
}

/* the image came as a JPEG (its only filter DCTDecode) */
static bool
jpeg_source(qpdf_data q, qpdf_oh dict)
{
	qpdf_oh f = qpdf_oh_get_key(q, dict, "/Filter");
	if (qpdf_oh_is_array(q, f) && qpdf_oh_get_array_n_items(q, f) == 1)
		f = qpdf_oh_get_array_item(q, f, 0);
	return qpdf_oh_is_name_and_equals(q, f, "/DCTDecode");
}

/* n pixels of src to CMYK within `limit` (in 255ths) */
typedef void (*ToCmyk)(const Colour *c, const guint8 *src, guint8 *cmyk, gsize n, int limit);

static void
from_rgb(const Colour *c, const guint8 *rgb, guint8 *cmyk, gsize n, int limit)
{
	colour_rgb_to_cmyk_within(c, rgb, cmyk, n, limit);
}

static void
from_cmyk(const Colour *c, const guint8 *ink, guint8 *cmyk, gsize n, int limit)
{
	(void)c;
	memcpy(cmyk, ink, 4 * n);
	for (gsize i = 0; i < n; i++)
		colour_limit_ink(cmyk + 4 * i, limit);
}

/* src as a CMYK JPEG whose decoded pixels keep the ink limit: JPEG's error can push a pixel
 * over it, so the conversion is limited tighter by what the last try overshot, up to four
 * times; NULL if it does not come within (the image is then stored lossless) */
static GBytes *
within_limit_jpeg(Walk *w, ToCmyk to, const guint8 *src, guint8 *cmyk, int width, int height)
{
	int limit = colour_limit(w->s->colour), target = limit;
	for (int tries = 0; tries < 4; tries++) {
		GBytes *jpeg;
		int worst;
		to(w->s->colour, src, cmyk, (gsize)width * (gsize)height, target);
		jpeg = colour_cmyk_jpeg(cmyk, width, height, w->s->jpeg_quality);
		worst = jpeg ? colour_jpeg_max_ink(jpeg) : -1;
		if (worst >= 0 && worst <= limit)
			return jpeg;
		if (jpeg)
			g_bytes_unref(jpeg);
		if (worst < 0)
			return NULL;
		target -= worst - limit + 2;
	}
	return NULL;
}

/* the image's stream: the CMYK JPEG (Adobe's inverted samples, undone by /Decode) if there is
 * one, else cmyk unfiltered (qpdf compresses it with Flate on writing) */
static void
store_cmyk(qpdf_data q, qpdf_oh img, GBytes *jpeg, guint8 *cmyk, size_t n)
{
	qpdf_oh dict = qpdf_oh_get_dict(q, img);
	qpdf_oh_replace_key(q, dict, "/ColorSpace", qpdf_oh_new_name(q, "/DeviceCMYK"));
	qpdf_oh_remove_key(q, dict, "/Decode");
	if (jpeg) {
		gsize jlen = 0;
		const guint8 *jd = g_bytes_get_data(jpeg, &jlen);
		qpdf_oh dec = qpdf_oh_new_array(q);
		for (int i = 0; i < 8; i++)
			qpdf_oh_append_item(q, dec, qpdf_oh_new_integer(q, (i + 1) % 2));
		qpdf_oh_replace_stream_data(q, img, (unsigned char *)jd, jlen,
		                            qpdf_oh_new_name(q, "/DCTDecode"), qpdf_oh_new_null(q));
		qpdf_oh_replace_key(q, dict, "/Decode", dec);
	} else
		qpdf_oh_replace_stream_data(q, img, cmyk, 4 * n, qpdf_oh_new_null(q),
		                            qpdf_oh_new_null(q));
}

/* the ink of each sample of a CMYK image as decoded: its /Decode applied (an Adobe CMYK JPEG
 * stores 255 - ink and says /Decode [1 0 1 0 1 0 1 0]) */
static void
cmyk_ink(qpdf_data q, qpdf_oh dict, guint8 *data, size_t n)
{
	qpdf_oh dec = qpdf_oh_get_key(q, dict, "/Decode");
	double lo[4] = {0, 0, 0, 0}, hi[4] = {1, 1, 1, 1};
	if (qpdf_oh_is_array(q, dec) && qpdf_oh_get_array_n_items(q, dec) == 8)
		for (int i = 0; i < 8; i++) {
			qpdf_oh v = qpdf_oh_get_array_item(q, dec, i);
			double x =
			    qpdf_oh_is_number(q, v) ? qpdf_oh_get_numeric_value(q, v) : i % 2;
			if (i % 2)
				hi[i / 2] = CLAMP(x, 0, 1);
			else
				lo[i / 2] = CLAMP(x, 0, 1);
		}
	for (size_t i = 0; i < 4 * n; i++) {
		double v = lo[i % 4] + data[i] / 255.0 * (hi[i % 4] - lo[i % 4]);
		data[i] = (guint8)lround(CLAMP(v, 0, 1) * 255);
	}
}

/* a CMYK JPEG as cairo embedded it: cairo gives no /Decode, so an Adobe one (inverted) gets
 * /Decode [1 0 1 0 1 0 1 0], which readers honour alike (poppler does not invert by the marker
 * itself); then as it is when no pixel is over the ink limit, else its pixels limited (gray
 * component replacement) and written again at the layout's quality */
static void
limit_cmyk_jpeg(Walk *w, qpdf_oh img, int width, int height)
{
	qpdf_data q = w->q;
	qpdf_oh dict = qpdf_oh_get_dict(q, img);
	size_t n = (size_t)MAX(width, 0) * (size_t)MAX(height, 0), len = 0;
	unsigned char *data = NULL;
	int worst = 0, limit = colour_limit(w->s->colour);
	guint8 *cmyk;
	GBytes *jpeg;

	if (n == 0 ||
	    qpdf_oh_get_stream_data(q, img, qpdf_dl_all, NULL, &data, &len) & QPDF_ERRORS ||
	    len < 4 * n) {
		free(data);
		refuse(w, _("a CMYK JPEG that does not decode"));
		return;
	}
	jpegcmyk_set_decode(q, img); /* before its ink is read: the ink as readers print it */
	cmyk_ink(q, dict, data, n);
	for (size_t i = 0; i < n; i++)
		worst =
		    MAX(worst, data[4 * i] + data[4 * i + 1] + data[4 * i + 2] + data[4 * i + 3]);
	if (worst <= limit) {
		free(data);
		return;
	}
	cmyk = g_malloc(4 * n);
	jpeg = within_limit_jpeg(w, from_cmyk, data, cmyk, width, height);
	if (!jpeg)
		from_cmyk(w->s->colour, data, cmyk, n, limit);
	store_cmyk(q, img, jpeg, cmyk, n);
	if (jpeg)
		g_bytes_unref(jpeg);
	g_free(cmyk);
	free(data);
}

/* an image with a soft mask (a PNG with alpha) composited onto white paper, as it prints on
 * newsprint: each colour sample c becomes c a + paper (1 - a) (paper: 255 in RGB and gray, 0 in
 * CMYK), the result stored unfiltered and the mask removed; false (refused) if it is not 8-bit
 * RGB, gray or CMYK with an 8-bit mask of its size */
static bool
flatten(Walk *w, qpdf_oh img, int width, int height, int bpc)
{
	qpdf_data q = w->q;
	qpdf_oh dict = qpdf_oh_get_dict(q, img), cs = qpdf_oh_get_key(q, dict, "/ColorSpace");
	qpdf_oh sm = qpdf_oh_get_key(q, dict, "/SMask"), smd;
	size_t n = (size_t)MAX(width, 0) * (size_t)MAX(height, 0), len = 0, alen = 0;
	unsigned char *data = NULL, *alpha = NULL;
	int comps = rgb_space(q, cs)                                   ? 3
	            : qpdf_oh_is_name_and_equals(q, cs, "/DeviceGray") ? 1
	            : qpdf_oh_is_name_and_equals(q, cs, "/DeviceCMYK") ? 4
	                                                               : 0;
	int paper = comps == 4 ? 0 : 255;
	bool ok = false;

	if (qpdf_oh_is_stream(q, sm)) {
		smd = qpdf_oh_get_dict(q, sm);
		ok =
		    comps && bpc == 8 && n > 0 && !qpdf_oh_has_key(q, dict, "/Decode") &&
		    !qpdf_oh_has_key(q, smd, "/Matte") &&
		    qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_key(q, smd, "/Width")) == width &&
		    qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_key(q, smd, "/Height")) == height &&
		    qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_key(q, smd, "/BitsPerComponent")) ==
		        8 &&
		    !(qpdf_oh_get_stream_data(q, sm, qpdf_dl_all, NULL, &alpha, &alen) &
		      QPDF_ERRORS) &&
		    alen >= n &&
		    !(qpdf_oh_get_stream_data(q, img, qpdf_dl_all, NULL, &data, &len) &
		      QPDF_ERRORS) &&
		    len >= (size_t)comps * n;
	}
	if (ok) {
		for (size_t i = 0; i < n; i++)
			for (int k = 0; k < comps; k++) {
				unsigned char *v = data + (size_t)comps * i + k;
				*v = (unsigned char)((*v * alpha[i] + paper * (255 - alpha[i]) +
				                      127) /
				                     255);
			}
		qpdf_oh_replace_stream_data(q, img, data, (size_t)comps * n, qpdf_oh_new_null(q),
		                            qpdf_oh_new_null(q));
		qpdf_oh_remove_key(q, dict, "/SMask");
	} else
		refuse(w, _("a soft mask (transparency) that cannot be flattened onto the paper"));
	free(data);
	free(alpha);
	return ok;
}

static void
image_to_cmyk(Walk *w, qpdf_oh img)
{
	qpdf_data q = w->q;
	qpdf_oh dict = qpdf_oh_get_dict(q, img), cs = qpdf_oh_get_key(q, dict, "/ColorSpace");
	int width = qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_key(q, dict, "/Width"));
	int height = qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_key(q, dict, "/Height"));
	int bpc = qpdf_oh_get_int_value_as_int(q, qpdf_oh_get_key(q, dict, "/BitsPerComponent"));
	unsigned char *data = NULL;
	size_t len = 0, n;
	guint8 *cmyk;
	GBytes *jpeg;

	if (qpdf_oh_has_key(q, dict, "/SMaskInData")) {
		refuse(w, _("a soft mask (transparency)"));
		return;
	}
	if (qpdf_oh_has_key(q, dict, "/SMask") && !flatten(w, img, width, height, bpc))
		return;
	/* PDF/X forbids /Interpolate true; a viewer's or RIP's interpolation filter can also
	 * overshoot between two pixels and put more ink on the plate than either has */
	qpdf_oh_remove_key(q, dict, "/Interpolate");
	if (qpdf_oh_is_array(q, cs) && qpdf_oh_get_array_n_items(q, cs) == 4 &&
	    qpdf_oh_is_name_and_equals(q, qpdf_oh_get_array_item(q, cs, 0), "/Indexed")) {
		if (rgb_space(q, qpdf_oh_get_array_item(q, cs, 1)))
			indexed_to_cmyk(w, cs);
		return;
	}
	/* gray, a mask: as it is; a CMYK JPEG within the limit too, and a PDF ad's CMYK JPEG
	 * always (its /Decode is the advertiser's; its ink is the ad's preflight's) */
	if (!rgb_space(q, cs)) {
		if (!w->in_ad && qpdf_oh_is_name_and_equals(q, cs, "/DeviceCMYK") && bpc == 8 &&
		    jpeg_source(q, dict))
			limit_cmyk_jpeg(w, img, width, height);
		return;
	}
	n = (size_t)MAX(width, 0) * (size_t)MAX(height, 0);
	if (bpc != 8 || n == 0 ||
	    qpdf_oh_get_stream_data(q, img, qpdf_dl_all, NULL, &data, &len) & QPDF_ERRORS ||
	    len < 3 * n) {
		free(data);
		refuse(w, _("an RGB image that is not 8 bits per component"));
		return;
	}
	cmyk = g_malloc(4 * n);
	jpeg =
	    jpeg_source(q, dict) ? within_limit_jpeg(w, from_rgb, data, cmyk, width, height) : NULL;
	if (!jpeg)
		colour_rgb_to_cmyk(w->s->colour, data, cmyk, n);
	store_cmyk(q, img, jpeg, cmyk, n);
	if (jpeg)
		g_bytes_unref(jpeg);
	g_free(cmyk);
	free(data);
}

static void walk_resources(Walk *w, qpdf_oh holder, int depth);

static void
walk_xobjects(Walk *w, qpdf_oh xobjects, int depth)
{
	qpdf_data q = w->q;
	GPtrArray *keys = g_ptr_array_new_with_free_func(g_free);
	if (!qpdf_oh_is_dictionary(q, xobjects) || depth > MAX_DEPTH) {
		g_ptr_array_unref(keys);
		return;
	}
	qpdf_oh_begin_dict_key_iter(q, xobjects);
	while (qpdf_oh_dict_more_keys(q))
		g_ptr_array_add(keys, g_strdup(qpdf_oh_dict_next_key(q)));
	for (guint i = 0; i < keys->len; i++) {
		qpdf_oh x = qpdf_oh_get_key(q, xobjects, g_ptr_array_index(keys, i)), dict, sub;
		int id = qpdf_oh_get_object_id(q, x);
		if (!qpdf_oh_is_stream(q, x) ||
		    (id && !g_hash_table_add(w->seen, GINT_TO_POINTER(id))))
			continue;
		dict = qpdf_oh_get_dict(q, x);
		sub = qpdf_oh_get_key(q, dict, "/Subtype");
		if (qpdf_oh_is_name_and_equals(q, sub, "/Image"))
			image_to_cmyk(w, x);
		else if (qpdf_oh_is_name_and_equals(q, sub, "/Form")) {
			bool ad = g_str_has_prefix(g_ptr_array_index(keys, i), "/HzAd");
			qpdf_oh_remove_key(q, dict, "/Group");
			w->in_ad += ad;
			walk_resources(w, dict, depth + 1);
			w->in_ad -= ad;
		}
	}
	g_ptr_array_unref(keys);
}

/* the XObjects, and the patterns' own resources, a page or form uses */
static void
walk_resources(Walk *w, qpdf_oh holder, int depth)
{
	qpdf_data q = w->q;
	qpdf_oh res = qpdf_oh_get_key(q, holder, "/Resources");
	if (!qpdf_oh_is_dictionary(q, res))
		return;
	walk_xobjects(w, qpdf_oh_get_key(q, res, "/XObject"), depth);
	qpdf_oh pats = qpdf_oh_get_key(q, res, "/Pattern");
	if (qpdf_oh_is_dictionary(q, pats) && depth <= MAX_DEPTH) {
		GPtrArray *keys = g_ptr_array_new_with_free_func(g_free);
		qpdf_oh_begin_dict_key_iter(q, pats);
		while (qpdf_oh_dict_more_keys(q))
			g_ptr_array_add(keys, g_strdup(qpdf_oh_dict_next_key(q)));
		for (guint i = 0; i < keys->len; i++) {
			qpdf_oh p = qpdf_oh_get_key(q, pats, g_ptr_array_index(keys, i));
			if (qpdf_oh_is_stream(q, p))
				walk_resources(w, qpdf_oh_get_dict(q, p), depth + 1);
		}
		g_ptr_array_unref(keys);
	}
}

static qpdf_oh
text(qpdf_data q, const char *utf8)
{
	return qpdf_oh_new_unicode_string(q, utf8);
}

static void
add_output_intent(Walk *w)
{
	qpdf_data q = w->q;
	gsize len = 0;
	const guint8 *icc = colour_profile(w->s->colour, &len);
	qpdf_oh prof = qpdf_oh_new_stream(q), oi = qpdf_oh_new_dictionary(q), arr;
	qpdf_oh_replace_stream_data(q, prof, (unsigned char *)icc, len, qpdf_oh_new_null(q),
	                            qpdf_oh_new_null(q));
	qpdf_oh_replace_key(q, qpdf_oh_get_dict(q, prof), "/N", qpdf_oh_new_integer(q, 4));
	qpdf_oh_replace_key(q, oi, "/Type", qpdf_oh_new_name(q, "/OutputIntent"));
	qpdf_oh_replace_key(q, oi, "/S", qpdf_oh_new_name(q, "/GTS_PDFX"));
	qpdf_oh_replace_key(q, oi, "/OutputConditionIdentifier", text(q, w->s->condition));
	qpdf_oh_replace_key(q, oi, "/OutputCondition", text(q, w->s->info));
	qpdf_oh_replace_key(q, oi, "/Info", text(q, w->s->info));
	qpdf_oh_replace_key(q, oi, "/RegistryName", text(q, w->s->registry));
	qpdf_oh_replace_key(q, oi, "/DestOutputProfile", prof);
	arr = qpdf_oh_new_array(q);
	qpdf_oh_append_item(q, arr, qpdf_make_indirect_object(q, oi));
	qpdf_oh_replace_key(q, qpdf_get_root(q), "/OutputIntents", arr);
}

/* D:YYYYMMDDHHmmSS[Z|+HH'mm'] to the XMP form YYYY-MM-DDTHH:mm:SS+HH:mm */
static char *
xmp_date(const char *pdf)
{
	int f[6] = {0, 1, 1, 0, 0, 0}, widths[6] = {4, 2, 2, 2, 2, 2};
	const char *p = g_str_has_prefix(pdf, "D:") ? pdf + 2 : pdf;
	for (int i = 0; i < 6 && g_ascii_isdigit(*p); i++) {
		int v = 0;
		for (int j = 0; j < widths[i] && g_ascii_isdigit(*p); j++)
			v = v * 10 + (*p++ - '0');
		f[i] = v;
	}
	GString *s = g_string_new(NULL);
	g_string_printf(s, "%04d-%02d-%02dT%02d:%02d:%02d", f[0], f[1], f[2], f[3], f[4], f[5]);
	if (*p == '+' || *p == '-') {
		int hh = 0, mm = 0;
		sscanf(p + 1, "%2d'%2d", &hh, &mm);
		g_string_append_printf(s, "%c%02d:%02d", *p, hh, mm);
	} else
		g_string_append(s, "Z");
	return g_string_free(s, FALSE);
}

static char *
info_text(qpdf_data q, qpdf_oh info, const char *key)
{
	qpdf_oh v = qpdf_oh_get_key(q, info, key);
	return g_strdup(qpdf_oh_is_string(q, v) ? qpdf_oh_get_utf8_value(q, v) : "");
}

static void
add_info_and_xmp(Walk *w)
{
	qpdf_data q = w->q;
	qpdf_oh trailer = qpdf_get_trailer(q), info = qpdf_oh_get_key(q, trailer, "/Info");
	g_autofree char *title = NULL, *creator = NULL, *producer = NULL, *created = NULL,
	                *modified = NULL, *t = NULL, *c = NULL, *pr = NULL;
	qpdf_oh meta, md;
	GString *x;

	if (!qpdf_oh_is_dictionary(q, info)) {
		info = qpdf_make_indirect_object(q, qpdf_oh_new_dictionary(q));
		qpdf_oh_replace_key(q, trailer, "/Info", info);
	}
	qpdf_oh_replace_key(q, info, "/GTS_PDFXVersion", text(q, "PDF/X-1:2003"));
	qpdf_oh_replace_key(q, info, "/GTS_PDFXConformance", text(q, "PDF/X-1a:2003"));
	qpdf_oh_replace_key(q, info, "/Trapped", qpdf_oh_new_name(q, "/False"));
	title = info_text(q, info, "/Title");
	creator = info_text(q, info, "/Creator");
	producer = info_text(q, info, "/Producer");
	{
		g_autofree char *cd = info_text(q, info, "/CreationDate");
		g_autofree char *mdate = info_text(q, info, "/ModDate");
		created = xmp_date(cd);
		modified = xmp_date(*mdate ? mdate : cd);
	}
	t = g_markup_escape_text(title, -1);
	c = g_markup_escape_text(creator, -1);
	pr = g_markup_escape_text(producer, -1);
	x = g_string_new("<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	                 "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	                 "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
	g_string_append_printf(
	    x,
	    "<rdf:Description rdf:about=\"\"\n"
	    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
	    " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
	    " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
	    " xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\"\n"
	    " xmlns:pdfx=\"http://ns.adobe.com/pdfx/1.3/\">\n"
	    "<dc:format>application/pdf</dc:format>\n"
	    "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n"
	    "<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n"
	    "<xmp:MetadataDate>%s</xmp:MetadataDate>\n<xmp:CreatorTool>%s</xmp:CreatorTool>\n"
	    "<pdf:Producer>%s</pdf:Producer>\n<pdf:Trapped>False</pdf:Trapped>\n"
	    "<pdfxid:GTS_PDFXVersion>PDF/X-1:2003</pdfxid:GTS_PDFXVersion>\n"
	    "<pdfx:GTS_PDFXVersion>PDF/X-1:2003</pdfx:GTS_PDFXVersion>\n"
	    "<pdfx:GTS_PDFXConformance>PDF/X-1a:2003</pdfx:GTS_PDFXConformance>\n"
	    "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>\n",
	    t, created, modified, modified, c, pr);
	meta = qpdf_oh_new_stream(q);
	qpdf_oh_replace_stream_data(q, meta, (unsigned char *)x->str, x->len, qpdf_oh_new_null(q),
	                            qpdf_oh_new_null(q));
	md = qpdf_oh_get_dict(q, meta);
	qpdf_oh_replace_key(q, md, "/Type", qpdf_oh_new_name(q, "/Metadata"));
	qpdf_oh_replace_key(q, md, "/Subtype", qpdf_oh_new_name(q, "/XML"));
	qpdf_oh_replace_key(q, qpdf_get_root(q), "/Metadata", meta);
	g_string_free(x, TRUE);
}

bool
press_apply(qpdf_data q, const PressSetup *s, const char *shown, Report *r)
{
	Walk w = {q, s, shown, r, g_hash_table_new(g_direct_hash, g_direct_equal), 0, true};
	for (int i = 0; i < qpdf_get_num_pages(q); i++) {
		qpdf_oh page = qpdf_get_page_n(q, (size_t)i);
		qpdf_oh_remove_key(q, page, "/Group");
		walk_resources(&w, page, 0);
	}
	if (w.ok) {
		add_output_intent(&w);
		add_info_and_xmp(&w);
	}
	g_hash_table_destroy(w.seen);
	return w.ok;
}
