/* dlist.h - DList: device-independent pages: absolute glyph runs, rules, boxes and images. */
#pragma once

#include "flow.h"
#include "model.h"
#include <pango/pango.h>

typedef enum { OP_TEXT, OP_RULE, OP_BOX, OP_TINT, OP_IMAGE } OpKind;

typedef struct {
	guint32 id;
	Len x; /* absolute; its y: dlist_glyph_y */
} DGlyph;

typedef struct {
	int bytes, glyphs; /* one text cluster: cairo_text_cluster_t */
} DCluster;

typedef struct {
	OpKind kind;
	uint32_t color;
	/* a text op's fields and a figure's share their room: the ops of a long edition are many */
	union {
		/* OP_TEXT: one run of one font */
		struct {
			int font;     /* index into DList.fonts */
			Len size;     /* its em */
			int xscale;   /* horizontal scale of the glyphs in 1/1000 */
			int g0, ng;   /* DList.glyphs */
			int t0, tlen; /* DList.text bytes */
			/* DList.clusters; c0 = -1: nc clusters of one character and one glyph each,
			 * not stored (dlist_cluster) */
			int c0, nc;
			int y0; /* DList.ys of its glyphs' y, or -1: every glyph is at gy */
			Len gy;
		};
		/* OP_RULE (x,y)-(x+w,y+h); OP_BOX, OP_TINT, OP_IMAGE: rect; OP_IMAGE: the image,
		 * its own rect (ix, iy, iw, ih) clipped to the rect */
		struct {
			Len x, y, w, h, weight;
			int image; /* index into DList.images */
			Len ix, iy, iw, ih;
		};
	};
} Op;

typedef struct {
	Len w, h;
	char *label; /* 版次 */
	int op0, nops;
	int nproof; /* the last nproof of its nops: the proof overlay, painted only on proofs */
} DPage;

typedef struct {
	DPage *pages;
	int npages;
	GArray *ops;      /* Op */
	GArray *glyphs;   /* DGlyph */
	GArray *ys;       /* Len: the glyphs' y (down) of the text ops not on one line (Op.y0) */
	GArray *clusters; /* DCluster */
	GString *text;
	PangoFont **fonts; /* owned references, one per face and size */
	int nfonts;
	GHashTable *font_ids;  /* PangoFont* -> index + 1: every font object seen, so that the same
	                          face and size shaped on two threads is one font */
	char **images;         /* paths, for messages only: the painter never opens them */
	GBytes **image_data;   /* the bytes the model read, which the painter decodes */
	ImageInfo *image_info; /* what the model found in them: a PDF ad is drawn as a PDF */
	int nimages;
	Bookmark *bookmarks; /* copied */
	int nbookmarks;
} DList;

/* With proof, the proof overlay (grid, frames, overset marks) is added over each page, as its
 * last DPage.nproof ops: a painter draws it on proofs only. */
DList *dlist_compose(const Model *m, const Flow *f, bool proof);
/* The same, freeing every paragraph of f once the last page that draws it is composed, so that
 * the flow and the display list are not both whole at once: for a caller that reads no
 * paragraph afterwards (the pipeline). */
DList *dlist_compose_dropping(const Model *m, Flow *f, bool proof);
/* The same a page at a time, for a flow composed page by page: dlist_new, then
 * dlist_add_page for every page in order once everything on it is composed and indexed in x
 * (skip: per figure of the page's list in x, not drawn; NULL: all drawn), then dlist_finish
 * for the images and bookmarks. */
DList *dlist_new(const Model *m);
void dlist_add_page(DList *d, const Model *m, const Flow *f, int p, const FlowIndex *x,
                    const bool *skip, bool proof);
void dlist_finish(DList *d, const Flow *f);
/* cluster i of text op `op`, stored or implicit; *at: the bytes of its text before cluster i
 * (start at 0, call for i = 0, 1, ... in order; it is advanced past the cluster) */
DCluster dlist_cluster(const DList *d, const Op *op, int i, int *at);
/* the y (absolute, down) of glyph i of text op `op` */
Len dlist_glyph_y(const DList *d, const Op *op, int i);
void dlist_free(DList *d);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(DList, dlist_free)

void dlist_dump(const DList *d, GString *out);
