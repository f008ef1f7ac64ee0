/* furniture.h - the page furniture (furniture.c). */
#pragma once

#include "flowctx.h"

/* the page furniture: running head or masthead, photos, ads, rules */
void furniture_compose_page(FlowCtx *c, int page);
