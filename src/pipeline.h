/* pipeline.h - the stages in order: model, fonts, flow, dlist; the only place that knows it. */
#pragma once

#include "dlist.h"
#include "flow.h"
#include "font.h"
#include "model.h"
#include "report.h"

typedef enum { STAGE_MODEL, STAGE_FONTS, STAGE_FLOW, STAGE_DLIST } Stage;

typedef struct {
	Model *model;
	Fonts *fonts;
	Flow *flow;
	DList *dlist;
} Pipeline;

/* Run the stages up to and including `last`. Returns NULL when an input or system error
 * stopped it (the report says why); layout findings (overset, missing glyphs) do not stop it. */
Pipeline *pipeline_run(const char *edition, const char *fonts_conf, Stage last, bool proof,
			Report *r);
void pipeline_free(Pipeline *p);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Pipeline, pipeline_free)
