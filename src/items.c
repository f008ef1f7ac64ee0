/* items.c - itemizing a paragraph with Pango and shaping each item once with HarfBuzz. */
#include "items.h"
#include <hb.h>
#include <string.h>

void
items_free(Items *it)
{
	if (!it)
		return;
	for (int i = 0; i < it->nfonts; i++)
		g_object_unref(it->fonts[i]);
	g_free(it->fonts);
	g_free(it->cl);
	g_free(it->gl);
	g_free(it->text);
	g_free(it);
}

static int
font_index(Items *it, PangoFont *font)
{
	for (int i = 0; i < it->nfonts; i++)
		if (it->fonts[i] == font)
			return i;
	it->fonts = g_renew(PangoFont *, it->fonts, it->nfonts + 1);
	it->fonts[it->nfonts] = g_object_ref(font);
	return it->nfonts++;
}

static hb_buffer_t *
shape_item(const Items *it, const PangoItem *item, const hb_feature_t *features, int nfeatures)
{
	hb_buffer_t *buf = hb_buffer_create();
	hb_font_t *font = pango_font_get_hb_font(item->analysis.font);
	hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
	hb_buffer_add_utf8(buf, it->text, it->textlen, (unsigned)item->offset, item->length);
	hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
	hb_buffer_set_language(buf, hb_language_from_string("zh-CN", -1));
	hb_buffer_guess_segment_properties(buf);
	hb_shape(font, buf, features, (unsigned)nfeatures);
	return buf;
}

/* Blank halves from the font's `halt` (alternate half widths) metrics; a font without
 * `halt` gets them from the class, for full-width marks only. */
static void
set_blanks(Cluster *c, Len halt_adv, Len halt_off, Len norm_off, Len em)
{
	Len cut;
	c->blank_l = c->blank_r = 0;
	if (!kinsoku_is_cjk_punct(c->cls) || c->ng != 1)
		return;
	if (halt_adv < c->adv) {
		cut = c->adv - halt_adv;
		c->blank_l = CLAMP(norm_off - halt_off, 0, cut);
		c->blank_r = cut - c->blank_l;
		return;
	}
	if (c->adv < len_em(em, 9, 10))
		return; /* a proportional mark has no blank to give */
	if (c->cls == KC_OPEN)
		c->blank_l = c->adv / 2;
	else if (c->cls == KC_MIDDOT || c->cls == KC_COLON || c->cls == KC_EXCL)
		c->blank_l = c->blank_r = c->adv / 4;
	else
		c->blank_r = c->adv / 2;
}

/* Set a cluster none of our fonts has in a face of the machine, if one has it. */
static bool
machine_fallback(Fonts *f, const Style *s, Items *it, Cluster *c, GArray *gl)
{
	PangoFont *font = fonts_machine_fallback(f, s, c->ch);
	hb_buffer_t *buf;
	hb_glyph_info_t *info;
	hb_glyph_position_t *pos;
	unsigned n;
	bool ok;

	if (!font)
		return false;
	buf = hb_buffer_create();
	hb_buffer_add_utf8(buf, it->text, it->textlen, (unsigned)c->start, c->len);
	hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
	hb_buffer_guess_segment_properties(buf);
	hb_shape(pango_font_get_hb_font(font), buf, NULL, 0);
	info = hb_buffer_get_glyph_infos(buf, &n);
	pos = hb_buffer_get_glyph_positions(buf, NULL);
	ok = n > 0;
	for (unsigned i = 0; i < n; i++)
		ok = ok && info[i].codepoint != 0;
	if (ok) {
		c->font = font_index(it, font);
		c->g0 = (int)gl->len;
		c->ng = (int)n;
		c->adv = s->tracking;
		c->blank_l = c->blank_r = 0;
		for (unsigned i = 0; i < n; i++) {
			Glyph g = {info[i].codepoint, pos[i].x_offset, pos[i].y_offset,
			           pos[i].x_advance};
			g_array_append_val(gl, g);
			c->adv += pos[i].x_advance;
		}
		c->missing = false;
	}
	hb_buffer_destroy(buf);
	g_object_unref(font);
	return ok;
}

/* A character set from the machine's fonts is a warning; one no font has is an error. */
static void
report_missing(Items *it, const Cluster *c, const ItemsWhere *w, Report *r)
{
	char utf8[8] = {0};
	g_unichar_to_utf8(c->ch, utf8);
	if (!c->missing) {
		g_autofree char *face = fonts_face_name(it->fonts[c->font]);
		report_warning(r, DIAG_GLYPH, w ? w->file : NULL, w ? w->line : 0, 0,
		               "map a font that has it in the layout to keep the page's faces",
		               "U+%04X %s is in none of the configured fonts; set in %s from this "
		               "machine (%s)",
		               c->ch, utf8, face, w && w->what ? w->what : "text");
		return;
	}
	it->nmissing++;
	report_error(r, DIAG_GLYPH, w ? w->file : NULL, w ? w->line : 0, 0,
	             "replace the character or map a font that has it in the layout",
	             "U+%04X %s has no glyph in any configured font (%s)", c->ch, utf8,
	             w && w->what ? w->what : "text");
}

