/* clear.h - clearances between the text and the rules, box and tint edges (clear.c). */
#pragma once

#include "flow.h"

/* Place every rule, box and tint edge of the edition the layout's clearance away from the
 * text's ink, let box edges replace the rules they run along, and inset images from the rules
 * beside them; a rule or edge that cannot keep the clearance is a layout warning. Only the
 * pages flagged in `pages` (NULL: every page): the others are not written (--pages). */
void clear_edition(const Model *m, Flow *f, const bool *pages, Report *r);

/* The same a page at a time, for a flow composed page by page: clear_page_of once everything
 * on page p is composed and indexed in x (the pages in order, each once), clear_end after the
 * last page (the warning, then the rules dropped are removed from the flow's figures). */
typedef struct Clear Clear;
Clear *clear_new(const Model *m, Flow *f, const bool *pages, Report *r);
void clear_page_of(Clear *cl, int p, const FlowIndex *x);
/* figure fig of the flow is dropped (a rule wholly replaced by a box edge): not drawn */
bool clear_dropped(const Clear *cl, int fig);
/* warns, removes the dropped figures and frees cl */
void clear_end(Clear *cl);
