/* pdffont.c - the faces a PDF is written with: each face cut by hb-subset to the glyphs the pages
 * use. */
#include "pdffont.h"
#include <cairo-ft.h>
#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_MODULE_H
#include <hb-subset.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>
#include <string.h>

/* Why: cairo subsets a face for the PDF itself, but it reads the whole face to do it, and the
 * Noto CJK faces are CFF tables of 65,535 glyphs and 15-20 MB each; loading and parsing them
 * once per face is most of the time of a page. hb-subset cuts a face down to the glyphs the
 * document uses in a few milliseconds, keeping every glyph id (retain-gids: the display list's
 * ids stay valid) and the cmap entries of those glyphs; cairo then subsets the small face. The
 * layout tables (GSUB, GPOS, ...) are dropped: shaping is done, and cairo does not read them.
 *
 * Only CFF faces are cut: cutting the converted TrueType faces (fonts/ttf) made their pages
 * slower (the sample's pdf stage 0.75 -> 0.9 s), cairo's TrueType subsetter being fast already.
 * A cut CFF face is still slower to write than its TrueType conversion (sample: pdf stage about
 * 1.4 s against 0.8 s under the same load; PDF 1.12 MB against 1.05 MB), which is why build.sh
 * still converts the faces.
 *
 * A face is one font file and index; all the sizes of a face share one cut face. A face whose
 * pattern asks for synthetic emboldening or a transform, or that hb-subset cannot cut, is
 * written as before, from Pango's own cairo font. */

typedef struct {
	char *file;
	int index;
	hb_face_t *source; /* Pango's, not owned */
	hb_set_t *glyphs;
	cairo_font_face_t *face; /* the cut face, or NULL: use Pango's */
	bool tried;
} CutFace;

struct PdfFonts {
	const DList *d;
	FT_Library ft;
	GPtrArray *faces;             /* CutFace, in order of first use (deterministic) */
	int *face_of;                 /* DList font -> faces index, or -1 (written as before) */
	cairo_scaled_font_t **scaled; /* DList font -> the scaled font on the cut face, lazily */
};

static void
cutface_free(gpointer data)
{
	CutFace *c = data;
	if (c->face)
		cairo_font_face_destroy(c->face);
	hb_set_destroy(c->glyphs);
	g_free(c->file);
	g_free(c);
}

/* the face of a Pango font that can be cut: a file face with no synthetic style */
static bool
face_key(PangoFont *font, const char **file, int *index)
{
	FcPattern *pat;
	FcBool b;
	FcMatrix *mx;
	FcChar8 *f;
	if (!PANGO_IS_FC_FONT(font))
		return false;
	pat = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
	if (FcPatternGetString(pat, FC_FILE, 0, &f) != FcResultMatch ||
	    FcPatternGetInteger(pat, FC_INDEX, 0, index) != FcResultMatch)
		return false;
	if (FcPatternGetBool(pat, FC_EMBOLDEN, 0, &b) == FcResultMatch && b)
		return false;
	if (FcPatternGetMatrix(pat, FC_MATRIX, 0, &mx) == FcResultMatch &&
	    (mx->xx != 1 || mx->xy != 0 || mx->yx != 0 || mx->yy != 1))
		return false;
	*file = (const char *)f;
	return true;
}

/* a face with CFF outlines (the Noto CJK collections); cairo subsets TrueType faces itself as
 * fast as hb-subset would cut them, so only CFF faces are cut */
static bool
is_cff(hb_face_t *face)
{
	hb_blob_t *b = hb_face_reference_table(face, HB_TAG('C', 'F', 'F', ' '));
	bool cff = hb_blob_get_length(b) > 0;
	hb_blob_destroy(b);
	return cff;
}

PdfFonts *
pdffont_new(const DList *d, const int *pages, int npages, bool proof)
{
	PdfFonts *pf = g_new0(PdfFonts, 1);
	pf->d = d;
	pf->faces = g_ptr_array_new_with_free_func(cutface_free);
	pf->face_of = g_new(int, d->nfonts + 1);
	pf->scaled = g_new0(cairo_scaled_font_t *, d->nfonts + 1);
	if (FT_Init_FreeType(&pf->ft) != 0)
		pf->ft = NULL;
	for (int i = 0; i < d->nfonts; i++) {
		const char *file;
		int index;
		pf->face_of[i] = -1;
		if (!pf->ft || !face_key(d->fonts[i], &file, &index))
			continue;
		for (guint k = 0; k < pf->faces->len; k++) {
			CutFace *c = g_ptr_array_index(pf->faces, k);
			if (c->index == index && strcmp(c->file, file) == 0)
				pf->face_of[i] = (int)k;
		}
		if (pf->face_of[i] < 0) {
			CutFace *c = g_new0(CutFace, 1);
			c->file = g_strdup(file);
			c->index = index;
			c->source = hb_font_get_face(pango_font_get_hb_font(d->fonts[i]));
			c->glyphs = hb_set_create();
			c->tried = !is_cff(c->source); /* TrueType: cairo's own subsetter is fast */
			pf->face_of[i] = (int)pf->faces->len;
			g_ptr_array_add(pf->faces, c);
		}
	}
	/* the glyphs of the pages written */
	for (int p = 0; p < d->npages; p++) {
		const DPage *pg = &d->pages[p];
		int end = pg->op0 + pg->nops - (proof ? 0 : pg->nproof);
		bool want = !pages;
		for (int k = 0; pages && k < npages; k++)
			want = want || pages[k] == p;
		if (!want)
			continue;
		for (int i = pg->op0; i < end; i++) {
			const Op *op = &g_array_index(d->ops, Op, i);
			CutFace *c;
			if (op->kind != OP_TEXT || pf->face_of[op->font] < 0)
				continue;
			c = g_ptr_array_index(pf->faces, pf->face_of[op->font]);
			for (int g = 0; g < op->ng; g++)
				hb_set_add(c->glyphs,
				           g_array_index(d->glyphs, DGlyph, op->g0 + g).id);
		}
	}
	return pf;
}

