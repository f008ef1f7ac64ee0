/* out_cairo.c - one cairo painter over a DList, for the PDF and the PNG surfaces. */
#include "out_cairo.h"
#include "i18n.h"
#include "image.h"
#include "jpegcmyk.h"
#include "marks.h"
#include "pdffont.h"
#include "pdfimage.h"
#include "pdfproof.h"
#include "postpass.h"
#include "tempfile.h"
#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <unistd.h>

typedef struct {
	const DList *d;
	bool pdf;                 /* JPEG need not be decoded: the PDF embeds the file */
	bool standins;            /* PNG data through stand-ins (pdfimage.c); not for --press, whose
	                             post-pass converts the images cairo wrote */
	double k;                 /* PNG proofs: pixels per point, so JPEGs decode no larger */
	bool proof;               /* paint the proof overlay of each page too */
	cairo_surface_t **images; /* decoded lazily, one per DList image, freed after each page */
	PdfFonts *fonts;          /* PDF: the faces cut to the glyphs written; NULL: Pango's */
	GBytes **pngs;            /* PDF: the PNGs drawn through stand-ins, by image (pdfimage.c) */
	Report *r;
	bool ok;
} Painter;

static double
pt(Len l)
{
	return len_to_pt(l);
}

static void
set_color(cairo_t *cr, uint32_t rgb)
{
	cairo_set_source_rgb(cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
	                     (rgb & 0xff) / 255.0);
}

static void
paint_text(Painter *p, cairo_t *cr, const Op *op)
{
	const DList *d = p->d;
	cairo_glyph_t *gl = g_new(cairo_glyph_t, op->ng);
	cairo_text_cluster_t *cl = g_new(cairo_text_cluster_t, op->nc);
	cairo_scaled_font_t *sf =
	    p->fonts ? pdffont_scaled(p->fonts, op->font)
	             : cairo_scaled_font_reference(
	                   pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(d->fonts[op->font])));

	for (int i = 0; i < op->ng; i++) {
		const DGlyph *g = &g_array_index(d->glyphs, DGlyph, op->g0 + i);
		gl[i] = (cairo_glyph_t){g->id, pt(g->x), pt(dlist_glyph_y(d, op, i))};
	}
	for (int i = 0, at = 0; i < op->nc; i++) {
		DCluster c = dlist_cluster(d, op, i, &at);
		cl[i] = (cairo_text_cluster_t){c.bytes, c.glyphs};
	}
	if (op->xscale != 1000) { /* a squeezed headline: the same face, narrower */
		cairo_scaled_font_t *squeezed;
		cairo_matrix_t fm, ctm;
		cairo_font_options_t *fo = cairo_font_options_create();
		cairo_scaled_font_get_font_matrix(sf, &fm);
		cairo_scaled_font_get_ctm(sf, &ctm);
		cairo_scaled_font_get_font_options(sf, fo);
		fm.xx *= op->xscale / 1000.0;
		squeezed =
		    cairo_scaled_font_create(cairo_scaled_font_get_font_face(sf), &fm, &ctm, fo);
		cairo_font_options_destroy(fo);
		cairo_scaled_font_destroy(sf);
		sf = squeezed;
	}
	cairo_set_scaled_font(cr, sf);
	set_color(cr, op->color);
	cairo_show_text_glyphs(cr, d->text->str + op->t0, op->tlen, gl, op->ng, cl, op->nc, 0);
	cairo_scaled_font_destroy(sf);
	g_free(gl);
	g_free(cl);
}

void
out_prepare_fonts(const DList *d)
{
	for (int i = 0; i < d->nfonts; i++)
		pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(d->fonts[i]));
}

