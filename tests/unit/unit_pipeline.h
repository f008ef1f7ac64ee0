/* unit_pipeline.h - for the suites of the composition stages: a golden edition run through the
 * pipeline up to a stage, and lookups in what it composed. Static inline: one suite per unit. */
#pragma once

#include "pipeline.h"
#include "unit.h"

/* tests/golden/NAME.xml run up to `last` (composed on `threads` threads); the report in *r */
static inline Pipeline *
unit_pipeline(const char *name, Stage last, bool proof, int threads, Report **r)
{
	g_autofree char *rel = g_strdup_printf("tests/golden/%s.xml", name);
	g_autofree char *path = unit_source_path(rel);
	g_autofree char *conf = unit_fonts_conf();
	PipelineOptions o = {.fonts_conf = conf, .last = last, .proof = proof, .threads = threads};
	Pipeline *p;
	*r = report_new();
	p = pipeline_run(path, &o, *r);
	ck_assert_msg(p != NULL, "%s: %s", rel, unit_report_text(*r));
	return p;
}

/* the first placed line (not proof) whose text contains `part`, or NULL */
static inline const FlowLine *
unit_find_line(const Flow *f, const char *part)
{
	for (guint i = 0; i < f->lines->len; i++) {
		const FlowLine *l = &g_array_index(f->lines, FlowLine, i);
		g_autofree char *t = flow_line_text(f, l);
		if (!l->proof && strstr(t, part))
			return l;
	}
	return NULL;
}

/* how many figures of a kind page p has (proof overlay excluded) */
static inline int
unit_count_figures(const Flow *f, int p, FigKind kind)
{
	int n = 0;
	for (guint i = 0; i < f->figures->len; i++) {
		const Figure *fg = &g_array_index(f->figures, Figure, i);
		n += fg->page == p && fg->kind == kind && !fg->proof;
	}
	return n;
}
