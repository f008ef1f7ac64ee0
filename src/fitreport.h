/* fitreport.h - the fit report as JSON: stories, frames, overset, underset, diagnostics. */
#pragma once

#include "flow.h"
#include "model.h"
#include "report.h"

#define FITREPORT_VERSION 4

/* The report as a JSON document (schema docs/fit-report.md, version FITREPORT_VERSION). */
char *fitreport_json(const Model *m, const Flow *f, const Report *r);
/* Write it to path (a temporary file the caller commits; outset.h), with fsync; a failure is
 * reported naming `shown`, the output as the user named it. */
bool fitreport_write(const Model *m, const Flow *f, Report *r, const char *path, const char *shown);