static void
paint_image(Painter *p, cairo_t *cr, const Op *op)
{
	cairo_surface_t *s = p->images[op->image];
	const ImageInfo *info = &p->d->image_info[op->image];
	int w, h;
	if (info->format == IMAGE_PDF) {
		/* a PDF ad: the PDF's post-pass imports its page (pdf_ads); a proof renders it */
		if (!p->pdf) {
			cairo_save(cr);
			cairo_rectangle(cr, pt(op->x), pt(op->y), pt(op->w), pt(op->h));
			cairo_clip(cr);
			p->ok = pdfproof_draw(cr, p->d->image_data[op->image], info,
			                      p->d->images[op->image], pt(op->ix), pt(op->iy),
			                      pt(op->iw), pt(op->ih), p->r) &&
			        p->ok;
			cairo_restore(cr);
		}
		return;
	}
	if (!s && p->standins) {
		gsize n;
		const guchar *data = g_bytes_get_data(p->d->image_data[op->image], &n);
		GBytes *standin = data ? pdfimage_standin(data, n, op->image) : NULL;
		if (standin) { /* the post-pass puts the PNG's own data in its place */
			gconstpointer j = g_bytes_get_data(standin, &n);
			s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1);
			cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, j, n,
			                            (cairo_destroy_func_t)g_bytes_unref, standin);
			if (!p->pngs[op->image])
				p->pngs[op->image] = g_bytes_ref(p->d->image_data[op->image]);
			char *uid = g_strdup_printf("huozi-image-%d", op->image);
			cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_UNIQUE_ID, (guchar *)uid,
			                            strlen(uid), g_free, uid);
			p->images[op->image] = s;
		}
	}
	if (!s) {
		/* the bytes the model read: no file is opened here */
		int want_w = p->k > 0 ? (int)(pt(op->iw) * p->k) + 1 : 0;
		int want_h = p->k > 0 ? (int)(pt(op->ih) * p->k) + 1 : 0;
		s = image_decode(p->d->image_data[op->image], p->d->images[op->image], p->pdf,
		                 want_w, want_h, p->r);
		if (!s) {
			p->ok = false;
			return;
		}
		if (p->pdf) {
			/* the same image on a later page is then the same PDF object, although its
			 * surface is decoded again */
			char *uid = g_strdup_printf("huozi-image-%d", op->image);
			cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_UNIQUE_ID, (guchar *)uid,
			                            strlen(uid), g_free, uid);
		}
		p->images[op->image] = s;
	}
	w = cairo_image_surface_get_width(s);
	h = cairo_image_surface_get_height(s);
	cairo_save(cr);
	cairo_rectangle(cr, pt(op->x), pt(op->y), pt(op->w), pt(op->h));
	cairo_clip(cr);
	cairo_translate(cr, pt(op->ix), pt(op->iy));
	cairo_scale(cr, pt(op->iw) / w, pt(op->ih) / h);
	cairo_set_source_surface(cr, s, 0, 0);
	cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
	cairo_paint(cr);
	cairo_restore(cr);
}

static void
paint_op(Painter *p, cairo_t *cr, const Op *op)
{
	switch (op->kind) {
	case OP_TEXT:
		paint_text(p, cr, op);
		break;
	case OP_RULE:
		set_color(cr, op->color);
		cairo_set_line_width(cr, pt(op->weight));
		cairo_move_to(cr, pt(op->x), pt(op->y));
		cairo_line_to(cr, pt(op->x + op->w), pt(op->y + op->h));
		cairo_stroke(cr);
		break;
	case OP_BOX:
		set_color(cr, op->color);
		cairo_set_line_width(cr, pt(op->weight));
		cairo_rectangle(cr, pt(op->x), pt(op->y), pt(op->w), pt(op->h));
		cairo_stroke(cr);
		break;
	case OP_TINT:
		set_color(cr, op->color);
		cairo_rectangle(cr, pt(op->x), pt(op->y), pt(op->w), pt(op->h));
		cairo_fill(cr);
		break;
	case OP_IMAGE:
		paint_image(p, cr, op);
		break;
	}
}

static void
paint_page(Painter *p, cairo_t *cr, const DPage *pg)
{
	int end = pg->op0 + pg->nops - (p->proof ? 0 : pg->nproof);
	for (int i = pg->op0; i < end; i++)
		paint_op(p, cr, &g_array_index(p->d->ops, Op, i));
}

static void
painter_init(Painter *p, const DList *d, Report *r)
{
	p->d = d;
	p->pdf = false;
	p->standins = false;
	p->k = 0;
	p->proof = false;
	p->images = g_new0(cairo_surface_t *, d->nimages + 1);
	p->fonts = NULL;
	p->pngs = g_new0(GBytes *, d->nimages + 1);
	p->r = r;
	p->ok = true;
}

/* The decoded images of one page at most are held: after each page they are freed (cairo's
 * PDF surface has written or copied what it needs once the page is shown). */
static void
painter_page_done(Painter *p)
{
	for (int i = 0; i < p->d->nimages; i++)
		if (p->images[i]) {
			cairo_surface_destroy(p->images[i]);
			p->images[i] = NULL;
		}
}

static void
painter_done(Painter *p)
{
	painter_page_done(p);
	g_free(p->images);
	pdffont_free(p->fonts);
	for (int i = 0; i < p->d->nimages; i++)
		if (p->pngs[i])
			g_bytes_unref(p->pngs[i]);
	g_free(p->pngs);
}

static bool
selected(const OutOptions *o, int page)
{
	if (!o->pages)
		return true;
	for (int i = 0; i < o->npages; i++)
		if (o->pages[i] == page)
			return true;
	return false;
}

