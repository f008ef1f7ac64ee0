/* compose.h - the composition of a whole edition (compose.c). */
#pragma once

#include "flow.h"

/* Compose the edition. With threads > 1 the stories are composed on that many threads (each
 * with its own Fonts from f's configuration) and merged in story order: the result is the one
 * of threads = 1, fonts included. Small editions are composed on one thread regardless. */
Flow *compose_edition(const Model *m, Fonts *f, int threads, Report *r);
