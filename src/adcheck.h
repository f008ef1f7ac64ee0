/* adcheck.h - the preflight of a PDF ad's page, as a newspaper plant checks an incoming ad:
 * fonts not embedded, RGB content in a press run, total ink above the limit, images under
 * 200 ppi at their placed size. */
#pragma once

#include "report.h"
#include <glib.h>
#include <qpdf/qpdf-c.h>
#include <stdbool.h>

#define ADCHECK_INK_LIMIT 240 /* percent total area coverage: newsprint */
#define ADCHECK_MIN_PPI   200 /* an image's resolution at its placed size */

typedef struct {
	bool press;    /* a press run: RGB content is a finding */
	int ink_limit; /* percent; 0: ADCHECK_INK_LIMIT */
} AdCheckOptions;

/* where an ad is placed, for messages: the <ad> element, and the ad's file */
typedef struct {
	const char *file; /* the page description */
	int line, col;
	const char *path; /* the PDF, as messages show it */
} AdWhere;

/* What a walk of a page's content found. */
typedef struct {
	bool rgb;              /* DeviceRGB, CalRGB or ICCBased with N 3 */
	const char *rgb_what;  /* the first RGB found, for the message (static) */
	int max_ink;           /* percent: the most c+m+y+k of a colour set (k, K, sc, scn) */
	int min_ppi;           /* the lowest image resolution at the placed size; 0: no image */
	char *min_ppi_image;   /* its XObject name, or "inline" */
	GPtrArray *unembedded; /* char*: base font names of fonts not embedded, each once */
} AdFindings;

void adcheck_findings_init(AdFindings *f);
void adcheck_findings_done(AdFindings *f);

/* Walk `page` of q (its content, its forms, images and fonts) as placed at `scale` (points on
 * huozi's page per point of the ad's) and add what it finds to f. Bounded: forms nested at
 * most 8 deep and at most 4096 form or image uses walked. */
void adcheck_walk(qpdf_data q, qpdf_oh page, double scale, AdFindings *f);

/* The findings as warnings (DIAG_AD) at w: RGB only when o->press. */
void adcheck_report(const AdFindings *f, const AdCheckOptions *o, const AdWhere *w, Report *r);
