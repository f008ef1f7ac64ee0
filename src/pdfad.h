/* pdfad.h - PDF ads: reading the advertiser's PDF with libqpdf when the edition is read, and
 * importing its page as a Form XObject into huozi's PDF in the qpdf post-pass. */
#pragma once

#include "adcheck.h"
#include "image.h"
#include "report.h"
#include "units.h"
#include <glib.h>
#include <qpdf/qpdf-c.h>
#include <stdbool.h>

/* a PDF page larger than this (points a side) is refused: PDF's own limit is 14,400 */
#define PDFAD_MAX_SIDE 14400.0

/* true when the bytes are a PDF file ("%PDF-" in the first 1024 bytes), or when the name ends
 * in ".pdf" (then a file that is not a PDF is reported as such, not as a broken image) */
bool pdfad_is_pdf(GBytes *bytes, const char *name);

/* Open the PDF read for the <ad> at w (w->path: the ad's file) and find the page to place:
 * `page` (1-based; 0 when the element names none). The module is mw x mh (Len): the page is
 * preflighted (adcheck.h, o) at the size it will be placed. Fills info (IMAGE_PDF; width and
 * height: the box as shown, in Len). A file that cannot be placed (not a PDF, unreadable, a
 * password needed, no such page, no usable box) is an input error; other findings are
 * warnings (DIAG_AD). */
bool pdfad_probe(GBytes *bytes, int page, Len mw, Len mh, const AdCheckOptions *o, const AdWhere *w,
                 ImageInfo *info, Report *r);

/* The matrix (a b c d e f) that draws the box of info, as shown (rotated by its /Rotate),
 * into the rectangle x, y, w, h (PDF points, y up) without distortion, centred. */
void pdfad_matrix(const ImageInfo *info, double x, double y, double w, double h, double m[6]);

/* One PDF ad to draw on a page of huozi's PDF. */
typedef struct {
	int out_page;  /* 0-based page of the written PDF */
	int image;     /* which ad: the same image on several pages is one form */
	GBytes *bytes; /* the ad file as read when the edition was read */
	const char *path;
	ImageInfo info;
	double x, y, w, h; /* the rectangle it is fitted into: PDF points, y up, in the page */
} PdfAdPlace;

/* The forms imported into one output document (each ad once, whatever the pages it is on),
 * and the ads' documents they were copied from, open until the output is written. */
typedef struct {
	GHashTable *forms;  /* image -> qpdf_oh of the form in the output */
	GPtrArray *sources; /* qpdf_data */
} PdfAdImports;

PdfAdImports *pdfad_imports_new(void);
void pdfad_imports_free(PdfAdImports *im);

/* Import the ads to place on `page` (the out_page-th page of q) as Form XObjects and append
 * to the page's content "q <matrix> cm /HzAdN Do Q" for each, after the page's own content
 * (wrapped in q ... Q). Errors are DIAG_SYSTEM reports at shown. */
bool pdfad_place(qpdf_data q, qpdf_oh page, int out_page, const PdfAdPlace *ads, int nads,
                 PdfAdImports *im, const char *shown, Report *r);
