/* photoplan.c - a photo's group (image, caption, credit) in whole grid lines, and an inset
 * photo's place in its story's columns.
 *
 * Below the image the group is image lines + 1 empty grid line + caption lines; the image's foot
 * and the caption's baselines stay on the grid, so a fit image is cut to whole grid lines at its
 * area's width (rounding down: the image is then as deep as its lines and a little narrower,
 * never a part of a line deeper). What the module has beyond the group stays empty under it
 * (the caller reports it). An inset photo leaves text in each of its columns above and below
 * it; one or two lines there make the reader jump the photo for them, so it moves to the top of
 * the text area or to the foot of the columns when that is clean. */
#include "photoplan.h"
#include <glib.h>

PhotoPlan
photoplan_group(const PhotoPlanInput *in)
{
	PhotoPlan p = {0};
	int caps = MAX(in->caption_lines, 0);
	int avail = in->beside ? in->lines : in->lines - (caps > 0 ? caps + 1 : 0);
	int n = avail;
	avail = MAX(avail, 1);
	if (!in->fill && in->img_w > 0 && in->img_h > 0 && in->pitch > 0 && in->width > 0) {
		gint64 ih = (gint64)in->width * in->img_h / in->img_w;
		n = (int)MIN(ih / in->pitch, (gint64)avail);
	}
	n = CLAMP(n, 1, avail);
	p.image_lines = n;
	if (in->beside) {
		p.group_lines = MAX(n, caps);
		p.caption_at = p.group_lines - caps;
	} else {
		p.caption_at = n + 1;
		p.group_lines = n + (caps > 0 ? caps + 1 : 0);
	}
	p.empty_lines = MAX(in->lines - p.group_lines, 0);
	return p;
}

/* the fewest lines of text above and below a group at line (0 counts as none: a column clear
 * of the photo, or the photo at its top or foot); false when a column has 1 or 2 */
static bool
clean_at(int line, int group, const PhotoColumn *cols, int ncols, int *above, int *below)
{
	bool clean = true;
	*above = *below = 0;
	for (int k = 0; k < ncols; k++) {
		int a = line - cols[k].top, foot = line + group;
		/* the empty line under the group, unless the group ends at the column's foot */
		int b = foot >= cols[k].bottom ? 0 : cols[k].bottom - foot - 1;
		a = MAX(a, 0);
		b = MAX(b, 0);
		if (a == 1 || a == 2) {
			clean = false;
			*above = *above ? MIN(*above, a) : a;
		}
		if (b == 1 || b == 2) {
			clean = false;
			*below = *below ? MIN(*below, b) : b;
		}
	}
	return clean;
}

PhotoMove
photoplan_inset(int at, int group, const PhotoColumn *cols, int ncols, int *line, int *above,
                int *below)
{
	int top = G_MININT, foot = G_MAXINT, a, b, cand[2];
	PhotoMove move[2];
	*line = at;
	if (ncols <= 0 || clean_at(at, group, cols, ncols, above, below))
		return PHOTO_AT_CELL;
	for (int k = 0; k < ncols; k++) {
		top = MAX(top, cols[k].top);
		foot = MIN(foot, cols[k].bottom);
	}
	/* the nearer of the top and the foot first */
	cand[0] = top;
	move[0] = PHOTO_TO_TOP;
	cand[1] = foot - group;
	move[1] = PHOTO_TO_BOTTOM;
	if (ABS(cand[1] - at) < ABS(cand[0] - at)) {
		cand[0] = foot - group;
		move[0] = PHOTO_TO_BOTTOM;
		cand[1] = top;
		move[1] = PHOTO_TO_TOP;
	}
	for (int i = 0; i < 2; i++)
		if (top + group <= foot && clean_at(cand[i], group, cols, ncols, &a, &b)) {
			*line = cand[i];
			return move[i];
		}
	return PHOTO_STRANDED;
}
