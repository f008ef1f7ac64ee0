/* stack.c - stacks: the children of each <stack> given the depths their content needs and the
 * band's leftover lines, before composition.
 *
 * A story's or notice's need is the least number of grid lines it fits in without overset,
 * found with the real composer (copyfit_alone): once at the page's depth, whose balanced depth
 * is the estimate, then checked at that depth and the one above it (two more compositions, a
 * few milliseconds each). A photo without depth= needs its image at the child's width (under
 * the caption, or beside it) cut down to whole grid lines (photoplan.c, as its module then sets
 * it), plus its caption and credit lines and the line between. The band's leftover goes one line at
 * a time to the stories with a head group, round robin, so that the flush rules set it into their
 * head groups. A rule over a story whose text starts at its top (no head group across it, no box)
 * takes a grid line of its own: the leading between two lines of text has no
 * room for a rule and its clearance on both sides. */
#include "stack.h"
#include "copyfit.h"
#include "i18n.h"
#include "photoplan.h"

int
stack_depth_search(int estimate, int max, StackFits fits, void *data)
{
	int d = CLAMP(estimate, 1, max);
	while (d > 1 && fits(d - 1, data))
		d--;
	while (d <= max && !fits(d, data))
		d++;
	return d <= max ? d : -1;
}

int
stack_share(int leftover, const bool *takes, int n, int max_each, int *extra)
{
	bool given = true;
	for (int round = 0; round < max_each && leftover > 0 && given; round++) {
		given = false;
		for (int i = 0; i < n && leftover > 0; i++)
			if (takes[i]) {
				extra[i]++;
				leftover--;
				given = true;
			}
	}
	return leftover;
}

typedef struct {
	const Model *m;
	Fonts *f;
	const Elem *e;
} Probe;

static bool
probe_fits(int depth, void *data)
{
	const Probe *p = data;
	return copyfit_alone(p->m, p->f, p->e, depth).fits;
}

/* a photo with no depth=: the image at full width (or beside its caption), cut to whole grid
 * lines as in its module (photoplan.c), then its caption */
static int
photo_need(const Model *m, Fonts *f, const Elem *e)
{
	const Grid *g = &m->layout->grid;
	bool beside = e->caption_right && e->cell.c1 > e->cell.c0;
	Len w = grid_span_width(g, e->cell.c0, e->cell.c1);
	bool texts = (e->caption && *e->caption) || (e->credit && *e->credit);
	int caption = texts ? copyfit_alone(m, f, e, g->lines).caption : 0;
	PhotoPlanInput in = {g->pitch,
	                     beside ? w - grid_col_width(g) - g->gutter : w,
	                     g->lines + caption + 1,
	                     e->image.width,
	                     e->image.height,
	                     false,
	                     beside,
	                     caption};
	return photoplan_group(&in).group_lines;
}

/* the need of child e, or -1 (reported) when it does not fit the page even alone; *head: it
 * is a story with a head group */
static int
child_need(Model *m, Fonts *f, const Elem *e, bool *head, Report *r)
{
	const Grid *g = &m->layout->grid;
	*head = false;
	switch (e->kind) {
	case EL_AD:
		return e->depth;
	case EL_PHOTO:
		return e->depth ? e->depth : photo_need(m, f, e);
	case EL_STORY:
	case EL_NOTICE: {
		Elem balanced = *e;
		Probe p = {m, f, e};
		CopyfitMeasure c;
		int need;
		balanced.no_balance = false; /* the estimate: the least depth of level columns */
		c = copyfit_alone(m, f, &balanced, g->lines);
		*head = e->kind == EL_STORY && c.head > 0;
		need = c.fits ? stack_depth_search(c.depth, g->lines, probe_fits, &p) : -1;
		if (need < 0)
			report_error(
			    r, DIAG_INPUT, m->file, e->line, e->col,
			    _("give it more columns, or place it outside the stack"),
			    _("the <%s> does not fit in the page's %d grid lines even alone"),
			    model_elem_name(e->kind), g->lines);
		return need;
	}
	default:
		return 0;
	}
}

/* the child's first line is text, at its top: a rule above it needs a grid line of its own (a
 * box, and every notice's, keeps its text clear of its edge, which stands for the rule) */
static bool
starts_with_text(const Elem *e, bool head)
{
	return e->kind == EL_STORY && !e->box && (e->vertical_head || !head);
}

