/* story.h - Story: a story file (header of key: value lines, then paragraphs) read into paragraphs.
 */
#pragma once

#include "report.h"
#include <glib.h>

typedef enum {
	PARA_RUBRIC,        /* 栏目 label above the story */
	PARA_KICKER,        /* 引题 */
	PARA_HEADLINE,      /* 主题 */
	PARA_SUBHEAD,       /* 副题 */
	PARA_BYLINE,        /* 署名 / dateline */
	PARA_BODY,          /* body paragraph */
	PARA_INNER_SUBHEAD, /* "## " line inside the body */
	PARA_LABEL,         /* a paragraph that is only a bracketed label such as 【理】 */
	PARA_KIND_COUNT
} ParaKind;

/* where a source line after a paragraph's first one begins in its joined text */
typedef struct {
	int offset; /* byte in StoryPara.text */
	int line, col;
} StorySeg;

typedef struct {
	ParaKind kind;
	char *text; /* UTF-8, lines joined, trimmed */
	int line;   /* where it starts in the file */
	int col;
	StorySeg *segs; /* the paragraph's further lines, NULL when it is one line */
	int nsegs;
} StoryPara;

typedef struct {
	char *file;
	StoryPara *paras; /* header paragraphs first (rubric, kicker, headline, subhead, byline) */
	int n;
	gsize bytes; /* the file's size */
	gsize chars; /* characters of its paragraphs */
} Story;

#define STORY_MAX_BYTES      (4 * 1024 * 1024)
#define STORY_MAX_PARA_CHARS 65536 /* characters in one paragraph */

Story *story_parse(const char *file, const char *data, gssize len, Report *r);
Story *story_load(const char *path, Report *r);
void story_free(Story *s);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Story, story_free)

const char *story_kind_name(ParaKind k);
/* The line and column (in characters, from 1) of byte `offset` of p->text in the story file. */
void story_para_locate(const StoryPara *p, gsize offset, int *line, int *col);
/* the text of the first paragraph of kind k, or NULL */
const char *story_get(const Story *s, ParaKind k);
void story_dump(const Story *s, GString *out);
