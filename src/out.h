/* out.h - writing a DList: PDF (print) and PNG (proof) through one cairo painter. */
#pragma once

#include "dlist.h"
#include "model.h"
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
	/* called after each page is painted (the caller may show progress); may be NULL */
	void (*progress)(int done, int total, void *data);
	void *progress_data;
} OutOptions;

/* Write the pages to `path` through a temporary file in the same folder, renamed into
 * place only when complete: a failure leaves any previous file untouched. */
bool out_pdf(const DList *d, const OutOptions *o, const char *path, Report *r);
/* Create the cairo scaled font of every font of the display list now. Pango creates them
 * lazily and not thread-safely; call this before writing pages from several threads. */
void out_prepare_fonts(const DList *d);
/* One PNG per page in dir, named page-<label>.png, at dpi. */
bool out_png(const DList *d, const OutOptions *o, const char *dir, double dpi, Report *r);
