/* vhead.h - a head group set vertically in a module's right-hand columns (vhead.c). */
#pragma once

#include "flowctx.h"

/* The head group of story ms set vertically in the right-hand columns of its first frame e (on
 * page, from y, h deep): the rubric on its tag at the right edge, then kicker, headline and
 * subhead leftwards. A rubric's tag goes to *tag (and *has_tag is set): the caller draws it after
 * the module's tint, which would cover it. Returns how many columns it takes. */
int vhead_compose(FlowCtx *c, const ModelStory *ms, int page, const Elem *e, Len y, Len h,
                  Figure *tag, bool *has_tag);
