/* pdffont.h - the faces a PDF is written with: each face cut by hb-subset to the glyphs the pages
 * use. */
#pragma once
#include "dlist.h"
#include <cairo.h>

typedef struct PdfFonts PdfFonts;

/* The faces of d's fonts, to be cut to the glyphs of the pages written (pages[0..npages), or
 * all when pages is NULL; with the proof overlay when proof). Cutting happens on first use. */
PdfFonts *pdffont_new(const DList *d, const int *pages, int npages, bool proof);
/* A new reference to the cairo scaled font to draw d->fonts[font] with in the PDF: on the cut
 * face, or Pango's own when the face cannot be cut. */
cairo_scaled_font_t *pdffont_scaled(PdfFonts *pf, int font);
void pdffont_free(PdfFonts *pf);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(PdfFonts, pdffont_free)