static void
add_outline(cairo_surface_t *s, const DList *d, int page, int out_page)
{
	int parent = CAIRO_PDF_OUTLINE_ROOT;
	for (int i = 0; i < d->nbookmarks; i++) {
		const Bookmark *bm = &d->bookmarks[i];
		g_autofree char *link = NULL;
		int id;
		if (bm->page != page)
			continue;
		link = g_strdup_printf("page=%d pos=[0 %.2f]", out_page, pt(bm->y));
		id = cairo_pdf_surface_add_outline(
		    s, bm->level == 0 ? CAIRO_PDF_OUTLINE_ROOT : parent, bm->title, link, 0);
		if (bm->level == 0)
			parent = id;
	}
}

/* The PDF ads on the page written as the out_page-th (0-based): where the post-pass places
 * them, in PDF points (y up) of a page `grow` larger than the DList's for the crop marks. */
static void
pdf_ads(const DList *d, int page, int out_page, Len grow, GArray *out)
{
	const DPage *pg = &d->pages[page];
	double h = pt(pg->h + grow);
	Len off = grow / 2;
	for (int i = pg->op0; i < pg->op0 + pg->nops - pg->nproof; i++) {
		const Op *op = &g_array_index(d->ops, Op, i);
		PdfAdPlace ad;
		if (op->kind != OP_IMAGE || d->image_info[op->image].format != IMAGE_PDF)
			continue;
		ad = (PdfAdPlace){.out_page = out_page,
		                  .image = op->image,
		                  .bytes = d->image_data[op->image],
		                  .path = d->images[op->image],
		                  .info = d->image_info[op->image],
		                  .x = pt(op->ix + off),
		                  .y = h - pt(op->iy + off + op->ih),
		                  .w = pt(op->iw),
		                  .h = pt(op->ih)};
		g_array_append_val(out, ad);
	}
}

/* cairo writes through this: every byte goes to the file (or to memory, for the post-pass to
 * read) or the first error is kept */
typedef struct {
	int fd;
	int err;
	GByteArray *mem; /* not NULL: the bytes are kept here, not written */
} Sink;

