/* stack.h - stacks: the children of each <stack> given the depths their content needs and the
 * band's leftover lines, before composition (stack.c). */
#pragma once

#include "font.h"
#include "model.h"
#include "report.h"

/* true when the content fits in `depth` grid lines */
typedef bool (*StackFits)(int depth, void *data);

/* The least depth from 1 to max at which fits() holds, searched from `estimate` (fits() is
 * taken to hold from some depth on): down while one less fits, up while it does not. -1 when
 * not even max fits. */
int stack_depth_search(int estimate, int max, StackFits fits, void *data);

/* Give out `leftover` lines one at a time, round robin over the children i with takes[i], at
 * most max_each to each, adding to extra[i]; returns the lines nobody takes. */
int stack_share(int leftover, const bool *takes, int n, int max_each, int *extra);

/* Every stack of m: each child's need (a story or notice: the least grid lines it fits in,
 * composed alone at its columns with its styles; a photo: its image at the child's width and
 * its caption and credit; an ad: depth=), the band's leftover shared among its stories with a
 * head group, then the children's cells filled in top to bottom (a rule's at-line on the
 * boundary). A band too short is an input error, lines left at its foot a warning. Returns
 * false when an error was reported. */
bool stack_place_edition(Model *m, Fonts *f, Report *r);

/* Stable text: each stack and its children as placed (huozi dump stack). */
void stack_dump(const Model *m, GString *out);
