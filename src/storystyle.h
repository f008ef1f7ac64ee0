/* storystyle.h - which style of the layout sets a story's paragraph of a kind (storystyle.c). */
#pragma once

#include "layout.h"
#include "story.h"

/* the style of a paragraph of kind k: of a notice's when notice (a "## " line starts the next
 * notice of a stack: its heading) */
const Style *storystyle_for(const Layout *l, ParaKind k, bool notice);
