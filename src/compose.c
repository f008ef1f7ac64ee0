/* compose.c - the composition of a whole edition: which stage runs in which order (page
 * furniture, then every story through its modules, on threads, then the proof overlay). */
#include "compose.h"
#include "clear.h"
#include "flowctx.h"
#include "flowpar.h"
#include "furniture.h"
#include "module.h"
#include "proof.h"

/* fewer stories than this are composed on one thread: a second one costs its fonts */
#define COMPOSE_PARALLEL_MIN_STORIES 8

/* grid cells of a page that no module covers (a rule under a line does not count, one on a line
 * of its own does; a head group wider than its module covers the cells it spans) */
static bool
covers(const Flow *f, const Elem *e, int col, int line)
{
	const Cell *c = &e->cell;
	if (e->kind == EL_RULE && !e->own_line)
		return false;
	if (col >= c->c0 && col <= c->c1 && line >= c->l0 && line <= c->l1)
		return true;
	return e->head_c0 && e->story >= 0 && col >= e->head_c0 && col <= e->head_c1 &&
	       line >= c->l0 && line < c->l0 + f->fits[e->story].head_lines;
}

static int
uncovered_cells(const Model *m, const Flow *f, int p)
{
	const Grid *g = &m->layout->grid;
	const Page *pg = &m->pages[p];
	int empty = 0;
	for (int col = 1; col <= g->columns; col++)
		for (int line = 1; line <= g->lines; line++) {
			bool covered = false;
			for (int i = 0; i < pg->nelems && !covered; i++)
				covered = covers(f, &pg->elems[i], col, line);
			empty += !covered;
		}
	return empty;
}

struct Composer {
	const Model *m;
	Flow *out;
	FlowCtx c;
	int *at; /* story s: frames[at[s] .. at[s + 1]) */
	FlowFrame *frames;
	bool *stories; /* per story: composed (--pages); NULL: all */
	const bool *pages;
	int nstories; /* how many stories are composed */
	int threads;
	FlowPar *par; /* the helper threads, from the first batch on; NULL: one thread */
	bool serial;  /* one thread: too few stories, or the helpers could not start */
	Clear *clear; /* the clearances, page by page; NULL until the first */
};

Composer *
compose_new(const Model *m, Fonts *f, int threads, const bool *pages, Report *r)
{
	Composer *k = g_new0(Composer, 1);
	int *at = g_new0(int, m->nstories + 2);
	FlowFrame *frames;
	int nstories = m->nstories;

	k->m = m;
	k->out = flow_new(m, m->nstories);
	k->c = (FlowCtx){m, &m->layout->grid, f, r, k->out};
	k->pages = pages;
	/* each story's frames, found once: looking for them story by story costs stories x
	 * elements, 10^10 steps for an edition of 100,000 one-line stories */
	for (int p = 0; p < m->npages; p++)
		for (int i = 0; i < m->pages[p].nelems; i++)
			if (m->pages[p].elems[i].story >= 0)
				at[m->pages[p].elems[i].story + 2]++;
	for (int s = 0; s < m->nstories; s++)
		at[s + 2] += at[s + 1];
	frames = g_new0(FlowFrame, at[m->nstories + 1] + 1);
	for (int p = 0; p < m->npages; p++)
		for (int i = 0; i < m->pages[p].nelems; i++)
			if (m->pages[p].elems[i].story >= 0)
				frames[at[m->pages[p].elems[i].story + 1]++] = (FlowFrame){p, i};
	k->at = at;
	k->frames = frames;
	k->c.fits = k->out->fits;
	k->c.frames = frames;
	k->c.frames_at = at;
	if (pages) { /* the stories with a frame on a page asked for, with all their frames */
		k->stories = g_new0(bool, m->nstories + 1);
		nstories = 0;
		for (int s = 0; s < m->nstories; s++) {
			for (int i = at[s]; i < at[s + 1] && !k->stories[s]; i++)
				k->stories[s] = pages[frames[i].page];
			nstories += k->stories[s];
		}
		k->c.pages = pages;
		k->c.stories = k->stories;
	}
	k->threads = threads;
	k->serial = threads <= 1 || nstories < COMPOSE_PARALLEL_MIN_STORIES;

	for (int p = 0; p < m->npages && !m->measure_text; p++) {
		if (pages && !pages[p]) {
			furniture_page_images(&k->c,
			                      p); /* the others keep their indexes (/HzAd<n>) */
			continue;
		}
		g_autofree char *t = g_strdup_printf(
		    "第%s版 %s", m->pages[p].folio, m->pages[p].section ? m->pages[p].section : "");
		flowctx_bookmark(&k->c, p, 0, t, 0);
		furniture_compose_page(&k->c, p);
	}
	k->out->uncovered = g_new0(int, m->npages + 1);
	return k;
}

Flow *
compose_flow(Composer *k)
{
	return k->out;
}

void
compose_stories(Composer *k, int upto)
{
	int s0 = k->nstories;
	upto = MIN(upto, k->m->nstories);
	if (upto <= s0)
		return;
	if (!k->serial && !k->par) {
		k->par = flowpar_new(&k->c, k->threads);
		k->serial = !k->par;
	}
	if (k->par)
		flowpar_compose(k->par, s0, upto);
	else
		for (int s = s0; s < upto; s++)
			if (!k->stories || k->stories[s])
				module_compose_story(&k->c, s);
	k->nstories = upto;
}

int
compose_page_needs(const Composer *k, int p)
{
	int need = 0;
	for (int i = 0; i < k->m->pages[p].nelems; i++)
		need = MAX(need, k->m->pages[p].elems[i].story + 1);
	return need;
}

void
compose_page(Composer *k, int p, const FlowIndex *x)
{
	if (k->m->measure_text || (k->pages && !k->pages[p]))
		return;
	if (!k->clear)
		k->clear = clear_new(k->m, k->out, k->pages, k->c.r);
	clear_page_of(k->clear, p, x);
	k->out->uncovered[p] = uncovered_cells(k->m, k->out, p);
}

bool
compose_dropped(const Composer *k, int fig)
{
	return k->clear && clear_dropped(k->clear, fig);
}

Flow *
compose_free(Composer *k)
{
	Flow *out = k->out;
	compose_stories(k, k->m->nstories);
	flowpar_free(k->par);
	if (!k->m->measure_text) {
		if (k->clear)
			clear_end(k->clear);
		proof_compose(&k->c);
	}
	g_free(k->frames);
	g_free(k->at);
	g_free(k->stories);
	g_free(k);
	return out;
}

Flow *
compose_edition(const Model *m, Fonts *f, int threads, const bool *pages, Report *r)
{
	Composer *k = compose_new(m, f, threads, pages, r);
	g_autoptr(FlowIndex) x = flow_index_new(m->npages);
	compose_stories(k, m->nstories);
	flow_index_update(x, k->out);
	for (int p = 0; p < m->npages; p++)
		compose_page(k, p, x);
	return compose_free(k);
}
