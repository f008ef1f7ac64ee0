/* segment.h - Segment: the word boundaries of a UTF-8 text (ICU's dictionary word break). */
#pragma once

#include <glib.h>
#include <stdbool.h>

/* Word boundaries of text[0, len) as byte offsets, ascending, 0 and len included; *n is set to
 * their number. Chinese words come from ICU's dictionary (UBRK_WORD, locale "zh"): the same
 * text gives the same boundaries for one ICU version. Returns NULL (and *n = 0) when ICU cannot
 * segment the text (invalid UTF-8 is replaced by ICU, so only a missing data file does that);
 * the caller then treats every character boundary as a word boundary. */
int *segment_words(const char *text, int len, int *n);
/* The version of the ICU library segment_words uses, e.g. "72.1". */
const char *segment_icu_version(void);
