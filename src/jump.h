/* jump.h - the jump lines of a continued story (jump.c). */
#pragma once

#include "flowctx.h"

/* The 下转 line of a column whose last grid line, ending at bottom, was kept for it: "continued
 * on" next_page, set right-aligned at x. */
void jump_out(FlowCtx *c, int page, int next_page, Len x, Len bottom);
/* The top of a continuation frame e on page: the short headline if the jump has a title, then
 * the 上接 line naming prev_page. Returns the height taken, whole grid lines. */
Len jump_in(FlowCtx *c, int page, int prev_page, const Elem *e);
