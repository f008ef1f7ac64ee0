/* phrase.h - Phrase: where a word boundary of display text still splits a phrase. */
#pragma once

#include <glib.h>
#include <stdbool.h>

/* text[0, len) is a verb that takes an object in headlines (走进, 开展, 迎): a break after it,
 * before its object, splits the phrase (走进 / 江城). */
bool phrase_verb(const char *text, int len);
/* c ends a date or a span of time after a number (1月15日, 3天, 20时) */
bool phrase_date_unit(gunichar c);
/* c, after a date, makes it a point or span of time and goes with it (1月15日起, 15日前,
 * 3天后, 20时止, 12月以来) */
bool phrase_date_particle(gunichar c);
