/* marks.c - crop marks around the trim box (postpass.c writes TrimBox and BleedBox). */
#include "marks.h"

Len
marks_offset(void)
{
	return len_from_mm(MARKS_OFFSET_MM);
}

void
marks_draw(cairo_t *cr, Len w, Len h)
{
	double off = len_to_pt(marks_offset()), bleed = len_to_pt(len_from_mm(MARKS_BLEED_MM));
	double len = off - bleed - 2, tw = len_to_pt(w), th = len_to_pt(h);
	double xs[2] = {off, off + tw}, ys[2] = {off, off + th};
	cairo_save(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_set_line_width(cr, 0.25);
	for (int i = 0; i < 2; i++)
		for (int j = 0; j < 2; j++) {
			double x = xs[i], y = ys[j], dx = i ? 1 : -1, dy = j ? 1 : -1;
			/* horizontal mark on the trim line, outside the bleed */
			cairo_move_to(cr, x + dx * (bleed + 2), y);
			cairo_line_to(cr, x + dx * (bleed + 2 + len), y);
			/* vertical mark */
			cairo_move_to(cr, x, y + dy * (bleed + 2));
			cairo_line_to(cr, x, y + dy * (bleed + 2 + len));
		}
	cairo_stroke(cr);
	cairo_restore(cr);
}
