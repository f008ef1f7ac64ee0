/* postpass.c - the qpdf post-pass: page boxes, device CMYK and PDF ads on a PDF cairo has
 * written. */
#include "postpass.h"
#include "cmyk.h"
#include "i18n.h"
#include "jpegcmyk.h"
#include "marks.h"
#include "pdfimage.h"
#include "tempfile.h"
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <qpdf/qpdf-c.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_FORM_DEPTH 8 /* forms inside forms: cairo nests a few; a hostile file, more */

static qpdf_oh
box(qpdf_data q, double x0, double y0, double x1, double y1)
{
	qpdf_oh a = qpdf_oh_new_array(q);
	double v[4] = {x0, y0, x1, y1};
	for (int i = 0; i < 4; i++)
		qpdf_oh_append_item(q, a, qpdf_oh_new_real_from_double(q, v[i], 3));
	return a;
}

static void
set_boxes(qpdf_data q, qpdf_oh page)
{
	double off = len_to_pt(marks_offset()), bleed = len_to_pt(len_from_mm(MARKS_BLEED_MM));
	qpdf_oh media = qpdf_oh_get_key(q, page, "/MediaBox");
	double w = qpdf_oh_get_numeric_value(q, qpdf_oh_get_array_item(q, media, 2));
	double h = qpdf_oh_get_numeric_value(q, qpdf_oh_get_array_item(q, media, 3));
	qpdf_oh_replace_key(q, page, "/TrimBox", box(q, off, off, w - off, h - off));
	qpdf_oh_replace_key(q, page, "/BleedBox",
	                    box(q, off - bleed, off - bleed, w - off + bleed, h - off + bleed));
}

/* the registration colour: a separation named All prints on every plate */
static qpdf_oh
registration(qpdf_data q)
{
	qpdf_oh cs = qpdf_oh_new_array(q), fn = qpdf_oh_new_dictionary(q), c0, c1, domain;
	c0 = qpdf_oh_new_array(q);
	c1 = qpdf_oh_new_array(q);
	domain = qpdf_oh_new_array(q);
	qpdf_oh_append_item(q, domain, qpdf_oh_new_integer(q, 0));
	qpdf_oh_append_item(q, domain, qpdf_oh_new_integer(q, 1));
	for (int i = 0; i < 4; i++) {
		qpdf_oh_append_item(q, c0, qpdf_oh_new_integer(q, 0));
		qpdf_oh_append_item(q, c1, qpdf_oh_new_integer(q, 1));
	}
	qpdf_oh_replace_key(q, fn, "/FunctionType", qpdf_oh_new_integer(q, 2));
	qpdf_oh_replace_key(q, fn, "/Domain", domain);
	qpdf_oh_replace_key(q, fn, "/C0", c0);
	qpdf_oh_replace_key(q, fn, "/C1", c1);
	qpdf_oh_replace_key(q, fn, "/N", qpdf_oh_new_integer(q, 1));
	qpdf_oh_append_item(q, cs, qpdf_oh_new_name(q, "/Separation"));
	qpdf_oh_append_item(q, cs, qpdf_oh_new_name(q, "/All"));
	qpdf_oh_append_item(q, cs, qpdf_oh_new_name(q, "/DeviceCMYK"));
	qpdf_oh_append_item(q, cs, fn);
	return cs;
}

/* the crop marks (marks.h) as a content stream before the page's own, with their colour
 * space in the page's resources */
