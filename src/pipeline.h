/* pipeline.h - the stages in order: model, fonts, flow, dlist; the only place that knows it. */
#pragma once

#include "dlist.h"
#include "flow.h"
#include "font.h"
#include "model.h"
#include "report.h"

typedef enum { STAGE_MODEL, STAGE_FONTS, STAGE_FLOW, STAGE_DLIST } Stage;

/* wall time per stage in microseconds, for --timings and the benchmark; shape and compose are
 * summed over the composing threads, so with several they may exceed the flow stage's wall
 * time (flow is then what remains of it, at least 0) */
typedef struct {
	gint64 model, fonts, shape, compose, flow, dlist;
} Timings;

typedef struct {
	Model *model;
	Fonts *fonts;
	Flow *flow;
	DList *dlist;
	Timings t;
	bool partial; /* only the pages of PipelineOptions.pages were composed */
} Pipeline;

typedef struct {
	const char *fonts_conf;  /* NULL: fonts_default_conf() */
	const char *layouts_dir; /* NULL: model_layouts_dir() (ModelOptions) */
	Stage last;              /* run the stages up to and including this one */
	bool proof;              /* compose the proof overlay into the display list */
	bool allow_outside;      /* files outside the edition's folder (ModelOptions) */
	bool press;  /* a press run: the PDF ads' preflight reports RGB (ModelOptions) */
	int threads; /* stories composed on this many threads; 0: pipeline_default_threads() */
	/* "1,3-4": compose only these pages' furniture and the stories with a frame on them (all
	 * their frames, a jump's too); NULL, or a selection the render refuses: every page */
	const char *pages;
} PipelineOptions;

/* $HUOZI_THREADS if set (1 composes on one thread), else the number of processors, at most 8 */
int pipeline_default_threads(void);

/* Run the stages. Returns NULL when an input or system error stopped it (the report says
 * why); layout findings (overset, missing glyphs) do not stop it. */
Pipeline *pipeline_run(const char *edition, const PipelineOptions *o, Report *r);
void pipeline_free(Pipeline *p);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Pipeline, pipeline_free)
