/* metrics.h - hmtx and vmtx side bearings set to the box of the TrueType outlines. */
#pragma once
#include <glib.h>

GBytes *metrics_set_bearings(GBytes *mtx, guint long_metrics, const int *bearing,
                             const gboolean *set, guint glyphs);
int metrics_vorg_origin(GBytes *vorg, guint glyph);
