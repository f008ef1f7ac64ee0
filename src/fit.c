/* fit.c - a story's fit figures (StoryFit) from the columns and rows the composer filled: the
 * only place they are computed. */
#include "fit.h"
#include "lines.h"
#include <glib.h>

bool
fit_measure(StoryFit *fit, Len pitch, int nframes, Len head, Len last_top,
            const ColfillColumn *cols, const bool *last, const Len *ends, int ncols,
            const FitRow *rows, int nrows, int placed)
{
	fit->frames = nframes;
	fit->head_lines = (int)(head / pitch);
	fit->depth_lines = nframes == 1 ? fit->head_lines : 0;
	for (int k = 0; k < ncols; k++)
		if (last[k])
			fit->depth_lines =
			    MAX(fit->depth_lines, (int)((ends[k] - last_top + pitch - 1) / pitch));
	for (int i = 0; i < nrows; i++) {
		unsigned fl = rows[i].flags;
		fit->loose_lines += (fl & LINE_LOOSE) ? 1 : 0;
		fit->forced_lines += (fl & (LINE_FORCED | LINE_OVERFULL)) ? 1 : 0;
	}
	for (int k = 0; k < ncols; k++) {
		fit->lines_avail += (int)((cols[k].bottom - cols[k].top) / pitch);
		fit->lines_set += (int)((ends[k] - cols[k].top + pitch - 1) / pitch);
		if (last[k])
			fit->underset += (int)(MAX(colfill_floor(&cols[k]) - ends[k], 0) / pitch);
	}
	if (placed >= nrows)
		return false;
	fit->overset_lines = nrows - placed;
	for (int i = placed; i < nrows; i++)
		fit->overset_chars += rows[i].nchars;
	fit->underset = 0;
	return true;
}
