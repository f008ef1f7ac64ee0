/* colour.h - colour management for the press: RGB to the output profile's CMYK with LittleCMS,
 * then the total area coverage limit with gray component replacement. */
#pragma once

#include "report.h"
#include <glib.h>
#include <stdbool.h>

#define COLOUR_DEFAULT_PROFILE   "/usr/share/color/icc/ghostscript/default_cmyk.icc"
#define COLOUR_DEFAULT_INK_LIMIT 240 /* percent: newsprint */

typedef enum { COLOUR_RELATIVE, COLOUR_PERCEPTUAL } ColourIntent;

typedef struct {
	const char *profile; /* a CMYK ICC profile's path, for messages */
	GBytes *icc;         /* its bytes as read (outintent.h); NULL: read the path */
	ColourIntent intent;
	bool bpc;      /* black point compensation */
	int ink_limit; /* total area coverage, percent (100..400) */
} ColourSetup;

typedef struct Colour Colour;

/* the bytes open as an ICC profile in LittleCMS */
bool colour_profile_opens(GBytes *icc);
/* the transform from sRGB to the profile; NULL (reported against `shown`) if the profile cannot
 * be read or is not an output profile in CMYK */
Colour *colour_new(const ColourSetup *s, const char *shown, Report *r);
void colour_free(Colour *c);
/* the profile's bytes, as read, for the OutputIntent */
const guint8 *colour_profile(const Colour *c, gsize *len);
/* the profile's description (its desc tag), for the OutputIntent's Info */
const char *colour_name(const Colour *c);
/* n pixels of 8-bit RGB to 8-bit CMYK within the ink limit; rgb and cmyk do not overlap */
void colour_rgb_to_cmyk(const Colour *c, const guint8 *rgb, guint8 *cmyk, gsize n);
/* the same with a tighter limit than the profile's (in 255ths): room for JPEG's error */
void colour_rgb_to_cmyk_within(const Colour *c, const guint8 *rgb, guint8 *cmyk, gsize n,
                               int limit);
/* the ink limit, in 255ths */
int colour_limit(const Colour *c);
/* the highest total ink of any pixel of a CMYK JPEG colour_cmyk_jpeg wrote, in 255ths; -1 if it
 * does not decode */
int colour_jpeg_max_ink(GBytes *jpeg);
/* one colour, r g b in [0, 1]: a neutral (r = g = b) on K only as cmyk_from_rgb makes it, any
 * other through the profile within the ink limit */
void colour_convert(double r, double g, double b, double cmyk[4], const void *colour);
/* w x h pixels of 8-bit CMYK as a baseline JPEG at `quality` (1..100), each sample inverted
 * (255 - v) as Adobe's CMYK JPEGs are: the PDF image that holds it takes
 * /Decode [1 0 1 0 1 0 1 0]; NULL if libjpeg fails. Owned by the caller. */
GBytes *colour_cmyk_jpeg(const guint8 *cmyk, int w, int h, int quality);
/* c m y k (0..255 each) limited to `limit` (in 255ths, 255 = 100%): gray component replaced
 * by K first, then C, M, Y scaled down */
void colour_limit_ink(guint8 cmyk[4], int limit);
