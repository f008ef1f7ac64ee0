/* layout.h - Layout: a layouts/NAME.xml file: page grid, font roles and the style sheet. */
#pragma once

#include "grid.h"
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
	ST_COUNT
} StyleId;

typedef struct {
	char *file;
	char *name;
	Grid grid;
	char *family[ROLE_COUNT]; /* fontconfig family per font role */
	Style *styles;		  /* all styles, in file order */
	int nstyles;
	int engine[ST_COUNT]; /* index into styles of each engine style */
} Layout;

Layout *layout_load(const char *path, Report *r);
void layout_free(Layout *l);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Layout, layout_free)

const char *layout_style_name(StyleId id);
const Style *layout_style(const Layout *l, StyleId id);
void layout_dump(const Layout *l, GString *out);