static void
add_marks(qpdf_data q, qpdf_oh page, qpdf_oh all)
{
	qpdf_oh media = qpdf_oh_get_key(q, page, "/MediaBox");
	double w = qpdf_oh_get_numeric_value(q, qpdf_oh_get_array_item(q, media, 2));
	double h = qpdf_oh_get_numeric_value(q, qpdf_oh_get_array_item(q, media, 3));
	qpdf_oh res = qpdf_oh_get_key(q, page, "/Resources"), spaces, contents, arr, s;
	GString *marks = marks_content(w, h, "HzAll");

	if (!qpdf_oh_is_dictionary(q, res)) {
		res = qpdf_oh_new_dictionary(q);
		qpdf_oh_replace_key(q, page, "/Resources", res);
	}
	spaces = qpdf_oh_get_key(q, res, "/ColorSpace");
	if (!qpdf_oh_is_dictionary(q, spaces)) {
		spaces = qpdf_oh_new_dictionary(q);
		qpdf_oh_replace_key(q, res, "/ColorSpace", spaces);
	}
	qpdf_oh_replace_key(q, spaces, "/HzAll", all);
	s = qpdf_oh_new_stream(q);
	qpdf_oh_replace_stream_data(q, s, (unsigned char *)marks->str, marks->len,
	                            qpdf_oh_new_null(q), qpdf_oh_new_null(q));
	g_string_free(marks, TRUE);
	contents = qpdf_oh_get_key(q, page, "/Contents");
	arr = qpdf_oh_new_array(q);
	qpdf_oh_append_item(q, arr, s);
	if (qpdf_oh_is_array(q, contents))
		for (int i = 0; i < qpdf_oh_get_array_n_items(q, contents); i++)
			qpdf_oh_append_item(q, arr, qpdf_oh_get_array_item(q, contents, i));
	else
		qpdf_oh_append_item(q, arr, contents);
	qpdf_oh_replace_key(q, page, "/Contents", arr);
}

/* a transparency group composites in the colour space it names: in RGB, K-only black would
 * come back as a four-colour black */
static void
group_to_cmyk(qpdf_data q, qpdf_oh dict)
{
	qpdf_oh group = qpdf_oh_get_key(q, dict, "/Group");
	if (qpdf_oh_is_dictionary(q, group) && qpdf_oh_has_key(q, group, "/CS"))
		qpdf_oh_replace_key(q, group, "/CS", qpdf_oh_new_name(q, "/DeviceCMYK"));
}

static void
stream_to_cmyk(qpdf_data q, qpdf_oh stream, const Colour *colour)
{
	unsigned char *data = NULL;
	size_t len = 0;
	QPDF_BOOL filtered = QPDF_FALSE;
	int changed = 0;
	GString *out;

	if (qpdf_oh_get_stream_data(q, stream, qpdf_dl_generalized, &filtered, &data, &len) &
	        QPDF_ERRORS ||
	    !filtered) {
		free(data);
		return;
	}
	out = colour ? cmyk_rewrite_content_with((const char *)data, len, colour_convert, colour,
	                                         &changed)
	             : cmyk_rewrite_content((const char *)data, len, &changed);
	if (changed)
		qpdf_oh_replace_stream_data(q, stream, (unsigned char *)out->str, out->len,
		                            qpdf_oh_new_null(q), qpdf_oh_new_null(q));
	g_string_free(out, TRUE);
	free(data);
}

static void resources_to_cmyk(qpdf_data q, qpdf_oh holder, GHashTable *seen, int depth,
                              const Colour *colour);

/* the form XObjects a page or form draws, each once */
static void
forms_to_cmyk(qpdf_data q, qpdf_oh xobjects, GHashTable *seen, int depth, const Colour *colour)
{
	GPtrArray *keys = g_ptr_array_new_with_free_func(g_free);
	if (!qpdf_oh_is_dictionary(q, xobjects) || depth > MAX_FORM_DEPTH) {
		g_ptr_array_unref(keys);
		return;
	}
	qpdf_oh_begin_dict_key_iter(q, xobjects);
	while (qpdf_oh_dict_more_keys(q))
		g_ptr_array_add(keys, g_strdup(qpdf_oh_dict_next_key(q)));
	for (guint i = 0; i < keys->len; i++) {
		qpdf_oh x = qpdf_oh_get_key(q, xobjects, g_ptr_array_index(keys, i));
		qpdf_oh dict;
		int id = qpdf_oh_get_object_id(q, x);
		if (!qpdf_oh_is_stream(q, x) ||
		    (id && !g_hash_table_add(seen, GINT_TO_POINTER(id))))
			continue;
		dict = qpdf_oh_get_dict(q, x);
		if (!qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, dict, "/Subtype"), "/Form"))
			continue;
		stream_to_cmyk(q, x, colour);
		group_to_cmyk(q, dict);
		resources_to_cmyk(q, dict, seen, depth + 1, colour);
	}
	g_ptr_array_unref(keys);
}

