/* storystyle.c - which style of the layout sets a part of an element (a story's paragraph of a
 * kind, a caption…): the element's style-PART=, else its rank's, else the layout's own. */
#include "storystyle.h"
#include "length.h"
#include "suggest.h"
#include <string.h>

#define PREFIX "style-"

const Style *
storystyle_get(const Layout *l, const StyleSet *set, StyleId id)
{
	int rank = set && set->rank ? set->rank : l->default_rank;
	if (set && set->part[id])
		return &l->styles[set->part[id] - 1];
	for (int i = 0; i < l->nranks; i++)
		if (l->ranks[i].n == rank && l->ranks[i].set.part[id])
			return &l->styles[l->ranks[i].set.part[id] - 1];
	return layout_style(l, id);
}

const Style *
storystyle_for(const Layout *l, const StyleSet *set, ParaKind k, bool notice)
{
	static const StyleId ids[PARA_KIND_COUNT] = {
	    [PARA_RUBRIC] = ST_RUBRIC,
	    [PARA_KICKER] = ST_KICKER,
	    [PARA_HEADLINE] = ST_HEADLINE,
	    [PARA_SUBHEAD] = ST_SUBHEAD,
	    [PARA_BYLINE] = ST_BYLINE,
	    [PARA_BODY] = ST_BODY,
	    [PARA_INNER_SUBHEAD] = ST_INNER_SUBHEAD,
	    [PARA_LABEL] = ST_LABEL,
	};
	if (notice)
		return storystyle_get(l, set,
		                      k == PARA_HEADLINE || k == PARA_INNER_SUBHEAD ? ST_NOTICE_HEAD
		                                                                    : ST_NOTICE);
	return storystyle_get(l, set, ids[k]);
}

bool
storystyle_owns(const char *attr)
{
	return g_str_has_prefix(attr, PREFIX) || strcmp(attr, "style") == 0 ||
	       strcmp(attr, "rank") == 0;
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
		names[i] = layout_style_name(parts[i]);
	*list = suggest_list(names);
	return names;
}

/* style="NAME": the part is missing */
static void
no_part(const DescNode *n, const DescAttr *a, const char *file, const StyleId *parts, Report *r)
{
	g_autofree char *list = NULL;
	g_autofree const char **names = part_names(parts, &list);
	g_autofree char *hint =
	    g_strdup_printf("write style-PART=\"%s\" with PART one of: %s", a->value, list);
	report_error(r, DIAG_INPUT, file, a->line, a->col, hint,
	             "style= on <%s> does not say which part the style is for", n->name);
}

/* style-PART= with a PART n does not have */
static void
bad_part(const DescNode *n, const DescAttr *a, const char *part, const char *file,
         const StyleId *parts, Report *r)
{
	g_autofree char *list = NULL;
	g_autofree const char **names = part_names(parts, &list);
	g_autofree char *rest = g_strdup_printf("the parts of <%s> are: %s", n->name, list);
	g_autofree char *hint = suggest_hint(part, names, rest);
	report_error(r, DIAG_INPUT, file, a->line, a->col, hint, "<%s> has no part \"%s\" to style",
	             n->name, report_clip(r, part));
}

/* style-PART="NAME" with a NAME the layout does not define */
static void
bad_style(const Layout *l, const DescAttr *a, const char *file, Report *r)
{
	g_autofree const char **names = g_new0(const char *, l->nstyles + 1);
	g_autofree char *rest = NULL, *hint = NULL;
	for (int i = 0; i < l->nstyles; i++)
		names[i] = l->styles[i].name;
	rest = g_strdup_printf("define it with <style name=\"%s\" .../> in %s", a->value, l->file);
	hint = suggest_hint(a->value, names, rest);
	report_error(r, DIAG_INPUT, file, a->vline, a->vcol, hint,
	             "unknown style \"%s\" for %s: the layout has no style of that name",
	             report_clip(r, a->value), a->name);
}

bool
storystyle_read_attr(const Layout *l, const DescNode *n, const DescAttr *a, const char *file,
                     const StyleId *parts, StyleSet *out, Report *r)
{
	const char *part = a->name + strlen(PREFIX);
	int k;
	if (strcmp(a->name, "style") == 0) {
		no_part(n, a, file, parts, r);
		return false;
	}
	for (k = 0; parts[k] != ST_COUNT; k++)
		if (strcmp(part, layout_style_name(parts[k])) == 0)
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

/* the ranks the layout defines, "1, 2, 3" */
static char *
rank_list(const Layout *l)
{
	GString *s = g_string_new(NULL);
	for (int i = 0; i < l->nranks; i++)
		g_string_append_printf(s, "%s%d", i ? ", " : "", l->ranks[i].n);
	return g_string_free(s, FALSE);
}

static bool
read_rank(const Layout *l, const DescAttr *a, const char *file, StyleSet *out, Report *r)
{
	g_autofree char *list = rank_list(l);
	g_autofree char *hint =
	    l->nranks ? g_strdup_printf("the layout %s defines ranks %s", l->file, list)
	              : g_strdup_printf("the layout %s defines no ranks: add <rank> elements to "
	                                "it (docs/layouts.md), or remove rank=",
	                                l->file);
	int n = 0;
	if (!length_parse_int(a->value, 1, LAYOUT_MAX_RANK, &n)) {
		report_error(r, DIAG_INPUT, file, a->vline, a->vcol, hint,
		             "invalid value \"%s\" for rank: a whole number from 1 to %d",
		             report_clip(r, a->value), LAYOUT_MAX_RANK);
		return false;
	}
	for (int i = 0; i < l->nranks; i++)
		if (l->ranks[i].n == n) {
			out->rank = n;
			return true;
		}
	report_error(r, DIAG_INPUT, file, a->vline, a->vcol, hint,
	             "rank=\"%d\" is not a rank of the layout", n);
	return false;
}

bool
storystyle_read(const Layout *l, const DescNode *n, const char *file, const StyleId *parts,
                bool ranked, StyleSet *out, Report *r)
{
	bool ok = true;
	memset(out, 0, sizeof *out);
	for (int i = 0; i < n->nattrs; i++) {
		const DescAttr *a = &n->attrs[i];
		if (strcmp(a->name, "rank") == 0)
			ok =
			    (ranked
			         ? read_rank(l, a, file, out, r)
			         : (report_error(r, DIAG_INPUT, file, a->line, a->col,
			                         "rank= goes on the <story> the element belongs to",
			                         "<%s> takes no rank", n->name),
			            false)) &&
			    ok;
		else if (storystyle_owns(a->name))
			ok = storystyle_read_attr(l, n, a, file, parts, out, r) && ok;
	}
	return ok;
}
