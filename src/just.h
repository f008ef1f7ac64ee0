/* just.h - Just: the clreq spacing of one shaped paragraph, as the arrays the line breaker takes.
 */
#pragma once

#include "items.h"
#include "lines.h"
#include "style.h"

typedef struct {
	BreakInput in; /* points into the arrays below */
	Len *width;
	Len *shrink_l, *shrink_r;
	Len *gap, *gap_shrink;
	uint8_t *flags;
	Len *base_shift; /* glyph shift of the compression every line gets (pairs, 半身) */
	int npairs;      /* punctuation pairs compressed */
	int nspaced;     /* CJK-Latin gaps */
} Just;

/* Apply the style's punctuation compression, CJK-Latin spacing, break rules and
 * justification points to the clusters of `it`. */
Just *just_prepare(const Items *it, const Style *s, Len measure, LineAlign align, bool balance);
void just_free(Just *j);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Just, just_free)