static void
resources_to_cmyk(qpdf_data q, qpdf_oh holder, GHashTable *seen, int depth, const Colour *colour)
{
	qpdf_oh res = qpdf_oh_get_key(q, holder, "/Resources");
	if (qpdf_oh_is_dictionary(q, res))
		forms_to_cmyk(q, qpdf_oh_get_key(q, res, "/XObject"), seen, depth, colour);
}

static void
page_to_cmyk(qpdf_data q, qpdf_oh page, GHashTable *seen, const Colour *colour)
{
	qpdf_oh contents = qpdf_oh_get_key(q, page, "/Contents");
	if (qpdf_oh_is_stream(q, contents))
		stream_to_cmyk(q, contents, colour);
	else if (qpdf_oh_is_array(q, contents))
		for (int i = 0; i < qpdf_oh_get_array_n_items(q, contents); i++) {
			qpdf_oh s = qpdf_oh_get_array_item(q, contents, i);
			if (qpdf_oh_is_stream(q, s))
				stream_to_cmyk(q, s, colour);
		}
	group_to_cmyk(q, page);
	resources_to_cmyk(q, page, seen, 0, colour);
}

static bool
qpdf_failed(qpdf_data q, const char *path, Report *r)
{
	if (!qpdf_has_error(q))
		return false;
	report_error(r, DIAG_SYSTEM, path, 0, 0, NULL, _("cannot finish the PDF for print: %s"),
	             qpdf_get_error_full_text(q, qpdf_get_error(q)));
	return true;
}

static void
set_write_options(qpdf_data q, const PostPass *pp)
{
	qpdf_set_deterministic_ID(q, QPDF_TRUE);
	if (pp->pngs) /* the PNG data stays as it came (qpdf would inflate and deflate it) */
		qpdf_set_decode_level(q, qpdf_dl_none);
	if (pp->press) { /* PDF/X-1a:2003 is PDF 1.4: no object streams */
		qpdf_set_object_stream_mode(q, qpdf_o_disable);
		qpdf_force_pdf_version(q, "1.4");
	}
}

/* whether the PDF at path is whole: it ends with "startxref", an offset and "%%EOF", and at
 * that offset its cross-reference table or stream begins. A write that lost bytes anywhere
 * leaves the end missing or the offset pointing elsewhere. */
static bool
pdf_written_whole(const char *path)
{
	char tail[256], at[32];
	struct stat st;
	bool whole = false;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0 && fstat(fd, &st) == 0 && st.st_size > (off_t)sizeof tail) {
		ssize_t n = pread(fd, tail, sizeof tail - 1, st.st_size - (off_t)(sizeof tail - 1));
		const char *sx = NULL;
		if (n == (ssize_t)sizeof tail - 1) {
			tail[n] = '\0';
			sx = g_strrstr(tail, "startxref\n");
		}
		if (sx && g_str_has_suffix(tail, "%%EOF\n")) {
			gint64 off = g_ascii_strtoll(sx + strlen("startxref\n"), NULL, 10);
			if (off > 0 && off < st.st_size && pread(fd, at, sizeof at - 1, off) > 0) {
				at[sizeof at - 1] = '\0';
				whole = g_str_has_prefix(at, "xref") ||
				        (g_ascii_isdigit(at[0]) && strstr(at, " obj") != NULL);
			}
		}
	}
	if (fd >= 0)
		close(fd);
	return whole;
}

static bool
write_failed(int err, const char *shown, Report *r)
{
	if (err)
		report_error(r, DIAG_SYSTEM, shown, 0, 0, tempfile_hint(err),
		             _("cannot write the PDF: %s"), g_strerror(err));
	return err != 0;
}

