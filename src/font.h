/* font.h - Fonts: a private fontconfig configuration, the Pango context, and font roles -> faces.
 */
#pragma once

#include "layout.h"
#include "report.h"
#include <fontconfig/fontconfig.h>
#include <pango/pango.h>

typedef struct {
	FcConfig *fc;
	PangoFontMap *map;
	PangoContext *ctx; /* 72 dpi, zh-CN, no hinting: 1 Pango unit = 1 Len */
	PangoLanguage *lang;
	char *family[ROLE_COUNT];
	char *conf_file;
	/* halt metrics of punctuation glyphs, per face and size: see fonts_halt */
	GHashTable *halt;
	GPtrArray *halt_fonts; /* the faces the keys point at, kept alive */
} Fonts;

/* The fonts.conf the engine uses: $HUOZI_FONTS_CONF, else fonts/fonts.conf of the source
 * tree for a program in the build tree, else the installation's (where.h); fonts-ttf.conf
 * instead when the converted fonts are there. */
const char *fonts_default_conf(void);
/* Build a private FcConfig from conf_file and check that each role of the layout resolves
 * to the family asked for (a silent fallback to another face is reported as an error). */
Fonts *fonts_new(const char *conf_file, const Layout *layout, Report *r);
void fonts_free(Fonts *f);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Fonts, fonts_free)

PangoFontDescription *fonts_describe(const Fonts *f, const Style *s);
/* The advance and x offset of character c set alone with the font's `halt` feature (alternate
 * half widths): a property of the glyph, so it is shaped once per face, size and character. */
void fonts_halt(Fonts *f, PangoFont *font, gunichar c, Len *adv, Len *x_offset);
/* "Noto Serif CJK SC Bold" and the file of the face a role resolves to */
char *fonts_face_name(PangoFont *font);
char *fonts_face_file(PangoFont *font);
