/* inputs.h - every file an edition reads, for watching them (huozi render --watch). */
#pragma once

#include <glib.h>
#include <stdbool.h>

/* The canonical paths of the edition's inputs, and of the targets of those that are symbolic
 * links, as a set (keys, freed with it). When the edition cannot be loaded: the files known
 * from before (may be NULL) and whatever the page description still names. */
GHashTable *inputs_list(const char *edition, bool allow_outside, GHashTable *known);
