/* marks.h - print marks: the page grown by a slug for crop marks, and the post-pass that writes
 * TrimBox and BleedBox into the PDF (cairo cannot) with qpdf. */
#pragma once

#include "report.h"
#include "units.h"
#include <cairo.h>
#include <stdbool.h>

#define MARKS_BLEED_MM  3.0  /* bleed beyond the trim */
#define MARKS_OFFSET_MM 12.0 /* trim edge to the media edge: bleed, a gap and the marks */

/* how far the trim box sits inside the media box */
Len marks_offset(void);
/* crop marks at the four corners of a trim box of w x h whose top-left is at (off, off) */
void marks_draw(cairo_t *cr, Len w, Len h);
/* Set /TrimBox and /BleedBox on every page of the PDF at `path` (rewritten in place through a
 * temporary file, with a deterministic /ID). */
bool marks_set_boxes(const char *path, Report *r);
