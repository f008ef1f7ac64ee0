/* display.h - display text (every paragraph but body text) in the lines or the box it has: the
 * squeeze, the lines left out, and the findings of the fit report (display.c). */
#pragma once

#include "flowctx.h"

/* Paragraph pi is display text of this kind ("headline", "text ad", ...: a static string). */
void display_kind(FlowCtx *c, int pi, const char *kind);

/* Fit paragraph pi into max_lines lines (> 0): squeezed down to its style's floor
 * (flowctx_fit_lines) when it needs more. When that is not enough, an error at w names the
 * element (w->what) with hint; returns how many lines do not fit (those the caller leaves out),
 * 0 when it fits. */
int display_fit(FlowCtx *c, int pi, int max_lines, const ItemsWhere *w, const char *hint);

/* Record a finding for paragraph pi when it was squeezed, has forced or loose lines, or
 * overset lines did not fit its max_lines (0: any number). */
void display_note(FlowCtx *c, int pi, const ItemsWhere *w, int max_lines, int overset);
