/* library.h - the layouts library: a layout named by NAME instead of a path, and its folder. */
#pragma once

#include "report.h"
#include <stdbool.h>

/* true when a layout reference names a layout of the library: not empty, no '/', no .xml */
bool library_is_name(const char *ref);

/* The path of the library's layout `name` in folder dir. When the folder holds no such layout:
 * NULL, and an error at file:line:col naming the folder, the layouts it holds and the closest
 * one, with `own_file` (how a layout file is named instead) in its hint. A folder that cannot be
 * read gives the path anyway: reading it says what is wrong. */
char *library_layout_path(const char *name, const char *dir, const char *file, int line, int col,
                          const char *own_file, Report *r);
