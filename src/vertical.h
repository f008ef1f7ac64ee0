/* vertical.h - vertical text (直排) (vertical.c). */
#pragma once

#include "flowctx.h"

/* Set text vertically (直排) from the top of a strip whose right edge is x_right: lines run top
 * to bottom and follow each other right to left. Returns the width used and, in *depth (may be
 * NULL), how far down the text reaches. */
Len vertical_set(FlowCtx *c, int page, const char *text, const Style *s, Len x_right, Len top,
                 Len height, const ItemsWhere *where, Len *depth);
