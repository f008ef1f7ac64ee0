/* dump.c - the stable text dump of one pipeline stage (huozi dump, hz_dump). */
#include "dump.h"
#include "pipeline.h"
#include "stack.h"
#include <string.h>

/* every paragraph, body and display text, in composition order: for lines the page furniture
 * too (running head, masthead, captions, text ads, jump lines), not the proof overlay */
static void
dump_paras(const Flow *f, bool items, GString *out)
{
	for (guint i = 0; i < f->paras->len; i++) {
		const FlowPara *fp = g_ptr_array_index(f->paras, i);
		int *st, *ln;
		if (!fp->kind || strcmp(fp->kind, "proof") == 0 || (items && fp->story < 0))
			continue; /* the proof overlay; furniture's shaping is of no interest */
		g_string_append_printf(
		    out, "para %u kind=%s style=%s story=%d para=%d pairs=%d spaced=%d", i,
		    fp->kind ? fp->kind : "-", fp->style->name, fp->story, fp->para, fp->npairs,
		    fp->nspaced);
		if (fp->sized)
			g_string_append_printf(out, " size=%.2f", len_to_pt(fp->sized->size));
		if (fp->squeezed)
			g_string_append_printf(out, " squeezed tracking=%d scale=%d",
			                       fp->squeezed->tracking_milli,
			                       fp->items->xscale / 10);
		g_string_append_c(out, '\n');
		if (items) {
			items_dump(fp->items, out);
			continue;
		}
		st = g_new(int, fp->items->n + 1);
		ln = g_new(int, fp->items->n + 1);
		for (int k = 0; k < fp->items->n; k++) {
			st[k] = fp->items->cl[k].start;
			ln[k] = fp->items->cl[k].len;
		}
		lines_dump(fp->lines, fp->items->text, st, ln, out);
		g_free(st);
		g_free(ln);
	}
}

static Stage
stage_of(const char *name, bool *ok)
{
	static const struct {
		const char *name;
		Stage stage;
	} stages[] = {{"model", STAGE_MODEL}, {"layout", STAGE_MODEL}, {"stack", STAGE_FONTS},
	              {"items", STAGE_FLOW},  {"lines", STAGE_FLOW},   {"flow", STAGE_FLOW},
	              {"dlist", STAGE_DLIST}};
	for (size_t i = 0; i < G_N_ELEMENTS(stages); i++)
		if (strcmp(name, stages[i].name) == 0) {
			*ok = true;
			return stages[i].stage;
		}
	*ok = false;
	return STAGE_MODEL;
}

bool
dump_stage_known(const char *stage)
{
	bool known = false;
	(void)stage_of(stage, &known);
	return known || strcmp(stage, "desc") == 0;
}

void
dump_run(const char *stage, const char *edition, const PipelineOptions *base, GString *out,
         Report *r)
{
	g_autoptr(Pipeline) p = NULL;
	bool known = false;
	Stage last = stage_of(stage, &known);
	PipelineOptions o = *base;

	o.last = last;
	if (strcmp(stage, "desc") == 0) {
		g_autoptr(Desc) d = desc_load(edition, r);
		if (d)
			desc_dump(d, out);
	} else if (known && (p = pipeline_run(edition, &o, r))) {
		if (strcmp(stage, "model") == 0)
			model_dump(p->model, out);
		else if (strcmp(stage, "layout") == 0)
			layout_dump(p->model->layout, out);
		else if (strcmp(stage, "stack") == 0)
			stack_dump(p->model, out);
		else if (strcmp(stage, "items") == 0 || strcmp(stage, "lines") == 0)
			dump_paras(p->flow, strcmp(stage, "items") == 0, out);
		else if (strcmp(stage, "flow") == 0)
			flow_dump(p->flow, p->model, out);
		else
			dlist_dump(p->dlist, out);
	}
}
