/* pdfad.c - PDF ads: probing the advertiser's PDF with libqpdf, and importing its page as a
 * Form XObject placed on huozi's page (the qpdf post-pass calls pdfad_place). */
#include "pdfad.h"
#include "i18n.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

bool
pdfad_is_pdf(GBytes *bytes, const char *name)
{
	gsize n = 0;
	const char *d = g_bytes_get_data(bytes, &n);
	g_autofree char *lower = g_ascii_strdown(name, -1);
	if (g_str_has_suffix(lower, ".pdf"))
		return true;
	for (gsize i = 0; d && i + 5 <= MIN(n, 1024); i++)
		if (memcmp(d + i, "%PDF-", 5) == 0)
			return true;
	return false;
}

static bool
has_header(GBytes *bytes)
{
	gsize n = 0;
	const char *d = g_bytes_get_data(bytes, &n);
	for (gsize i = 0; d && i + 5 <= MIN(n, 1024); i++)
		if (memcmp(d + i, "%PDF-", 5) == 0)
			return true;
	return false;
}

/* an error qpdf holds, as text, and cleared */
static char *
take_error(qpdf_data q, enum qpdf_error_code_e *code)
{
	qpdf_error e = qpdf_get_error(q);
	if (!e)
		return g_strdup("");
	if (code)
		*code = qpdf_get_error_code(q, e);
	return g_strdup(qpdf_get_error_message_detail(q, e));
}

/* a box of the page as x0 y0 x1 y1 (ordered), or false when it is missing or not 4 finite
 * numbers */
static bool
get_box(qpdf_data q, qpdf_oh page, const char *key, double b[4])
{
	qpdf_oh a = qpdf_oh_get_key(q, page, key);
	if (!qpdf_oh_is_array(q, a) || qpdf_oh_get_array_n_items(q, a) != 4)
		return false;
	for (int i = 0; i < 4; i++) {
		qpdf_oh v = qpdf_oh_get_array_item(q, a, i);
		if (!qpdf_oh_is_number(q, v))
			return false;
		b[i] = qpdf_oh_get_numeric_value(q, v);
		if (!isfinite(b[i]) || fabs(b[i]) > 1e6)
			return false;
	}
	if (b[0] > b[2]) {
		double t = b[0];
		b[0] = b[2];
		b[2] = t;
	}
	if (b[1] > b[3]) {
		double t = b[1];
		b[1] = b[3];
		b[3] = t;
	}
	return true;
}

/* b within c (a box outside its parent is cut to it, as PDF viewers do) */
static void
intersect(double b[4], const double c[4])
{
	b[0] = MAX(b[0], c[0]);
	b[1] = MAX(b[1], c[1]);
	b[2] = MIN(b[2], c[2]);
	b[3] = MIN(b[3], c[3]);
}

/* the page's boxes and rotation into info; false when it has no usable size */
static bool
page_geometry(qpdf_data q, qpdf_oh page, ImageInfo *info)
{
	double media[4], crop[4], trim[4];
	qpdf_oh rot = qpdf_oh_get_key(q, page, "/Rotate");
	long long rotate = qpdf_oh_is_integer(q, rot) ? qpdf_oh_get_int_value(q, rot) : 0;
	double w, h;
	if (!get_box(q, page, "/MediaBox", media))
		return false;
	if (!get_box(q, page, "/CropBox", crop))
		memcpy(crop, media, sizeof crop);
	intersect(crop, media);
	if (!get_box(q, page, "/TrimBox", trim))
		memcpy(trim, crop, sizeof trim);
	intersect(trim, crop);
	w = trim[2] - trim[0];
	h = trim[3] - trim[1];
	if (!(w >= 1 && h >= 1 && w <= PDFAD_MAX_SIDE && h <= PDFAD_MAX_SIDE))
		return false;
	rotate %= 360;
	if (rotate < 0)
		rotate += 360;
	info->rotate = rotate % 90 == 0 ? (int)rotate : 0; /* PDF allows multiples of 90 only */
	memcpy(info->box, trim, sizeof trim);
	memcpy(info->crop, crop, sizeof crop);
	if (info->rotate % 180) {
		double t = w;
		w = h;
		h = t;
	}
	info->width = (int)len_from_pt(w);
	info->height = (int)len_from_pt(h);
	return true;
}

