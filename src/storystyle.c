/* storystyle.c - which style of the layout sets a story's paragraph of a kind. */
#include "storystyle.h"

const Style *
storystyle_for(const Layout *l, ParaKind k, bool notice)
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
	if (notice) /* a "## " line starts the next notice of a stack: its heading */
		return layout_style(
		    l, k == PARA_HEADLINE || k == PARA_INNER_SUBHEAD ? ST_NOTICE_HEAD : ST_NOTICE);
	return layout_style(l, ids[k]);
}
