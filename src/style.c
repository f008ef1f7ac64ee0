/* style.c - reading named paragraph styles from <style> elements, with inheritance. */
#include "style.h"
#include "i18n.h"
#include "length.h"
#include "suggest.h"
#include <stdio.h>
#include <string.h>

static const char *const role_names[ROLE_COUNT] = {"song", "hei", "kai", "fangsong"};

const char *
style_role_name(FontRole role)
{
	return role_names[role];
}

static const Style style_defaults = {
    .role = ROLE_SONG,
    .size = 9 * LEN_PER_PT,
    .lines = 1,
    .align = ALIGN_JUSTIFY,
    .punct = PUNCT_QUANSHEN,
    .kinsoku = KINSOKU_STRICT,
    .cjk_latin = true,
    .digit_space = false,
    .normalize = true,
    .min_scale = 100,
};

/* index of value in a NULL-terminated list, or -1 */
static int
pick(const char *value, const char *const *names)
{
	for (int i = 0; names[i]; i++)
		if (strcmp(value, names[i]) == 0)
			return i;
	return -1;
}

static bool
bad_value(Report *r, const char *file, const DescAttr *a, const char *expected)
{
	report_error(r, DIAG_INPUT, file, a->vline, a->vcol, expected,
	             _("invalid value \"%s\" for style attribute %s"), report_clip(r, a->value),
	             a->name);
	return false;
}

/* a value that is none of the names: the closest one offered first */
static bool
bad_choice(Report *r, const char *file, const DescAttr *a, const char *const *names,
           const char *expected)
{
	g_autofree char *hint = suggest_hint(a->value, names, expected);
	return bad_value(r, file, a, hint);
}

/* a number of grid lines from 0 to 40 ("1", "0.5", "0.25") in 1/1000 grid line */
static bool
grid_lines_milli(const char *v, int *out)
{
	double d;
	if (!length_parse_number(v, 0, 40, &d))
		return false;
	*out = (int)(d * 1000 + 0.5);
	return true;
}

/* the attributes of <style> */
static const char *const style_attrs[] = {
    "name",      "parent",       "font",        "weight",          "size",
    "lines",     "leading",      "align",       "indent",          "hanging-indent",
    "tracking",  "space-before", "space-after", "punct",           "kinsoku",
    "cjk-latin", "digit-space",  "normalize",   "break-at-spaces", "keep-words",
    "max-lines", "min-scale",    "hang",        "color",           "max-size",
    NULL};

/* a length attribute from 1 pt to 400 pt (a size name such as 小五 too) into *out */
static bool
read_length(const DescAttr *a, const char *file, Report *r, const char *hint, Len *out)
{
	Len l;
	if (!length_parse(a->value, &l) || l < LEN_PER_PT || l > 400 * LEN_PER_PT)
		return bad_value(r, file, a, hint);
	*out = l;
	return true;
}