static qpdf_data
open_pdf(GBytes *bytes)
{
	qpdf_data q = qpdf_init();
	gsize n = 0;
	const char *d = g_bytes_get_data(bytes, &n);
	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	qpdf_read_memory(q, "ad", d ? d : "", n, "");
	return q;
}

bool
pdfad_probe(GBytes *bytes, int page, Len mw, Len mh, const AdCheckOptions *o, const AdWhere *w,
            ImageInfo *info, Report *r)
{
	qpdf_data q;
	enum qpdf_error_code_e code = qpdf_e_success;
	g_autofree char *why = NULL;
	int npages;
	bool ok = false;
	AdFindings f;

	memset(info, 0, sizeof *info);
	info->format = IMAGE_PDF;
	if (!has_header(bytes)) {
		report_error(r, DIAG_INPUT, w->file, w->line, w->col,
		             _("an ad is a PDF, PNG or JPEG file"), _("%s is not a PDF file"),
		             w->path);
		return false;
	}
	q = open_pdf(bytes);
	if (qpdf_has_error(q)) {
		why = take_error(q, &code);
		if (code == qpdf_e_password)
			report_error(r, DIAG_INPUT, w->file, w->line, w->col,
			             _("ask the advertiser for the ad without a password (PDF/X "
			               "forbids encryption)"),
			             _("PDF ad %s needs a password to open"), w->path);
		else
			report_error(
			    r, DIAG_INPUT, w->file, w->line, w->col,
			    _("ask the advertiser for the file again, exported as PDF/X-1a"),
			    _("PDF ad %s cannot be read: %s"), w->path, report_clip(r, why));
		qpdf_cleanup(&q);
		return false;
	}
	qpdf_push_inherited_attributes_to_page(q);
	npages = qpdf_has_error(q) ? -1 : qpdf_get_num_pages(q);
	g_clear_pointer(&why, g_free);
	why = take_error(q, NULL);
	if (npages <= 0) {
		report_error(r, DIAG_INPUT, w->file, w->line, w->col,
		             _("ask the advertiser for the file again, exported as PDF/X-1a"),
		             _("PDF ad %s has no page that can be read"), w->path);
	} else if (page > npages) {
		report_error(r, DIAG_INPUT, w->file, w->line, w->col,
		             _("page= names a page of the file, from 1"),
		             _("PDF ad %s has %d pages, not page %d"), w->path, npages, page);
	} else {
		qpdf_oh pg = qpdf_get_page_n(q, (size_t)(page > 0 ? page - 1 : 0));
		ok = page_geometry(q, pg, info);
		if (!ok)
			report_error(r, DIAG_INPUT, w->file, w->line, w->col,
			             _("the page needs a MediaBox of at least 1 pt and at most "
			               "14400 pt a side"),
			             _("PDF ad %s: the page has no usable size"), w->path);
		info->page = page > 0 ? page : 1;
		if (ok && page == 0 && npages > 1)
			report_warning(r, DIAG_AD, w->file, w->line, w->col,
			               _("name the page to place with page=\"N\""),
			               _("PDF ad %s has %d pages: page 1 is placed"), w->path,
			               npages);
		if (ok && qpdf_is_encrypted(q))
			report_warning(r, DIAG_AD, w->file, w->line, w->col,
			               _("ask the advertiser for the ad without encryption (PDF/X "
			                 "forbids it)"),
			               _("PDF ad %s is encrypted"), w->path);
		if (ok) {
			double s = MIN((double)mw / info->width, (double)mh / info->height);
			adcheck_findings_init(&f);
			adcheck_walk(q, pg, s, &f);
			adcheck_report(&f, o, w, r);
			adcheck_findings_done(&f);
			g_clear_pointer(&why, g_free);
			why = take_error(q, NULL);
			if (*why)
				report_warning(
				    r, DIAG_AD, w->file, w->line, w->col,
				    _("ask the advertiser for the file again, exported as "
				      "PDF/X-1a"),
				    _("PDF ad %s is damaged: %s"), w->path, report_clip(r, why));
		}
	}
	qpdf_cleanup(&q);
	return ok;
}

