/* postpass.h - the qpdf post-pass over a finished PDF: what cairo cannot write itself, page
 * boxes (TrimBox, BleedBox) and device colours for the press (DeviceCMYK, black on K only). */
#pragma once

#include "pdfad.h"
#include "press.h"
#include "report.h"
#include <glib.h>
#include <stdbool.h>

typedef struct {
	bool boxes;            /* TrimBox and BleedBox around the crop marks (marks.h) */
	bool cmyk;             /* RGB colour operators to DeviceCMYK, neutrals to K only (cmyk.h) */
	const char *shown;     /* the output's name for messages; NULL: path */
	const PdfAdPlace *ads; /* PDF ads to import and place as Form XObjects (pdfad.h) */
	int nads;
	/* the PNGs drawn through stand-ins (pdfimage.c), by DList image; NULL where none */
	GBytes *const *pngs;
	int npngs;
	const PressSetup *press; /* PDF/X-1a (press.h), colours through its profile; NULL: not */
	bool adobe_jpegs;        /* Adobe-inverted CMYK JPEGs to give their /Decode (jpegcmyk.h) */
} PostPass;

/* Rewrite the PDF `pdf` (cairo's, held in memory) into `path`, through a temporary file beside
 * it, with a deterministic /ID. Images keep their own colour space (a JPEG is embedded as it
 * came). */
bool postpass_run(GBytes *pdf, const char *path, const PostPass *pp, Report *r);
/* A PDF held in memory (cairo's when no post-pass was needed after all, or qpdf's) written to
 * path, an output's temporary file, and made durable; a failure reported as for every output
 * (DIAG_SYSTEM, the errno and its hint). */
bool postpass_write_pdf(const char *path, const void *data, size_t len, const char *shown,
                        Report *r);
