/* desc.c - reading XML with GMarkup into DescNode trees with a line:col on every node and
 * attribute. */
#include "desc.h"
#include "i18n.h"
#include "suggest.h"
#include "textfile.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Where a line starts: positions are found from the nearest known line start, never from the
 * top of the file, so reading stays linear in the size of the input. */
typedef struct {
	int line;    /* 1-based */
	gsize start; /* byte offset of its first character */
} LineMark;

typedef struct {
	const char *data; /* whole input, for finding attribute positions */
	gsize len;
	GPtrArray *stack; /* DescNode* being built */
	DescNode *root;
	int depth;
	LineMark mark;       /* the last line GMarkup reported (for syntax errors) */
	gsize cursor;        /* where the next start tag is looked for: after the last one */
	gsize at;            /* a byte offset whose line:col is known ... */
	int at_line, at_col; /* ... and that line:col (characters); all move forward only */
	const char *file;    /* for messages made here */
	Report *r;
	bool reported; /* a callback reported the error itself: no "malformed XML" on top */
} Builder;

static void
node_free(DescNode *n)
{
	if (!n)
		return;
	for (int i = 0; i < n->nattrs; i++) {
		g_free(n->attrs[i].name);
		g_free(n->attrs[i].value);
	}
	g_free(n->attrs);
	for (int i = 0; i < n->nchildren; i++)
		node_free(n->children[i]);
	g_free(n->children);
	g_free(n->name);
	g_free(n->text);
	g_free(n);
}

void
desc_free(Desc *d)
{
	if (!d)
		return;
	node_free(d->root);
	g_free(d->file);
	g_free(d);
}

/* Move the mark forward to the start of `line` (GMarkup's positions only move forward). */
static void
mark_line(const char *data, gsize len, LineMark *m, int line)
{
	while (m->line < line && m->start < len) {
		const char *nl = memchr(data + m->start, '\n', len - m->start);
		if (!nl)
			break;
		m->start = (gsize)(nl - data) + 1;
		m->line++;
	}
}

/* Byte offset of a GMarkup position. GMarkup counts columns in bytes, from 1 on the first
 * line and from 2 on the others (it counts the newline that started the line). */
static gsize
offset_of(const char *data, gsize len, LineMark *m, int line, int col)
{
	int skip = line == 1 ? col - 1 : col - 2;
	gsize off;
	mark_line(data, len, m, line);
	off = m->start + (skip > 0 ? (gsize)skip : 0);
	return off < len ? off : len;
}

/* line:col (characters) of a byte offset at or before the mark's line end: counted back from
 * the mark, so the cost is the distance, not the file */
static void
position_of(const char *data, const LineMark *m, gsize off, int *line, int *col)
{
	int l = m->line, c = 1;
	gsize start = m->start;
	while (start > off && start > 0) { /* off lies on an earlier line */
		start--;                   /* the '\n' ending the previous line */
		while (start > 0 && data[start - 1] != '\n')
			start--;
		l--;
	}
	for (gsize i = start; i < off;) {
		if (data[i] == '\n') { /* off lies on a later line */
			l++;
			c = 1;
			i++;
		} else {
			c++;
			i = (gsize)(g_utf8_next_char(data + i) - data);
		}
	}
	*line = l;
	*col = c;
}

/* line:col (characters) of a byte offset, counted on from the last one asked for: offsets
 * asked for only grow, so reading stays linear */
static void
position_fwd(Builder *b, gsize off, int *line, int *col)
{
	if (off < b->at) { /* not expected; recount from the top rather than be wrong */
		b->at = 0;
		b->at_line = b->at_col = 1;
	}
	while (b->at < off && b->at < b->len) {
		if (b->data[b->at] == '\n') {
			b->at_line++;
			b->at_col = 1;
			b->at++;
		} else {
			b->at_col++;
			b->at = (gsize)(g_utf8_next_char(b->data + b->at) - b->data);
		}
	}
	*line = b->at_line;
	*col = b->at_col;
}

/* whether the text at p starts with s; the text need not end with a NUL */
static bool
text_has_prefix(const Builder *b, gsize p, const char *s)
{
	gsize n = strlen(s);
	return n <= b->len - p && memcmp(b->data + p, s, n) == 0;
}

/* whether the text [p, e) ends with s */
static bool
text_has_suffix(const Builder *b, gsize p, gsize e, const char *s)
{
	gsize n = strlen(s);
	return e - p >= n && memcmp(b->data + e - n, s, n) == 0;
}