void
pdfad_matrix(const ImageInfo *info, double x, double y, double w, double h, double m[6])
{
	const double *b = info->box;
	double sw = len_to_pt(info->width), sh = len_to_pt(info->height);
	double s = MIN(w / sw, h / sh);
	/* the box in the page's user space to the box as shown, its lower left corner at 0 0 */
	double rot[4][6] = {
	    {1, 0, 0, 1, -b[0], -b[1]},
	    {0, -1, 1, 0, -b[1], b[2]},
	    {-1, 0, 0, -1, b[2], b[3]},
	    {0, 1, -1, 0, b[3], -b[0]},
	};
	const double *t = rot[info->rotate / 90 % 4];
	for (int i = 0; i < 6; i++)
		m[i] = s * t[i];
	m[4] += x + (w - s * sw) / 2;
	m[5] += y + (h - s * sh) / 2;
}

static void
append_number(GString *s, double v)
{
	char buf[G_ASCII_DTOSTR_BUF_SIZE];
	if (fabs(v) < 0.00005)
		v = 0; /* never "-0.0000" */
	g_string_append(s, g_ascii_formatd(buf, sizeof buf, "%.4f", v));
	g_string_append_c(s, ' ');
}

static qpdf_oh
real_box(qpdf_data q, const double b[4])
{
	qpdf_oh a = qpdf_oh_new_array(q);
	for (int i = 0; i < 4; i++)
		qpdf_oh_append_item(q, a, qpdf_oh_new_real_from_double(q, b[i], 4));
	return a;
}

/* The ad's page as a Form XObject of q: built in the ad's own document (its content streams
 * as one, its resources and transparency group, BBox its box), then copied into q with every
 * object it refers to (fonts, images, colour spaces). The ad's document stays open until q is
 * written (*src, cleaned up by the caller). */
static qpdf_oh
import_form(qpdf_data q, const PdfAdPlace *ad, qpdf_data *src, char **why)
{
	qpdf_data a = open_pdf(ad->bytes);
	unsigned char *data = NULL;
	size_t len = 0;
	qpdf_oh page, form, dict, copy = 0;
	*src = a;
	if (qpdf_has_error(a))
		goto failed;
	qpdf_push_inherited_attributes_to_page(a);
	page = qpdf_get_page_n(a, (size_t)(ad->info.page - 1));
	if (qpdf_has_error(a) ||
	    (qpdf_oh_get_page_content_data(a, page, &data, &len) & QPDF_ERRORS))
		goto failed;
	form = qpdf_oh_new_stream(a);
	qpdf_oh_replace_stream_data(a, form, data, len, qpdf_oh_new_null(a), qpdf_oh_new_null(a));
	free(data);
	dict = qpdf_oh_get_dict(a, form);
	qpdf_oh_replace_key(a, dict, "/Type", qpdf_oh_new_name(a, "/XObject"));
	qpdf_oh_replace_key(a, dict, "/Subtype", qpdf_oh_new_name(a, "/Form"));
	qpdf_oh_replace_key(a, dict, "/FormType", qpdf_oh_new_integer(a, 1));
	qpdf_oh_replace_key(a, dict, "/BBox", real_box(a, ad->info.box));
	if (qpdf_oh_is_dictionary(a, qpdf_oh_get_key(a, page, "/Resources")))
		qpdf_oh_replace_key(a, dict, "/Resources", qpdf_oh_get_key(a, page, "/Resources"));
	else
		qpdf_oh_replace_key(a, dict, "/Resources", qpdf_oh_new_dictionary(a));
	if (qpdf_oh_is_dictionary(a, qpdf_oh_get_key(a, page, "/Group")))
		qpdf_oh_replace_key(a, dict, "/Group", qpdf_oh_get_key(a, page, "/Group"));
	if (qpdf_has_error(a))
		goto failed;
	copy = qpdf_oh_copy_foreign_object(q, a, form);
	if (qpdf_has_error(q)) {
		*why = take_error(q, NULL);
		return 0;
	}
	return copy;
failed:
	*why = take_error(a, NULL);
	return 0;
}

