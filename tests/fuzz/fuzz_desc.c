/* fuzz_desc.c - libFuzzer target: the XML reader (desc_parse) on the input bytes as they are,
 * not NUL-terminated (desc_parse takes a length), then the tree dump.
 *
 * An oracle checks the positions desc.h promises, which every error message relies on: each
 * element's line:col (1-based, columns in characters) is where its "<name" starts, elements
 * come in strictly increasing positions in document order, and each attribute's line:col is
 * where its name starts inside its own start tag (or, when not found, the element's). A
 * violation aborts with a message: a crash for libFuzzer and for the fuzz-regress suite.
 * HUOZI_FUZZ_NO_POSITIONS=1 in the environment turns the oracle off, to fuzz the reader's
 * memory safety past a known position bug. */
#include "desc.h"
#include "fuzz_common.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	const char *data;
	size_t len;
	size_t prev; /* offset of the previous element, or (size_t)-1 */
} Check;

/* byte offset of line:col (columns in characters, counted after a UTF-8 byte order mark on the
 * first line, as desc.h promises), or (size_t)-1 if outside the data */
static size_t
offset_at(const char *data, size_t len, int line, int col)
{
	size_t off = len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	if (line < 1 || col < 1)
		return (size_t)-1;
	for (int l = 1; l < line; off++) {
		if (off >= len)
			return (size_t)-1;
		if (data[off] == '\n')
			l++;
	}
	for (int c = 1; c < col; c++) {
		if (off >= len || data[off] == '\n')
			return (size_t)-1;
		off = (size_t)(g_utf8_next_char(data + off) - data);
	}
	return off <= len ? off : (size_t)-1;
}

static G_NORETURN void
fail(const DescNode *n, const char *what, int line, int col)
{
	fprintf(stderr, "fuzz_desc: <%s> @%d:%d: %s @%d:%d\n", n->name, n->line, n->col, what, line,
	        col);
	abort();
}

static bool
starts_with(const Check *c, size_t off, const char *s)
{
	size_t n = strlen(s);
	return off != (size_t)-1 && off + n <= c->len && memcmp(c->data + off, s, n) == 0;
}

static void
check_node(Check *c, const DescNode *n)
{
	g_autofree char *open = g_strconcat("<", n->name, NULL);
	size_t off = offset_at(c->data, c->len, n->line, n->col);

	if (!starts_with(c, off, open))
		fail(n, "the element's position is not at its \"<name\"", n->line, n->col);
	if (c->prev != (size_t)-1 && off <= c->prev)
		fail(n, "the element's position is not after the previous element's", n->line,
		     n->col);
	c->prev = off;
	for (int i = 0; i < n->nattrs; i++) {
		const DescAttr *a = &n->attrs[i];
		size_t ao = offset_at(c->data, c->len, a->line, a->col), nl = strlen(a->name);
		if (ao == off)
			continue; /* not located: the element's position stands in */
		if (!starts_with(c, ao, a->name) || ao <= off ||
		    (ao + nl < c->len && c->data[ao + nl] != '=' &&
		     !g_ascii_isspace(c->data[ao + nl])))
			fail(n, "an attribute's position is not at its name in the tag", a->line,
			     a->col);
	}
	for (int i = 0; i < n->nchildren; i++)
		check_node(c, n->children[i]);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_glib_setup();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	Report *r = report_new();
	Desc *d = desc_parse("fuzz.xml", (const char *)data, (gssize)size, r);

	if (d) {
		Check c = {(const char *)data, size, (size_t)-1};
		GString *out = g_string_new(NULL);
		if (!g_getenv("HUOZI_FUZZ_NO_POSITIONS"))
			check_node(&c, d->root);
		desc_dump(d, out);
		g_string_free(out, TRUE);
		desc_free(d);
	}
	fuzz_report_done(r);
	return 0;
}