/* The end of a comment, CDATA section, processing instruction or declaration that opens with
 * "<!" or "<?" at p, found exactly as GMarkup finds it (gmarkup.c, STATE_INSIDE_PASSTHROUGH):
 * at a '>' where the text since p is "<?...?", "<!--...--", "<![CDATA[...]]", or "<!DOCTYPE..."
 * with its angle brackets balanced. So "<?>" and "<!-->" close themselves, a DOCTYPE may nest
 * brackets, and any other "<!" runs to the end of the data. */
static gsize
skip_passthrough(const Builder *b, gsize p)
{
	int balance = 1;
	for (gsize q = p + 2; q < b->len; q++) {
		if (b->data[q] == '<')
			balance++;
		if (b->data[q] != '>')
			continue;
		balance--;
		if ((b->data[p + 1] == '?' && b->data[q - 1] == '?') ||
		    (text_has_prefix(b, p, "<!--") && text_has_suffix(b, p, q, "--")) ||
		    (text_has_prefix(b, p, "<![CDATA[") && text_has_suffix(b, p, q, "]]")) ||
		    (text_has_prefix(b, p, "<!DOCTYPE") && balance == 0))
			return q + 1;
	}
	return b->len;
}

/* The start tag of the element GMarkup reports now is the next one in the text after the
 * previous start tag: GMarkup reports elements in document order, and its own positions lag
 * behind or run ahead of the tag, so the tag is found in the text itself. Comments, CDATA,
 * processing instructions, declarations and end tags are skipped. */
static gsize
next_start_tag(Builder *b)
{
	gsize p = b->cursor;
	while (p < b->len) {
		const char *lt = memchr(b->data + p, '<', b->len - p);
		if (!lt)
			return b->len;
		p = (gsize)(lt - b->data);
		if (text_has_prefix(b, p, "<!") || text_has_prefix(b, p, "<?"))
			p = skip_passthrough(b, p);
		else if (text_has_prefix(b, p, "</")) {
			const char *gt = memchr(b->data + p, '>', b->len - p);
			p = gt ? (gsize)(gt - b->data) + 1 : b->len;
		} else
			return p;
	}
	return b->len;
}

static gsize
skip_space(const Builder *b, gsize p, gsize end)
{
	while (p < end && g_ascii_isspace(b->data[p]))
		p++;
	return p;
}

/* Find the start tag in the text, then each attribute inside it, so that messages can point at
 * the element and at the attribute itself. GMarkup hands over the attributes in the order they
 * are written, so one pass along the tag finds them all, a repeated name included. */
static void
locate_tag(Builder *b, DescNode *n)
{
	gsize start = next_start_tag(b), end = b->len, p;

	/* the start tag ends at the first '>' outside a quoted value */
	for (char quote = 0, *q = (char *)b->data + start; q < b->data + b->len; q++) {
		if (quote && *q == quote)
			quote = 0;
		else if (!quote && (*q == '"' || *q == '\''))
			quote = *q;
		else if (!quote && *q == '>') {
			end = (gsize)(q - b->data);
			break;
		}
	}
	b->cursor = end < b->len ? end + 1 : b->len;
	position_fwd(b, start, &n->line, &n->col);
	for (int i = 0; i < n->nattrs; i++) { /* where nothing better is found: the element */
		n->attrs[i].line = n->attrs[i].vline = n->line;
		n->attrs[i].col = n->attrs[i].vcol = n->col;
	}
	p = start + 1;
	while (p < end && !g_ascii_isspace(b->data[p])) /* the element's name */
		p++;
	for (int i = 0; i < n->nattrs; i++) {
		gsize nl = strlen(n->attrs[i].name);
		char quote;
		p = skip_space(b, p, end);
		if (nl > end - p || memcmp(b->data + p, n->attrs[i].name, nl) != 0)
			return; /* not the text GMarkup read: leave the rest at the element */
		position_fwd(b, p, &n->attrs[i].line, &n->attrs[i].col);
		n->attrs[i].vline = n->attrs[i].line;
		n->attrs[i].vcol = n->attrs[i].col;
		p = skip_space(b, p + nl, end);
		if (p >= end || b->data[p] != '=')
			return;
		p = skip_space(b, p + 1, end);
		if (p >= end || (b->data[p] != '"' && b->data[p] != '\''))
			return;
		position_fwd(b, p, &n->attrs[i].vline, &n->attrs[i].vcol);
		quote = b->data[p++];
		while (p < end && b->data[p] != quote)
			p++;
		if (p >= end)
			return;
		p++;
	}
}

