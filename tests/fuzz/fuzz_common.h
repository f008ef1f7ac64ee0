/* fuzz_common.h - helpers shared by the fuzz targets (libFuzzer) and the regression driver:
 * a private temporary folder removed at exit, writing files into it, the fonts conf, and the
 * diagnostics of a run formatted the way the command line would print them. */
#pragma once

#include "report.h"
#include <glib.h>
#include <stddef.h>
#include <stdint.h>

/* The libFuzzer entry points every target defines (tests/fuzz/fuzz_*.c). */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A private folder under $TMPDIR, made once, removed with its files at exit. Aborts on error. */
const char *fuzz_tmpdir(void);
/* Write size bytes to NAME inside fuzz_tmpdir(); returns the full path (static storage per
 * name is not needed: the caller frees it). Aborts on error: a harness fault, not a finding. */
char *fuzz_write(const char *name, const void *data, size_t size);
/* $HUOZI_FONTS_CONF, or SOURCE_ROOT/fonts/fonts.conf. */
const char *fuzz_fonts_conf(void);
/* Format (as the CLI does) and drop every diagnostic, then free the report. */
void fuzz_report_done(Report *r);
/* Make GLib criticals fatal: a g_return_if_fail() tripped by some input is a bug. */
void fuzz_glib_setup(void);
