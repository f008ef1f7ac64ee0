/* outintent.h - a layout's <output-intent>: the printing condition a --press PDF names, its ICC
 * profile (read once), the rendering intent, the ink limit and the JPEG quality. */
#pragma once

#include "colour.h"
#include "desc.h"
#include "report.h"
#include <glib.h>
#include <stdbool.h>

#define OUTINTENT_CONDITION "CGATS TR 001" /* what ghostscript's default_cmyk.icc describes */
#define OUTINTENT_REGISTRY  "http://www.color.org"
#define OUTINTENT_QUALITY   90
#define OUTINTENT_MAX_BYTES (16 * 1024 * 1024) /* an ICC profile */
/* where profile="NAME" (no slash, not beside the layout) is looked up, in this order, each
 * folder and then its subfolders in name order */
#define OUTINTENT_SEARCH "/usr/local/share/color/icc", "/usr/share/color/icc"

typedef struct {
	bool given;       /* the layout has <output-intent>; else the defaults below */
	char *profile_as; /* profile= as written (dumps); the default's path when not given */
	char *profile;    /* the file read, for messages; NULL with the defaults (read on use) */
	GBytes *icc;      /* its bytes, checked to be a CMYK output profile; NULL: the default */
	char *condition;  /* OutputConditionIdentifier */
	char *registry;   /* RegistryName */
	char *info;       /* Info and OutputCondition; NULL: the profile's own description */
	ColourIntent intent;
	bool bpc;         /* black point compensation */
	int ink_limit;    /* percent total area coverage, 100..400 */
	int jpeg_quality; /* 1..100 */
} OutIntent;

/* the defaults of a layout without <output-intent>: ghostscript's default_cmyk.icc (not read
 * until a press run needs it), CGATS TR 001, relative colorimetric with BPC, 240%, quality 90 */
void outintent_init(OutIntent *o);
void outintent_done(OutIntent *o);
/* Read <output-intent> n of the layout `file` into o (initialised): the profile resolved
 * (relative to the layout's folder, or a bare name in OUTINTENT_SEARCH), read and checked;
 * every problem a DIAG_INPUT error at the attribute, false. */
bool outintent_read(const DescNode *n, const char *file, OutIntent *o, Report *r);
/* one line "  output-intent ..." for the layout's dump */
void outintent_dump(const OutIntent *o, GString *out);