/* Every value within DESC_MAX_VALUE bytes: a longer one is an error at its attribute, and is
 * neither copied nor quoted. */
static bool
check_values(Builder *b, const DescNode *n, const char **avalues)
{
	for (int i = 0; i < n->nattrs; i++) {
		gsize len = strlen(avalues[i]);
		if (len > DESC_MAX_VALUE) {
			report_error(b->r, DIAG_INPUT, b->file, n->attrs[i].line, n->attrs[i].col,
			             _("shorten it: an attribute value holds at most 16384 bytes"),
			             _("the value of %s on <%s> is %zu bytes long, more than %d"),
			             report_clip(b->r, n->attrs[i].name),
			             report_clip(b->r, n->name), (size_t)len, DESC_MAX_VALUE);
			return false;
		}
	}
	return true;
}

/* A value with its line ends (CR LF, LF, CR) and tabs, written or referenced, each made one
 * space: an attribute value is one line of text (XML's attribute-value normalization). */
static char *
copy_value(const char *v)
{
	char *out = g_malloc(strlen(v) + 1), *o = out;
	for (; *v; v++) {
		if (*v == '\r' && v[1] == '\n')
			continue; /* the LF that follows makes the space */
		*o++ = *v == '\r' || *v == '\n' || *v == '\t' ? ' ' : *v;
	}
	*o = '\0';
	return out;
}

/* No attribute twice on one element: the second one is the error. Quadratic only up to a few
 * attributes; beyond, a hash set. */
static bool
check_unique(Builder *b, const DescNode *n)
{
	g_autoptr(GHashTable) seen = NULL;
	for (int i = 1; i < n->nattrs; i++) {
		int first = -1;
		if (n->nattrs <= 16) {
			for (int j = 0; j < i && first < 0; j++)
				if (strcmp(n->attrs[j].name, n->attrs[i].name) == 0)
					first = j;
		} else {
			gpointer at;
			if (!seen) {
				seen = g_hash_table_new(g_str_hash, g_str_equal);
				g_hash_table_insert(seen, n->attrs[0].name, GINT_TO_POINTER(1));
			}
			if (g_hash_table_lookup_extended(seen, n->attrs[i].name, NULL, &at))
				first = GPOINTER_TO_INT(at) - 1;
			else
				g_hash_table_insert(seen, n->attrs[i].name, GINT_TO_POINTER(i + 1));
		}
		if (first >= 0) {
			report_error(b->r, DIAG_INPUT, b->file, n->attrs[i].line, n->attrs[i].col,
			             _("keep one of them"),
			             _("attribute %s is given twice on <%s> (first at %d:%d)"),
			             report_clip(b->r, n->attrs[i].name),
			             report_clip(b->r, n->name), n->attrs[first].line,
			             n->attrs[first].col);
			return false;
		}
	}
	return true;
}

static void
on_start(GMarkupParseContext *ctx, const char *name, const char **anames, const char **avalues,
         gpointer user, GError **error)
{
	Builder *b = user;
	DescNode *n;

	if (++b->depth > DESC_MAX_DEPTH) {
		g_set_error(error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
		            _("elements nested deeper than %d levels"), DESC_MAX_DEPTH);
		return;
	}
	n = g_new0(DescNode, 1);
	n->name = g_strdup(name);
	while (anames[n->nattrs])
		n->nattrs++;
	n->attrs = g_new0(DescAttr, n->nattrs + 1);
	for (int i = 0; i < n->nattrs; i++)
		n->attrs[i].name = g_strdup(anames[i]);
	locate_tag(b, n);
	if (!check_values(b, n, avalues) || !check_unique(b, n)) {
		node_free(n);
		b->reported = true;
		g_set_error_literal(error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
		                    "reported");
		return;
	}
	for (int i = 0; i < n->nattrs; i++)
		n->attrs[i].value = copy_value(avalues[i]);
	if (b->stack->len == 0) {
		if (b->root) {
			g_set_error(error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
			            _("a second root element “%s”"), name);
			node_free(n);
			return;
		}
		b->root = n;
	} else {
		DescNode *parent = g_ptr_array_index(b->stack, b->stack->len - 1);
		int k = parent->nchildren;
		if ((k & (k - 1)) ==
		    0) /* 0, 1, 2, 4, 8…: double, so many children cost linear time */
			parent->children = g_renew(DescNode *, parent->children, k ? 2 * k : 1);
		parent->children[parent->nchildren++] = n;
	}
	g_ptr_array_add(b->stack, n);
}

