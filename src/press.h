/* press.h - PDF/X-1a:2003 on a PDF the post-pass holds: the output intent with its ICC profile,
 * GTS_PDFXVersion and /Trapped in Info and XMP, no transparency groups, images in CMYK. */
#pragma once

#include "colour.h"
#include "report.h"
#include <qpdf/qpdf-c.h>

typedef struct {
	const Colour *colour;  /* the output profile, the ink limit */
	const char *condition; /* OutputConditionIdentifier */
	const char *registry;  /* RegistryName */
	const char *info;      /* Info and OutputCondition: the condition in words */
	int jpeg_quality; /* a converted JPEG is written again as a CMYK JPEG at this quality */
} PressSetup;

/* Make the document q holds PDF/X-1a: every page's and form's transparency group removed,
 * every RGB image (and RGB palette) converted through the profile within the ink limit, the
 * OutputIntent, Info's GTS_PDFXVersion and /Trapped, the XMP metadata from Info. False, and
 * reported against `shown`, on what PDF/X-1a cannot hold (an image with a soft mask). */
bool press_apply(qpdf_data q, const PressSetup *s, const char *shown, Report *r);
