/* stream.c - an edition composed and drawn in page order, a batch of stories at a time, each
 * paragraph freed once the last page that draws it is drawn. */
#include "stream.h"
#include "compose.h"

/* stories composed together (on the threads) before the pages they complete are drawn: enough
 * to keep two threads busy, few enough that their shaped text is small */
#define STREAM_BATCH_STORIES 32

typedef struct {
	const Model *m;
	Composer *k;
	Flow *f;
	FlowIndex *x;
	DList *d;
	GArray *last;   /* int per paragraph: the last page that draws a line of it (-1: none) */
	guint nlines;   /* lines looked at for last */
	int composed;   /* stories composed */
	gint64 draw_us; /* time in dlist_add_page */
} Stream;

/* index what the last batch added; free its paragraphs that no page draws */
static void
take_batch(Stream *st)
{
	guint had = st->last->len;
	int none = -1;
	flow_index_update(st->x, st->f);
	while (st->last->len < st->f->paras->len)
		g_array_append_val(st->last, none);
	for (; st->nlines < st->f->lines->len; st->nlines++) {
		const FlowLine *fl = &g_array_index(st->f->lines, FlowLine, st->nlines);
		int *l = &g_array_index(st->last, int, fl->para);
		*l = MAX(*l, fl->page);
	}
	for (guint i = had; i < st->last->len; i++)
		if (g_array_index(st->last, int, i) < 0)
			flow_drop_para(st->f, (int)i);
}

/* page p cleared and drawn, then the paragraphs it ends freed and its index released */
static void
draw_page(Stream *st, int p)
{
	const GArray *figs = st->x->figs[p], *lines = st->x->lines[p];
	g_autofree bool *skip = g_new0(bool, figs->len + 1);
	gint64 t0;
	compose_page(st->k, p, st->x);
	for (guint i = 0; i < figs->len; i++)
		skip[i] = compose_dropped(st->k, g_array_index(figs, int, i));
	t0 = g_get_monotonic_time();
	dlist_add_page(st->d, st->m, st->f, p, st->x, skip, false);
	st->draw_us += g_get_monotonic_time() - t0;
	for (guint i = 0; i < lines->len; i++) {
		int para = g_array_index(st->f->lines, FlowLine, g_array_index(lines, int, i)).para;
		if (g_array_index(st->last, int, para) == p &&
		    g_ptr_array_index(st->f->paras, para))
			flow_drop_para(st->f, para);
	}
	flow_index_release(st->x, p);
	if (p % 32 == 31)
		flow_trim();
}

DList *
stream_compose(const Model *m, Fonts *f, int threads, const bool *pages, Report *r, Flow **flow,
               gint64 *draw_us)
{
	Stream st = {m, compose_new(m, f, threads, pages, r)};
	int p = 0;
	st.f = compose_flow(st.k);
	st.x = flow_index_new(m->npages);
	st.d = dlist_new(m);
	st.last = g_array_new(FALSE, FALSE, sizeof(int));
	take_batch(&st); /* the furniture */
	while (p < m->npages) {
		int need = compose_page_needs(st.k, p);
		if (st.composed < need) {
			st.composed = MAX(need, st.composed + STREAM_BATCH_STORIES);
			compose_stories(st.k, st.composed);
			take_batch(&st);
		}
		for (; p < m->npages && compose_page_needs(st.k, p) <= st.composed; p++)
			draw_page(&st, p);
	}
	*flow = compose_free(st.k); /* the proof overlay, which this display list does not draw */
	flow_drop_text(*flow);
	dlist_finish(st.d, *flow);
	flow_index_free(st.x);
	g_array_free(st.last, TRUE);
	*draw_us = st.draw_us;
	return st.d;
}
