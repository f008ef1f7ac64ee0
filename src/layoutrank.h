/* layoutrank.h - a layout's <rank> elements: the head-group styles of each rank (layoutrank.c).
 */
#pragma once

#include "desc.h"
#include "layout.h"

/* Read one <rank> of the layout file into l->ranks: after all its styles are read. */
bool layoutrank_read(const DescNode *n, const char *file, Layout *l, Report *r);
void layoutrank_dump(const Layout *l, GString *out);
