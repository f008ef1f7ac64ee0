/* flowpar.c - stories composed on several threads and merged in story order.
 *
 * Pango objects may not be shared between threads, so each helper thread opens its own Fonts
 * from the same configuration. Every story is composed into a Flow of its own, by whichever
 * thread takes it next; the main thread then appends the story flows to the edition's flow in
 * story order, with paragraph indexes shifted. Stories are independent (a jump chain is one
 * story), so the merged flow is the one a single thread composes. A helper's PangoFonts are
 * other objects than the main Fonts' for the same face and size, but cairo keeps one font face
 * per font file and options and one scaled font per face and matrix, so the PDF is the same
 * byte for byte (tests/sample/workflow.py threads); the helpers' Fonts live as long as the
 * flow that holds their fonts. */
#include "flowpar.h"
#include "module.h"

typedef struct {
	FlowCtx *main;
	int nstories;
	gint next;        /* the next story to take (atomic) */
	Flow **flows;     /* per story */
	Report **reports; /* per story */
} Shared;

/* a helper thread: its own Fonts (NULL when they could not be opened) */
typedef struct {
	Shared *sh;
	Fonts *fonts;
} Worker;

static void
compose_taken(Shared *sh, Fonts *fonts)
{
	const FlowCtx *mc = sh->main;
	int s;
	while ((s = g_atomic_int_add(&sh->next, 1)) < sh->nstories) {
		if (mc->stories && !mc->stories[s])
			continue;
		FlowCtx c = {mc->m, mc->g, fonts, sh->reports[s] = report_new(),
		             sh->flows[s] = flow_new(mc->m, 0)};
		c.fits = mc->fits; /* each story writes only its own */
		c.frames = mc->frames;
		c.frames_at = mc->frames_at;
		module_compose_story(&c, s);
	}
}

static gpointer
helper(gpointer data)
{
	Worker *w = data;
	Report *quiet = report_new(); /* the main Fonts already reported on the configuration */
	w->fonts = fonts_new(w->sh->main->fonts->conf_file, w->sh->main->m->layout, quiet);
	report_free(quiet);
	if (w->fonts)
		compose_taken(w->sh, w->fonts);
	return NULL;
}

/* Append story s's flow to out: paragraphs (moved), lines (shifted), runs, figures, bookmarks,
 * display findings, its diagnostics (its fit is already in place: FlowCtx.fits). */
static void
merge_story(FlowCtx *c, Shared *sh, int s)
{
	Flow *out = c->out, *in = sh->flows[s];
	guint off = out->paras->len;

	for (guint i = 0; i < in->paras->len; i++)
		g_ptr_array_add(out->paras, g_ptr_array_index(in->paras, i));
	g_ptr_array_set_free_func(in->paras, NULL);
	for (guint i = 0; i < in->lines->len; i++) {
		FlowLine l = g_array_index(in->lines, FlowLine, i);
		l.para += (int)off;
		g_array_append_val(out->lines, l);
	}
	for (guint i = 0; i < in->runs->len; i++)
		g_ptr_array_add(out->runs, g_ptr_array_index(in->runs, i));
	g_ptr_array_set_free_func(in->runs, NULL);
	g_array_append_vals(out->figures, in->figures->data, in->figures->len);
	g_array_append_vals(out->bookmarks, in->bookmarks->data, in->bookmarks->len);
	g_array_set_size(in->bookmarks, 0); /* the titles moved */
	g_array_append_vals(out->findings, in->findings->data, in->findings->len);
	g_array_set_size(in->findings, 0); /* their strings moved */
	out->shape_us += in->shape_us;
	out->break_us += in->break_us;
	report_move(c->r, sh->reports[s]);
}

bool
flowpar_compose_stories(FlowCtx *c, int threads)
{
	int n = c->m->nstories, nhelpers = MIN(threads, 8) - 1;
	Shared sh = {c, n, 0, g_new0(Flow *, n), g_new0(Report *, n)};
	Worker *workers = g_new0(Worker, nhelpers);
	GThread **th = g_new0(GThread *, nhelpers);
	int started = 0;

	for (int i = 0; i < nhelpers; i++) {
		workers[i].sh = &sh;
		th[i] = g_thread_try_new("huozi-compose", helper, &workers[i], NULL);
		started += th[i] != NULL;
	}
	if (started > 0) {
		compose_taken(&sh, c->fonts);
		for (int i = 0; i < nhelpers; i++)
			if (th[i])
				g_thread_join(th[i]);
		for (int s = 0; s < n; s++) {
			if (!sh.flows[s]) /* not composed (FlowCtx.stories) */
				continue;
			merge_story(c, &sh, s);
			flow_free(sh.flows[s]);
			report_free(sh.reports[s]);
		}
		/* their fonts are in the merged paragraphs: the helpers' Fonts live as long as the
		 * flow */
		for (int i = 0; i < nhelpers; i++)
			if (workers[i].fonts)
				g_ptr_array_add(c->out->helper_fonts, workers[i].fonts);
	}
	g_free(sh.flows);
	g_free(sh.reports);
	g_free(workers);
	g_free(th);
	return started > 0;
}
