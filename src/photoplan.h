/* photoplan.h - where a photo's image, caption and credit go in its module, in whole grid lines,
 * and where an inset photo sits in the columns of its story (photoplan.c). Pure: numbers in,
 * numbers out; nothing is set, placed or reported. */
#pragma once

#include "units.h"
#include <stdbool.h>

/* a photo module and what goes in it */
typedef struct {
	Len pitch;
	Len width; /* the image's area across: the module, less the caption's column beside */
	int lines; /* the module's grid lines */
	int img_w, img_h;  /* the image, pixels (0: unknown, the image takes its whole area) */
	bool fill;         /* fit="fill": the image covers its area, cropped */
	bool beside;       /* the caption and credit in the module's last column */
	int caption_lines; /* grid lines the caption and credit take (0: neither) */
} PhotoPlanInput;

/* the group: image, the empty grid line, caption and credit, from the module's top */
typedef struct {
	int image_lines; /* the image's area: whole grid lines from the group's top */
	int caption_at;  /* the caption's first grid line, counted from the group's top */
	int group_lines; /* the group's depth */
	int empty_lines; /* the module's lines the group leaves empty (under it) */
} PhotoPlan;

/* The group for in. Below the image: the image's lines, one empty grid line, the caption's
 * lines; beside it: the larger of the image's and the caption's lines, the caption ending
 * level with the group's foot. With fill the image takes every line the caption leaves. With
 * fit the image at the area's width is cut down to whole grid lines (floor, at least one, at
 * most what the module leaves it): scaled into that area it is as deep as its lines, a little
 * narrower than the area, so its foot is on the grid; the lines it does not need are empty. */
PhotoPlan photoplan_group(const PhotoPlanInput *in);

/* An inset photo in one column of its story: the grid lines of text above the photo's top (from
 * the text's top in that column) and below the photo's group and its empty line (to the
 * column's foot). */
typedef struct {
	int top;    /* the column's text top, grid line index */
	int bottom; /* the column's last grid line + 1 */
} PhotoColumn;

typedef enum { PHOTO_AT_CELL, PHOTO_TO_TOP, PHOTO_TO_BOTTOM, PHOTO_STRANDED } PhotoMove;

/* Where an inset photo whose group takes group grid lines (and one empty grid line under it,
 * but not at a column's foot) goes in its columns (ncols of them, each with its text top and
 * foot): at its cell's first line at when that leaves no column 1 or 2 lines of text above or
 * below it; else at the top of the text area (the lowest top among its columns) or with its
 * group's foot on the columns' foot (the highest foot), the nearer first, where that is clean;
 * else at its cell, PHOTO_STRANDED. *line receives the grid line of the group's top; *above and
 * *below (for the message) the fewest lines of text above and below it at its cell in a column
 * that has 1 or 2 there (0: none). */
PhotoMove photoplan_inset(int at, int group, const PhotoColumn *cols, int ncols, int *line,
                          int *above, int *below);
