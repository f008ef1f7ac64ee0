/* desc.h - Desc: an XML file (page description or layout) read with GMarkup into a plain tree. */
#pragma once

#include "report.h"
#include <glib.h>

/* Positions are 1-based lines and columns in characters; a UTF-8 byte order mark at the start
 * of the text is not a character (the first line's columns count from after it). */
typedef struct DescNode DescNode;

typedef struct {
	char *name;
	char *value;
	int line, col;   /* where the attribute name starts */
	int vline, vcol; /* where its value starts: the opening quote (else as line, col) */
} DescAttr;

struct DescNode {
	char *name;
	int line, col;   /* where '<name' starts */
	DescAttr *attrs; /* in file order */
	int nattrs;
	DescNode **children; /* child elements in file order */
	int nchildren;
	char *text; /* concatenated character data, or NULL */
	gsize text_len, text_cap;
	int text_line, text_col;
};

typedef struct {
	char *file; /* as given, for messages */
	DescNode *root;
} Desc;

#define DESC_MAX_BYTES (16 * 1024 * 1024)
#define DESC_MAX_DEPTH 32
/* the longest attribute value, in bytes after decoding (a text ad's text, a caption) */
#define DESC_MAX_VALUE 16384

/* Parse XML text; on error adds a DIAG_INPUT report with file:line:col and returns NULL. */
Desc *desc_parse(const char *file, const char *data, gssize len, Report *r);
/* Read and parse a file. */
Desc *desc_load(const char *path, Report *r);
void desc_free(Desc *d);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Desc, desc_free)

/* Read a file whose root element must be `root`; anything else is an error with the hint. */
Desc *desc_load_root(const char *path, const char *root, const char *hint, Report *r);
/* Every attribute of n must be one of the NULL-terminated `known`; each other one is an
 * error at its own position, its hint the closest known name ("did you mean 'cols'?") and
 * the list of them. */
bool desc_check_attrs(const DescNode *n, const char *file, const char *const *known, Report *r);
const DescAttr *desc_attr(const DescNode *n, const char *name);
const char *desc_get(const DescNode *n, const char *name);
/* Stable text dump of the tree. */
void desc_dump(const Desc *d, GString *out);
