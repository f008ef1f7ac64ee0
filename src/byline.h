/* byline.h - bylines: which part names a role, and continuation lines set on the names. */
#pragma once

#include "items.h"
#include "lines.h"

/* A part ending so names a role (记者, 全媒体记者, 通讯员, 评论员, 实习生, 摄影, 本报讯), not a
 * person. A name that happens to end so only loses a preference. */
bool byline_ends_role(gunichar c);

/* Set the continuation lines of byline l (ragged left, broken between its parts) on its names:
 * when the first line opens with a role, a line that opens with a role ends it where the first
 * line's role ends, and a line of names starts under the first line's first name (署名对齐).
 * A line that would then pass the measure stays flush left. */
void byline_align_names(const Items *it, Lines *l, Len measure);
