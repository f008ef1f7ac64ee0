/* image.h - photos and ads: probing PNG/JPEG files and decoding them for drawing. */
#pragma once

#include "report.h"
#include <cairo.h>
#include <glib.h>
#include <stdbool.h>

typedef enum { IMAGE_PNG, IMAGE_JPEG } ImageFormat;

typedef struct {
	ImageFormat format;
	int width, height; /* pixels */
} ImageInfo;

#define IMAGE_MAX_BYTES  (64 * 1024 * 1024)
#define IMAGE_MAX_PIXELS 16384

/* Read the header of a PNG or JPEG file; anything else (or a truncated file) is an error
 * reported at the given location. */
bool image_probe(const char *path, const char *file, int line, int col, ImageInfo *info, Report *r);
/* Decode to a cairo surface. A JPEG keeps its original bytes as CAIRO_MIME_TYPE_JPEG so the
 * PDF embeds the file as is; with for_pdf its pixels are not even decoded (the PDF surface
 * only reads the JPEG data). Returns NULL with a report on failure. */
cairo_surface_t *image_load(const char *path, bool for_pdf, Report *r);
