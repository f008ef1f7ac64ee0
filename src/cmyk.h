/* cmyk.h - device colours for the press: the rewrite of a PDF content stream's RGB colour
 * operators (cairo writes only DeviceRGB) into DeviceCMYK, neutral greys and black as K only. */
#pragma once

#include <glib.h>
#include <stdbool.h>

/* c, m, y, k in [0, 1] for r, g, b in [0, 1]: a neutral (r = g = b) is K only, so black text
 * and rules print on the black plate alone instead of as a four-colour rich black; other
 * colours take the naive conversion (K = 1 - max, the rest under-colour removed), which is
 * what a newspaper's few spot colours (a red rubric) need without an ICC profile. */
void cmyk_from_rgb(double r, double g, double b, double cmyk[4]);

/* The content stream `data` with every `r g b rg` / `r g b RG` replaced by `c m y k k` /
 * `c m y k K`; everything else (strings that contain "rg", arrays, inline images, comments)
 * is copied byte for byte. *changed counts the operators rewritten. A pure function: the
 * result is new, owned by the caller. */
GString *cmyk_rewrite_content(const char *data, gsize len, int *changed);

/* a conversion of one colour: r, g, b in [0, 1] to c, m, y, k in [0, 1] */
typedef void (*CmykConvert)(double r, double g, double b, double cmyk[4], const void *data);

/* cmyk_rewrite_content with another conversion than cmyk_from_rgb (the press converts
 * through the output profile, press.h) */
GString *cmyk_rewrite_content_with(const char *data, gsize len, CmykConvert convert,
                                   const void *convert_data, int *changed);
