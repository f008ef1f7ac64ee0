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

struct FlowPar {
	FlowCtx *main;
	GMutex lock;
	GCond cond;
	int batch;        /* the batch handed out last (counts up) */
	int end;          /* the batch's stories end here */
	gint next;        /* the next story to take (atomic) */
	int busy;         /* helpers still composing the batch */
	bool quit;        /* no more batches */
	Flow **flows;     /* per story */
	Report **reports; /* per story */
	int nhelpers;
	struct Worker *workers;
	GThread **threads;
};

/* a helper thread: its own Fonts (NULL when they could not be opened) */
typedef struct Worker {
	FlowPar *sh;
	Fonts *fonts;
} Worker;

static void
compose_taken(FlowPar *sh, Fonts *fonts)
{
	const FlowCtx *mc = sh->main;
	int s;
	while ((s = g_atomic_int_add(&sh->next, 1)) < sh->end) {
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

/* a helper: its Fonts, then each batch as it is handed out, until there are no more */
static gpointer
helper(gpointer data)
{
	Worker *w = data;
	FlowPar *sh = w->sh;
	Report *quiet = report_new(); /* the main Fonts already reported on the configuration */
	int seen = 0;
	w->fonts = fonts_new(sh->main->fonts->conf_file, sh->main->m->layout, quiet);
	report_free(quiet);
	for (;;) {
		g_mutex_lock(&sh->lock);
		while (!sh->quit && sh->batch == seen)
			g_cond_wait(&sh->cond, &sh->lock);
		if (sh->quit && sh->batch == seen) {
			g_mutex_unlock(&sh->lock);
			return NULL;
		}
		seen = sh->batch;
		g_mutex_unlock(&sh->lock);
		if (w->fonts)
			compose_taken(sh, w->fonts);
		g_mutex_lock(&sh->lock);
		sh->busy--;
		g_cond_broadcast(&sh->cond);
		g_mutex_unlock(&sh->lock);
	}
}

/* image i of in (an inset photo's) as an image of out: the same file and page is one image,
 * as when the story is composed into out itself (photo.c) */
static int
merge_image(Flow *out, const Flow *in, int i)
{
	GBytes *data = g_ptr_array_index(in->image_data, i);
	const ImageInfo *info = &g_array_index(in->image_info, ImageInfo, i);
	for (guint k = 0; k < out->image_data->len; k++)
		if (g_ptr_array_index(out->image_data, k) == data &&
		    g_array_index(out->image_info, ImageInfo, k).page == info->page)
			return (int)k;
	g_ptr_array_add(out->images, g_strdup(g_ptr_array_index(in->images, i)));
	g_ptr_array_add(out->image_data, g_bytes_ref(data));
	g_array_append_val(out->image_info, *info);
	return (int)out->image_data->len - 1;
}

/* Append story s's flow to out: paragraphs (moved), lines (shifted), runs, figures, bookmarks,
 * display findings, its diagnostics (its fit is already in place: FlowCtx.fits). */
static void
merge_story(FlowCtx *c, FlowPar *sh, int s)
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
	for (guint i = 0; i < in->figures->len; i++) {
		Figure fig = g_array_index(in->figures, Figure, i);
		if (fig.kind == FIG_IMAGE)
			fig.image = merge_image(out, in, fig.image);
		g_array_append_val(out->figures, fig);
	}
	g_array_append_vals(out->photos, in->photos->data, in->photos->len);
	g_array_append_vals(out->bookmarks, in->bookmarks->data, in->bookmarks->len);
	g_array_set_size(in->bookmarks, 0); /* the titles moved */
	g_array_append_vals(out->findings, in->findings->data, in->findings->len);
	g_array_set_size(in->findings, 0); /* their strings moved */
	out->shape_us += in->shape_us;
	out->break_us += in->break_us;
	report_move(c->r, sh->reports[s]);
}

FlowPar *
flowpar_new(FlowCtx *c, int threads)
{
	int n = c->m->nstories, started = 0;
	FlowPar *sh = g_new0(FlowPar, 1);
	sh->main = c;
	g_mutex_init(&sh->lock);
	g_cond_init(&sh->cond);
	sh->flows = g_new0(Flow *, n + 1);
	sh->reports = g_new0(Report *, n + 1);
	sh->nhelpers = MIN(threads, 8) - 1;
	sh->workers = g_new0(Worker, sh->nhelpers + 1);
	sh->threads = g_new0(GThread *, sh->nhelpers + 1);
	for (int i = 0; i < sh->nhelpers; i++) {
		sh->workers[i].sh = sh;
		sh->threads[i] = g_thread_try_new("huozi-compose", helper, &sh->workers[i], NULL);
		started += sh->threads[i] != NULL;
	}
	if (started == 0) {
		flowpar_free(sh);
		return NULL;
	}
	return sh;
}

void
flowpar_compose(FlowPar *sh, int s0, int s1)
{
	FlowCtx *c = sh->main;
	g_mutex_lock(&sh->lock);
	sh->next = s0;
	sh->end = s1;
	sh->batch++;
	sh->busy = 0;
	for (int i = 0; i < sh->nhelpers; i++)
		sh->busy += sh->threads[i] != NULL;
	g_cond_broadcast(&sh->cond);
	g_mutex_unlock(&sh->lock);
	compose_taken(sh, c->fonts);
	g_mutex_lock(&sh->lock);
	while (sh->busy > 0)
		g_cond_wait(&sh->cond, &sh->lock);
	g_mutex_unlock(&sh->lock);
	for (int s = s0; s < s1; s++) {
		if (!sh->flows[s]) /* not composed (FlowCtx.stories) */
			continue;
		merge_story(c, sh, s);
		g_clear_pointer(&sh->flows[s], flow_free);
		g_clear_pointer(&sh->reports[s], report_free);
	}
}

void
flowpar_free(FlowPar *sh)
{
	if (!sh)
		return;
	g_mutex_lock(&sh->lock);
	sh->quit = true;
	g_cond_broadcast(&sh->cond);
	g_mutex_unlock(&sh->lock);
	for (int i = 0; i < sh->nhelpers; i++)
		if (sh->threads[i])
			g_thread_join(sh->threads[i]);
	/* their fonts are in the merged paragraphs: the helpers' Fonts live as long as the flow */
	for (int i = 0; i < sh->nhelpers; i++)
		if (sh->workers[i].fonts)
			g_ptr_array_add(sh->main->out->helper_fonts, sh->workers[i].fonts);
	g_mutex_clear(&sh->lock);
	g_cond_clear(&sh->cond);
	g_free(sh->flows);
	g_free(sh->reports);
	g_free(sh->workers);
	g_free(sh->threads);
	g_free(sh);
}

bool
flowpar_compose_stories(FlowCtx *c, int threads)
{
	FlowPar *sh = flowpar_new(c, threads);
	if (!sh)
		return false;
	flowpar_compose(sh, 0, c->m->nstories);
	flowpar_free(sh);
	return true;
}