static bool
read_attr(const DescAttr *a, const char *file, Style *s, Report *r)
{
	static const char *const roles[] = {"song", "hei", "kai", "fangsong", NULL};
	static const char *const weights[] = {"regular", "bold", NULL};
	static const char *const aligns[] = {"justify", "left", "center", "right", NULL};
	static const char *const puncts[] = {"quanshen", "kaiming", "banshen", "plain", NULL};
	static const char *const levels[] = {"none", "basic", "strict", NULL};
	static const char *const yesno[] = {"no", "yes", NULL};
	const char *n = a->name, *v = a->value;
	double d;
	int i;

	if (strcmp(n, "name") == 0 || strcmp(n, "parent") == 0)
		return true;
	if (strcmp(n, "font") == 0)
		return (i = pick(v, roles)) >= 0
		           ? (s->role = (FontRole)i, true)
		           : bad_choice(r, file, a, roles, _("use song, hei, kai or fangsong"));
	if (strcmp(n, "weight") == 0)
		return (i = pick(v, weights)) >= 0
		           ? (s->bold = i, true)
		           : bad_choice(r, file, a, weights, _("use regular or bold"));
	if (strcmp(n, "size") == 0)
		return read_length(a, file, r, _("a size from 1pt to 400pt, e.g. 9pt or 小五"),
		                   &s->size);
	if (strcmp(n, "max-size") == 0)
		return read_length(a, file, r, _("a size from 1pt to 400pt, e.g. 72pt or 初号"),
		                   &s->max_size);
	if (strcmp(n, "lines") == 0)
		return length_parse_int(v, 1, 40, &s->lines) ||
		       bad_value(r, file, a, _("a whole number of grid lines from 1 to 40"));
	if (strcmp(n, "leading") == 0)
		return read_length(a, file, r, _("a length from 1pt to 400pt, e.g. 10pt"),
		                   &s->leading);
	if (strcmp(n, "align") == 0)
		return (i = pick(v, aligns)) >= 0
		           ? (s->align = (Align)i, true)
		           : bad_choice(r, file, a, aligns,
		                        _("use justify, left, center or right"));
	if (strcmp(n, "indent") == 0) {
		if (!length_parse_number(v, 0, 20, &d))
			return bad_value(r, file, a, _("an indent in em from 0 to 20, e.g. 2"));
		s->indent_milli = (int)(d * 1000 + 0.5);
		return true;
	}
	if (strcmp(n, "hanging-indent") == 0) {
		if (!length_parse_number(v, 0, 20, &d))
			return bad_value(r, file, a, _("an indent in em from 0 to 20, e.g. 2"));
		s->hang_indent_milli = (int)(d * 1000 + 0.5);
		return true;
	}
	if (strcmp(n, "tracking") == 0) {
		if (!length_parse_number(v, -0.5, 2, &d))
			return bad_value(r, file, a, _("tracking in em from -0.5 to 2, e.g. 0.05"));
		s->tracking_milli = (int)(d * 1000 + (d < 0 ? -0.5 : 0.5));
		return true;
	}
	if (strcmp(n, "space-before") == 0)
		return grid_lines_milli(v, &s->space_before_milli) ||
		       bad_value(r, file, a,
		                 _("a number of grid lines from 0 to 40, e.g. 1 or 0.5"));
	if (strcmp(n, "space-after") == 0)
		return grid_lines_milli(v, &s->space_after_milli) ||
		       bad_value(r, file, a,
		                 _("a number of grid lines from 0 to 40, e.g. 1 or 0.5"));
	if (strcmp(n, "punct") == 0)
		return (i = pick(v, puncts)) >= 0
		           ? (s->punct = (PunctStyle)i, true)
		           : bad_choice(r, file, a, puncts,
		                        _("use quanshen, kaiming, banshen or plain"));
	if (strcmp(n, "kinsoku") == 0)
		return (i = pick(v, levels)) >= 0
		           ? (s->kinsoku = (KinsokuLevel)i, true)
		           : bad_choice(r, file, a, levels, _("use none, basic or strict"));
	if (strcmp(n, "cjk-latin") == 0)
		return (i = pick(v, yesno)) >= 0
		           ? (s->cjk_latin = i, true)
		           : bad_choice(r, file, a, yesno, _("use yes or no"));
	if (strcmp(n, "digit-space") == 0)
		return (i = pick(v, yesno)) >= 0
		           ? (s->digit_space = i, true)
		           : bad_choice(r, file, a, yesno, _("use yes or no"));
	if (strcmp(n, "normalize") == 0)
		return (i = pick(v, yesno)) >= 0
		           ? (s->normalize = i, true)
		           : bad_choice(r, file, a, yesno, _("use yes or no"));
	if (strcmp(n, "break-at-spaces") == 0)
		return (i = pick(v, yesno)) >= 0
		           ? (s->space_breaks = i, true)
		           : bad_choice(r, file, a, yesno, _("use yes or no"));
	if (strcmp(n, "keep-words") == 0)
		return (i = pick(v, yesno)) >= 0
		           ? (s->keep_words = i, true)
		           : bad_choice(r, file, a, yesno, _("use yes or no"));
	if (strcmp(n, "max-lines") == 0)
		return length_parse_int(v, 1, 20, &s->max_lines) ||
		       bad_value(r, file, a, _("a number of lines from 1 to 20"));
	if (strcmp(n, "min-scale") == 0)
		return length_parse_int(v, 50, 100, &s->min_scale) ||
		       bad_value(r, file, a, _("a horizontal scale in percent from 50 to 100"));
	if (strcmp(n, "hang") == 0)
		return (i = pick(v, yesno)) >= 0
		           ? (s->hang = i, true)
		           : bad_choice(r, file, a, yesno, _("use yes or no"));
	if (strcmp(n, "color") == 0)
		return style_parse_color(v, &s->color) ||
		       bad_value(r, file, a, _("a colour as #rrggbb"));
	{
		g_autofree char *list = suggest_list(style_attrs);
		g_autofree char *all =
		    g_strdup_printf(_("the attributes of <style> are: %s"), list);
		g_autofree char *hint = suggest_hint(n, style_attrs, all);
		report_error(r, DIAG_INPUT, file, a->line, a->col, hint,
		             _("unknown style attribute %s"), report_clip(r, n));
	}
	return false;
}

