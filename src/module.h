/* module.h - one story through all its modules (module.c). */
#pragma once

#include "flowctx.h"

/* one story through all its frames */
void module_compose_story(FlowCtx *c, int story);
