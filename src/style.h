/* style.h - Style: a named paragraph style of the style sheet (font role, size, rules). */
#pragma once

#include "desc.h"
#include "report.h"
#include "units.h"
#include <stdbool.h>
#include <stdint.h>

typedef enum { ROLE_SONG, ROLE_HEI, ROLE_KAI, ROLE_FANGSONG, ROLE_COUNT } FontRole;
typedef enum { ALIGN_JUSTIFY, ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT } Align;
/* 标点挤压 styles (clreq §3.1.6) */
typedef enum { PUNCT_QUANSHEN, PUNCT_KAIMING, PUNCT_BANSHEN, PUNCT_PLAIN } PunctStyle;
/* 避头尾 levels (clreq §3.1.4) */
typedef enum { KINSOKU_NONE, KINSOKU_BASIC, KINSOKU_STRICT } KinsokuLevel;

typedef struct {
	char *name;
	FontRole role;
	bool bold;
	Len size;    /* type size */
	int lines;   /* grid lines one text line occupies (行取り) */
	Len leading; /* > 0: lines stacked at this leading, off the grid (small type) */
	Align align;
	int indent_milli;       /* first-line indent in 1/1000 em, as written */
	Len indent;             /* first-line indent (size * indent_milli / 1000) */
	int space_before_milli; /* 1/1000 grid line (space-before="0.5" is 500) */
	int space_after_milli;  /* 1/1000 grid line */
	int hang_indent_milli;  /* continuation-line indent in 1/1000 em, as written */
	Len hang_indent;        /* every line but the first indented so much (hanging indent) */
	int tracking_milli;     /* extra advance per character in 1/1000 em, as written */
	Len tracking;           /* the same as a length (may be negative) */
	PunctStyle punct;
	KinsokuLevel kinsoku;
	bool cjk_latin;    /* quarter em between Han and Latin letters */
	bool digit_space;  /* the same between Han and digits */
	bool normalize;    /* half-width punctuation -> full width in Chinese context */
	bool hang;         /* a line-end 、，。 or closing mark may hang past the measure */
	bool space_breaks; /* bylines: breaks only between parts (at spaces, after ）) */
	bool keep_words;   /* a break inside a word (ICU's dictionary) only when it must */
	int max_lines;     /* headlines: more lines than this is squeezed (0: no limit) */
	int min_scale;     /* headlines: squeeze down to this horizontal scale, in % */
	Len max_size;      /* text ads: grow up to this size to fill the box (0: set at size) */
	uint32_t color;    /* 0xRRGGBB */
} Style;

const char *style_role_name(FontRole role);
/* "#rrggbb" exactly: six hex digits, nothing else */
bool style_parse_color(const char *v, uint32_t *out);
/* Read one <style> element over a copy of its parent (or the defaults when parent is NULL). */
bool style_read(const DescNode *n, const char *file, const Style *parent, Len body_size, Style *out,
                Report *r);
void style_done(Style *s);
/* s set at another type size: the lengths given in em (indent, tracking) follow it */
void style_resize(Style *s, Len size);
void style_dump(const Style *s, GString *out);

/* the height one line of s takes on a grid of this pitch */
static inline Len
style_line_height(const Style *s, Len pitch)
{
	return s->leading > 0 ? s->leading : s->lines * pitch;
}
