/* pipeline.c - running the stages in order and freeing their results in reverse. */
#include "pipeline.h"
#include "compose.h"
#include "pagesel.h"
#include "stack.h"
#include "stream.h"
#include <stdlib.h>

void
pipeline_free(Pipeline *p)
{
	if (!p)
		return;
	dlist_free(p->dlist);
	flow_free(p->flow);
	fonts_free(p->fonts);
	model_free(p->model);
	g_free(p);
}

static gint64
lap(gint64 *t)
{
	gint64 now = g_get_monotonic_time(), d = now - *t;
	*t = now;
	return d;
}

int
pipeline_default_threads(void)
{
	const char *env = g_getenv("HUOZI_THREADS");
	int n = env ? atoi(env) : (int)g_get_num_processors();
	return CLAMP(n, 1, 8);
}

/* the flow stage's time split into shaping, breaking and the rest */
static void
stage_times(Pipeline *p, gint64 flow_us)
{
	p->t.shape = p->flow->shape_us;
	p->t.compose = p->flow->break_us;
	p->t.flow = MAX(flow_us - p->t.shape - p->t.compose, 0);
}

Pipeline *
pipeline_run(const char *edition, const PipelineOptions *o, Report *r)
{
	g_autoptr(Pipeline) p = g_new0(Pipeline, 1);
	ModelOptions mo = {
	    .allow_outside = o->allow_outside, .layouts_dir = o->layouts_dir, .press = o->press};
	gint64 t = g_get_monotonic_time();
	g_autofree bool *pages = NULL;
	int threads;

	if (!(p->model = model_load_with(edition, &mo, r)))
		return NULL;
	p->t.model = lap(&t);
	if (o->last == STAGE_MODEL)
		return g_steal_pointer(&p);
	if (!(p->fonts = fonts_new(o->fonts_conf ? o->fonts_conf : fonts_default_conf(),
	                           p->model->layout, r)))
		return NULL;
	p->t.fonts = lap(&t);
	/* the children of stacks get their lines before anything is placed; their composition
	 * alone counts in the flow stage's time */
	if (!stack_place_edition(p->model, p->fonts, r))
		return NULL;
	if (o->last == STAGE_FONTS)
		return g_steal_pointer(&p);
	pages = pagesel_mask(o->pages, p->model->npages);
	p->partial = pages != NULL;
	threads = o->threads > 0 ? o->threads : pipeline_default_threads();
	if (o->last == STAGE_DLIST && !o->proof && !p->model->measure_text) {
		/* pages drawn as their stories are composed: the edition's shaped text is never
		 * held whole (the proof overlay, composed last, needs the whole flow) */
		gint64 draw_us = 0;
		p->dlist =
		    stream_compose(p->model, p->fonts, threads, pages, r, &p->flow, &draw_us);
		stage_times(p, lap(&t) - draw_us);
		p->t.dlist = draw_us;
		return g_steal_pointer(&p);
	}
	p->flow = compose_edition(p->model, p->fonts, threads, pages, r);
	stage_times(p, lap(&t));
	if (o->last == STAGE_FLOW)
		return g_steal_pointer(&p);
	p->dlist = dlist_compose_dropping(p->model, p->flow, o->proof);
	flow_drop_text(p->flow); /* nothing after the display list reads them */
	p->t.dlist = lap(&t);
	return g_steal_pointer(&p);
}
