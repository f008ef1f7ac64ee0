/* textad.h - text ads: the text set at the size that fills the box (textad.c). */
#pragma once

#include "flowctx.h"

/* The text ad e in its box (x, y, w, h) on page p: its border, and its text centred at the
 * largest size from the style's size up to its max-size that fits the box without a break
 * against the rules (the author's spaces as the breaks where they serve), its lines on the
 * grid where the box allows. Text that does not fit even at the style's size, squeezed, is
 * an error naming the ad, and what does not fit is left out, never drawn outside the box. */
void textad_compose(FlowCtx *c, int p, const Elem *e, Len x, Len y, Len w, Len h);
