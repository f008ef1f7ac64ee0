/* items.h - Items: one paragraph itemized and shaped once: clusters, glyphs, classes, blanks. */
#pragma once

#include "font.h"
#include "kinsoku.h"
#include "report.h"
#include "story.h"
#include "style.h"
#include "units.h"

typedef struct {
	int start, len; /* bytes of Items.text */
	gunichar ch;    /* first character */
	KClass cls;
	int font;   /* index into Items.fonts */
	int g0, ng; /* glyphs Items.gl[g0 .. g0+ng) */
	Len adv;    /* natural advance, tracking included */
	Len blank_l,
	    blank_r;  /* blank space inside adv that compression may remove (halt metrics) */
	bool missing; /* no font has a glyph for it: zero advance, never drawn */
} Cluster;

typedef struct {
	guint32 id;
	Len dx, dy; /* offset from the pen position; dy grows upwards (HarfBuzz) */
	Len adv;
} Glyph;

typedef struct {
	char *text; /* the paragraph after normalization: what is drawn and extracted */
	int textlen;
	Cluster *cl;
	int n;
	Glyph *gl;
	int ngl;
	PangoFont **fonts; /* owned references */
	int nfonts;
	Len em; /* the style's size */
	int nmissing;
	int xscale; /* horizontal scale in 1/1000 (1000: none); see items_scale */
} Items;

/* Where a paragraph comes from, for messages about missing glyphs. */
typedef struct {
	const char *file;
	int line;
	const char *what; /* e.g. "story lead, paragraph 3" */
	int col;
	const StoryPara *para; /* a story paragraph: each character is placed at its own line and
	                          column; otherwise (NULL) at line:col */
} ItemsWhere;

/* A character none of the configured fonts has is reported (DIAG_GLYPH error, at its line and
 * column) and left out: the paragraph is set as if it were not there. */
Items *items_shape(Fonts *f, const Style *s, const char *text, const ItemsWhere *where, Report *r);
void items_free(Items *it);
/* The error for a character none of the configured fonts has, at byte `at` of w->para->text
 * (its own line and column), or at w's line:col when there is no paragraph or at is -1. */
void items_report_uncovered(const ItemsWhere *w, gunichar ch, gssize at, Report *r);
/* Scale every advance, offset and blank horizontally (headline squeeze); glyphs are drawn
 * with the same scale. */
void items_scale(Items *it, int permille);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Items, items_free)

void items_dump(const Items *it, GString *out);
