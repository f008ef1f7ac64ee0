/* colour.c - RGB to the output profile's CMYK with LittleCMS, within the ink limit (colour.h). */
#include "colour.h"
#include "cmyk.h"
#include "i18n.h"

#include <stdio.h> /* before jpeglib.h, which needs FILE */

#include <jpeglib.h>
#include <lcms2.h>
#include <math.h>
#include <setjmp.h>
#include <stdlib.h>

struct Colour {
	GBytes *profile;
	char *name;
	cmsHTRANSFORM xf;
	int limit; /* in 255ths */
};

void
colour_limit_ink(guint8 px[4], int limit)
{
	int c = px[0], m = px[1], y = px[2], k = px[3];
	int total = c + m + y + k;
	if (total <= limit)
		return;
	/* gray component replacement: a of each of C, M, Y becomes a of K, saving 2a */
	int a = MIN(MIN(c, MIN(m, y)), 255 - k);
	a = MIN(a, (total - limit + 1) / 2);
	c -= a, m -= a, y -= a, k += a;
	total = c + m + y + k;
	if (total > limit && c + m + y > 0) { /* what is left: C, M, Y in proportion */
		int room = MAX(limit - k, 0), cmy = c + m + y;
		c = c * room / cmy;
		m = m * room / cmy;
		y = y * room / cmy;
	}
	px[0] = (guint8)c, px[1] = (guint8)m, px[2] = (guint8)y, px[3] = (guint8)k;
}

bool
colour_profile_opens(GBytes *icc)
{
	gsize len = 0;
	const void *data = g_bytes_get_data(icc, &len);
	cmsHPROFILE p = len > 0 ? cmsOpenProfileFromMem(data, (cmsUInt32Number)len) : NULL;
	if (p)
		cmsCloseProfile(p);
	return p != NULL;
}

Colour *
colour_new(const ColourSetup *s, const char *shown, Report *r)
{
	g_autoptr(GError) err = NULL;
	gchar *data = NULL;
	gsize len = 0;
	cmsHPROFILE srgb, out;
	Colour *c;

	if (s->icc)
		data = g_memdup2(g_bytes_get_data(s->icc, &len), g_bytes_get_size(s->icc));
	else if (!g_file_get_contents(s->profile, &data, &len, &err)) {
		report_error(r, DIAG_INPUT, shown, 0, 0, NULL,
		             _("cannot read the output profile %s: %s"), s->profile, err->message);
		return NULL;
	}
	out = cmsOpenProfileFromMem(data, (cmsUInt32Number)len);
	if (!out || cmsGetColorSpace(out) != cmsSigCmykData ||
	    cmsGetDeviceClass(out) != cmsSigOutputClass) {
		report_error(r, DIAG_INPUT, shown, 0, 0,
		             _("name the plant's CMYK output profile (an .icc file), e.g. "
		               "/usr/share/color/icc/ghostscript/default_cmyk.icc"),
		             _("%s is not a CMYK output ICC profile"), s->profile);
		if (out)
			cmsCloseProfile(out);
		g_free(data);
		return NULL;
	}
	srgb = cmsCreate_sRGBProfile();
	c = g_new0(Colour, 1);
	{
		char desc[256] = "";
		cmsGetProfileInfoASCII(out, cmsInfoDescription, "en", "US", desc, sizeof desc);
		c->name = g_strdup(*desc ? desc : "CMYK");
	}
	c->profile = g_bytes_new_take(data, len);
	c->limit = (s->ink_limit * 255 + 50) / 100;
	c->xf = cmsCreateTransform(
	    srgb, TYPE_RGB_8, out, TYPE_CMYK_8,
	    s->intent == COLOUR_PERCEPTUAL ? INTENT_PERCEPTUAL : INTENT_RELATIVE_COLORIMETRIC,
	    (s->bpc ? cmsFLAGS_BLACKPOINTCOMPENSATION : 0) | cmsFLAGS_NOCACHE);
	cmsCloseProfile(srgb);
	cmsCloseProfile(out);
	if (!c->xf) {
		report_error(r, DIAG_INPUT, shown, 0, 0, NULL,
		             _("cannot convert to the output profile %s"), s->profile);
		colour_free(c);
		return NULL;
	}
	return c;
}

void
colour_free(Colour *c)
{
	if (!c)
		return;
	if (c->xf)
		cmsDeleteTransform(c->xf);
	g_bytes_unref(c->profile);
	g_free(c->name);
	g_free(c);
}

const char *
colour_name(const Colour *c)
{
	return c->name;
}

const guint8 *
colour_profile(const Colour *c, gsize *len)
{
	return g_bytes_get_data(c->profile, len);
}

int
colour_limit(const Colour *c)
{
	return c->limit;
}

void
colour_rgb_to_cmyk(const Colour *c, const guint8 *rgb, guint8 *cmyk, gsize n)
{
	colour_rgb_to_cmyk_within(c, rgb, cmyk, n, c->limit);
}

