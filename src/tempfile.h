/* tempfile.h - output files written beside their target and renamed into place, and removed
 * when the process is interrupted, so no half-written file is ever left where a PDF should be. */
#pragma once

#include "report.h"
#include <stdbool.h>
#include <stddef.h>

/* A new empty temporary file next to path ("path.XXXXXX.part"); NULL with a report naming
 * `shown` (the output as the user named it; path when NULL). */
char *tempfile_beside(const char *path, const char *shown, Report *r);
/* A new empty temporary folder inside dir (".huozi-XXXXXX.part"); NULL with a report. */
char *tempfile_folder(const char *dir, const char *shown, Report *r);
/* Rename tmp onto path when ok, else remove it; frees tmp. */
bool tempfile_commit(char *tmp, const char *path, bool ok, Report *r);
/* Remove a temporary file or folder (with what is in it) and stop listing it; frees tmp. */
void tempfile_discard(char *tmp);
/* Stop listing a temporary file that has been renamed into place; frees tmp. */
void tempfile_forget(char *tmp);

/* Writing a temporary file with every error caught: open (created if need be: a file in a
 * temporary folder), write all, fsync and close. The
 * first failure's errno is kept in *err (0 while all is well); later calls do nothing. */
int tempfile_open(const char *tmp, int *err);
void tempfile_write(int fd, const void *data, size_t len, int *err);
void tempfile_close(int fd, int *err);
/* A hint for a failed write with this errno: how to fix it. */
const char *tempfile_hint(int err);

/* Interrupts: SIGINT, SIGTERM and SIGHUP are handled by a thread of their own, which removes
 * every temporary file and folder still listed and ends the process by the same signal. Call
 * first in main, before any other thread exists. */
void tempfile_catch_signals(void);
/* Commits: an interrupt that comes between begin and end takes effect after end, so it leaves
 * either the old set of outputs or the new one. */
void tempfile_commit_begin(void);
void tempfile_commit_end(void);
/* Remove every temporary file and folder still listed. Async-signal-safe. */
void tempfile_remove_all(void);
