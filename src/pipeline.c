/* pipeline.c - running the stages in order and freeing their results in reverse. */
#include "pipeline.h"

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

Pipeline *
pipeline_run(const char *edition, const PipelineOptions *o, Report *r)
{
	g_autoptr(Pipeline) p = g_new0(Pipeline, 1);
	ModelOptions mo = {.allow_outside = o->allow_outside};

	if (!(p->model = model_load_with(edition, &mo, r)))
		return NULL;
	if (o->last == STAGE_MODEL)
		return g_steal_pointer(&p);
	if (!(p->fonts = fonts_new(o->fonts_conf ? o->fonts_conf : fonts_default_conf(),
				   p->model->layout, r)))
		return NULL;
	if (o->last == STAGE_FONTS)
		return g_steal_pointer(&p);
	p->flow = flow_compose(p->model, p->fonts, r);
	if (o->last == STAGE_FLOW)
		return g_steal_pointer(&p);
	p->dlist = dlist_compose(p->model, p->flow, o->proof);
	return g_steal_pointer(&p);
}
