/* image.h - photos and ads: probing PNG/JPEG files and decoding them for drawing. */
#pragma once

#include "report.h"
#include <cairo.h>
#include <glib.h>
#include <stdbool.h>

typedef enum { IMAGE_PNG, IMAGE_JPEG, IMAGE_PDF } ImageFormat;

typedef struct {
	ImageFormat format;
	int width, height; /* pixels; a PDF ad: the size of its box as shown, in Len (1/1024 pt) */
	/* a PDF ad (pdfad.h): the page placed (1-based), its box (TrimBox, else CropBox, else
	 * MediaBox) and its CropBox in the page's default user space (points, x0 y0 x1 y1), and
	 * its /Rotate (0, 90, 180 or 270) */
	int page;
	double box[4], crop[4];
	int rotate;
} ImageInfo;

#define IMAGE_MAX_BYTES  (64 * 1024 * 1024)
#define IMAGE_MAX_PIXELS 16384          /* a side */
#define IMAGE_MAX_AREA   (36 * 1000000) /* width x height: 144 MB decoded */

/* Check the bytes of a PNG or JPEG file, read once by the caller (infile_read): its header and
 * its size (each side and the area, before anything is inflated). Anything else is an error
 * about `path` reported at file:line:col. Cheap: nothing is decoded. */
bool image_probe(GBytes *bytes, const char *path, const char *file, int line, int col,
                 ImageInfo *info, Report *r);
/* Check that the data of an image image_probe accepted is whole: a PNG's every chunk and CRC,
 * its data inflating to exactly what its header says (streamed, nothing kept); a JPEG ends
 * after its scan and decodes whole at 1/8 scale. An error about `path` at file:line:col
 * otherwise. Tens of milliseconds for a print-size image; safe on any thread (r is the
 * caller's own). */
bool image_verify(GBytes *bytes, const ImageInfo *info, const char *path, const char *file,
                  int line, int col, Report *r);
/* Decode the bytes to a cairo surface; path only names them in messages. A JPEG keeps its
 * original bytes (a reference, not a copy) as CAIRO_MIME_TYPE_JPEG so the PDF embeds the file
 * as is; with for_pdf its pixels are not even decoded. want_w x want_h (0: all) are the pixels
 * the output needs: a JPEG is decoded scaled down by 1/2, 1/4 or 1/8 while still covering
 * them. The bytes are ones image_probe and image_verify accepted (the latter decodes a JPEG
 * whole, so drawing does not check it again). Returns NULL with a report on failure. */
cairo_surface_t *image_decode(GBytes *bytes, const char *path, bool for_pdf, int want_w, int want_h,
                              Report *r);