static void
add_clusters(Items *it, const PangoItem *item, hb_buffer_t *buf, Fonts *f, const Style *s,
             GArray *cl, GArray *gl, const ItemsWhere *w, Report *r)
{
	unsigned n;
	hb_glyph_info_t *info = hb_buffer_get_glyph_infos(buf, &n);
	hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(buf, NULL);
	int font = font_index(it, item->analysis.font);

	for (unsigned i = 0; i < n;) {
		Cluster c = {0};
		unsigned j = i;
		c.start = (int)info[i].cluster;
		c.ch = g_utf8_get_char(it->text + c.start);
		c.cls = kinsoku_class(c.ch);
		c.font = font;
		c.g0 = (int)gl->len;
		for (; j < n && info[j].cluster == info[i].cluster; j++) {
			Glyph g = {info[j].codepoint, pos[j].x_offset, pos[j].y_offset,
			           pos[j].x_advance};
			c.adv += pos[j].x_advance;
			c.missing = c.missing || info[j].codepoint == 0;
			g_array_append_val(gl, g);
		}
		c.ng = (int)(j - i);
		c.len = (j < n ? (int)info[j].cluster : item->offset + item->length) - c.start;
		if (kinsoku_is_cjk_punct(c.cls) && c.ng == 1 && !c.missing) {
			Len hadv, hoff;
			fonts_halt(f, item->analysis.font, c.ch, &hadv, &hoff);
			set_blanks(&c, hadv, hoff, pos[i].x_offset, it->em);
		}
		c.adv += s->tracking;
		if (c.missing) {
			machine_fallback(f, s, it, &c, gl);
			report_missing(it, &c, w, r);
		}
		g_array_append_val(cl, c);
		i = j;
	}
}

Items *
items_shape(Fonts *f, const Style *s, const char *text, const ItemsWhere *where, Report *r)
{
	Items *it = g_new0(Items, 1);
	PangoAttrList *attrs = pango_attr_list_new();
	PangoFontDescription *desc = fonts_describe(f, s);
	GArray *cl = g_array_new(FALSE, FALSE, sizeof(Cluster));
	GArray *gl = g_array_new(FALSE, FALSE, sizeof(Glyph));
	GList *items;

	it->text = s->normalize ? kinsoku_normalize(text) : g_strdup(text);
	it->textlen = (int)strlen(it->text);
	it->em = s->size;
	it->xscale = 1000;
	pango_attr_list_insert(attrs, pango_attr_font_desc_new(desc));
	pango_attr_list_insert(attrs, pango_attr_language_new(f->lang));
	items = pango_itemize(f->ctx, it->text, 0, it->textlen, attrs, NULL);
	for (GList *l = items; l; l = l->next) {
		PangoItem *item = l->data;
		hb_buffer_t *buf = shape_item(it, item, NULL, 0);
		add_clusters(it, item, buf, f, s, cl, gl, where, r);
		hb_buffer_destroy(buf);
	}
	g_list_free_full(items, (GDestroyNotify)pango_item_free);
	pango_attr_list_unref(attrs);
	pango_font_description_free(desc);
	/* to their size: a GArray grows by doubling, and every paragraph of the edition is kept */
	it->n = (int)cl->len;
	it->cl = g_renew(Cluster, g_array_free(cl, FALSE), it->n + 1);
	it->ngl = (int)gl->len;
	it->gl = g_renew(Glyph, g_array_free(gl, FALSE), it->ngl + 1);
	return it;
}

static Len
scaled(Len v, int permille)
{
	return (Len)(((gint64)v * permille + (v >= 0 ? 500 : -500)) / 1000);
}

void
items_scale(Items *it, int permille)
{
	for (int i = 0; i < it->n; i++) {
		it->cl[i].adv = scaled(it->cl[i].adv, permille);
		it->cl[i].blank_l = scaled(it->cl[i].blank_l, permille);
		it->cl[i].blank_r = scaled(it->cl[i].blank_r, permille);
	}
	for (int i = 0; i < it->ngl; i++) {
		it->gl[i].dx = scaled(it->gl[i].dx, permille);
		it->gl[i].adv = scaled(it->gl[i].adv, permille);
	}
	it->xscale = (int)scaled(it->xscale, permille);
}

void
items_dump(const Items *it, GString *out)
{
	g_string_append_printf(out, "items n=%d glyphs=%d fonts=%d em=%.2fpt\n", it->n, it->ngl,
	                       it->nfonts, len_to_pt(it->em));
	for (int i = 0; i < it->nfonts; i++) {
		g_autofree char *name = fonts_face_name(it->fonts[i]);
		g_string_append_printf(out, "  font %d %s\n", i, name);
	}
	for (int i = 0; i < it->n; i++) {
		const Cluster *c = &it->cl[i];
		g_string_append_printf(out, "  %d \"%.*s\" %s f%d adv=%.3f", i, c->len,
		                       it->text + c->start, kinsoku_class_name(c->cls), c->font,
		                       len_to_pt(c->adv));
		if (c->blank_l || c->blank_r)
			g_string_append_printf(out, " blank=%.3f/%.3f", len_to_pt(c->blank_l),
			                       len_to_pt(c->blank_r));
		if (c->missing)
			g_string_append(out, " MISSING");
		g_string_append_c(out, '\n');
	}
}
