/* compose.h - the composition of a whole edition (compose.c). */
#pragma once

#include "flow.h"

/* Compose the edition. With threads > 1 the stories are composed on that many threads (each
 * with its own Fonts from f's configuration) and merged in story order: the result is the one
 * of threads = 1, fonts included. Small editions are composed on one thread regardless.
 * pages (one flag per page, or NULL for all): compose only the furniture, clearances, empty
 * cells and proof overlay of these pages, and the stories with a frame on them (all of their
 * frames: a jump's other page too); what is composed is the same as in the whole edition. */
Flow *compose_edition(const Model *m, Fonts *f, int threads, const bool *pages, Report *r);

/* The same a batch of stories at a time, for a caller that draws each page once everything on
 * it is composed (the pipeline's render): compose_new composes the furniture of every page;
 * compose_stories the stories up to (not including) upto, in story order, on the threads;
 * compose_page clears page p (the pages in order, each once, when the stories it needs are
 * composed and x indexes them) and counts its empty cells; compose_free composes what is left,
 * ends the clearances (their figures dropped are then removed), adds the proof overlay and
 * returns the flow. The flow is the one compose_edition returns. */
typedef struct Composer Composer;
Composer *compose_new(const Model *m, Fonts *f, int threads, const bool *pages, Report *r);
/* the flow being composed */
Flow *compose_flow(Composer *k);
void compose_stories(Composer *k, int upto);
/* how many stories (in story order) must be composed before page p is complete */
int compose_page_needs(const Composer *k, int p);
void compose_page(Composer *k, int p, const FlowIndex *x);
/* figure fig of the flow was dropped by the clearances of its page: not to be drawn */
bool compose_dropped(const Composer *k, int fig);
Flow *compose_free(Composer *k);