static bool
place_stack(Model *m, Fonts *f, Page *pg, Stack *st, Report *r)
{
	Elem *kids = &pg->elems[st->first];
	bool *takes = g_new0(bool, st->n), ok = true;
	int band = st->cell.l1 - st->cell.l0 + 1, needed = 0, top = st->cell.l0;
	for (int i = 0; i < st->n; i++) {
		kids[i].need = child_need(m, f, &kids[i], &takes[i], r);
		kids[i].extra = 0;
		kids[i].own_line = false;
		ok = ok && kids[i].need >= 0;
		needed += MAX(kids[i].need, 0);
	}
	for (int i = 0; i + 1 < st->n; i++)
		if (kids[i].kind == EL_RULE && kids[i + 1].kind != EL_RULE &&
		    starts_with_text(&kids[i + 1], takes[i + 1])) {
			kids[i].own_line = true;
			kids[i].need = 1;
			needed++;
		}
	if (ok && needed > band) {
		GString *hint =
		    g_string_new(_("give the stack more grid lines, or move a child out "
		                   "of it; the children need:"));
		for (int i = 0, n = 0; i < st->n; i++)
			if (kids[i].kind != EL_RULE) {
				g_string_append(hint, n++ ? _("; ") : " ");
				g_string_append_printf(hint, _("<%s> at line %d: %d"),
				                       model_elem_name(kids[i].kind), kids[i].line,
				                       kids[i].need);
			}
		report_error(r, DIAG_INPUT, m->file, st->line, st->col, hint->str,
		             _("the <stack> cols=\"%d-%d\" lines=\"%d-%d\" is %d grid lines short: "
		               "its children need %d, it has %d"),
		             st->cell.c0, st->cell.c1, st->cell.l0, st->cell.l1, needed - band,
		             needed, band);
		g_string_free(hint, TRUE);
		ok = false;
	}
	if (ok) {
		int *extra = g_new0(int, st->n);
		/* each story's head group may take what the layout's flush rules let it grow by */
		st->leftover =
		    stack_share(band - needed, takes, st->n, m->layout->flush.head_max, extra);
		for (int i = 0; i < st->n; i++) {
			Elem *e = &kids[i];
			e->extra = extra[i];
			if (e->kind == EL_RULE &&
			    e->own_line) { /* through the middle of its line */
				e->at = e->cell.l0 = e->cell.l1 = top++;
				continue;
			}
			if (e->kind == EL_RULE) {
				e->at =
				    top - 1; /* under the line above it: between its neighbours */
				continue;
			}
			e->cell.l0 = top;
			e->cell.l1 = top + e->need + e->extra - 1;
			top = e->cell.l1 + 1;
		}
		g_free(extra);
		if (st->leftover > 0)
			report_warning(
			    r, DIAG_LAYOUT, m->file, st->line, st->col,
			    _("add a story, a photo or an ad to the stack, or give it fewer lines"),
			    _("the <stack> cols=\"%d-%d\" lines=\"%d-%d\" leaves grid lines empty "
			      "at its foot: %d"),
			    st->cell.c0, st->cell.c1, st->cell.l0, st->cell.l1, st->leftover);
	}
	g_free(takes);
	return ok;
}

bool
stack_place_edition(Model *m, Fonts *f, Report *r)
{
	bool ok = true;
	for (int p = 0; p < m->npages; p++)
		for (int s = 0; s < m->pages[p].nstacks; s++)
			ok = place_stack(m, f, &m->pages[p], &m->pages[p].stacks[s], r) && ok;
	return ok;
}

void
stack_dump(const Model *m, GString *out)
{
	for (int p = 0; p < m->npages; p++) {
		const Page *pg = &m->pages[p];
		for (int s = 0; s < pg->nstacks; s++) {
			const Stack *st = &pg->stacks[s];
			g_string_append_printf(
			    out, "page %s stack @%d cols=%d-%d lines=%d-%d leftover=%d\n",
			    pg->folio, st->line, st->cell.c0, st->cell.c1, st->cell.l0, st->cell.l1,
			    st->leftover);
			for (int i = st->first; i < st->first + st->n; i++) {
				const Elem *e = &pg->elems[i];
				g_string_append_printf(out, "  %s @%d", model_elem_name(e->kind),
				                       e->line);
				if (e->kind == EL_RULE) {
					g_string_append_printf(out, " %s=%d\n",
					                       e->own_line ? "line" : "at-line",
					                       e->at);
					continue;
				}
				if (e->story >= 0 && m->stories[e->story].id)
					g_string_append_printf(out, " id=%s",
					                       m->stories[e->story].id);
				g_string_append_printf(
				    out, " cols=%d-%d lines=%d-%d need=%d extra=%d\n", e->cell.c0,
				    e->cell.c1, e->cell.l0, e->cell.l1, e->need, e->extra);
			}
		}
	}
}
