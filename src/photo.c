/* photo.c - composing a photo: its caption and credit set, its group (image, empty grid line,
 * caption, credit) planned by photoplan.c and placed from a grid line, and image figures. */
#include "photo.h"
#include "display.h"
#include "i18n.h"
#include "storystyle.h"
#include <string.h>

/* one entry per file and per page of a PDF ad: the PDF then embeds a photo or ad used on
 * several pages once */
int
photo_image_index(FlowCtx *c, const Elem *e)
{
	for (guint i = 0; i < c->out->image_data->len; i++)
		if (g_ptr_array_index(c->out->image_data, i) == e->data &&
		    g_array_index(c->out->image_info, ImageInfo, i).page == e->image.page)
			return (int)i;
	g_ptr_array_add(c->out->images, g_strdup(e->src));
	g_ptr_array_add(c->out->image_data, g_bytes_ref(e->data));
	g_array_append_val(c->out->image_info, e->image);
	return (int)c->out->images->len - 1;
}

void
photo_image(FlowCtx *c, int p, const Elem *e, Len x, Len y, Len w, Len h, bool fill)
{
	Figure f = {.kind = FIG_IMAGE,
	            .page = p,
	            .x = x,
	            .y = y,
	            .w = w,
	            .h = h,
	            .line = e->line,
	            .col = e->col};
	double sx = (double)w / e->image.width, sy = (double)h / e->image.height;
	double s = fill ? MAX(sx, sy) : MIN(sx, sy);
	f.iw = (Len)(e->image.width * s);
	f.ih = (Len)(e->image.height * s);
	f.ix = x + (w - f.iw) / 2;
	/* a photo hangs from the top of its area; a PDF ad is centred both ways */
	f.iy = fill || e->image.format == IMAGE_PDF ? y + (h - f.ih) / 2 : y;
	f.image = photo_image_index(c, e);
	f.fill = fill;
	flowctx_figure(c, &f);
}

/* A caption or credit set at the caption column's width, squeezed into the grid lines it
 * may take (room, in its style's lines); the lines that still do not fit are left out. Returns
 * its paragraph, or -1 when there is no text. *used is the grid lines it takes. */
static int
caption_para(FlowCtx *c, const Elem *e, const char *text, const Style *s, Len w, int room,
             const char *what, int *used)
{
	ItemsWhere where = {c->m->file, e->line, what, e->col, NULL};
	int pi, over, max = room / s->lines;
	FlowPara *fp;
	*used = 0;
	if (!text || !*text)
		return -1;
	pi = flowctx_set(c, text, s, w, flowctx_align(s->align), false, -1, -1, &where);
	display_kind(c, pi, what + strlen("photo "));
	over = display_fit(c, pi, max, &where,
	                   _("give the photo more grid lines or shorten the caption"));
	display_note(c, pi, &where, max, over);
	fp = flowctx_para(c, pi);
	*used = (fp->lines->n - over) * s->lines;
	return pi;
}

static bool
beside(const Elem *e)
{
	return e->caption_right && e->cell.c1 > e->cell.c0;
}

PhotoSet
photo_set(FlowCtx *c, const Elem *e)
{
	const Style *cs = storystyle_get(c->m->layout, &e->styles, ST_CAPTION);
	const Style *cr = storystyle_get(c->m->layout, &e->styles, ST_CREDIT);
	const Grid *g = c->g;
	int lines = e->cell.l1 - e->cell.l0 + 1;
	/* below, the image keeps a line and one empty line parts it from the caption */
	int room = lines - (beside(e) ? 0 : 2);
	Len w = grid_span_width(g, e->cell.c0, e->cell.c1);
	Len cw = beside(e) ? grid_col_width(g) : w;
	bool has_credit = e->credit && *e->credit;
	PhotoSet s;
	PhotoPlanInput in;

	/* the caption first, leaving a line for the credit; the credit in what is left */
	s.cap = caption_para(c, e, e->caption, cs, cw, MAX(room - (has_credit ? cr->lines : 0), 0),
	                     N_("photo caption"), &s.cap_lines);
	s.cred = caption_para(c, e, e->credit, cr, cw, MAX(room - s.cap_lines, 0),
	                      N_("photo credit"), &s.cred_lines);
	in = (PhotoPlanInput){g->pitch,        beside(e) ? w - cw - g->gutter : w,
	                      lines,           e->image.width,
	                      e->image.height, e->fill,
	                      beside(e),       s.cap_lines + s.cred_lines};
	s.plan = photoplan_group(&in);
	return s;
}

void
photo_place(FlowCtx *c, int p, const Elem *e, const PhotoSet *s, int at, const char *moved)
{
	const Grid *g = c->g;
	Len x = grid_col_x(g, e->cell.c0), w = grid_span_width(g, e->cell.c0, e->cell.c1);
	Len cx = beside(e) ? grid_col_x(g, e->cell.c1) : x;
	Len y = grid_line_y(g, at), pitch = g->pitch;
	Len cy = y + s->plan.caption_at * pitch;
	PhotoFit fit = {p,
	                e->line,
	                e->col,
	                at,
	                s->plan.image_lines,
	                s->cap_lines + s->cred_lines,
	                s->plan.group_lines,
	                e->inset ? 0 : s->plan.empty_lines, /* an inset's go to the text */
	                e->inset,
	                moved};

	photo_image(c, p, e, x, y, beside(e) ? w - grid_col_width(g) - g->gutter : w,
	            s->plan.image_lines * pitch, e->fill);
	for (int k = 0, pi = s->cap, n = s->cap_lines; k < 2;
	     k++, pi = s->cred, n = s->cred_lines) {
		FlowPara *fp = pi >= 0 ? flowctx_para(c, pi) : NULL;
		for (int i = 0; fp && i < n / fp->style->lines; i++) {
			flowctx_place(
			    c, p, pi, i, cx,
			    grid_baseline_in(cy, fp->style->lines * pitch, fp->style->size));
			cy += fp->style->lines * pitch;
		}
	}
	g_array_append_val(c->out->photos, fit);
}
