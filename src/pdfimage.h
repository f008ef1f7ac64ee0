/* pdfimage.h - PNG data into the PDF as it is: a stand-in image for cairo, replaced by the IDAT in
 * the post-pass. */
#pragma once
#include <glib.h>
#include <qpdf/qpdf-c.h>

/* The stand-in JPEG for image `image` when the PNG can go into the PDF as it is (8-bit grey or
 * RGB, not interlaced, no transparency), else NULL: to be attached to a 1x1 surface as
 * CAIRO_MIME_TYPE_JPEG, and replaced by pdfimage_replace. */
GBytes *pdfimage_standin(const guchar *png, gsize n, int image);
/* Put pngs[i]'s IDAT and the PNG predictor in place of every stand-in of image i found in the
 * resources of `page` (XObjects, patterns, and theirs); `seen` holds the object ids walked. */
void pdfimage_replace(qpdf_data q, qpdf_oh page, GBytes *const *pngs, int npngs, GHashTable *seen);
