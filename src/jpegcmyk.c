/* jpegcmyk.c - Adobe's inverted CMYK JPEGs given the /Decode that makes them print as inked. */
#include "jpegcmyk.h"
#include <stdlib.h>
#include <string.h>

bool
jpegcmyk_adobe(const unsigned char *d, size_t len)
{
	size_t i = 2;
	if (len < 4 || d[0] != 0xFF || d[1] != 0xD8)
		return false;
	/* the markers up to the start of the scan */
	while (i + 4 <= len && d[i] == 0xFF) {
		unsigned m = d[i + 1], seg = (unsigned)d[i + 2] << 8 | d[i + 3];
		if (m == 0xDA || seg < 2)
			return false;
		if (m == 0xEE && seg >= 12 && i + 4 + 5 <= len &&
		    memcmp(d + i + 4, "Adobe", 5) == 0)
			return true;
		i += 2 + seg;
	}
	return false;
}

/* the image's only filter is DCTDecode and its colour space DeviceCMYK */
static bool
cmyk_jpeg(qpdf_data q, qpdf_oh dict)
{
	qpdf_oh f = qpdf_oh_get_key(q, dict, "/Filter");
	qpdf_oh cs = qpdf_oh_get_key(q, dict, "/ColorSpace");
	if (qpdf_oh_is_array(q, f) && qpdf_oh_get_array_n_items(q, f) == 1)
		f = qpdf_oh_get_array_item(q, f, 0);
	return qpdf_oh_is_name_and_equals(q, f, "/DCTDecode") &&
	       qpdf_oh_is_name_and_equals(q, cs, "/DeviceCMYK");
}

bool
jpegcmyk_set_decode(qpdf_data q, qpdf_oh img)
{
	qpdf_oh dict = qpdf_oh_get_dict(q, img);
	unsigned char *raw = NULL;
	size_t len = 0;
	bool adobe;
	if (!cmyk_jpeg(q, dict) || qpdf_oh_has_key(q, dict, "/Decode"))
		return false;
	adobe = !(qpdf_oh_get_stream_data(q, img, qpdf_dl_none, NULL, &raw, &len) & QPDF_ERRORS) &&
	        jpegcmyk_adobe(raw, len);
	free(raw);
	if (adobe) {
		qpdf_oh dec = qpdf_oh_new_array(q);
		for (int i = 0; i < 8; i++)
			qpdf_oh_append_item(q, dec, qpdf_oh_new_integer(q, (i + 1) % 2));
		qpdf_oh_replace_key(q, dict, "/Decode", dec);
	}
	return adobe;
}

static void
fix_resources(qpdf_data q, qpdf_oh res, GHashTable *seen, int depth)
{
	qpdf_oh xobjs = qpdf_oh_get_key(q, res, "/XObject");
	GArray *found;
	if (depth > 8 || !qpdf_oh_is_dictionary(q, xobjs))
		return;
	/* the keys first: qpdf has one key iterator, and a form's resources need it again */
	found = g_array_new(FALSE, FALSE, sizeof(qpdf_oh));
	qpdf_oh_begin_dict_key_iter(q, xobjs);
	while (qpdf_oh_dict_more_keys(q)) {
		qpdf_oh x = qpdf_oh_get_key(q, xobjs, qpdf_oh_dict_next_key(q));
		g_array_append_val(found, x);
	}
	for (guint i = 0; i < found->len; i++) {
		qpdf_oh x = g_array_index(found, qpdf_oh, i), dict;
		gpointer id = GINT_TO_POINTER(qpdf_oh_get_object_id(q, x));
		if (!qpdf_oh_is_stream(q, x) || g_hash_table_contains(seen, id))
			continue;
		g_hash_table_add(seen, id);
		dict = qpdf_oh_get_dict(q, x);
		if (qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, dict, "/Subtype"), "/Image"))
			jpegcmyk_set_decode(q, x);
		else
			fix_resources(q, qpdf_oh_get_key(q, dict, "/Resources"), seen, depth + 1);
	}
	g_array_free(found, TRUE);
}

void
jpegcmyk_fix_page(qpdf_data q, qpdf_oh page, GHashTable *seen)
{
	fix_resources(q, qpdf_oh_get_key(q, page, "/Resources"), seen, 0);
}
