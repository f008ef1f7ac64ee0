/* srcline.c - the line of an input text a diagnostic points at, cut around its column and shown
 * with a caret under it. */
#include "srcline.h"
#include <string.h>

struct SrcText {
	char *data;
	gsize len;
	bool cr;        /* a lone CR ends a line */
	gsize top;      /* where line 1 starts: after a byte order mark */
	int at_line;    /* the line found last ... */
	gsize at_start; /* ... where it starts ... */
	int at_col;     /* ... the column found last on it ... */
	gsize at_off;   /* ... and where that column is */
};

SrcText *
srcline_text_new(const char *data, gsize len, bool story)
{
	SrcText *t = g_new0(SrcText, 1);
	t->data = g_malloc(len + 1); /* never NULL, even for an empty file */
	if (len > 0)
		memcpy(t->data, data, len);
	t->data[len] = '\0';
	t->len = len;
	t->cr = story;
	t->top = len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	t->at_line = 1;
	t->at_start = t->at_off = t->top;
	t->at_col = 1;
	return t;
}

void
srcline_text_free(SrcText *t)
{
	if (!t)
		return;
	g_free(t->data);
	g_free(t);
}

/* whether the byte at p ends a line (LF, CR LF's CR, or a lone CR when those end lines) */
static bool
ends_line(const SrcText *t, gsize p)
{
	if (t->data[p] == '\n')
		return true;
	return t->data[p] == '\r' && (t->cr || (p + 1 < t->len && t->data[p + 1] == '\n'));
}

/* the byte after the line end at p */
static gsize
after_end(const SrcText *t, gsize p)
{
	return t->data[p] == '\r' && p + 1 < t->len && t->data[p + 1] == '\n' ? p + 2 : p + 1;
}

/* where the line at start ends (its line end, or the end of the text) */
static gsize
line_end(const SrcText *t, gsize start)
{
	gsize p = start;
	while (p < t->len && !ends_line(t, p))
		p++;
	return p;
}

/* the next character after p, an invalid byte (with the continuation bytes after it) as one */
static gsize
next_char(const SrcText *t, gsize p, gsize end)
{
	gunichar u = g_utf8_get_char_validated(t->data + p, (gssize)(end - p));
	if (u != (gunichar)-1 && u != (gunichar)-2)
		return p + (gsize)g_utf8_skip[(guchar)t->data[p]];
	p++;
	while (p < end && ((guchar)t->data[p] & 0xc0) == 0x80)
		p++;
	return p;
}

/* the start of line `line`, or false when the text is shorter */
static bool
find_line(SrcText *t, int line)
{
	if (line < t->at_line) {
		t->at_line = 1;
		t->at_start = t->top;
	} else if (line == t->at_line)
		return true;
	while (t->at_line < line) {
		gsize e = line_end(t, t->at_start);
		if (e >= t->len)
			return false;
		t->at_start = after_end(t, e);
		t->at_line++;
	}
	t->at_col = 1;
	t->at_off = t->at_start;
	return true;
}

/* where column col of the current line is (its end when the line is shorter) */
static gsize
find_col(SrcText *t, int col, gsize end)
{
	if (col < t->at_col) {
		t->at_col = 1;
		t->at_off = t->at_start;
	}
	while (t->at_col < col && t->at_off < end) {
		t->at_off = next_char(t, t->at_off, end);
		t->at_col++;
	}
	return t->at_off;
}

static bool
is_name_char(char c)
{
	return g_ascii_isalnum(c) || c == '_' || c == '-' || c == '.' || c == ':';
}

/* the characters of the token at p, before end: "<name", a name, a quoted value, else 1 */
static int
token_chars(const SrcText *t, gsize p, gsize end)
{
	gsize q = p;
	int n = 0;
	if (p >= end)
		return 1;
	if (t->cr) { /* a story: a header key, up to its colon */
		while (q < end && (g_ascii_isalpha(t->data[q]) || t->data[q] == '-'))
			q++;
		return q > p && q < end && t->data[q] == ':' ? (int)(q - p) : 1;
	}
	if (t->data[p] == '"' || t->data[p] == '\'') {
		const char *close = memchr(t->data + p + 1, t->data[p], end - p - 1);
		if (!close)
			return 1;
		return (int)g_utf8_strlen(t->data + p, close + 1 - (t->data + p));
	}
	if (t->data[p] == '&') { /* a reference, to its ';' */
		const char *semi = memchr(t->data + p, ';', MIN(end - p, (gsize)16));
		return semi ? (int)(semi + 1 - (t->data + p)) : 1;
	}
	if (t->data[p] == '<')
		q++;
	if (q >= end || !(g_ascii_isalpha(t->data[q]) || t->data[q] == '_'))
		return 1;
	while (q < end && is_name_char(t->data[q]))
		q++;
	n = (int)(q - p);
	/* a header key ends at its colon: "headlne:" underlines the word */
	while (n > 1 && t->data[p + (gsize)n - 1] == ':')
		n--;
	return n;
}

