/* pipeline.h - the stages in order: model, fonts, flow, dlist; the only place that knows it. */
#pragma once

#include "dlist.h"
#include "flow.h"
#include "font.h"
#include "model.h"
#include "report.h"

typedef enum { STAGE_MODEL, STAGE_FONTS, STAGE_FLOW, STAGE_DLIST } Stage;

/* wall time per stage in microseconds, for --timings and the benchmark */
typedef struct {
	gint64 model, fonts, shape, compose, flow, dlist;
} Timings;

typedef struct {
	Model *model;
	Fonts *fonts;
	Flow *flow;
	DList *dlist;
	Timings t;
} Pipeline;

typedef struct {
	const char *fonts_conf; /* NULL: fonts_default_conf() */
	Stage last;             /* run the stages up to and including this one */
	bool proof;             /* compose the proof overlay into the display list */
	bool allow_outside;     /* files outside the edition's folder (ModelOptions) */
} PipelineOptions;

/* Run the stages. Returns NULL when an input or system error stopped it (the report says
 * why); layout findings (overset, missing glyphs) do not stop it. */
Pipeline *pipeline_run(const char *edition, const PipelineOptions *o, Report *r);
void pipeline_free(Pipeline *p);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Pipeline, pipeline_free)
