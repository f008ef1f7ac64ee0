/* lines.h - Lines: a paragraph broken into lines and justified; a pure function over arrays. */
#pragma once

#include "units.h"
#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

/* per-cluster flags of BreakInput */
enum {
	LB_BREAK_AFTER = 1 << 0,   /* a line may end after this cluster */
	LB_STRETCH_AFTER = 1 << 1, /* the gap after it takes justification space */
	LB_SPACE = 1 << 2,         /* a space: dropped at the end of a line */
	LB_CORE = 1 << 3,          /* counts as a character for the one-character last line rule */
	LB_PREFER_AFTER = 1 << 4,  /* the author's break (a space in a headline) */
	LB_HANG = 1 << 5,          /* may hang past the measure at the end of a line */
	LB_INWORD = 1 << 6,        /* a break after it splits a word, or a number from its unit */
	LB_WEAK = 1 << 7,          /* a break after it splits a run of one-character words (a
	                              name or a word the dictionary does not know), or a byline's
	                              role from its name */
};

typedef enum { LB_JUSTIFY, LB_LEFT, LB_CENTER, LB_RIGHT } LineAlign;

/* The paragraph as boxes and gaps. Widths already include the compression every line gets
 * (pairs of punctuation marks); the shrink arrays say what may still be squeezed. */
typedef struct {
	int n;                 /* clusters */
	const Len *width;      /* natural advance of each cluster */
	const Len *shrink_l;   /* blank on the cluster's left that may be squeezed */
	const Len *shrink_r;   /* blank on its right that may be squeezed */
	const Len *gap;        /* gap[i]: space between cluster i and i+1 (CJK-Latin spacing) */
	const Len *gap_shrink; /* how much of gap[i] may be squeezed */
	const uint8_t *flags;  /* LB_* */
	Len measure;           /* line width */
	Len indent;            /* first-line indent */
	Len hang_indent;       /* indent of every other line (a hanging indent: notice items) */
	Len em;                /* type size, the unit of the cost model */
	LineAlign align;       /* justify: every line but the last fills the measure */
	bool balance;          /* display text (headlines): even lines, the author's breaks, words
	                          kept whole, no line of 1-2 characters */
	int max_lines;         /* display text: the author's spaces are the breaks when breaking
	                          only there takes no more lines than this (0: any number) */
	bool prefer_spaces;    /* break at the author's spaces where there are any (bylines) */
	bool keep_words;       /* a break inside a word (LB_INWORD) is a defect, one between
	                          one-character words (LB_WEAK) costs more (notice items) */
	Len tighten;           /* last resort: each justification gap may shrink this much */
	/* other text (the body): whether a break before cluster p splits a word, asked only of
	 * a chosen break that has a neighbour about as good (lines.c); NULL: never */
	bool (*splits_word)(const void *ctx, int p);
	const void *word_ctx;
} BreakInput;

enum {
	LINE_LAST = 1 << 0,     /* the paragraph's last line, set solid */
	LINE_SQUEEZED = 1 << 1, /* push-in: punctuation or spacing squeezed to fit */
	LINE_STRETCHED = 1 << 2,
	LINE_LOOSE = 1 << 3,      /* more than 1/4 em extra per gap */
	LINE_OVERFULL = 1 << 4,   /* wider than the measure: nothing could be done */
	LINE_FORCED = 1 << 5,     /* broken where no break is allowed (emergency) */
	LINE_HANGING = 1 << 6,    /* its last mark hangs past the measure */
	LINE_PUSHED_OUT = 1 << 7, /* ended early: the next character may not start a line */
	LINE_TIGHTENED = 1 << 8,  /* the gaps between characters were tightened (last resort) */
};

typedef struct {
	int start, end; /* clusters [start, end) are set; trailing spaces are not */
	int next;       /* first cluster of the next line */
	Len natural;    /* natural width */
	Len width;      /* width as set */
	Len avail;      /* measure minus indent */
	Len per_gap;    /* justification space per gap */
	int gaps;       /* gaps that took it */
	Len inset;      /* set further in than indent and alignment put it (byline.c) */
	unsigned flags; /* LINE_* */
} Line;

typedef struct {
	Line *lines;
	int n;
	int nclusters;
	Len *x;     /* per cluster: pen x from the left edge of the line (indent included) */
	Len *adv;   /* per cluster: advance as set */
	Len *shift; /* per cluster: glyph shift, negative when a left blank was squeezed */
	bool *drawn;
	double
	    defects; /* weighted rule defects (forced breaks, one-character lines, split words) */
	double demerits;    /* the cost of the spacing, compared only between equal defects */
	bool spaces_missed; /* display text with author's spaces broken somewhere else */
	int short_parts;    /* display text: lines of two characters that are a whole part between
	                       the author's spaces (江城 / 迎初雪), each a defect of 10 */
} Lines;

Lines *lines_break(const BreakInput *in);
/* The same paragraph in exactly nlines lines with no defect (no forced break, no line of one
 * character, no word split in display text): the make-up's pull-up or push-down of a paragraph
 * by a line (缩行/拉行). NULL when no such sequence exists; the caller judges its spacing
 * (LINE_LOOSE, LINE_TIGHTENED, the 孤字 demerits). */
Lines *lines_break_exact(const BreakInput *in, int nlines);
void lines_free(Lines *l);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Lines, lines_free)

/* number of LB_CORE clusters on a line */
int lines_core_count(const BreakInput *in, const Line *line);
void lines_dump(const Lines *l, const char *text, const int *cluster_start, const int *cluster_len,
                GString *out);
