/* kinsoku.h - CJK character classes and their line-breaking and spacing properties (clreq/jlreq).
 */
#pragma once

#include "style.h"
#include <glib.h>
#include <stdbool.h>

typedef enum {
	KC_IDEO,     /* Han ideographs, fullwidth letters, other CJK symbols */
	KC_KANA,     /* kana (small kana are KC_SMALL) */
	KC_SMALL,    /* small kana, prolonged sound mark, iteration marks: strict no-start */
	KC_OPEN,     /* opening brackets and quotes: （《「『【〈“‘〔［｛ */
	KC_CLOSE,    /* closing brackets and quotes: ）》」』】〉”’〕］｝ */
	KC_PAUSE,    /* 、， */
	KC_STOP,     /* 。． */
	KC_COLON,    /* ：； */
	KC_EXCL,     /* ！？ */
	KC_MIDDOT,   /* ·・ */
	KC_DASH,     /* — (a pair is ——) */
	KC_ELLIPSIS, /* … (a pair is ……) */
	KC_CONNECT,  /* ～〜－‐‑–/／: never start a line */
	KC_LATIN,    /* Latin letters and the marks inside Latin words */
	KC_DIGIT,    /* 0-9 */
	KC_NUMSIGN,  /* . , : % + - inside numbers and codes */
	KC_SPACE,    /* U+0020 and other breaking spaces */
	KC_OTHER,
	KC_COUNT
} KClass;

KClass kinsoku_class(gunichar c);
const char *kinsoku_class_name(KClass k);
/* a full-width punctuation mark whose blank half may be compressed */
bool kinsoku_is_cjk_punct(KClass k);
/* may not start a line at this level */
bool kinsoku_no_start(KClass k, KinsokuLevel level);
/* may not end a line at this level */
bool kinsoku_no_end(KClass k, KinsokuLevel level);
/* a line break is allowed between a cluster of class a and one of class b */
bool kinsoku_can_break(KClass a, KClass b, KinsokuLevel level);
/* a number and the ideograph after it: its unit, measure word or date part (628米 1月15日) */
bool kinsoku_binds_unit(KClass a, KClass b);
/* letters/digits and their signs stay together and take no justification space between */
bool kinsoku_is_word(KClass k);
/* Han-side class for CJK-Latin spacing */
bool kinsoku_is_han(KClass k);

/* Half-width , ; : ! ? ( ) in a Chinese context -> full width (clreq; BRIEF §1). Numbers
 * (1,000 23:00), codes and Latin sentences are left alone; spaces around a converted mark
 * are dropped. Returns a new string. */
char *kinsoku_normalize(const char *text);