char *
srcline_get(SrcText *t, int line, int col, int around, int *at, int *span)
{
	gsize end, caret, from, to;
	int before = 0, after = 0;
	GString *s;
	*at = 0;
	*span = 1;
	if (line < 1 || t->len <= t->top || !find_line(t, line))
		return NULL; /* no such line, or an empty file: nothing to show */
	end = line_end(t, t->at_start);
	caret = col > 0 ? find_col(t, col, end) : t->at_start;
	for (from = caret; from > t->at_start && before < around; before++) {
		const char *prev = g_utf8_find_prev_char(t->data + t->at_start, t->data + from);
		from = prev ? (gsize)(prev - t->data) : t->at_start;
	}
	for (to = caret; to < end && after < (col > 0 ? around : 2 * around); after++)
		to = next_char(t, to, end);
	s = g_string_new(NULL);
	if (from > t->at_start)
		g_string_append(s, "…");
	g_string_append_len(s, t->data + from, (gssize)(to - from));
	if (to < end)
		g_string_append(s, "…");
	if (col > 0) {
		*at = before + (from > t->at_start ? 1 : 0) + 1;
		*span = MIN(token_chars(t, caret, to), MAX(after, 1));
	}
	return g_string_free(s, FALSE);
}

/* whether character u (or an invalid byte) is shown as escapes */
static bool
escaped(gunichar u, bool bad)
{
	return bad || u < 0x20 || u == 0x7f || (u >= 0x80 && u <= 0x9f) || u == 0x200e ||
	       u == 0x200f || (u >= 0x2028 && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069) ||
	       (u & 0xfffe) == 0xfffe || (u >= 0xfdd0 && u <= 0xfdef);
}

/* the next character of text at p: its byte length, whether it is invalid, and u */
static int
char_at(const char *p, const char *end, gunichar *u, bool *bad)
{
	*u = g_utf8_get_char_validated(p, end - p);
	*bad = *u == (gunichar)-1 || *u == (gunichar)-2;
	return *bad ? 1 : g_utf8_skip[*(const guchar *)p];
}

void
srcline_append_escaped(GString *s, const char *text)
{
	const char *p = text, *end = text + strlen(text);
	while (p < end) {
		gunichar u;
		bool bad;
		int n = char_at(p, end, &u, &bad);
		if (escaped(u, bad)) {
			for (int i = 0; i < n; i++)
				g_string_append_printf(s, "\\x%02x", (guchar)p[i]);
		} else
			g_string_append_len(s, p, n);
		p += n;
	}
}

/* the columns a character takes in a terminal */
static int
width_of(gunichar u)
{
	if (g_unichar_iszerowidth(u))
		return 0;
	return g_unichar_iswide(u) ? 2 : 1;
}

void
srcline_show(GString *out, int line, const char *source, int at, int span)
{
	const char *p = source, *end = source + strlen(source);
	GString *text = g_string_new(NULL);
	int w = 0, caret_w = -1, under_w = 0;
	char num[16];
	int numw = g_snprintf(num, sizeof num, "%d", line);
	for (int c = 1; p <= end; c++) {
		gunichar u = 0;
		bool bad = false;
		int n = p < end ? char_at(p, end, &u, &bad) : 0, cw;
		if (c == at)
			caret_w = w;
		if (p == end)
			break;
		if (u == '\t' && !bad) {
			cw = 8 - w % 8;
			g_string_append_printf(text, "%*s", cw, "");
		} else if (escaped(u, bad)) {
			g_autofree char *one = g_strndup(p, (gsize)n);
			cw = 4 * n;
			srcline_append_escaped(text, one);
		} else {
			cw = width_of(u);
			g_string_append_len(text, p, n);
		}
		if (at > 0 && c >= at && c < at + span)
			under_w += cw;
		w += cw;
		p += n;
	}
	numw = MAX(numw, 4);
	g_string_append_printf(out, " %*s | %s\n", numw, num, text->str);
	if (caret_w >= 0) {
		g_string_append_printf(out, " %*s | %*s^", numw, "", caret_w, "");
		for (int i = 1; i < under_w; i++)
			g_string_append_c(out, '~');
		g_string_append_c(out, '\n');
	}
	g_string_free(text, TRUE);
}
