/* flow.h - Flow: every paragraph of the edition set into lines and placed on its page. */
#pragma once

#include "fit.h"
#include "font.h"
#include "items.h"
#include "just.h"
#include "lines.h"
#include "model.h"
#include "report.h"

/* A paragraph shaped, spaced and broken at one measure. */
typedef struct {
	Items *items;
	Len *base_shift; /* per cluster: the glyph shift every line gets (Just.base_shift) */
	int npairs;      /* punctuation pairs compressed (Just.npairs) */
	int nspaced;     /* CJK-Latin gaps (Just.nspaced) */
	Lines *lines;
	const Style *style;      /* the layout's, or *squeezed */
	const Style *base_style; /* the layout's: what a squeeze starts from */
	Style *squeezed;         /* a display paragraph's style as squeezed, or NULL */
	Style *sized;            /* a text ad's style at the size that fills its box, or NULL */
	int story;               /* index into Model.stories, or -1 for page furniture */
	int para;                /* paragraph of the story, or -1 */
	Len measure;             /* what it was broken at */
	LineAlign align;
	bool balance;
	const char *kind; /* what it is: "body", "headline", "text-ad", "proof"... (static) */
} FlowPara;

/* One line placed on a page. */
typedef struct {
	int page;
	int para; /* index into Flow.paras */
	int line; /* line of that paragraph */
	Len x;    /* left edge of the measure */
	Len baseline;
	bool proof; /* part of the proof overlay, not of the printed page */
} FlowLine;

/* Glyphs already at their place on the page (vertical text): drawn as they are. */
typedef struct {
	guint32 id;
	Len x, y; /* absolute, y down */
} RunGlyph;

typedef struct {
	int page;
	PangoFont *font; /* owned reference */
	uint32_t color;
	Len size;
	GArray *glyphs;   /* RunGlyph */
	GString *text;    /* UTF-8 of the clusters */
	GArray *clusters; /* int pairs: bytes, glyphs */
} FlowRun;

typedef enum { FIG_IMAGE, FIG_RULE, FIG_BOX, FIG_TINT } FigKind;

/* Everything on a page that is not text. */
typedef struct {
	FigKind kind;
	int page;
	Len x, y, w, h;     /* rect; a rule runs from (x, y) to (x + w, y + h) */
	Len weight;         /* rule and box line width */
	uint32_t color;     /* 0xRRGGBB */
	int image;          /* FIG_IMAGE: index into Flow.images */
	bool fill;          /* FIG_IMAGE: covers the rect, cropped (a photo's fit="fill") */
	Len ix, iy, iw, ih; /* where the whole image goes; drawn clipped to the rect */
	bool proof;         /* part of the proof overlay, not of the printed page */
	int line, col;      /* the element that drew it, for messages (0: its page) */
} Figure;

typedef struct {
	char *title;
	int page;
	Len y;
	int level; /* 0 page, 1 story */
} Bookmark;

/* A display paragraph (all but body text) that was squeezed, has forced or loose lines, or
 * did not fit the lines or box it has: a finding of the fit report (display.c). */
typedef struct {
	const char *file; /* the model's: lives as long as the model */
	int line, col;
	const char *kind;  /* FlowPara.kind */
	char *element;     /* what messages name it: "story lead, headline", "text ad" */
	const char *style; /* the style's name (the layout's) */
	char *text;        /* its first 16 characters */
	int lines;         /* lines it was set in */
	int max_lines;     /* lines it may take: its box or its style's max-lines (0: any) */
	int tracking;      /* tracking as set, 1/1000 em */
	int scale;         /* horizontal scale as set, % */
	bool squeezed;     /* tracking or scale tightened to fit */
	int forced_lines;  /* broken against the rules, or overfull */
	int loose_lines;   /* more than 1/4 em extra per gap */
	int overset_lines; /* lines left out: they do not fit its box */
} DisplayFinding;

/* A photo as placed: its group (image, empty grid line, caption, credit) and the grid lines
 * its module leaves empty under it; an inset photo, where it went in its story's columns. */
typedef struct {
	int page;
	int line, col;     /* the <photo> in the page description */
	int at;            /* the group's first grid line */
	int image_lines;   /* the image's */
	int caption_lines; /* caption and credit */
	int group_lines;   /* image, empty line, caption and credit */
	int empty_lines;   /* a stand-alone photo: its module's lines the group leaves empty */
	bool inset;
	const char
	    *moved; /* an inset photo: "top", "bottom" (of its columns' text) or "" (static) */
} PhotoFit;

typedef struct {
	GPtrArray *paras;      /* FlowPara* */
	GArray *lines;         /* FlowLine, in reading order */
	GPtrArray *runs;       /* FlowRun*: vertical text */
	GArray *figures;       /* Figure, in drawing order */
	GPtrArray *images;     /* char* paths, for messages */
	GPtrArray *image_data; /* GBytes: each image's bytes, as the model read them */
	GArray *image_info;    /* ImageInfo of each: a PDF ad, its page and boxes */
	StoryFit *fits;        /* one per story */
	int nfits;
	GArray *bookmarks; /* Bookmark */
	GArray *findings;  /* DisplayFinding, furniture page by page, then story by story */
	GArray *photos;    /* PhotoFit: stand-alone photos page by page, then inset ones story by
	                      story */
	int npages;
	int *uncovered;  /* per page: grid cells (column x line) no element covers */
	gint64 shape_us; /* time spent shaping (items), for --timings; summed over threads */
	gint64 break_us; /* time spent spacing and breaking lines (just, lines); the same */
	GPtrArray *helper_fonts; /* Fonts* of the threads that composed stories (flowpar.c) */
} Flow;

/* an empty Flow for the model's pages with room for nfits story fits */
Flow *flow_new(const Model *m, int nfits);
void flow_free(Flow *f);
/* Free the paragraphs, lines and vertical runs once the display list holds what they drew:
 * the figures, fits, findings, photos, bookmarks, images and uncovered cells stay. */
void flow_drop_text(Flow *f);
/* Free paragraph i and leave NULL in its place: for a consumer that is done with it. */
void flow_drop_para(Flow *f, int i);
/* Return the memory freed so far to the system (glibc's malloc_trim; nothing elsewhere). */
void flow_trim(void);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Flow, flow_free)

/* The lines, figures and vertical runs of each page as indexes into the flow, each page's in
 * the flow's order; kept up to date while the flow grows (flow_index_update), so that a page can
 * be cleared and drawn as soon as everything on it is composed. */
typedef struct {
	int npages;
	GArray **lines, **figs, **runs; /* per page: int */
	guint nlines, nfigs, nruns;     /* how many of the flow's are indexed */
} FlowIndex;

FlowIndex *flow_index_new(int npages);
/* index what was added to f since the last update */
void flow_index_update(FlowIndex *x, const Flow *f);
/* page p is done with: its lists are emptied and freed */
void flow_index_release(FlowIndex *x, int p);
void flow_index_free(FlowIndex *x);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(FlowIndex, flow_index_free)

void flow_dump(const Flow *f, const Model *m, GString *out);
/* the text of one placed line */
char *flow_line_text(const Flow *f, const FlowLine *l);
