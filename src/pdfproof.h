/* pdfproof.h - PDF ads on PNG proofs: the ad's page rendered by poppler-glib into the cairo
 * context of the proof (the PDF output imports the page instead: pdfad.h). */
#pragma once

#include "image.h"
#include "report.h"
#include "units.h"
#include <cairo.h>
#include <glib.h>
#include <stdbool.h>

/* Draw the box of the PDF ad `bytes` (info from pdfad_probe; path names it in messages) into
 * the rectangle x, y, w, h (points, y down, in cr's user space), centred without distortion,
 * clipped to its box. False with a DIAG_SYSTEM report when poppler cannot open the file. */
bool pdfproof_draw(cairo_t *cr, GBytes *bytes, const ImageInfo *info, const char *path, double x,
                   double y, double w, double h, Report *r);
