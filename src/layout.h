/* layout.h - Layout: a layouts/NAME.xml file: page grid, font roles and the style sheet. */
#pragma once

#include "grid.h"
#include "outintent.h"
#include "report.h"
#include "style.h"

/* The styles the engine itself asks for; a layout must define every one. */
typedef enum {
	ST_RUBRIC,
	ST_KICKER,
	ST_HEADLINE,
	ST_SUBHEAD,
	ST_BYLINE,
	ST_BODY,
	ST_INNER_SUBHEAD,
	ST_LABEL,
	ST_CAPTION,
	ST_CREDIT,
	ST_NOTICE_HEAD,
	ST_NOTICE,
	ST_AD,
	ST_FOLIO,
	ST_MASTHEAD,
	ST_MASTHEAD_LATIN,
	ST_JUMP,
	ST_JUMP_HEAD, /* the title over a continuation; optional: subhead when the layout lacks it
	               */
	ST_COUNT
} StyleId;

/* the styles one element, or one rank, gives its parts: index + 1 into Layout.styles of the
 * style of each part, 0 where the rank's, or else the layout's own style of that name, holds */
typedef struct {
	int rank; /* a story's rank=, 0: the layout's default rank (not used by a rank itself) */
	short part[ST_COUNT];
} StyleSet;

/* a story's importance (rank="1" 头条 … rank="4" 简讯): the head-group styles it gets */
typedef struct {
	int n;
	char *name; /* what the paper calls it, e.g. 头条; may be empty */
	StyleSet set;
} LayoutRank;

#define LAYOUT_MAX_RANK 9 /* ranks are 1 to this */

/* a standard ad module size sold by the paper (通栏, 半通栏, 报眼…) */
typedef struct {
	char *name;
	int cols, lines;
} AdSize;

/* The make-up's flush rules (<flush>): how a module its text leaves short is made to end
 * flush, in this order, before what is left is a finding (flush.c). */
typedef struct {
	int head_max;  /* grid lines the head group of a story may grow by */
	int sub_max;   /* grid lines added before each inner subhead or label */
	int pull_max;  /* paragraphs a module may pull up or push down a line (缩行/拉行) */
	bool level;    /* level columns beat widow and orphan avoidance */
	int tolerance; /* underset grid lines per module that are no finding */
} FlushRules;

typedef struct {
	char *file;
	char *name;
	Grid grid;
	FlushRules flush;
	char *jump_out; /* the 下转 line, {folio} replaced by the page's 版次 */
	char *jump_in;  /* the 上接 line */
	int jump_out_line, jump_out_col; /* where each template is written (0: the default) */
	int jump_in_line, jump_in_col;
	AdSize *ad_sizes; /* when given, ads of other sizes are reported */
	int nad_sizes;
	char *family[ROLE_COUNT]; /* fontconfig family per font role */
	Style *styles;            /* all styles, in file order */
	int nstyles;
	int engine[ST_COUNT]; /* index into styles of each engine style */
	LayoutRank *ranks;    /* in file order */
	int nranks;
	int default_rank; /* n of the rank of a story without rank=, 0: the layout's own styles */
	OutIntent intent; /* the press output's condition and profile (<output-intent>) */
} Layout;

#define LAYOUT_MAX_STYLES 1000 /* styles, and ad sizes, in one layout */

/* Read (through infile, not confined) and parse a layout file. */
Layout *layout_load(const char *path, Report *r);
/* Parse a layout file's text already read; path names it in messages. */
Layout *layout_parse(const char *path, const char *data, gsize len, Report *r);
void layout_free(Layout *l);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Layout, layout_free)

const Style *layout_style(const Layout *l, StyleId id);
/* a style the engine can do without (e.g. "jump-head"), or NULL */
const Style *layout_style_named(const Layout *l, const char *name);
void layout_dump(const Layout *l, GString *out);
