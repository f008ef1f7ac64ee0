/* marks.c - crop marks around the trim box, in the registration colour (postpass.c adds them
 * to each page and writes TrimBox and BleedBox). */
#include "marks.h"

Len
marks_offset(void)
{
	return len_from_mm(MARKS_OFFSET_MM);
}

static void
point(GString *s, double x, double y, const char *op)
{
	char bx[G_ASCII_DTOSTR_BUF_SIZE], by[G_ASCII_DTOSTR_BUF_SIZE];
	g_string_append_printf(s, "%s %s %s\n", g_ascii_formatd(bx, sizeof bx, "%.3f", x),
	                       g_ascii_formatd(by, sizeof by, "%.3f", y), op);
}

GString *
marks_content(double media_w, double media_h, const char *all)
{
	double off = len_to_pt(marks_offset()), bleed = len_to_pt(len_from_mm(MARKS_BLEED_MM));
	double len = off - bleed - 2;
	double xs[2] = {off, media_w - off}, ys[2] = {off, media_h - off};
	GString *s = g_string_new("q\n");
	g_string_append_printf(s, "/%s CS 1 SCN 0.25 w 0 J [] 0 d\n", all);
	for (int i = 0; i < 2; i++)
		for (int j = 0; j < 2; j++) {
			double x = xs[i], y = ys[j], dx = i ? 1 : -1, dy = j ? 1 : -1;
			/* horizontal mark on the trim line, outside the bleed */
			point(s, x + dx * (bleed + 2), y, "m");
			point(s, x + dx * (bleed + 2 + len), y, "l");
			/* vertical mark */
			point(s, x, y + dy * (bleed + 2), "m");
			point(s, x, y + dy * (bleed + 2 + len), "l");
		}
	g_string_append(s, "S\nQ\n");
	return s;
}
