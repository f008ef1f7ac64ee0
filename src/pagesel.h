/* pagesel.h - a page selection (--pages "1,3-4") read into page indexes (pagesel.c). */
#pragma once

#include "report.h"
#include <glib.h>
#include <stdbool.h>

/* Parse a page selection ("1,3-4", positions 1..npages) into page indexes; false (reported)
 * when it is malformed or out of range. */
bool pagesel_parse(const char *spec, int npages, GArray *out, Report *r);

/* The pages a valid selection names, as one flag per page (npages + 1 of them, owned); NULL
 * for no selection, one of every page, or a refused one (the render reports it). */
bool *pagesel_mask(const char *spec, int npages);
