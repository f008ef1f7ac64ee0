/* pdfproof.c - PDF ads on PNG proofs, rendered by poppler-glib into the proof's cairo context. */
#include "pdfproof.h"
#include "i18n.h"
#include <poppler.h>

/* p (the page's default user space) as poppler renders it: the crop box rotated by the
 * page's /Rotate, its top left corner at 0 0, y down */
static void
to_render(const ImageInfo *info, double px, double py, double *u, double *v)
{
	const double *c = info->crop;
	switch (info->rotate) {
	case 90:
		*u = py - c[1];
		*v = px - c[0];
		break;
	case 180:
		*u = c[2] - px;
		*v = py - c[1];
		break;
	case 270:
		*u = c[3] - py;
		*v = c[2] - px;
		break;
	default:
		*u = px - c[0];
		*v = c[3] - py;
		break;
	}
}

bool
pdfproof_draw(cairo_t *cr, GBytes *bytes, const ImageInfo *info, const char *path, double x,
              double y, double w, double h, Report *r)
{
	g_autoptr(GError) err = NULL;
	PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, &err);
	PopplerPage *page;
	double sw = len_to_pt(info->width), sh = len_to_pt(info->height);
	double s = MIN(w / sw, h / sh), u0 = G_MAXDOUBLE, v0 = G_MAXDOUBLE;
	double ox = x + (w - s * sw) / 2, oy = y + (h - s * sh) / 2;

	page = doc ? poppler_document_get_page(doc, info->page - 1) : NULL;
	if (!page) {
		report_error(r, DIAG_SYSTEM, path, 0, 0, NULL, _("cannot draw the PDF ad: %s"),
		             err ? err->message : _("no such page"));
		if (doc)
			g_object_unref(doc);
		return false;
	}
	/* where the box's corners land in poppler's rendering: its top left corner is placed at
	 * ox, oy */
	for (int i = 0; i < 4; i++) {
		double u, v;
		to_render(info, info->box[i % 2 ? 2 : 0], info->box[i / 2 ? 3 : 1], &u, &v);
		u0 = MIN(u0, u);
		v0 = MIN(v0, v);
	}
	cairo_save(cr);
	cairo_rectangle(cr, ox, oy, s * sw, s * sh);
	cairo_clip(cr);
	cairo_translate(cr, ox - s * u0, oy - s * v0);
	cairo_scale(cr, s, s);
	poppler_page_render(page, cr);
	cairo_restore(cr);
	g_object_unref(page);
	g_object_unref(doc);
	return true;
}
