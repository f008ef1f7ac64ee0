/* pipeline.c - running the stages in order and freeing their results in reverse. */
#include "pipeline.h"
#include "compose.h"
#include "i18n.h"
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

/* A broken image found on the thread: the plain load reports it where it is named. Should that
 * load pass (the file was replaced meanwhile), the run still stops: what was composed is not
 * what the files hold now. */
static Pipeline *
reload_reporting(const char *edition, ModelOptions *mo, Report *r)
{
	Model *m;
	mo->defer_image_checks = false;
	m = model_load_with(edition, mo, r);
	if (m) {
		model_free(m);
		report_error(r, DIAG_INPUT, edition, 0, 0,
		             _("run huozi again once the files are saved"),
		             _("an image changed while the edition was being read"));
	}
	return NULL;
}

/* the flow stage's time split into shaping, breaking and the rest */
static void
stage_times(Pipeline *p, gint64 flow_us)
{
	p->t.shape = p->flow->shape_us;
	p->t.compose = p->flow->break_us;
	p->t.flow = MAX(flow_us - p->t.shape - p->t.compose, 0);
}

static ModelOptions
model_options(const PipelineOptions *o)
{
	return (ModelOptions){.allow_outside = o->allow_outside,
	                      .layouts_dir = o->layouts_dir,
	                      .press = o->press,
	                      .defer_image_checks = true};
}

/* The stages after the model, into p; false when one failed. */
static bool
run_stages(Pipeline *p, const PipelineOptions *o, gint64 t, Report *r)
{
	g_autofree bool *pages = NULL;
	int threads;

	if (o->last == STAGE_MODEL)
		return true;
	if (!(p->fonts = fonts_new(o->fonts_conf ? o->fonts_conf : fonts_default_conf(),
	                           p->model->layout, r)))
		return false;
	p->t.fonts = lap(&t);
	/* the children of stacks get their lines before anything is placed; their composition
	 * alone counts in the flow stage's time */
	if (!stack_place_edition(p->model, p->fonts, r))
		return false;
	if (o->last == STAGE_FONTS)
		return true;
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
		return true;
	}
	p->flow = compose_edition(p->model, p->fonts, threads, pages, r);
	stage_times(p, lap(&t));
	if (o->last == STAGE_FLOW)
		return true;
	p->dlist = dlist_compose_dropping(p->model, p->flow, o->proof);
	flow_drop_text(p->flow); /* nothing after the display list reads them */
	p->t.dlist = lap(&t);
	return true;
}

/* The model is loaded with its images' decode checks on a thread beside the later stages
 * (model.h), and what those stages report is held back until the images passed: when one did
 * not, the edition is loaded again the plain way, which reports the broken image in its place
 * and stops there, as a load always did. The checks' wait counts in the model's time. */
Pipeline *
pipeline_run(const char *edition, const PipelineOptions *o, Report *r)
{
	g_autoptr(Pipeline) p = g_new0(Pipeline, 1);
	g_autoptr(Report) later = report_new();
	ModelOptions mo = model_options(o);
	gint64 t = g_get_monotonic_time(), wait;
	bool ok;

	if (!(p->model = model_load_with(edition, &mo, r)))
		return NULL;
	p->t.model = lap(&t);
	ok = run_stages(p, o, t, later);
	wait = g_get_monotonic_time();
	if (!model_images_passed(p->model)) {
		g_clear_pointer(&p, pipeline_free);
		return reload_reporting(edition, &mo, r);
	}
	p->t.model += g_get_monotonic_time() - wait;
	report_move(r, later);
	return ok ? g_steal_pointer(&p) : NULL;
}
