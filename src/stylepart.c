/* stylepart.c - the parts of elements a layout style sets (the engine's style names), and one
 * style-PART="NAME" attribute: the part it is for and the style of the layout it names. */
#include "stylepart.h"
#include "i18n.h"
#include "suggest.h"
#include <string.h>

#define PREFIX "style-"

static const char *const part_names_of[ST_COUNT] = {
    "rubric",   "kicker",         "headline", "subhead",     "byline", "body", "inner-subhead",
    "label",    "caption",        "credit",   "notice-head", "notice", "ad",   "folio",
    "masthead", "masthead-latin", "jump",     "jump-head",
};

const char *
stylepart_name(StyleId id)
{
	return part_names_of[id];
}

bool
stylepart_is_attr(const char *attr)
{
	return g_str_has_prefix(attr, PREFIX) || strcmp(attr, "style") == 0;
}

/* the names of parts, NULL-terminated; *list: "a, b, c" */
static const char **
part_names(const StyleId *parts, char **list)
{
	int n = 0;
	const char **names;
	while (parts[n] != ST_COUNT)
		n++;
	names = g_new0(const char *, n + 1);
	for (int i = 0; i < n; i++)
		names[i] = stylepart_name(parts[i]);
	*list = suggest_list(names);
	return names;
}

/* style="NAME": the part is missing */
static void
no_part(const DescNode *n, const DescAttr *a, const char *file, const StyleId *parts, Report *r)
{
	g_autofree char *list = NULL;
	g_autofree const char **names = part_names(parts, &list);
	g_autofree char *hint = g_strdup_printf(_("write style-PART=\"%s\" with PART one of: %s"),
	                                        report_clip(r, a->value), list);
	report_error(r, DIAG_INPUT, file, a->line, a->col, hint,
	             _("style= on <%s> does not say which part the style is for"), n->name);
}

/* style-PART= with a PART n does not have */
static void
bad_part(const DescNode *n, const DescAttr *a, const char *part, const char *file,
         const StyleId *parts, Report *r)
{
	g_autofree char *list = NULL, *rest = NULL, *hint = NULL;
	g_autofree const char **names = NULL;
	if (report_keeps(r)) { /* a flood of them is counted, not read */
		names = part_names(parts, &list);
		rest = g_strdup_printf(_("the parts of <%s> are: %s"), n->name, list);
		hint = suggest_hint(part, names, rest);
	}
	report_error(r, DIAG_INPUT, file, a->line, a->col, hint,
	             _("<%s> has no part \"%s\" to style"), n->name, report_clip(r, part));
}

/* style-PART="NAME" with a NAME the layout does not define */
static void
bad_style(const Layout *l, const DescAttr *a, const char *file, Report *r)
{
	g_autofree const char **names = NULL;
	g_autofree char *rest = NULL, *hint = NULL;
	if (report_keeps(r)) { /* a flood of them is counted, not read */
		names = g_new0(const char *, l->nstyles + 1);
		for (int i = 0; i < l->nstyles; i++)
			names[i] = l->styles[i].name;
		rest = g_strdup_printf(_("define it with <style name=\"%s\" .../> in %s"),
		                       report_clip(r, a->value), l->file);
		hint = suggest_hint(a->value, names, rest);
	}
	report_error(r, DIAG_INPUT, file, a->vline, a->vcol, hint,
	             _("unknown style \"%s\" for %s: the layout has no style of that name"),
	             report_clip(r, a->value), a->name);
}

bool
stylepart_read(const Layout *l, const DescNode *n, const DescAttr *a, const char *file,
               const StyleId *parts, StyleSet *out, Report *r)
{
	const char *part = a->name + strlen(PREFIX);
	int k;
	if (strcmp(a->name, "style") == 0) {
		no_part(n, a, file, parts, r);
		return false;
	}
	for (k = 0; parts[k] != ST_COUNT; k++)
		if (strcmp(part, stylepart_name(parts[k])) == 0)
			break;
	if (parts[k] == ST_COUNT) {
		bad_part(n, a, part, file, parts, r);
		return false;
	}
	for (int i = 0; i < l->nstyles; i++)
		if (strcmp(l->styles[i].name, a->value) == 0) {
			out->part[parts[k]] = (short)(i + 1);
			return true;
		}
	bad_style(l, a, file, r);
	return false;
}
