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