static void
on_end(GMarkupParseContext *ctx, const char *name, gpointer user, GError **error)
{
	Builder *b = user;
	b->depth--;
	if (b->stack->len > 0)
		g_ptr_array_remove_index(b->stack, b->stack->len - 1);
}

static void
on_text(GMarkupParseContext *ctx, const char *text, gsize len, gpointer user, GError **error)
{
	Builder *b = user;
	DescNode *n;
	gsize i;

	for (i = 0; i < len && g_ascii_isspace(text[i]); i++)
		;
	if (i == len || b->stack->len == 0)
		return;
	n = g_ptr_array_index(b->stack, b->stack->len - 1);
	if (!n->text) {
		int line, col;
		g_markup_parse_context_get_position(ctx, &line, &col);
		n->text_line = line;
		n->text_col = col;
	}
	/* text comes in pieces (between comments, say): the buffer doubles, so that many pieces
	 * cost linear time */
	if (n->text_len + len + 1 > n->text_cap) {
		n->text_cap = MAX(2 * n->text_cap, n->text_len + len + 1);
		n->text = g_realloc(n->text, n->text_cap);
	}
	memcpy(n->text + n->text_len, text, len);
	n->text_len += len;
	n->text[n->text_len] = '\0';
}

static const GMarkupParser parser = {on_start, on_end, on_text, NULL, NULL};

/* What is wrong with the character u as text, or NULL: the rules for literal characters
 * (textfile_check_utf8), plus those only a reference can break. */
static const char *
ref_problem(guint32 u, const char **hint)
{
	if (u > 0x10ffff) {
		*hint = _("Unicode ends at U+10FFFF: check the number");
		return _("is beyond U+10FFFF");
	}
	if (u >= 0xd800 && u <= 0xdfff) {
		*hint = _("write the character's own code point, not half of a UTF-16 pair");
		return _("is a UTF-16 surrogate, not a character");
	}
	if ((u < 0x20 && u != '\t' && u != '\n' && u != '\r') || (u >= 0x7f && u <= 0x9f)) {
		*hint = _(
		    "remove it: of the control characters only tab, line feed and carriage return "
		    "are text");
		return _("is a control character");
	}
	if ((u & 0xfffe) == 0xfffe || (u >= 0xfdd0 && u <= 0xfdef)) {
		*hint = _("remove it: noncharacters are not text");
		return _("is a noncharacter");
	}
	return NULL;
}

/* The numeric character reference at p ("&#" seen), decoded exactly as GMarkup decodes it:
 * strtoul() in base 10, or 16 after "x", on the text up to ';' — so leading white space, a
 * sign and a "0x" are accepted too, and "&#-18446744073709551589;" is 27. One that stands for
 * no allowed character is an error at its own position; one GMarkup refuses as malformed is
 * left to GMarkup's message. Scans only the characters strtoul could take, so overlapping
 * "&#&#&#..." costs linear time. */
static bool
check_ref(Builder *b, gsize p)
{
	gsize q = p + 2, run;
	bool hex = q < b->len && b->data[q] == 'x';
	g_autofree char *digits = NULL;
	char *end = NULL;
	unsigned long u;
	const char *what, *hint;
	int line, col;

	if (hex)
		q++;
	for (run = q; run < b->len && b->data[run] &&
	              (g_ascii_isxdigit(b->data[run]) || g_ascii_isspace(b->data[run]) ||
	               strchr("+-xX", b->data[run]));
	     run++)
		;
	if (run >= b->len || b->data[run] != ';')
		return true;
	digits = g_strndup(b->data + q, run - q);
	errno = 0;
	u = strtoul(digits, &end, hex ? 16 : 10);
	if (end == digits || errno != 0 || *end)
		return true;
	what = ref_problem(u > 0x110000 ? 0x110000 : (guint32)u, &hint);
	if (!what)
		return true;
	{
		/* the reference as written, cut short if long (leading zeros) */
		g_autofree char *ref =
		    g_strndup(b->data + p, MIN(run + 1 - p, REPORT_CLIP_CHARS + 1));
		position_fwd(b, p, &line, &col);
		if (u > 0x10ffff)
			report_error(b->r, DIAG_INPUT, b->file, line, col, hint,
			             _("character reference %s %s"), report_clip(b->r, ref), what);
		else
			report_error(b->r, DIAG_INPUT, b->file, line, col, hint,
			             _("character reference %s (U+%04lX) %s"),
			             report_clip(b->r, ref), u, what);
	}
	return false;
}

