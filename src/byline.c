/* byline.c - bylines: the parts that name a role, and continuation lines set on the names. */
#include "byline.h"

bool
byline_ends_role(gunichar c)
{
	return c == 0x8005 /* 者 */ || c == 0x5458 /* 员 */ || c == 0x751F /* 生 */ ||
	       c == 0x8BAF /* 讯 */ || c == 0x5F71 /* 影 */;
}

/* the first cluster of line ln's first name, after the role that opens it; -1: no role opens
 * the line (or nothing follows it) */
static int
name_after_role(const Items *it, const Line *ln)
{
	int s = ln->start;
	while (s < ln->end && it->cl[s].cls != KC_SPACE)
		s++;
	if (s == ln->start || s + 1 >= ln->end || !byline_ends_role(it->cl[s - 1].ch))
		return -1;
	return s + 1;
}

void
byline_align_names(const Items *it, Lines *l, Len measure)
{
	int first = l->n >= 2 ? name_after_role(it, &l->lines[0]) : -1;
	Len names = first >= 0 ? l->x[first] : 0;
	for (int i = 1; first >= 0 && i < l->n; i++) {
		Line *ln = &l->lines[i];
		int name = name_after_role(it, ln);
		Len indent = names - (name >= 0 ? l->x[name] - l->x[ln->start] : 0);
		if (indent <= 0 || l->x[ln->start] + indent + ln->width > measure)
			continue;
		for (int c = ln->start; c < ln->end; c++)
			l->x[c] += indent;
		ln->inset = indent;
	}
}
