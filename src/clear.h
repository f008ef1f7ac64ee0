/* clear.h - clearances between the text and the rules, box and tint edges (clear.c). */
#pragma once

#include "flow.h"

/* Place every rule, box and tint edge of the edition the layout's clearance away from the
 * text's ink, let box edges replace the rules they run along, and inset images from the rules
 * beside them; a rule or edge that cannot keep the clearance is a layout warning. Only the
 * pages flagged in `pages` (NULL: every page): the others are not written (--pages). */
void clear_edition(const Model *m, Flow *f, const bool *pages, Report *r);
