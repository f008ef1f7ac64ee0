/* marks.h - print marks: the page grown by a slug for crop marks (postpass.h sets TrimBox and
 * BleedBox, which cairo cannot write). */
#pragma once

#include "units.h"
#include <cairo.h>
#include <stdbool.h>

#define MARKS_BLEED_MM  3.0  /* bleed beyond the trim */
#define MARKS_OFFSET_MM 12.0 /* trim edge to the media edge: bleed, a gap and the marks */

/* how far the trim box sits inside the media box */
Len marks_offset(void);
/* crop marks at the four corners of a trim box of w x h whose top-left is at (off, off) */
void marks_draw(cairo_t *cr, Len w, Len h);
