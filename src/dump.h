/* dump.h - the stable text dump of one pipeline stage: desc model layout stack items lines flow
 * dlist. */
#pragma once

#include "pipeline.h"
#include "report.h"
#include <glib.h>
#include <stdbool.h>

/* true for the stages dump_run knows */
bool dump_stage_known(const char *stage);
/* Run the pipeline as far as the stage needs (o's last is ignored) and append its dump to out;
 * nothing is appended when an error stopped it (r says why) or the stage is unknown. */
void dump_run(const char *stage, const char *edition, const PipelineOptions *o, GString *out,
              Report *r);
