/* storystyle.h - which style of the layout sets a part of an element: its style-PART=, its
 * rank's, the layout's (storystyle.c). */
#pragma once

#include "desc.h"
#include "layout.h"
#include "story.h"

/* the style of part id of an element given these styles: its own style-PART, else its rank's
 * (rank=, else the layout's default rank), else the layout's style of that name. set may be
 * NULL (no element: the default rank). */
const Style *storystyle_get(const Layout *l, const StyleSet *set, StyleId id);

/* the style of a story's paragraph of kind k: of a notice's when notice (a "## " line starts
 * the next notice of a stack: its heading) */
const Style *storystyle_for(const Layout *l, const StyleSet *set, ParaKind k, bool notice);

/* the attributes storystyle_read reads: style-PART (and style=, a part forgotten), rank */
bool storystyle_owns(const char *attr);

/* Read style-PART="NAME" attributes of n, whose parts are `parts` (ending in ST_COUNT), and
 * rank= when ranked, into out (zeroed first). Unknown names, parts n does not have and ranks
 * the layout lacks are errors in r. */
bool storystyle_read(const Layout *l, const DescNode *n, const char *file, const StyleId *parts,
                     bool ranked, StyleSet *out, Report *r);