void
colour_rgb_to_cmyk_within(const Colour *c, const guint8 *rgb, guint8 *cmyk, gsize n, int limit)
{
	while (n > 0) { /* lcms counts pixels in 32 bits */
		cmsUInt32Number chunk = (cmsUInt32Number)MIN(n, (gsize)1 << 20);
		cmsDoTransform(c->xf, rgb, cmyk, chunk);
		for (cmsUInt32Number i = 0; i < chunk; i++)
			colour_limit_ink(cmyk + 4 * i, limit);
		rgb += 3 * (gsize)chunk;
		cmyk += 4 * (gsize)chunk;
		n -= chunk;
	}
}

void
colour_convert(double r, double g, double b, double out[4], const void *colour)
{
	const Colour *c = colour;
	guint8 rgb[3], cmyk[4];
	if (fabs(r - g) < 0.5 / 255 && fabs(g - b) < 0.5 / 255) {
		cmyk_from_rgb(r, g, b, out);
		return;
	}
	rgb[0] = (guint8)lround(CLAMP(r, 0, 1) * 255);
	rgb[1] = (guint8)lround(CLAMP(g, 0, 1) * 255);
	rgb[2] = (guint8)lround(CLAMP(b, 0, 1) * 255);
	colour_rgb_to_cmyk(c, rgb, cmyk, 1);
	for (int i = 0; i < 4; i++)
		out[i] = cmyk[i] / 255.0;
}

typedef struct {
	struct jpeg_error_mgr mgr;
	jmp_buf jump;
} JpegErr;

static void
jpeg_fail(j_common_ptr c)
{
	longjmp(((JpegErr *)c->err)->jump, 1);
}

static void
jpeg_silent(j_common_ptr c, int level)
{
	(void)c, (void)level;
}

GBytes *
colour_cmyk_jpeg(const guint8 *cmyk, int w, int h, int quality)
{
	struct jpeg_compress_struct c;
	JpegErr err;
	unsigned char *volatile out = NULL;
	unsigned long volatile len = 0;
	guint8 *volatile row = g_malloc(4 * (gsize)w);
	GBytes *result = NULL;

	c.err = jpeg_std_error(&err.mgr);
	err.mgr.error_exit = jpeg_fail;
	err.mgr.emit_message = jpeg_silent;
	if (setjmp(err.jump)) {
		jpeg_destroy_compress(&c);
		free(out);
		g_free(row);
		return NULL;
	}
	jpeg_create_compress(&c);
	jpeg_mem_dest(&c, (unsigned char **)&out, (unsigned long *)&len);
	c.image_width = (JDIMENSION)w;
	c.image_height = (JDIMENSION)h;
	c.input_components = 4;
	c.in_color_space = JCS_CMYK;
	jpeg_set_defaults(&c);
	jpeg_set_colorspace(&c, JCS_CMYK); /* no YCCK transform: the Adobe marker says 0 */
	jpeg_set_quality(&c, CLAMP(quality, 1, 100), TRUE);
	jpeg_start_compress(&c, TRUE);
	while (c.next_scanline < c.image_height) {
		const guint8 *src = cmyk + 4 * (gsize)w * c.next_scanline;
		JSAMPROW rp = row;
		for (gsize i = 0; i < 4 * (gsize)w; i++)
			row[i] = (guint8)(255 - src[i]);
		jpeg_write_scanlines(&c, &rp, 1);
	}
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	result = g_bytes_new(out, len);
	free(out);
	g_free(row);
	return result;
}

int
colour_jpeg_max_ink(GBytes *jpeg)
{
	struct jpeg_decompress_struct d;
	JpegErr err;
	gsize len = 0;
	const guint8 *data = g_bytes_get_data(jpeg, &len);
	guint8 *volatile row = NULL;
	int volatile worst = 0;

	d.err = jpeg_std_error(&err.mgr);
	err.mgr.error_exit = jpeg_fail;
	err.mgr.emit_message = jpeg_silent;
	if (setjmp(err.jump)) {
		jpeg_destroy_decompress(&d);
		g_free(row);
		return -1;
	}
	jpeg_create_decompress(&d);
	jpeg_mem_src(&d, data, (unsigned long)len);
	jpeg_read_header(&d, TRUE);
	d.out_color_space = JCS_CMYK;
	jpeg_start_decompress(&d);
	row = g_malloc(4 * (gsize)d.output_width);
	while (d.output_scanline < d.output_height) {
		JSAMPROW rp = row;
		jpeg_read_scanlines(&d, &rp, 1);
		for (gsize i = 0; i < 4 * (gsize)d.output_width; i += 4) {
			int ink =
			    4 * 255 - row[i] - row[i + 1] - row[i + 2] - row[i + 3]; /* inverted */
			if (ink > worst)
				worst = ink;
		}
	}
	jpeg_finish_decompress(&d);
	jpeg_destroy_decompress(&d);
	g_free(row);
	return worst;
}