/* what a cut face's cairo face holds: the FreeType face over the subset's bytes, and a
 * reference to the library (cairo may keep a face in its caches after pdffont_free) */
typedef struct {
	FT_Library lib;
	FT_Face ft;
	hb_blob_t *blob;
} Held;

static const cairo_user_data_key_t held_key;

static void
held_free(void *data)
{
	Held *h = data;
	FT_Done_Face(h->ft);
	hb_blob_destroy(h->blob);
	FT_Done_Library(h->lib);
	g_free(h);
}

/* The face cut to its glyphs: hb-subset with retain-gids, the unicodes that map to those
 * glyphs (so that the cut face's cmap still names them), no layout tables; NULL on failure. */
static cairo_font_face_t *
cut(PdfFonts *pf, CutFace *c)
{
	static const hb_tag_t drop[] = {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'),
	                                HB_TAG('G', 'D', 'E', 'F'), HB_TAG('B', 'A', 'S', 'E'),
	                                HB_TAG('J', 'S', 'T', 'F'), HB_TAG('M', 'A', 'T', 'H'),
	                                HB_TAG('D', 'S', 'I', 'G'), HB_TAG('V', 'O', 'R', 'G'),
	                                HB_TAG('v', 'h', 'e', 'a'), HB_TAG('v', 'm', 't', 'x')};
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	hb_set_t *all = hb_set_create(), *uni;
	hb_font_t *hf = hb_font_create(c->source);
	hb_codepoint_t u = HB_SET_VALUE_INVALID, gid;
	hb_face_t *sub;
	hb_blob_t *blob;
	const char *data;
	unsigned len;
	FT_Face ft;
	Held *held;
	cairo_font_face_t *face;

	if (!in) {
		hb_set_destroy(all);
		hb_font_destroy(hf);
		return NULL;
	}
	hb_set_union(hb_subset_input_glyph_set(in), c->glyphs);
	uni = hb_subset_input_unicode_set(in);
	hb_face_collect_unicodes(c->source, all);
	while (hb_set_next(all, &u))
		if (hb_font_get_nominal_glyph(hf, u, &gid) && hb_set_has(c->glyphs, gid))
			hb_set_add(uni, u);
	for (size_t i = 0; i < G_N_ELEMENTS(drop); i++)
		hb_set_add(hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG), drop[i]);
	/* desubroutinizing or dropping hints measured no faster (the sample, 3 runs each) */
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_RETAIN_GIDS);
	sub = hb_subset_or_fail(c->source, in);
	hb_subset_input_destroy(in);
	hb_set_destroy(all);
	hb_font_destroy(hf);
	if (!sub)
		return NULL;
	blob = hb_face_reference_blob(sub);
	hb_face_destroy(sub);
	data = hb_blob_get_data(blob, &len);
	if (len == 0 ||
	    FT_New_Memory_Face(pf->ft, (const FT_Byte *)data, (FT_Long)len, 0, &ft) != 0) {
		hb_blob_destroy(blob);
		return NULL;
	}
	held = g_new(Held, 1);
	*held = (Held){pf->ft, ft, blob};
	FT_Reference_Library(pf->ft);
	face = cairo_ft_font_face_create_for_ft_face(ft, 0);
	if (cairo_font_face_set_user_data(face, &held_key, held, held_free) !=
	    CAIRO_STATUS_SUCCESS) {
		cairo_font_face_destroy(face);
		held_free(held);
		return NULL;
	}
	return face;
}

cairo_scaled_font_t *
pdffont_scaled(PdfFonts *pf, int font)
{
	cairo_scaled_font_t *orig =
	    pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(pf->d->fonts[font]));
	CutFace *c;
	if (pf->face_of[font] < 0)
		return cairo_scaled_font_reference(orig);
	if (!pf->scaled[font]) {
		cairo_matrix_t fm, ctm;
		cairo_font_options_t *fo;
		c = g_ptr_array_index(pf->faces, pf->face_of[font]);
		if (!c->tried) {
			c->tried = true;
			c->face = cut(pf, c);
		}
		if (!c->face) {
			pf->face_of[font] = -1;
			return cairo_scaled_font_reference(orig);
		}
		fo = cairo_font_options_create();
		cairo_scaled_font_get_font_matrix(orig, &fm);
		cairo_scaled_font_get_ctm(orig, &ctm);
		cairo_scaled_font_get_font_options(orig, fo);
		pf->scaled[font] = cairo_scaled_font_create(c->face, &fm, &ctm, fo);
		cairo_font_options_destroy(fo);
	}
	return cairo_scaled_font_reference(pf->scaled[font]);
}

void
pdffont_free(PdfFonts *pf)
{
	if (!pf)
		return;
	for (int i = 0; i < pf->d->nfonts; i++)
		if (pf->scaled[i])
			cairo_scaled_font_destroy(pf->scaled[i]);
	g_ptr_array_unref(pf->faces);
	g_free(pf->scaled);
	g_free(pf->face_of);
	if (pf->ft)
		FT_Done_Library(
		    pf->ft); /* the faces still in cairo's caches hold their own reference */
	g_free(pf);
}
