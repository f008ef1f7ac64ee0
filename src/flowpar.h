/* flowpar.h - stories composed on several threads (flowpar.c). */
#pragma once

#include "flowctx.h"

/* every story of the model, on `threads` threads, merged into c->out in story order; false
 * when the threads could not be started (nothing was composed) */
bool flowpar_compose_stories(FlowCtx *c, int threads);
