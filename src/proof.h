/* proof.h - the proof overlay (proof.c). */
#pragma once

#include "flowctx.h"

/* the proof overlay: grid, frames, names, overset marks */
void proof_compose(FlowCtx *c);
