/* marks.c - crop marks, and the qpdf post-pass that writes TrimBox and BleedBox. */
#include "marks.h"
#include "tempfile.h"
#include <glib/gstdio.h>
#include <qpdf/qpdf-c.h>

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

static qpdf_oh
box(qpdf_data q, double x0, double y0, double x1, double y1)
{
	qpdf_oh a = qpdf_oh_new_array(q);
	double v[4] = {x0, y0, x1, y1};
	for (int i = 0; i < 4; i++)
		qpdf_oh_append_item(q, a, qpdf_oh_new_real_from_double(q, v[i], 3));
	return a;
}

static bool
qpdf_failed(qpdf_data q, const char *path, Report *r)
{
	if (!qpdf_has_error(q))
		return false;
	report_error(r, DIAG_SYSTEM, path, 0, 0, NULL, "cannot set the page boxes: %s",
	             qpdf_get_error_full_text(q, qpdf_get_error(q)));
	return true;
}

bool
marks_set_boxes(const char *path, Report *r)
{
	qpdf_data q = qpdf_init();
	char *tmp = tempfile_beside(path, r);
	double off = len_to_pt(marks_offset()), bleed = len_to_pt(len_from_mm(MARKS_BLEED_MM));
	bool ok = tmp != NULL;

	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	if (ok && (qpdf_read(q, path, NULL) & QPDF_ERRORS))
		ok = !qpdf_failed(q, path, r);
	for (int i = 0; ok && i < qpdf_get_num_pages(q); i++) {
		qpdf_oh page = qpdf_get_page_n(q, (size_t)i);
		qpdf_oh media = qpdf_oh_get_key(q, page, "/MediaBox");
		double w = qpdf_oh_get_numeric_value(q, qpdf_oh_get_array_item(q, media, 2));
		double h = qpdf_oh_get_numeric_value(q, qpdf_oh_get_array_item(q, media, 3));
		qpdf_oh_replace_key(q, page, "/TrimBox", box(q, off, off, w - off, h - off));
		qpdf_oh_replace_key(
		    q, page, "/BleedBox",
		    box(q, off - bleed, off - bleed, w - off + bleed, h - off + bleed));
	}
	if (ok) {
		qpdf_init_write(q, tmp);
		qpdf_set_deterministic_ID(q, QPDF_TRUE);
		qpdf_write(q);
		ok = !qpdf_failed(q, path, r);
	}
	qpdf_cleanup(&q);
	return tmp ? tempfile_commit(tmp, path, ok, r) : false;
}
