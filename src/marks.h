/* marks.h - print marks: the page grown by a slug for crop marks, drawn in the registration
 * colour (/Separation /All) by the post-pass (postpass.h), which sets TrimBox and BleedBox. */
#pragma once

#include "units.h"
#include <glib.h>
#include <stdbool.h>

#define MARKS_BLEED_MM  3.0  /* bleed beyond the trim */
#define MARKS_OFFSET_MM 12.0 /* trim edge to the media edge: bleed, a gap and the marks */

/* how far the trim box sits inside the media box */
Len marks_offset(void);
/* a content stream (PDF user space, points) that strokes the crop marks at the four corners
 * of the trim box of a media box of media_w x media_h, in the colour space resource named
 * `all` (a /Separation /All) at tint 1, inside q/Q; owned by the caller */
GString *marks_content(double media_w, double media_h, const char *all);