/* Every character reference GMarkup would decode obeys the rules for literal characters:
 * found in the text before parsing, so that the message points at the reference itself.
 * Comments, CDATA sections, processing instructions and declarations hold no references. */
static bool
check_refs(const char *file, const char *data, gsize len, Report *r)
{
	Builder b = {.data = data, .len = len, .at_line = 1, .at_col = 1, .file = file, .r = r};
	bool in_tag = false;
	char quote = 0;
	for (gsize p = 0; p < len; p++) {
		char ch = data[p];
		if (!in_tag && ch == '<') {
			if (text_has_prefix(&b, p, "<!") || text_has_prefix(&b, p, "<?")) {
				p = skip_passthrough(&b, p) - 1;
				continue;
			}
			in_tag = true;
		} else if (in_tag && quote) {
			quote = ch == quote ? 0 : quote;
		} else if (in_tag && (ch == '"' || ch == '\'')) {
			quote = ch;
		} else if (in_tag && ch == '>') {
			in_tag = false;
		}
		if (ch == '&' && p + 1 < len && data[p + 1] == '#' && !check_ref(&b, p))
			return false;
	}
	return true;
}

/* msg after the text of a GMarkup position template (literal text, each %d a run of digits),
 * or NULL when msg does not start with it */
static const char *
after_template(const char *msg, const char *tmpl)
{
	const char *m = msg, *t = tmpl;
	while (*t) {
		if (t[0] == '%' && t[1] == 'd') {
			if (!g_ascii_isdigit(*m))
				return NULL;
			while (g_ascii_isdigit(*m))
				m++;
			t += 2;
		} else if (*m++ != *t++)
			return NULL;
	}
	return m;
}

/* GMarkup's message without its "Error on line N char M: ", which GLib writes in the user's
 * language too (its own catalogue, glib20): the diagnostic has the position */
static const char *
without_position(const char *msg)
{
	const char *const templates[] = {
	    g_dgettext("glib20", "Error on line %d char %d: "),
	    "Error on line %d char %d: ", g_dgettext("glib20", "Error on line %d: "),
	    "Error on line %d: "};
	for (size_t i = 0; i < G_N_ELEMENTS(templates); i++) {
		const char *rest = after_template(msg, templates[i]);
		if (rest)
			return rest;
	}
	return msg;
}

/* GMarkup's message with every quoted part (“...”) cut like report_clip: GMarkup quotes names
 * and entities from the input whole, however long. */
static char *
clip_quoted(const char *msg)
{
	GString *out = g_string_new(NULL);
	const char *p = msg, *open, *close;
	while ((open = strstr(p, "“")) && (close = strstr(open + strlen("“"), "”"))) {
		const char *q = open + strlen("“");
		int n = 0;
		g_string_append_len(out, p, q - p);
		while (q < close && n < REPORT_CLIP_CHARS) {
			q = g_utf8_next_char(q);
			n++;
		}
		g_string_append_len(out, open + strlen("“"), MIN(q, close) - (open + strlen("“")));
		if (q < close)
			g_string_append(out, "…");
		p = close;
	}
	g_string_append(out, p);
	return g_string_free(out, FALSE);
}

