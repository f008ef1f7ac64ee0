/* suggest.h - "did you mean": the known name closest to a mistyped one, by edit distance. */
#pragma once

#include <glib.h>

/* The Damerau-Levenshtein distance (optimal string alignment: insertions, deletions,
 * substitutions and transpositions of neighbours, each 1) between a and b, counted in
 * characters (UTF-8), ASCII letters compared without case. Strings longer than
 * SUGGEST_MAX_CHARS characters are not compared: the result is then G_MAXINT. */
int suggest_distance(const char *a, const char *b);

/* The name of `known` (NULL-terminated) closest to `word`, or NULL when none is close enough:
 * at most a third of the longer one's characters apart (at least 1, so "colz" finds "cols"),
 * and never the whole of the shorter one (so "ab" finds nothing in "xy"). Ties go to the first
 * one listed. */
const char *suggest_best(const char *word, const char *const *known);

/* The hint for an unknown name: "did you mean 'cols'? " when one is close, then `rest` (may be
 * NULL). Newly allocated. */
char *suggest_hint(const char *word, const char *const *known, const char *rest);

/* "a, b, c": the names of `known`, for a hint listing them. Newly allocated. */
char *suggest_list(const char *const *known);

#define SUGGEST_MAX_CHARS 64
