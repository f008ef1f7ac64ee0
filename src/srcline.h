/* srcline.h - the line of an input text a diagnostic points at, and showing it with a caret. */
#pragma once

#include <glib.h>
#include <stdbool.h>

/* An input file's text, kept for quoting its lines. Finding a line costs the distance from the
 * line found last (or from the top when going back), finding a column on the same line the
 * distance from the column found last: diagnostics in file order cost linear time. */
typedef struct SrcText SrcText;

/* A copy of data; lines end at LF and CR LF; a UTF-8 byte order mark at the start is not
 * counted. XML (story false) has the tokens below; a story file (story true) ends lines at a
 * lone CR too, and its only tokens are header keys ("headline:"). */
SrcText *srcline_text_new(const char *data, gsize len, bool story);
void srcline_text_free(SrcText *t);

/* The line `line` (1-based) as written, cut to `around` characters either side of column `col`
 * ("…" marks a cut); *at gets col's place in the result (1-based characters, 0 when col is 0),
 * *span the characters of the token there (an XML name, "<name", a quoted value, a
 * character reference, a header key; else 1). NULL when the text has no such line. A column past
 * the line's end is its end. */
char *srcline_get(SrcText *t, int line, int col, int around, int *at, int *span);

/* Append text with every control character (C0, DEL, C1), every bidirectional control
 * (U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), the line and paragraph separators (U+2028,
 * U+2029), the noncharacters (U+FDD0-U+FDEF, U+xFFFE, U+xFFFF) and every byte that is not part of
 * valid UTF-8 written as \xHH, one escape per byte: text from the input can then never send an
 * escape sequence to the user's terminal, break a diagnostic over two lines, or turn the rest of it
 * around. */
void srcline_append_escaped(GString *s, const char *text);

/* Append "  12 | the line\n     |     ^~~~\n": the source line escaped as above, tabs expanded
 * to every 8th column, and a caret under character `at` (none when 0) underlining `span`
 * characters; the caret is placed by display width (a CJK character is two columns wide, an
 * escape four per byte), so it stands under its character in a terminal. */
void srcline_show(GString *out, int line, const char *source, int at, int span);
