/* render.h - the output transaction of one run: pages selected, every output planned and checked
 * before any is written, written, and committed together or not at all. */
#pragma once

#include "pipeline.h"
#include "report.h"
#include <stdbool.h>

typedef struct {
	const char *out;    /* the edition as one PDF ("-" for standard output), or NULL */
	const char *split;  /* a folder: one PDF per page, DATE-版次.pdf, or NULL */
	const char *png;    /* a folder: one PNG proof per page, or NULL */
	const char *report; /* the fit report as JSON ("-" for standard output), or NULL */
	const char
	    *proof_pdf;    /* the edition with the proof overlay, as one PDF ("-" too), or NULL */
	const char *pages; /* "1,3-4": positions in the edition, or NULL for every page */
	double dpi;        /* of the PNG proofs; 0: 100 */
	bool marks;        /* crop marks and bleed (PDF) */
	bool cmyk;         /* DeviceCMYK, neutrals on K only (PDF) */
	bool press;        /* PDF/X-1a (press.h); implies marks and cmyk (PDF) */
	bool proof;        /* the proof overlay on the PNG proofs (never on -o or --split) */
	bool write;        /* false (check): only the report is written */
	/* called after each page is painted; may be NULL */
	void (*progress)(int done, int total, void *data);
	void *progress_data;
} RenderOptions;

typedef struct {
	bool opened;      /* the outputs were checked and opened: writing was attempted */
	bool uses_stdout; /* an output went to standard output */
	bool bad_pages;   /* the page selection was refused: nothing was tried */
	gint64 write_us;  /* time spent writing the PDF, split pages and PNG proofs */
} RenderResult;

/* Write p's outputs as o says, when r holds no input or system error (nothing is written after
 * one): every output is checked against the inputs and each other first (outset.h), then
 * written to temporary files and committed only when the whole run succeeded. res may be NULL. */
void render_outputs(const Pipeline *p, const RenderOptions *o, RenderResult *res, Report *r);
