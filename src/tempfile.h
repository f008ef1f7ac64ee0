/* tempfile.h - output files written beside their target and renamed into place, and removed
 * when the process is interrupted, so no half-written file is ever left where a PDF should be. */
#pragma once

#include "report.h"
#include <stdbool.h>

/* A new empty temporary file next to path ("path.XXXXXX.part"); NULL with a report. */
char *tempfile_beside(const char *path, Report *r);
/* Rename tmp onto path when ok, else remove it; frees tmp. */
bool tempfile_commit(char *tmp, const char *path, bool ok, Report *r);
/* Remove every temporary file still open. Async-signal-safe: for a SIGINT/SIGTERM handler. */
void tempfile_remove_all(void);
