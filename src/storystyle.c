/* storystyle.c - which style of the layout sets a part of an element (a story's paragraph of a
 * kind, a caption…): the element's style-PART=, else its rank's, else the layout's own. */
#include "storystyle.h"
#include "i18n.h"
#include "length.h"
#include "stylepart.h"
#include <string.h>

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
	return stylepart_is_attr(attr) || strcmp(attr, "rank") == 0;
}

/* the ranks the layout defines, "1 (头条), 2 (要闻)" */
static char *
rank_list(const Layout *l)
{
	GString *s = g_string_new(NULL);
	for (int i = 0; i < l->nranks; i++)
		g_string_append_printf(s, *l->ranks[i].name ? "%s%d (%s)" : "%s%d%s", i ? ", " : "",
		                       l->ranks[i].n, l->ranks[i].name);
	return g_string_free(s, FALSE);
}

static bool
read_rank(const Layout *l, const DescAttr *a, const char *file, StyleSet *out, Report *r)
{
	g_autofree char *list = rank_list(l);
	g_autofree char *hint =
	    l->nranks ? g_strdup_printf(_("the layout %s defines ranks %s"), l->file, list)
	              : g_strdup_printf(_("the layout %s defines no ranks: add <rank> elements to "
	                                  "it (docs/layouts.md), or remove rank="),
	                                l->file);
	int n = 0;
	if (!length_parse_int(a->value, 1, LAYOUT_MAX_RANK, &n)) {
		report_error(r, DIAG_INPUT, file, a->vline, a->vcol, hint,
		             _("invalid value \"%s\" for rank: a whole number from 1 to %d"),
		             report_clip(r, a->value), LAYOUT_MAX_RANK);
		return false;
	}
	for (int i = 0; i < l->nranks; i++)
		if (l->ranks[i].n == n) {
			out->rank = n;
			return true;
		}
	report_error(r, DIAG_INPUT, file, a->vline, a->vcol, hint,
	             _("rank=\"%d\" is not a rank of the layout"), n);
	return false;
}

/* rank= on an element other than a story */
static bool
no_rank(const DescNode *n, const DescAttr *a, const char *file, Report *r)
{
	report_error(r, DIAG_INPUT, file, a->line, a->col,
	             _("rank= picks the head group of a <story>: only a story takes one"),
	             _("<%s> takes no rank"), n->name);
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
			    (ranked ? read_rank(l, a, file, out, r) : no_rank(n, a, file, r)) && ok;
		else if (storystyle_owns(a->name))
			ok = stylepart_read(l, n, a, file, parts, out, r) && ok;
	}
	return ok;
}