static cairo_status_t
sink_write(void *closure, const unsigned char *data, unsigned int len)
{
	Sink *k = closure;
	if (k->mem)
		g_byte_array_append(k->mem, data, len);
	else
		tempfile_write(k->fd, data, len, &k->err);
	return k->err ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

/* fsync and close (nothing to close when the bytes were kept in memory); a failure of cairo or
 * of the file reported once, as `what` */
static bool
sink_done(Sink *k, cairo_status_t status, const char *shown, const char *what, Report *r)
{
	tempfile_close(k->fd, &k->err);
	if (k->err)
		report_error(r, DIAG_SYSTEM, shown, 0, 0, tempfile_hint(k->err),
		             _("cannot write the %s: %s"), what, g_strerror(k->err));
	else if (status != CAIRO_STATUS_SUCCESS)
		report_error(r, DIAG_SYSTEM, shown, 0, 0, NULL, _("cannot write the %s: %s"), what,
		             cairo_status_to_string(status));
	return !k->err && status == CAIRO_STATUS_SUCCESS;
}

/* the post-pass of --press: the layout's output condition (outintent.h), else the defaults */
static bool
press_postpass(GBytes *pdf, const char *path, const PostPass *base, const OutIntent *oi, Report *r)
{
	OutIntent defaults;
	ColourSetup cs;
	Colour *c;
	PostPass pp = *base;
	bool ok;
	outintent_init(&defaults);
	if (!oi)
		oi = &defaults;
	cs = (ColourSetup){oi->profile ? oi->profile : oi->profile_as, oi->icc, oi->intent, oi->bpc,
	                   oi->ink_limit};
	c = colour_new(&cs, base->shown, r);
	if (c) {
		pp.boxes = pp.cmyk = true;
		pp.press = &(PressSetup){c, oi->condition, oi->registry,
		                         oi->info ? oi->info : colour_name(c), oi->jpeg_quality};
		ok = postpass_run(pdf, path, &pp, r);
		colour_free(c);
	} else
		ok = false;
	outintent_done(&defaults);
	return ok;
}

bool
out_pdf(const DList *d, const OutOptions *o, const char *path, const char *shown, Report *r)
{
	Sink k = {-1, 0, NULL};
	cairo_surface_t *s;
	cairo_t *cr;
	Painter p;
	int out_page = 0;
	Len grow;
	bool ok, has_pngs = false, adobe = false;
	g_autoptr(GArray) ads = g_array_new(FALSE, FALSE, sizeof(PdfAdPlace));
	g_autoptr(GBytes) cairo_pdf = NULL;

	/* a post-pass may follow (for marks, CMYK, press, and images: PNG data, PDF ads, Adobe
	 * JPEGs): cairo's PDF is kept in memory for it, not written to a file and read back */
	if (o->marks || o->cmyk || o->press || d->nimages > 0)
		k.mem = g_byte_array_new();
	else
		k.fd = tempfile_open(path, &k.err);
	grow = o->marks ? 2 * marks_offset() : 0;
	s = cairo_pdf_surface_create_for_stream(sink_write, &k, pt(d->pages[0].w + grow),
	                                        pt(d->pages[0].h + grow));
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, o->title ? o->title : "");
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, o->subject ? o->subject : "");
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR,
	                               o->creator ? o->creator : "huozi");
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, o->date);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, o->date);
	if (o->press) /* PDF/X-1a:2003 */
		cairo_pdf_surface_restrict_to_version(s, CAIRO_PDF_VERSION_1_4);
	cr = cairo_create(s);
	painter_init(&p, d, r);
	p.pdf = true;
	p.standins = !o->press;
	p.proof = o->proof;
	p.fonts = pdffont_new(d, o->pages, o->npages, o->proof);
	for (int i = 0; i < d->npages && !k.err; i++) {
		if (!selected(o, i))
			continue;
		cairo_pdf_surface_set_size(s, pt(d->pages[i].w + grow), pt(d->pages[i].h + grow));
		cairo_pdf_surface_set_page_label(s, d->pages[i].label);
		pdf_ads(d, i, out_page, grow, ads);
		add_outline(s, d, i, ++out_page);
		cairo_save(cr);
		if (o->marks) /* the post-pass draws the marks, in the registration colour */
			cairo_translate(cr, pt(marks_offset()), pt(marks_offset()));
		paint_page(&p, cr, &d->pages[i]);
		cairo_restore(cr);
		cairo_show_page(cr);
		painter_page_done(&p);
		if (o->progress)
			o->progress(out_page, o->pages ? o->npages : d->npages, o->progress_data);
	}
	cairo_destroy(cr);
	cairo_surface_finish(s);
	if (k.mem)
		cairo_pdf = g_byte_array_free_to_bytes(g_steal_pointer(&k.mem));
	ok = sink_done(&k, cairo_surface_status(s), shown, "PDF", r) && p.ok;
	cairo_surface_destroy(s);
	for (int i = 0; i < d->nimages; i++) {
		gsize n;
		const guchar *data = g_bytes_get_data(d->image_data[i], &n);
		has_pngs = has_pngs || p.pngs[i];
		adobe = adobe || jpegcmyk_adobe(data, n);
	}
	{
		PostPass pp = {.boxes = o->marks,
		               .cmyk = o->cmyk,
		               .shown = shown,
		               .ads = (const PdfAdPlace *)(void *)ads->data,
		               .nads = (int)ads->len,
		               .pngs = has_pngs ? p.pngs : NULL,
		               .npngs = d->nimages,
		               .adobe_jpegs = adobe};
		if (ok && o->press)
			ok = press_postpass(cairo_pdf, path, &pp, o->intent, r);
		else if (ok && (o->marks || o->cmyk || ads->len || has_pngs || adobe))
			ok = postpass_run(cairo_pdf, path, &pp, r);
		else if (ok && cairo_pdf) /* none was needed after all */
			ok = postpass_write_pdf(path, g_bytes_get_data(cairo_pdf, NULL),
			                        g_bytes_get_size(cairo_pdf), shown, r);
	}
	painter_done(&p);
	return ok;
}

static bool
write_png_page(Painter *p, const DPage *pg, const char *path, const char *shown, double dpi,
               Report *r)
{
	double k = dpi / 72.0;
	int w = (int)(pt(pg->w) * k + 0.5), h = (int)(pt(pg->h) * k + 0.5);
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	cairo_t *cr = cairo_create(s);
	Sink sink = {-1, 0};
	cairo_status_t status;

	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, k, k);
	p->k = k;
	paint_page(p, cr, pg);
	cairo_destroy(cr);
	painter_page_done(p);
	if (!p->ok) {
		cairo_surface_destroy(s);
		return false;
	}
	sink.fd = tempfile_open(path, &sink.err);
	status = sink.err ? CAIRO_STATUS_WRITE_ERROR
	                  : cairo_surface_write_to_png_stream(s, sink_write, &sink);
	cairo_surface_destroy(s);
	return sink_done(&sink, status, shown, "PNG", r);
}

char *
out_png_name(const DList *d, int page)
{
	return g_strdup_printf("page-%s.png", d->pages[page].label);
}

bool
out_png(const DList *d, const char *const *paths, const char *const *shown, double dpi, bool proof,
        Report *r)
{
	Painter p;
	bool ok = true;
	painter_init(&p, d, r);
	p.proof = proof;
	for (int i = 0; i < d->npages && ok; i++)
		if (paths[i])
			ok = write_png_page(&p, &d->pages[i], paths[i], shown[i], dpi, r);
	painter_done(&p);
	return ok;
}
