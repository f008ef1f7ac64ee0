/* textfile.c - text input files: read unconfined through infile, UTF-8 checked with a location. */
#include "textfile.h"
#include "i18n.h"
#include "infile.h"
#include <string.h>

bool
textfile_read(const char *path, gsize max, char **data, gsize *len, Report *r)
{
	g_autoptr(GBytes) b = NULL;
	*data = NULL;
	if (infile_read(NULL, path, path, max, &b, NULL, r) != INFILE_OK)
		return false;
	*data = textfile_take(g_steal_pointer(&b), len);
	return true;
}

char *
textfile_take(GBytes *b, gsize *len)
{
	gsize n = 0;
	char *d = g_bytes_unref_to_data(b, &n);
	*len = n;
	d = g_realloc(d, n + 1);
	d[n] = '\0';
	return d;
}

void
textfile_position(const char *data, gsize off, int *line, int *col)
{
	int l = 1, c = 1;
	for (gsize i = 0; i < off;) {
		if (data[i] == '\n') {
			l++;
			c = 1;
			i++;
		} else {
			const char *next = g_utf8_find_next_char(data + i, data + off);
			c++;
			i = next ? (gsize)(next - data) : off;
		}
	}
	*line = l;
	*col = c;
}

bool
textfile_check_utf8(const char *file, const char *data, gsize len, Report *r)
{
	const char *end = NULL;
	int line, col;

	if (len >= 2 && (((guchar)data[0] == 0xff && (guchar)data[1] == 0xfe) ||
	                 ((guchar)data[0] == 0xfe && (guchar)data[1] == 0xff))) {
		report_error(r, DIAG_INPUT, file, 1, 1, _("save the file as UTF-8"),
		             _("the file is UTF-16, not UTF-8"));
		return false;
	}
	if (!g_utf8_validate_len(data, len, &end)) {
		textfile_position(data, (gsize)(end - data), &line, &col);
		report_error(r, DIAG_INPUT, file, line, col, _("save the file as UTF-8"),
		             _("invalid UTF-8 (byte 0x%02x)"), (unsigned char)*end);
		return false;
	}
	for (gsize i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)data[i];
		if ((ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || ch == 0x7f) {
			textfile_position(data, i, &line, &col);
			report_error(r, DIAG_INPUT, file, line, col,
			             _("remove the control character"),
			             _("control character U+%04X in text"), ch);
			return false;
		}
	}
	/* C1 control characters (U+0080 to U+009F) are no more text than C0 ones; noncharacters
	 * such as U+FFFF and U+FFFE are not text */
	for (const char *p = data; p < data + len; p = g_utf8_next_char(p)) {
		gunichar u = g_utf8_get_char(p);
		if (u >= 0x80 && u <= 0x9f) {
			textfile_position(data, (gsize)(p - data), &line, &col);
			report_error(r, DIAG_INPUT, file, line, col,
			             _("remove the control character"),
			             _("control character U+%04X in text"), u);
			return false;
		}
		if ((u & 0xfffe) == 0xfffe || (u >= 0xfdd0 && u <= 0xfdef)) {
			textfile_position(data, (gsize)(p - data), &line, &col);
			report_error(r, DIAG_INPUT, file, line, col, _("remove the character"),
			             _("noncharacter U+%04X in text"), u);
			return false;
		}
	}
	return true;
}