bool
style_parse_color(const char *v, uint32_t *out)
{
	uint32_t rgb = 0;
	if (strlen(v) != 7 || v[0] != '#')
		return false;
	for (int i = 1; i < 7; i++) {
		if (!g_ascii_isxdigit(v[i]))
			return false;
		rgb = rgb << 4 | (uint32_t)g_ascii_xdigit_value(v[i]);
	}
	*out = rgb;
	return true;
}

bool
style_read(const DescNode *n, const char *file, const Style *parent, Len body_size, Style *out,
           Report *r)
{
	bool ok = true;
	*out = parent ? *parent : style_defaults;
	if (!parent)
		out->size = body_size;
	out->name = g_strdup(desc_get(n, "name"));
	for (int i = 0; i < n->nattrs; i++)
		ok = read_attr(&n->attrs[i], file, out, r) && ok;
	style_resize(out, out->size);
	return ok;
}

void
style_resize(Style *s, Len size)
{
	s->size = size;
	s->indent = len_em(size, s->indent_milli, 1000);
	s->hang_indent = len_em(size, s->hang_indent_milli, 1000);
	s->tracking = len_em(size, s->tracking_milli, 1000);
}

void
style_done(Style *s)
{
	g_free(s->name);
	s->name = NULL;
}

/* 1/1000 grid lines as "1", "0.5", "0.25" (no locale, no trailing zeros) */
static void
dump_milli(GString *out, int milli)
{
	char frac[8];
	int n;
	g_string_append_printf(out, "%d", milli / 1000);
	if (milli % 1000 == 0)
		return;
	n = g_snprintf(frac, sizeof frac, "%03d", milli % 1000);
	while (n > 0 && frac[n - 1] == '0')
		frac[--n] = 0;
	g_string_append_printf(out, ".%s", frac);
}

void
style_dump(const Style *s, GString *out)
{
	static const char *const aligns[] = {"justify", "left", "center", "right"};
	static const char *const puncts[] = {"quanshen", "kaiming", "banshen", "plain"};
	static const char *const levels[] = {"none", "basic", "strict"};
	g_string_append_printf(out,
	                       "style %s font=%s%s size=%.2fpt lines=%d leading=%.2fpt align=%s "
	                       "indent=%.2fpt",
	                       s->name, role_names[s->role], s->bold ? "-bold" : "",
	                       len_to_pt(s->size), s->lines, len_to_pt(s->leading),
	                       aligns[s->align], len_to_pt(s->indent));
	if (s->hang_indent)
		g_string_append_printf(out, " hanging-indent=%.2fpt", len_to_pt(s->hang_indent));
	g_string_append(out, " space=");
	dump_milli(out, s->space_before_milli);
	g_string_append(out, "/");
	dump_milli(out, s->space_after_milli);
	g_string_append_printf(
	    out,
	    " tracking=%.2fpt punct=%s kinsoku=%s cjk-latin=%d digit-space=%d normalize=%d hang=%d "
	    "break-at-spaces=%d",
	    len_to_pt(s->tracking), puncts[s->punct], levels[s->kinsoku], s->cjk_latin,
	    s->digit_space, s->normalize, s->hang, s->space_breaks);
	if (s->keep_words)
		g_string_append(out, " keep-words=1");
	if (s->max_size)
		g_string_append_printf(out, " max-size=%.2fpt", len_to_pt(s->max_size));
	g_string_append_printf(out, " max-lines=%d min-scale=%d color=#%06x\n", s->max_lines,
	                       s->min_scale, s->color);
}
