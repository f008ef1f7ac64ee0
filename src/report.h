/* report.h - diagnostics: what went wrong in the input or the layout, and where. */
#pragma once

#include <glib.h>
#include <stdbool.h>

typedef enum {
	REPORT_NOTE,
	REPORT_WARNING,
	REPORT_ERROR,
} ReportLevel;

/* What a diagnostic is about; decides the exit status (report_status). */
typedef enum {
	DIAG_INPUT,   /* bad input: syntax, unknown name, missing file (exit 2) */
	DIAG_SYSTEM,  /* I/O failure, out of memory (exit 3) */
	DIAG_OVERSET, /* text that did not fit its frames (exit 1 with --strict) */
	DIAG_GLYPH,   /* a character no font covers (exit 1 with --strict) */
	DIAG_FONT,    /* a font role resolved to an unexpected face */
	DIAG_RULE,    /* a typographic rule that had to be broken */
	DIAG_LAYOUT,  /* other layout findings (loose lines, squeezed display text) */
	DIAG_MAKEUP,  /* a module that does not end flush beyond the layout's tolerance, a photo
	                 module with empty lines, an inset photo stranding lines (exit 1 with
	                 --strict) */
	DIAG_AD,      /* a PDF ad's preflight finding (exit 1 with --strict) */
} DiagKind;

typedef struct {
	ReportLevel level;
	DiagKind kind;
	char *file; /* file the location refers to, or NULL */
	int line;   /* 1-based, 0 = unknown */
	int col;    /* 1-based, 0 = unknown */
	char *msg;  /* what is wrong */
	char *hint; /* how to fix it, or NULL */
	/* the input line at line:col, when the report holds the file's text (report_source): the
	 * line as written, a long one cut to REPORT_SOURCE_CHARS characters either side of the
	 * column ("…" where cut), else NULL */
	char *source;
	int source_col; /* the column (characters) within source, 1-based */
	int span;       /* characters the caret underlines: the token at the column, at least 1 */
} Diag;

/* A sink for diagnostics. Library code adds to it; only the CLI prints it. */
typedef struct {
	GPtrArray *diags; /* Diag*, in the order they were found */
	int nerrors;
	int nwarnings;
	GPtrArray *clips;    /* strings made by report_clip, freed by the next report_add */
	int ndropped;        /* diagnostics beyond REPORT_MAX_DIAGS: counted, not kept */
	guint dropped[3];    /* per ReportLevel, a bit (1 << DiagKind) for each kind dropped */
	Diag *trailer;       /* the last diagnostic kept: "N more diagnostics not shown" */
	GHashTable *sources; /* file name -> ReportSource*: texts diagnostics quote lines from */
} Report;

/* How many diagnostics a report keeps: a file full of errors (a million unknown attributes)
 * must not cost memory and stderr in proportion. The rest are counted (nerrors, nwarnings,
 * report_has stay exact) and summed up in one note at the end. */
#define REPORT_MAX_DIAGS 1000

/* How much of a long source line a diagnostic shows either side of its column */
#define REPORT_SOURCE_CHARS 60

/* How much of a value a message quotes: longer ones are cut to this many characters and "…". */
#define REPORT_CLIP_CHARS 40

Report *report_new(void);
void report_free(Report *r);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Report, report_free)

void report_add(Report *r, ReportLevel level, DiagKind kind, const char *file, int line, int col,
                const char *hint, const char *fmt, ...) G_GNUC_PRINTF(8, 9);
#define report_error(r, kind, file, line, col, hint, ...)                                          \
	report_add(r, REPORT_ERROR, kind, file, line, col, hint, __VA_ARGS__)
#define report_warning(r, kind, file, line, col, hint, ...)                                        \
	report_add(r, REPORT_WARNING, kind, file, line, col, hint, __VA_ARGS__)

/* s itself when it has at most REPORT_CLIP_CHARS characters, else its first REPORT_CLIP_CHARS
 * characters and "…": for quoting values from the input in a message, which must never echo a
 * long value whole. The result lives until the next report_add on r (so it may be passed to
 * that call as an argument). */
const char *report_clip(Report *r, const char *s);
/* Keep the text of an input file (as read, a copy) so that every diagnostic at file:line:col,
 * added now or later, quotes its line with a caret (srcline_text_new: story is true for a story
 * file, false for XML). The same file again replaces the text. */
void report_source(Report *r, const char *file, const char *data, gsize len, bool story);
/* Append src's diagnostics to dst, in their order, and leave src empty. */
void report_move(Report *dst, Report *src);
/* false once r holds REPORT_MAX_DIAGS diagnostics: the next ones are only counted, so a caller
 * may skip the work of a hint (a "did you mean") that nobody will read */
bool report_keeps(const Report *r);
/* true when any error of this kind was reported */
bool report_has(const Report *r, DiagKind kind, ReportLevel min_level);
/* The exit status the diagnostics call for: 3 a system error, 2 an input (or font) error, 1 with
 * strict an overset, missing glyph, broken rule, layout error or ad preflight finding, else 0. */
int report_status(const Report *r, bool strict);
/* one diagnostic as "file:line:col: level: msg\n", then the source line and a caret under the
 * column when known, then "  hint: ...\n" */
char *report_format(const Diag *d);