bool
postpass_write_pdf(const char *path, const void *data, size_t len, const char *shown, Report *r)
{
	int err = 0, fd = tempfile_open(path, &err);
	tempfile_write(fd, data, len, &err);
	tempfile_close(fd, &err);
	return !write_failed(err, shown, r);
}

/* the file qpdf wrote at path made durable */
static bool
sync_written(const char *path, const char *shown, Report *r)
{
	int err = 0, fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		err = errno;
	tempfile_close(fd, &err);
	return !write_failed(err, shown, r);
}

bool
postpass_run(GBytes *pdf, const char *path, const PostPass *pp, Report *r)
{
	qpdf_data q = qpdf_init();
	const char *shown = pp->shown ? pp->shown : path;
	char *tmp = tempfile_beside(path, shown, r);
	GHashTable *seen = g_hash_table_new(g_direct_hash, g_direct_equal);
	PdfAdImports *ads = pdfad_imports_new();
	GHashTable *seen_images = g_hash_table_new(g_direct_hash, g_direct_equal);
	GHashTable *seen_jpegs = g_hash_table_new(g_direct_hash, g_direct_equal);
	bool ok = tmp != NULL;
	qpdf_oh all = 0;
	gsize pdf_len = 0;
	const char *pdf_data = g_bytes_get_data(pdf, &pdf_len);

	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	/* from memory: qpdf seeks to every object, a system call each when it reads a file */
	if (ok &&
	    (qpdf_read_memory(q, shown, pdf_data, (unsigned long long)pdf_len, NULL) & QPDF_ERRORS))
		ok = !qpdf_failed(q, shown, r);
	for (int i = 0; ok && i < qpdf_get_num_pages(q); i++) {
		qpdf_oh page = qpdf_get_page_n(q, (size_t)i);
		if (pp->boxes)
			set_boxes(q, page);
		if (pp->cmyk)
			page_to_cmyk(q, page, seen, pp->press ? pp->press->colour : NULL);
		if (pp->nads) /* after the CMYK rewrite: the ads keep their own colours */
			ok = pdfad_place(q, page, i, pp->ads, pp->nads, ads, shown, r);
		if (pp->pngs)
			pdfimage_replace(q, page, pp->pngs, pp->npngs, seen_images);
		if (pp->adobe_jpegs && !pp->press) /* press.c sets it as it limits the JPEG */
			jpegcmyk_fix_page(q, page, seen_jpegs);
		if (pp->boxes) {
			if (!all)
				all = qpdf_make_indirect_object(q, registration(q));
			add_marks(q, page, all);
		}
		ok = !qpdf_failed(q, shown, r) && ok;
	}
	if (ok && pp->press) /* press.h: after the colours, it removes the groups they fixed */
		ok = press_apply(q, pp->press, shown, r) && !qpdf_failed(q, shown, r);
	if (ok) {
		qpdf_init_write(q, tmp);
		set_write_options(q, pp);
		qpdf_write(q);
		ok = !qpdf_failed(q, shown, r);
		qpdf_init_write_memory(q); /* qpdf closes its file when its writer is replaced */
	}
	/* qpdf writes through stdio and does not see a full disk (it flushes and closes the file
	 * unchecked): a file cut short is written again from memory, as every output is, which
	 * says why it could not be (should the disk have room by then, the PDF is whole, though
	 * not byte for byte the first: qpdf compresses some streams again the second time) */
	if (ok && !pdf_written_whole(tmp)) {
		set_write_options(q, pp);
		qpdf_write(q);
		ok = !qpdf_failed(q, shown, r) &&
		     postpass_write_pdf(tmp, qpdf_get_buffer(q), qpdf_get_buffer_length(q), shown,
		                        r);
	} else if (ok) {
		ok = sync_written(tmp, shown, r);
	}
	qpdf_cleanup(&q);
	pdfad_imports_free(ads);
	g_hash_table_destroy(seen);
	g_hash_table_destroy(seen_images);
	g_hash_table_destroy(seen_jpegs);
	return tmp ? tempfile_commit(tmp, path, ok, r) : false;
}