Desc *
desc_parse(const char *file, const char *data, gssize len, Report *r)
{
	Builder b = {0};
	GError *err = NULL;
	GMarkupParseContext *ctx;
	Desc *d;

	if (len < 0)
		len = (gssize)strlen(data);
	/* a UTF-8 byte order mark is no part of the text: positions count from after it, as an
	 * editor shows them */
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		len -= 3;
	}
	report_source(r, file, data, (gsize)len, false);
	if (!textfile_check_utf8(file, data, (gsize)len, r) ||
	    !check_refs(file, data, (gsize)len, r))
		return NULL;
	b.data = data;
	b.len = (gsize)len;
	b.mark = (LineMark){1, 0};
	b.at_line = b.at_col = 1;
	b.file = file;
	b.r = r;
	b.stack = g_ptr_array_new();
	ctx = g_markup_parse_context_new(&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &b, NULL);
	if (!g_markup_parse_context_parse(ctx, data, len, &err) ||
	    !g_markup_parse_context_end_parse(ctx, &err)) {
		int line, col;
		g_markup_parse_context_get_position(ctx, &line, &col);
		position_of(data, &b.mark, offset_of(data, (gsize)len, &b.mark, line, col), &line,
		            &col); /* characters */
		if (!b.reported) {
			g_autofree char *msg = clip_quoted(without_position(err->message));
			report_error(
			    r, DIAG_INPUT, file, line, col,
			    _("check that every element is closed and every attribute quoted"),
			    _("malformed XML: %s"), msg);
		}
		g_error_free(err);
		g_markup_parse_context_free(ctx);
		g_ptr_array_free(b.stack, TRUE);
		node_free(b.root);
		return NULL;
	}
	g_markup_parse_context_free(ctx);
	g_ptr_array_free(b.stack, TRUE);
	if (!b.root) {
		report_error(r, DIAG_INPUT, file, 1, 1,
		             _("a page description starts with <edition>, a layout with <layout>"),
		             _("no root element"));
		return NULL;
	}
	d = g_new0(Desc, 1);
	d->file = g_strdup(file);
	d->root = b.root;
	return d;
}

Desc *
desc_load(const char *path, Report *r)
{
	g_autofree char *data = NULL;
	gsize len = 0;
	if (!textfile_read(path, DESC_MAX_BYTES, &data, &len, r))
		return NULL;
	return desc_parse(path, data, (gssize)len, r);
}

Desc *
desc_load_root(const char *path, const char *root, const char *hint, Report *r)
{
	Desc *d = desc_load(path, r);
	if (d && strcmp(d->root->name, root) != 0) {
		report_error(r, DIAG_INPUT, path, d->root->line, d->root->col, hint,
		             _("root element is <%s>"), report_clip(r, d->root->name));
		desc_free(d);
		return NULL;
	}
	return d;
}

bool
desc_check_attrs(const DescNode *n, const char *file, const char *const *known, Report *r)
{
	bool ok = true;
	for (int i = 0; i < n->nattrs; i++) {
		bool found = false;
		for (int k = 0; known[k] && !found; k++)
			found = strcmp(known[k], n->attrs[i].name) == 0;
		if (!found) {
			g_autofree char *list = NULL, *all = NULL, *hint = NULL;
			if (report_keeps(r)) { /* a flood of them is counted, not read */
				list = suggest_list(known);
				all = g_strdup_printf(_("the attributes of <%s> are: %s"), n->name,
				                      list);
				hint = suggest_hint(n->attrs[i].name, known, all);
			}
			report_error(r, DIAG_INPUT, file, n->attrs[i].line, n->attrs[i].col, hint,
			             _("unknown attribute %s on <%s>"),
			             report_clip(r, n->attrs[i].name), report_clip(r, n->name));
			ok = false;
		}
	}
	return ok;
}

const DescAttr *
desc_attr(const DescNode *n, const char *name)
{
	for (int i = 0; i < n->nattrs; i++)
		if (strcmp(n->attrs[i].name, name) == 0)
			return &n->attrs[i];
	return NULL;
}

const char *
desc_get(const DescNode *n, const char *name)
{
	const DescAttr *a = desc_attr(n, name);
	return a ? a->value : NULL;
}

static void
dump_node(const DescNode *n, int depth, GString *out)
{
	g_string_append_printf(out, "%*s%s @%d:%d\n", depth * 2, "", n->name, n->line, n->col);
	for (int i = 0; i < n->nattrs; i++)
		g_string_append_printf(out, "%*s  %s=\"%s\" @%d:%d\n", depth * 2, "",
		                       n->attrs[i].name, n->attrs[i].value, n->attrs[i].line,
		                       n->attrs[i].col);
	if (n->text)
		g_string_append_printf(out, "%*s  text \"%s\"\n", depth * 2, "", n->text);
	for (int i = 0; i < n->nchildren; i++)
		dump_node(n->children[i], depth + 1, out);
}

void
desc_dump(const Desc *d, GString *out)
{
	dump_node(d->root, 0, out);
}
