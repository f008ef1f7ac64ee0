/* photo.h - a photo composed: its caption and credit set, its group planned (photoplan.c) and
 * placed, image figures (photo.c). */
#pragma once

#include "flowctx.h"
#include "photoplan.h"

/* a photo's caption and credit as set, and its group */
typedef struct {
	int cap, cred;             /* paragraphs, or -1 */
	int cap_lines, cred_lines; /* grid lines each takes */
	PhotoPlan plan;
} PhotoSet;

/* The index of e's image in the flow's images, registered on first use: one entry per file
 * (the model shares one GBytes per file, whatever its name), and per page of a PDF ad. */
int photo_image_index(FlowCtx *c, const Elem *e);
/* an image figure for element e (a photo or an image ad) in the rect: fit (scaled into it,
 * centred across, a photo at its top, a PDF ad centred both ways) or fill (covering it) */
void photo_image(FlowCtx *c, int page, const Elem *e, Len x, Len y, Len w, Len h, bool fill);
/* Set e's caption and credit at their column's width, squeezed into the lines the module
 * leaves them (what does not fit is reported), and plan the group in e's module. */
PhotoSet photo_set(FlowCtx *c, const Elem *e);
/* Place the group of e (set by photo_set) with its top on grid line `at` of page `page`, and
 * record it for the fit report (moved: "", "top" or "bottom"). */
void photo_place(FlowCtx *c, int page, const Elem *e, const PhotoSet *s, int at, const char *moved);
