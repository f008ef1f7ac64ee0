/* sfnt.h - an OpenType font file's tables, written with their directory and checksums. */
#pragma once
#include <glib.h>

/* one table: its tag (big-endian, as in the file) and bytes */
typedef struct {
	guint32 tag;
	GBytes *data;
} SfntTable;

#define SFNT_TAG(a, b, c, d)                                                                       \
	((guint32)(a) << 24 | (guint32)(b) << 16 | (guint32)(c) << 8 | (guint32)(d))

GBytes *sfnt_build(GArray *tables, guint32 version);
