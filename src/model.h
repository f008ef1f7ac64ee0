/* model.h - Model: the page description validated and resolved: pages, elements, stories, layout.
 */
#pragma once

#include "image.h"
#include "imagecheck.h"
#include "layout.h"
#include "report.h"
#include "story.h"
#include <stdbool.h>

typedef enum { EL_MASTHEAD, EL_STORY, EL_JUMP, EL_PHOTO, EL_NOTICE, EL_AD, EL_RULE } ElemKind;

/* A rectangle of grid cells: columns c0..c1 and grid lines l0..l1, 1-based, inclusive. */
typedef struct {
	int c0, c1, l0, l1;
} Cell;

typedef struct {
	ElemKind kind;
	int line, col;      /* where the element is in the page description */
	Cell cell;          /* not used by rules */
	int story;          /* story, jump, notice: index into Model.stories; else -1 */
	StyleSet styles;    /* its style-PART= (and a story's rank=): storystyle_get */
	char *src;          /* photo, ad: resolved path of the image, for messages */
	GBytes *data;       /* photo, ad: the image file's bytes, read once, shared by every use */
	ImageInfo image;    /* a PDF ad: IMAGE_PDF, its page and boxes (pdfad.h) */
	char *text;         /* text ad */
	char *caption;      /* photo */
	char *credit;       /* photo */
	bool fill;          /* photo: fill (crop) instead of fit */
	bool inset;         /* photo: inside a story module, which flows around it */
	bool caption_right; /* photo: caption-side="right", beside the photo in its last column */
	/* story, jump and notice modules */
	bool no_balance;   /* balance="no": keep flowing, leave the last columns short */
	bool box;          /* box="yes": a ruled box around the module */
	uint32_t tint;     /* tint="#rrggbb": a tint behind the module, 0 for none */
	bool column_rules; /* column-rules="yes": rules in the gutters between its columns */
	int head_c0,
	    head_c1; /* head="a-b": the columns the head group spans (破栏), 0: the module's */
	bool vertical_head; /* vertical-head="yes": the headline set vertically down the right side
	                     */
	char *title;        /* jump: a short headline repeated over the continuation */
	/* rule */
	bool vertical; /* vertical rule in the gutter right of column `at` */
	int at;        /* grid line (horizontal) or column (vertical) */
	Len weight;
	bool thick_thin; /* 文武线 */
	bool own_line; /* a horizontal rule on grid line `at` of its own (line=), through its middle
	                */
	/* stacks (stack.c): the child of a <stack> has no lines= of its own; its cell's lines are
	 * 0 until stack_place_edition gives them out */
	int stack; /* 1 + index into its page's stacks, 0: not in a stack */
	int depth; /* photo, ad in a stack: depth="N" grid lines; 0: automatic (photo) */
	int need;  /* after placement: the grid lines it needs (its depth) */
	int extra; /* after placement: leftover lines of the band given to it */
} Elem;

/* <stack cols lines>: a column band whose children stack top to bottom in document order;
 * they are the page's elements first .. first + n - 1 */
typedef struct {
	int line, col;
	Cell cell;
	int first, n;
	int leftover; /* after placement: lines at the foot of the band that nothing takes */
} Stack;

typedef struct {
	char *folio;   /* 版次, e.g. "02" */
	char *section; /* 版名 */
	char *editor, *designer, *proofreader;
	int line, col;
	Elem *elems;
	int nelems;
	Stack *stacks;
	int nstacks;
} Page;

typedef struct {
	char *id;
	char *src; /* resolved path */
	Story *story;
	bool notice;
	StyleSet styles; /* of its <story> or <notice>: the styles of its paragraphs */
	int line, col;
} ModelStory;

typedef struct {
	char *file; /* the page description */
	char *paper, *paper_latin, *issue;
	char *date; /* YYYY-MM-DD */
	int year, month, day;
	Layout *layout;
	Page *pages;
	int npages;
	ModelStory *stories;
	int nstories;
	/* copyfit: the model of one story or notice composed alone to measure it; composition then
	 * skips what does not change its depth (page furniture, clearances, empty cells, proof) */
	bool measure_text;
	/* the images' decode checks, running beside the later stages when the model was loaded
	 * with ModelOptions.defer_image_checks, else NULL: model_images_passed */
	ImageChecks *checks;
} Model;

#define MODEL_MAX_PAGES 400
#define MODEL_MAX_ELEMS 500
/* paragraphs (header lines included) of all the stories and notices of an edition: twice what
 * 400 pages of full text hold; each costs time and memory even when overset */
#define MODEL_MAX_PARAS 50000
/* bytes of the story and notice files of an edition (a file named twice counts twice): two
 * stories of the largest size; 400 pages of 5,300 characters are 6.4 MB, a big daily's 48
 * pages about 1 MB */
#define MODEL_MAX_TEXT_BYTES (8 * 1024 * 1024)
/* characters of the paragraphs of an edition's stories and notices: what a story file may hold
 * at most (4 MB of ASCII), so that every story passes alone; two stories of 4 MB of Chinese are
 * 2.8 million. Text placed on the pages costs about 100 bytes a character until written. */
#define MODEL_MAX_TEXT_CHARS (4 * 1024 * 1024)

typedef struct {
	/* Files named by the page description must stay inside its folder (no absolute paths,
	 * no ".." out of it, no symlinks leaving it) unless this is set. */
	bool allow_outside;
	/* where layout="NAME" (no slash, no .xml) is looked up; NULL: model_layouts_dir() */
	const char *layouts_dir;
	/* the preflight of PDF ads (adcheck.h): a press run (RGB content is a finding), and the
	 * total ink limit in percent (0: the layout's <output-intent> ink-limit, 240 without) */
	bool press;
	int ink_limit;
	/* the images are read and their headers checked, but whether their data decodes is checked
	 * on a thread (imagecheck.h) while the caller goes on: it must ask model_images_passed
	 * before it writes anything. When the load fails, those checks are made in their place as
	 * a plain load makes them: the report is the same either way. */
	bool defer_image_checks;
} ModelOptions;

/* the layouts library: $HUOZI_LAYOUTS_DIR, else the source tree's layouts/ for a program in the
 * build tree, else the installation's (where.h) */
const char *model_layouts_dir(void);
Model *model_load_with(const char *path, const ModelOptions *o, Report *r);
/* Whether every image decodes (waits for the checks of defer_image_checks; true at once for
 * a plain load, which checked them in place). When false, the model must not be used: load
 * the edition again without defer_image_checks to report which image is broken. */
bool model_images_passed(Model *m);
/* model_load_with with the default options (confined) */
Model *model_load(const char *path, Report *r);
void model_free(Model *m);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Model, model_free)

const char *model_elem_name(ElemKind k);
void model_dump(const Model *m, GString *out);
