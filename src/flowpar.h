/* flowpar.h - stories composed on several threads (flowpar.c). */
#pragma once

#include "flowctx.h"

/* every story of the model, on `threads` threads, merged into c->out in story order; false
 * when the threads could not be started (nothing was composed) */
bool flowpar_compose_stories(FlowCtx *c, int threads);

/* The same a batch of stories at a time, the helper threads and their Fonts kept between
 * batches: flowpar_new starts them (NULL when none could be started), flowpar_compose composes
 * stories [s0, s1) and merges them into c->out in story order, flowpar_free stops them. */
typedef struct FlowPar FlowPar;
FlowPar *flowpar_new(FlowCtx *c, int threads);
void flowpar_compose(FlowPar *sh, int s0, int s1);
void flowpar_free(FlowPar *sh);
