/* layoutrank.c - a layout's <rank n="1" name="头条" style-headline="…"/>: which head-group
 * styles a story of each importance gets, and the rank of a story without one. */
#include "layoutrank.h"
#include "i18n.h"
#include "length.h"
#include "stylepart.h"
#include "suggest.h"
#include <string.h>

/* the parts a rank styles: the head group */
static const StyleId rank_parts[] = {ST_RUBRIC, ST_KICKER, ST_HEADLINE, ST_SUBHEAD, ST_COUNT};

static bool
read_default(const DescNode *n, const char *file, Layout *l, int rank, Report *r)
{
	const DescAttr *a = desc_attr(n, "default");
	if (!a || strcmp(a->value, "no") == 0)
		return true;
	if (strcmp(a->value, "yes") != 0) {
		report_error(r, DIAG_INPUT, file, a->vline, a->vcol, _("use yes or no"),
		             _("invalid value \"%s\" for %s"), report_clip(r, a->value), "default");
		return false;
	}
	if (l->default_rank) {
		report_error(r, DIAG_INPUT, file, a->line, a->col,
		             _("say default=\"yes\" on one rank only"),
		             _("rank %d is the default already"), l->default_rank);
		return false;
	}
	l->default_rank = rank;
	return true;
}

static bool
unknown_attr(const DescNode *n, const DescAttr *a, const char *file, Report *r)
{
	static const char *const known[] = {"n",
	                                    "name",
	                                    "default",
	                                    "style-rubric",
	                                    "style-kicker",
	                                    "style-headline",
	                                    "style-subhead",
	                                    NULL};
	g_autofree char *list = suggest_list(known);
	g_autofree char *all = g_strdup_printf(_("the attributes of <%s> are: %s"), "rank", list);
	g_autofree char *hint = suggest_hint(a->name, known, all);
	report_error(r, DIAG_INPUT, file, a->line, a->col, hint, _("unknown attribute %s on <%s>"),
	             report_clip(r, a->name), n->name);
	return false;
}

bool
layoutrank_read(const DescNode *n, const char *file, Layout *l, Report *r)
{
	const DescAttr *na = desc_attr(n, "n");
	LayoutRank k = {0};
	bool ok = true;
	for (int i = 0; i < n->nattrs; i++) {
		const DescAttr *a = &n->attrs[i];
		if (stylepart_is_attr(a->name))
			ok = stylepart_read(l, n, a, file, rank_parts, &k.set, r) && ok;
		else if (strcmp(a->name, "n") != 0 && strcmp(a->name, "name") != 0 &&
		         strcmp(a->name, "default") != 0)
			ok = unknown_attr(n, a, file, r);
	}
	if (!na) {
		report_error(r, DIAG_INPUT, file, n->line, n->col,
		             _("e.g. <rank n=\"1\" name=\"头条\" style-headline=\"headline-1\"/>"),
		             _("<%s> needs attribute %s"), "rank", "n");
		return false;
	}
	if (!length_parse_int(na->value, 1, LAYOUT_MAX_RANK, &k.n)) {
		report_error(r, DIAG_INPUT, file, na->vline, na->vcol,
		             _("1 is the most important story (头条)"),
		             _("invalid value \"%s\" for n: a rank from 1 to %d"),
		             report_clip(r, na->value), LAYOUT_MAX_RANK);
		return false;
	}
	for (int i = 0; i < l->nranks; i++)
		if (l->ranks[i].n == k.n) {
			report_error(r, DIAG_INPUT, file, na->vline, na->vcol,
			             _("give each rank its own n"), _("rank %d is defined twice"),
			             k.n);
			return false;
		}
	/* a rank with a bad attribute is kept all the same: its n exists, so a second rank of
	 * that n is reported too, and the layout is refused for it anyway */
	ok = read_default(n, file, l, k.n, r) && ok;
	k.name = g_strdup(desc_get(n, "name") ? desc_get(n, "name") : "");
	l->ranks = g_renew(LayoutRank, l->ranks, l->nranks + 1);
	l->ranks[l->nranks++] = k;
	return ok;
}

void
layoutrank_dump(const Layout *l, GString *out)
{
	for (int i = 0; i < l->nranks; i++) {
		const LayoutRank *k = &l->ranks[i];
		g_string_append_printf(out, "  rank %d \"%s\"%s", k->n, k->name,
		                       k->n == l->default_rank ? " default" : "");
		for (int p = 0; p < ST_COUNT; p++)
			if (k->set.part[p])
				g_string_append_printf(out, " %s=%s", stylepart_name((StyleId)p),
				                       l->styles[k->set.part[p] - 1].name);
		g_string_append_c(out, '\n');
	}
}
