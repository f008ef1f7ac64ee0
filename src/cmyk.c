/* cmyk.c - rewrite a PDF content stream's RGB colour operators into DeviceCMYK (see cmyk.h). */
#include "cmyk.h"
#include <math.h>
#include <string.h>

#define NEUTRAL_EPS (0.5 / 255) /* r, g, b equal within one 8-bit step: a grey */

void
cmyk_from_rgb(double r, double g, double b, double cmyk[4])
{
	double max = MAX(r, MAX(g, b)), k = 1 - max;
	if (fabs(r - g) < NEUTRAL_EPS && fabs(g - b) < NEUTRAL_EPS) {
		cmyk[0] = cmyk[1] = cmyk[2] = 0;
		cmyk[3] = CLAMP(1 - r, 0, 1);
		return;
	}
	cmyk[3] = CLAMP(k, 0, 1);
	cmyk[0] = CLAMP((max - r) / max, 0, 1); /* max > 0: a colour that is not black */
	cmyk[1] = CLAMP((max - g) / max, 0, 1);
	cmyk[2] = CLAMP((max - b) / max, 0, 1);
}

/* PDF's white-space and delimiter characters (ISO 32000-1, 7.2.2) */
static bool
is_space(char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static bool
is_delim(char c)
{
	return strchr("()<>[]{}/%", c) != NULL && c != '\0';
}

/* an operand's extent, and its value when it is a plain number */
typedef struct {
	gsize start, end;
	bool number;
	double value;
} Operand;

static bool
parse_number(const char *s, gsize n, double *v)
{
	char buf[64];
	char *end;
	if (n == 0 || n >= sizeof buf)
		return false;
	memcpy(buf, s, n);
	buf[n] = '\0';
	if (!strchr("+-.0123456789", buf[0]))
		return false;
	*v = g_ascii_strtod(buf, &end);
	return *end == '\0' && isfinite(*v);
}

/* the end of the literal string that opens at p: balanced parentheses, backslash escapes */
static gsize
skip_literal(const char *d, gsize len, gsize p)
{
	int depth = 0;
	for (; p < len; p++) {
		if (d[p] == '\\')
			p++;
		else if (d[p] == '(')
			depth++;
		else if (d[p] == ')' && --depth == 0)
			return p + 1;
	}
	return len;
}

/* the end of an inline image's data after its ID operator: up to white space, "EI" and white
 * space (or the end) */
static gsize
skip_inline_image(const char *d, gsize len, gsize p)
{
	for (p = p + 1; p + 2 <= len; p++)
		if (is_space(d[p - 1]) && d[p] == 'E' && d[p + 1] == 'I' &&
		    (p + 2 == len || is_space(d[p + 2])))
			return p + 2;
	return len;
}

static void
append_number(GString *out, double v)
{
	char buf[G_ASCII_DTOSTR_BUF_SIZE];
	g_ascii_formatd(buf, sizeof buf, "%.4f", v);
	/* 0.2500 -> 0.25, 1.0000 -> 1 */
	for (char *e = buf + strlen(buf) - 1; strchr(buf, '.') && (*e == '0' || *e == '.'); e--) {
		bool dot = *e == '.';
		*e = '\0';
		if (dot)
			break;
	}
	g_string_append(out, buf);
}

static void
naive(double r, double g, double b, double cmyk[4], const void *data)
{
	(void)data;
	cmyk_from_rgb(r, g, b, cmyk);
}

static void
append_cmyk(GString *out, const Operand *ops, bool stroke, CmykConvert convert,
            const void *convert_data)
{
	double cmyk[4];
	convert(ops[0].value, ops[1].value, ops[2].value, cmyk, convert_data);
	for (int i = 0; i < 4; i++) {
		append_number(out, cmyk[i]);
		g_string_append_c(out, ' ');
	}
	g_string_append(out, stroke ? "K" : "k");
}

/* the operands of the operator being read: the last three, and how many in all */
typedef struct {
	Operand last[3];
	int n;
} Operands;

static void
push_operand(Operands *o, gsize start, gsize end, bool number, double value)
{
	if (o->n >= 3)
		memmove(o->last, o->last + 1, 2 * sizeof *o->last);
	o->last[MIN(o->n, 2)] = (Operand){start, end, number, value};
	o->n++;
}

static bool
is_keyword(const char *s, gsize n, const char *kw)
{
	return n == strlen(kw) && memcmp(s, kw, n) == 0;
}

GString *
cmyk_rewrite_content(const char *d, gsize len, int *changed)
{
	return cmyk_rewrite_content_with(d, len, naive, NULL, changed);
}

GString *
cmyk_rewrite_content_with(const char *d, gsize len, CmykConvert convert, const void *convert_data,
                          int *changed)
{
	GString *out = g_string_sized_new(len + len / 16);
	Operands ops = {0};
	int depth = 0;    /* nesting in [ ] and << >>: what is inside is one operand */
	gsize copied = 0; /* d[0, copied) is in out */
	gsize p = 0;

	*changed = 0;
	while (p < len) {
		gsize start = p, n;
		char c = d[p];
		double v = 0;
		bool number;

		if (is_space(c)) {
			p++;
			continue;
		}
		if (c == '%') {
			while (p < len && d[p] != '\n' && d[p] != '\r')
				p++;
			continue;
		}
		if (c == '[' || c == '{' || (c == '<' && p + 1 < len && d[p + 1] == '<')) {
			p += c == '<' ? 2 : 1;
			depth++;
			continue;
		}
		if (c == ']' || c == '}' || (c == '>' && p + 1 < len && d[p + 1] == '>')) {
			p += c == '>' ? 2 : 1;
			depth = MAX(depth - 1, 0);
			if (depth == 0)
				push_operand(&ops, start, p, false, 0);
			continue;
		}
		if (c == '(' || c == '<' || c == '/' || c == ')' || c == '>') {
			if (c == '(')
				p = skip_literal(d, len, p);
			else if (c == '<') {
				const char *gt = memchr(d + p, '>', len - p);
				p = gt ? (gsize)(gt - d) + 1 : len;
			} else if (c == '/')
				for (p++; p < len && !is_space(d[p]) && !is_delim(d[p]); p++)
					;
			else
				p++; /* a stray delimiter, copied as it is */
			if (depth == 0)
				push_operand(&ops, start, p, false, 0);
			continue;
		}
		for (; p < len && !is_space(d[p]) && !is_delim(d[p]); p++)
			;
		if (depth > 0)
			continue;
		n = p - start;
		number = parse_number(d + start, n, &v);
		if (number || is_keyword(d + start, n, "true") ||
		    is_keyword(d + start, n, "false") || is_keyword(d + start, n, "null")) {
			push_operand(&ops, start, p, number, v);
			continue;
		}
		/* an operator */
		if ((is_keyword(d + start, n, "rg") || is_keyword(d + start, n, "RG")) &&
		    ops.n == 3 && ops.last[0].number && ops.last[1].number && ops.last[2].number) {
			g_string_append_len(out, d + copied, (gssize)(ops.last[0].start - copied));
			append_cmyk(out, ops.last, c == 'R', convert, convert_data);
			copied = p;
			(*changed)++;
		}
		if (is_keyword(d + start, n, "ID"))
			p = skip_inline_image(d, len, p);
		ops.n = 0;
	}
	g_string_append_len(out, d + copied, (gssize)(len - copied));
	return out;
}
