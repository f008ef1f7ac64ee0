/* copyfit.c - the copyfit table: the story set as one module at each span on an empty page of the
 * layout's grid, composed and balanced by the same flow as a real page, and measured; and one
 * element of a page composed alone the same way (copyfit_alone, for stacks). */
#include "copyfit.h"
#include "compose.h"
#include "i18n.h"
#include <string.h>

/* The element e composed alone, as the only element of one page of layout l (file names it
 * in messages); ms is the story or notice it sets, or NULL. What it reports goes to quiet. */
static Flow *
compose_alone(const Layout *l, const char *file, Fonts *f, const ModelStory *ms, const Elem *e,
              Report *quiet)
{
	/* the depth the text needs, not the module the make-up would make of the page's depth:
	 * no flush rules here */
	Layout natural = *l;
	Elem one = *e;
	Page pg = {.folio = "01", .elems = &one, .nelems = 1};
	ModelStory story = ms ? *ms : (ModelStory){0};
	Model m = {.file = (char *)file,
	           .paper = "",
	           .date = "2000-01-01",
	           .year = 2000,
	           .month = 1,
	           .day = 1,
	           .layout = &natural,
	           .pages = &pg,
	           .npages = 1,
	           .stories = &story,
	           .nstories = ms ? 1 : 0};
	natural.flush = (FlushRules){.tolerance = G_MAXINT};
	one.story = ms ? 0 : -1;
	one.inset = false;
	m.measure_text = ms != NULL; /* a photo's captions are page furniture */
	return compose_edition(&m, f, 1, NULL, quiet);
}

static int
lines_at_span(const Layout *l, Fonts *f, const Story *story, int span, Report *r, int *head)
{
	const Grid *g = &l->grid;
	Elem e = {.kind = EL_STORY, .cell = {1, span, 1, g->lines}, .story = 0};
	ModelStory ms = {.id = "fit", .src = story->file, .story = (Story *)story};
	Report *quiet = report_new(); /* missing glyphs etc. are reported once, below */
	Flow *flow = compose_alone(l, story->file, f, &ms, &e, quiet);
	int lines = flow->fits[0].overset_lines > 0 ? -1 : flow->fits[0].depth_lines;
	*head = flow->fits[0].head_lines;
	flow_free(flow);
	for (guint i = 0; span == 1 && i < quiet->diags->len; i++) {
		const Diag *d = g_ptr_array_index(quiet->diags, i);
		if (d->kind == DIAG_GLYPH)
			report_add(r, d->level, d->kind, d->file, d->line, d->col, d->hint, "%s",
			           d->msg);
	}
	report_free(quiet);
	return lines;
}

CopyfitMeasure
copyfit_alone(const Model *m, Fonts *f, const Elem *e, int lines)
{
	CopyfitMeasure c = {0};
	Elem at = *e;
	Report *quiet = report_new(); /* the real composition reports what there is */
	Flow *flow;
	at.cell.l0 = 1;
	at.cell.l1 = lines;
	flow = compose_alone(m->layout, m->file, f, e->story >= 0 ? &m->stories[e->story] : NULL,
	                     &at, quiet);
	if (e->story >= 0) {
		c.fits = flow->fits[0].overset_lines == 0;
		c.depth = flow->fits[0].depth_lines;
		c.head = flow->fits[0].head_lines;
	} else
		c.fits = true;
	for (guint i = 0; i < flow->paras->len; i++) {
		const FlowPara *fp = g_ptr_array_index(flow->paras, i);
		if (fp && fp->kind &&
		    (strcmp(fp->kind, "caption") == 0 || strcmp(fp->kind, "credit") == 0))
			c.caption += fp->lines->n * fp->style->lines;
	}
	flow_free(flow);
	report_free(quiet);
	return c;
}

CopyfitRow *
copyfit_table(const Layout *l, Fonts *f, const Story *story, Report *r, int *nrows)
{
	int n = l->grid.columns;
	CopyfitRow *rows = g_new0(CopyfitRow, n);
	for (int span = 1; span <= n; span++) {
		CopyfitRow *row = &rows[span - 1];
		int lines = lines_at_span(l, f, story, span, r, &row->head_lines);
		row->span = span;
		row->fits = lines >= 0;
		row->lines = lines >= 0 ? lines : l->grid.lines;
	}
	*nrows = n;
	return rows;
}

char *
copyfit_text(const char *shown, const Layout *l, const CopyfitRow *rows, int n)
{
	GString *out = g_string_new(NULL);
	g_string_append_printf(out, _("%s on %s (%d grid lines of %.1f pt per column)\n"), shown,
	                       l->name, l->grid.lines, len_to_pt(l->grid.pitch));
	g_string_append(out, _("span  lines  head\n"));
	for (int i = 0; i < n; i++) {
		if (rows[i].fits)
			g_string_append_printf(out, "%4d  %5d  %4d\n", rows[i].span, rows[i].lines,
			                       rows[i].head_lines);
		else
			g_string_append_printf(out, "%4d  >%4d  %4d\n", rows[i].span, rows[i].lines,
			                       rows[i].head_lines);
	}
	return g_string_free(out, FALSE);
}