/* the page's /Resources /XObject dictionary, made when missing */
static qpdf_oh
page_xobjects(qpdf_data q, qpdf_oh page)
{
	qpdf_oh res = qpdf_oh_get_key(q, page, "/Resources"), xo;
	if (!qpdf_oh_is_dictionary(q, res)) {
		res = qpdf_oh_new_dictionary(q);
		qpdf_oh_replace_key(q, page, "/Resources", res);
	}
	xo = qpdf_oh_get_key(q, res, "/XObject");
	if (!qpdf_oh_is_dictionary(q, xo)) {
		xo = qpdf_oh_new_dictionary(q);
		qpdf_oh_replace_key(q, res, "/XObject", xo);
	}
	return xo;
}

static qpdf_oh
new_content(qpdf_data q, const char *s, size_t n)
{
	qpdf_oh st = qpdf_oh_new_stream(q);
	qpdf_oh_replace_stream_data(q, st, (const unsigned char *)s, n, qpdf_oh_new_null(q),
	                            qpdf_oh_new_null(q));
	return st;
}

bool
pdfad_place(qpdf_data q, qpdf_oh page, int out_page, const PdfAdPlace *ads, int nads,
            PdfAdImports *im, const char *shown, Report *r)
{
	g_autoptr(GString) s = g_string_new("Q\n");
	qpdf_oh xo = 0, contents, arr;
	int placed = 0;
	for (int i = 0; i < nads; i++) {
		const PdfAdPlace *ad = &ads[i];
		gpointer found;
		qpdf_oh form;
		double m[6];
		g_autofree char *name = g_strdup_printf("/HzAd%d", ad->image);
		if (ad->out_page != out_page)
			continue;
		if (g_hash_table_lookup_extended(im->forms, GINT_TO_POINTER(ad->image), NULL,
		                                 &found)) {
			form = (qpdf_oh)GPOINTER_TO_UINT(found);
		} else {
			qpdf_data src = NULL;
			g_autofree char *why = NULL;
			form = import_form(q, ad, &src, &why);
			g_ptr_array_add(im->sources, src);
			if (!form) {
				report_error(r, DIAG_SYSTEM, shown, 0, 0, NULL,
				             _("cannot place the PDF ad %s: %s"), ad->path,
				             report_clip(r, why));
				return false;
			}
			g_hash_table_insert(im->forms, GINT_TO_POINTER(ad->image),
			                    GUINT_TO_POINTER(form));
		}
		if (!xo)
			xo = page_xobjects(q, page);
		qpdf_oh_replace_key(q, xo, name, form);
		pdfad_matrix(&ad->info, ad->x, ad->y, ad->w, ad->h, m);
		g_string_append(s, "q ");
		for (int k = 0; k < 6; k++)
			append_number(s, m[k]);
		g_string_append_printf(s, "cm %s Do Q\n", name);
		placed++;
	}
	if (!placed)
		return true;
	/* cairo's content leaves its own transformation in place: it is wrapped in q ... Q, and
	 * the ads drawn after it in the page's default user space */
	contents = qpdf_oh_get_key(q, page, "/Contents");
	arr = qpdf_oh_new_array(q);
	qpdf_oh_append_item(q, arr, new_content(q, "q\n", 2));
	if (qpdf_oh_is_array(q, contents))
		for (int i = 0; i < qpdf_oh_get_array_n_items(q, contents); i++)
			qpdf_oh_append_item(q, arr, qpdf_oh_get_array_item(q, contents, i));
	else if (qpdf_oh_is_stream(q, contents))
		qpdf_oh_append_item(q, arr, contents);
	qpdf_oh_append_item(q, arr, new_content(q, s->str, s->len));
	qpdf_oh_replace_key(q, page, "/Contents", arr);
	return true;
}

PdfAdImports *
pdfad_imports_new(void)
{
	PdfAdImports *im = g_new0(PdfAdImports, 1);
	im->forms = g_hash_table_new(g_direct_hash, g_direct_equal);
	im->sources = g_ptr_array_new();
	return im;
}

void
pdfad_imports_free(PdfAdImports *im)
{
	if (!im)
		return;
	g_hash_table_destroy(im->forms);
	for (guint i = 0; i < im->sources->len; i++) {
		qpdf_data a = g_ptr_array_index(im->sources, i);
		qpdf_cleanup(&a);
	}
	g_ptr_array_unref(im->sources);
	g_free(im);
}
