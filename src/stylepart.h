/* stylepart.h - the parts a layout style sets and style-PART="NAME" attributes (stylepart.c). */
#pragma once

#include "desc.h"
#include "layout.h"

/* the name of the engine's style id, which is also the name of the part it sets: "headline" */
const char *stylepart_name(StyleId id);

/* style-PART, or style= (a part forgotten): an attribute stylepart_read reads */
bool stylepart_is_attr(const char *attr);

/* One style-PART="NAME" attribute a of n into out, PART one of parts (ending in ST_COUNT):
 * NAME's index + 1 into l->styles in out->part[PART]. A part n does not have, style= without
 * a part and a NAME the layout lacks are errors in r. */
bool stylepart_read(const Layout *l, const DescNode *n, const DescAttr *a, const char *file,
                    const StyleId *parts, StyleSet *out, Report *r);
