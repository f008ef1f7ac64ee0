/* fit.h - StoryFit, how a story fitted its frames, and the one computation of its figures
 * (fit.c): the composer measures, the fit report, the copyfit table and the dumps only read. */
#pragma once

#include "colfill.h"

/* How a story fitted its frames: the fit report. */
typedef struct {
	int story;
	int frames;
	int lines_set;     /* grid lines used by text */
	int lines_avail;   /* grid lines the frames offer to text */
	int overset_lines; /* lines that did not fit */
	int overset_chars;
	char *overset_text; /* the first words that did not fit */
	int underset;       /* empty grid lines at the bottom of the last frame's columns */
	int head_lines;     /* grid lines of the head group across the first frame */
	int depth_lines;  /* grid lines from the module top to the deepest text of the last frame */
	int loose_lines;  /* lines with more than 1/4 em of extra space per gap */
	int forced_lines; /* lines broken against the rules or overfull */
	/* what the make-up did to end the module flush (flush.c) */
	int underset_was; /* empty grid lines before it */
	int flush_head;   /* grid lines the head group grew by */
	int flush_space;  /* grid lines of space added before inner subheads, labels, items */
	int flush_pulled; /* paragraphs set a line shorter */
	int flush_pushed; /* paragraphs set a line longer */
	bool flush_level; /* the widow and orphan rules gave way to level columns */
} StoryFit;

/* what the fit counts of a row: its line's LINE_* flags and its clusters */
typedef struct {
	unsigned flags;
	int nchars;
} FitRow;

/* Measure a story composed into ncols columns (cols, with ends[k] the bottom of the text in
 * column k; last[k] true for the columns of the last frame, whose top is last_top) from its
 * nframes frames, with a head group of height head and nrows rows of which the first placed
 * were placed. Fills every figure of fit but story and overset_text (the composer's: it knows
 * the text); returns true when rows are overset. */
bool fit_measure(StoryFit *fit, Len pitch, int nframes, Len head, Len last_top,
                 const ColfillColumn *cols, const bool *last, const Len *ends, int ncols,
                 const FitRow *rows, int nrows, int placed);
