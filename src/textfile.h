/* textfile.h - reading input files safely: size limits, directories, UTF-8 with a location. */
#pragma once

#include "report.h"
#include <glib.h>
#include <stdbool.h>

/* Read a whole regular file of at most max bytes through infile_read (not confined to a
 * folder). Errors (missing, a directory, a FIFO, a device, a socket, unreadable, too large)
 * are DIAG_INPUT reports naming the path; returns false then. data is NUL-terminated. */
bool textfile_read(const char *path, gsize max, char **data, gsize *len, Report *r);
/* the bytes of b as a NUL-terminated string the caller frees; b is consumed */
char *textfile_take(GBytes *b, gsize *len);
/* Check data is UTF-8 without NUL, C0 control characters other than tab, CR and LF, DEL, C1
 * control characters or noncharacters;
 * report the first offender with its line:col. */
bool textfile_check_utf8(const char *file, const char *data, gsize len, Report *r);
/* line and column (1-based, in characters) of a byte offset */
void textfile_position(const char *data, gsize off, int *line, int *col);
