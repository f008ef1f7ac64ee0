/* out_cairo.h - writing a DList: PDF (print) and PNG (proof) through one cairo painter. */
#pragma once

#include "dlist.h"
#include "model.h"
#include "outintent.h"
#include "report.h"

typedef struct {
	const char *title; /* document title */
	const char *subject;
	const char *creator; /* "huozi 0.1.0" */
	const char *date;    /* ISO date for the PDF's CreationDate: from the edition */
	const int *pages;    /* page indexes to write, or NULL for all */
	int npages;
	bool marks; /* crop marks and bleed, TrimBox and BleedBox (PDF only) */
	bool cmyk;  /* device CMYK for the press, black and greys on K only (PDF only) */
	bool press; /* PDF/X-1a: output intent, no transparency, CMYK images (press.h; PDF only) */
	bool proof; /* draw the proof overlay (a proof PDF; never a PDF for print) */
	const OutIntent *intent; /* --press: the layout's output condition; NULL: the defaults */
	/* called after each page is painted (the caller may show progress); may be NULL */
	void (*progress)(int done, int total, void *data);
	void *progress_data;
} OutOptions;

/* Write the pages to `path` (a temporary file the caller commits; outset.h), with fsync; a
 * failure is reported naming `shown`, the output as the user named it. */
bool out_pdf(const DList *d, const OutOptions *o, const char *path, const char *shown, Report *r);
/* Create the cairo scaled font of every font of the display list now. Pango creates them
 * lazily and not thread-safely; call this before writing pages from several threads. */
void out_prepare_fonts(const DList *d);
/* The PNG proof of page i is named page-<label>.png. */
char *out_png_name(const DList *d, int page);
/* One PNG for each page whose paths[i] is not NULL, written there at dpi (temporary files the
 * caller commits), with the proof overlay when proof; a failure is reported naming shown[i].
 * Stops at the first failure. */
bool out_png(const DList *d, const char *const *paths, const char *const *shown, double dpi,
             bool proof, Report *r);
