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

Flow *
compose_edition(const Model *m, Fonts *f, int threads, const bool *pages, Report *r)
{
	Flow *out = flow_new(m, m->nstories);
	FlowCtx c = {m, &m->layout->grid, f, r, out};
	int *at = g_new0(int, m->nstories + 2);
	g_autofree bool *stories = NULL;
	int nstories = m->nstories;
	FlowFrame *frames;

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
	c.fits = out->fits;
	c.frames = frames;
	c.frames_at = at;
	if (pages) { /* the stories with a frame on a page asked for, with all their frames */
		stories = g_new0(bool, m->nstories + 1);
		nstories = 0;
		for (int s = 0; s < m->nstories; s++) {
			for (int k = at[s]; k < at[s + 1] && !stories[s]; k++)
				stories[s] = pages[frames[k].page];
			nstories += stories[s];
		}
		c.pages = pages;
		c.stories = stories;
	}

	for (int p = 0; p < m->npages && !m->measure_text; p++) {
		if (pages && !pages[p]) {
			furniture_page_images(&c, p); /* the others keep their indexes (/HzAd<n>) */
			continue;
		}
		g_autofree char *t = g_strdup_printf(
		    "第%s版 %s", m->pages[p].folio, m->pages[p].section ? m->pages[p].section : "");
		flowctx_bookmark(&c, p, 0, t, 0);
		furniture_compose_page(&c, p);
	}
	if (threads <= 1 || nstories < COMPOSE_PARALLEL_MIN_STORIES ||
	    !flowpar_compose_stories(&c, threads))
		for (int s = 0; s < m->nstories; s++)
			if (!stories || stories[s])
				module_compose_story(&c, s);
	out->uncovered = g_new0(int, m->npages + 1);
	if (!m->measure_text) {
		clear_edition(m, out, pages, r);
		for (int p = 0; p < m->npages; p++)
			if (!pages || pages[p])
				out->uncovered[p] = uncovered_cells(m, out, p);
		proof_compose(&c);
	}
	g_free(frames);
	g_free(at);
	return out;
}
