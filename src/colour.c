/* colour.c - RGB to the output profile's CMYK with LittleCMS, within the ink limit (colour.h). */
#include "colour.h"
#include "cmyk.h"
#include "i18n.h"
#include <lcms2.h>
#include <math.h>

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

Colour *
colour_new(const ColourSetup *s, const char *shown, Report *r)
{
	g_autoptr(GError) err = NULL;
	gchar *data = NULL;
	gsize len = 0;
	cmsHPROFILE srgb, out;
	Colour *c;

	if (!g_file_get_contents(s->profile, &data, &len, &err)) {
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

void
colour_rgb_to_cmyk(const Colour *c, const guint8 *rgb, guint8 *cmyk, gsize n)
{
	while (n > 0) { /* lcms counts pixels in 32 bits */
		cmsUInt32Number chunk = (cmsUInt32Number)MIN(n, (gsize)1 << 20);
		cmsDoTransform(c->xf, rgb, cmyk, chunk);
		for (cmsUInt32Number i = 0; i < chunk; i++)
			colour_limit_ink(cmyk + 4 * i, c->limit);
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
