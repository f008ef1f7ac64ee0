/* items.c - itemizing a paragraph with Pango and shaping each item once with HarfBuzz. */
#include "items.h"
#include "i18n.h"
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

static void
add_clusters(Items *it, const PangoItem *item, hb_buffer_t *buf, Fonts *f, const Style *s,
             GArray *cl, GArray *gl)
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
			c.adv = c.blank_l = c.blank_r = 0; /* never drawn (dlist skips it) */
			it->nmissing++;
		}
		g_array_append_val(cl, c);
		i = j;
	}
}

/* Itemize and shape it->text with the configured fonts into it->cl, it->gl and it->fonts. */
static void
shape_text(Items *it, Fonts *f, const Style *s)
{
	PangoAttrList *attrs = pango_attr_list_new();
	PangoFontDescription *desc = fonts_describe(f, s);
	GArray *cl = g_array_new(FALSE, FALSE, sizeof(Cluster));
	GArray *gl = g_array_new(FALSE, FALSE, sizeof(Glyph));
	GList *items;

	pango_attr_list_insert(attrs, pango_attr_font_desc_new(desc));
	pango_attr_list_insert(attrs, pango_attr_language_new(f->lang));
	items = pango_itemize(f->ctx, it->text, 0, it->textlen, attrs, NULL);
	for (GList *l = items; l; l = l->next) {
		PangoItem *item = l->data;
		hb_buffer_t *buf = shape_item(it, item, NULL, 0);
		add_clusters(it, item, buf, f, s, cl, gl);
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
}

static void
unshape(Items *it)
{
	for (int i = 0; i < it->nfonts; i++)
		g_object_unref(it->fonts[i]);
	g_clear_pointer(&it->fonts, g_free);
	g_clear_pointer(&it->cl, g_free);
	g_clear_pointer(&it->gl, g_free);
	it->nfonts = it->n = it->ngl = it->nmissing = 0;
}

/* The character as a message shows it: itself, or \u{XXXX} when it is invisible or would
 * change the terminal's line (controls, format characters, separators, marks, private use). */
static void
show_char(gunichar ch, char out[16])
{
	switch (g_unichar_type(ch)) {
	case G_UNICODE_CONTROL:
	case G_UNICODE_FORMAT:
	case G_UNICODE_UNASSIGNED:
	case G_UNICODE_PRIVATE_USE:
	case G_UNICODE_SURROGATE:
	case G_UNICODE_LINE_SEPARATOR:
	case G_UNICODE_PARAGRAPH_SEPARATOR:
	case G_UNICODE_SPACE_SEPARATOR:
	case G_UNICODE_NON_SPACING_MARK:
	case G_UNICODE_SPACING_MARK:
	case G_UNICODE_ENCLOSING_MARK:
		g_snprintf(out, 16, "\\u{%04X}", ch);
		break;
	default:
		out[g_unichar_to_utf8(ch, out)] = '\0';
	}
}

/* Where in w->para->text the character at byte `at` of it->text is, or -1: the same
 * occurrence of the character (normalization only replaces ASCII marks and spaces, which every
 * configured font covers). */
static gssize
source_offset(const Items *it, int at, const ItemsWhere *w)
{
	gunichar ch = g_utf8_get_char(it->text + at);
	int nth = 0;
	if (!w || !w->para)
		return -1;
	for (const char *p = it->text; p < it->text + at; p = g_utf8_next_char(p))
		nth += g_utf8_get_char(p) == ch;
	for (const char *p = w->para->text; *p; p = g_utf8_next_char(p))
		if (g_utf8_get_char(p) == ch && nth-- == 0)
			return p - w->para->text;
	return -1;
}

void
items_report_uncovered(const ItemsWhere *w, gunichar ch, gssize at, Report *r)
{
	char shown[16];
	int line = w ? w->line : 0, col = w ? w->col : 0;
	if (w && w->para && at >= 0)
		story_para_locate(w->para, (gsize)at, &line, &col);
	show_char(ch, shown);
	report_error(r, DIAG_GLYPH, w ? w->file : NULL, line, col,
	             _("replace the character, or add a font that has it to the font configuration "
	               "and map it in the layout"),
	             _("U+%04X %s is in none of the configured fonts; left out of the page (%s)"),
	             ch, shown, w && w->what ? i18n_name(w->what) : _("text"));
}

/* it->text without the characters no configured font has, each reported once. A cluster
 * whose glyph is missing loses only the characters its font lacks (a combining mark no font
 * has leaves its base character), or all of them when the font has each one alone. */
static char *
leave_out_uncovered(const Items *it, const ItemsWhere *w, Report *r)
{
	g_autofree bool *drop = g_new0(bool, (gsize)it->textlen + 1);
	GString *kept = g_string_sized_new((gsize)it->textlen);

	for (int i = 0; i < it->n; i++) {
		const Cluster *c = &it->cl[i];
		hb_font_t *font = pango_font_get_hb_font(it->fonts[c->font]);
		bool any = false;
		if (!c->missing)
			continue;
		for (const char *p = it->text + c->start; p < it->text + c->start + c->len;
		     p = g_utf8_next_char(p)) {
			hb_codepoint_t g;
			if (!hb_font_get_nominal_glyph(font, g_utf8_get_char(p), &g)) {
				drop[p - it->text] = any = true;
				items_report_uncovered(w, g_utf8_get_char(p),
				                       source_offset(it, (int)(p - it->text), w),
				                       r);
			}
		}
		if (!any) {
			items_report_uncovered(w, c->ch, source_offset(it, c->start, w), r);
			for (const char *p = it->text + c->start; p < it->text + c->start + c->len;
			     p = g_utf8_next_char(p))
				drop[p - it->text] = true;
		}
	}
	for (const char *p = it->text; *p; p = g_utf8_next_char(p))
		if (!drop[p - it->text])
			g_string_append_len(kept, p, g_utf8_next_char(p) - p);
	return g_string_free(kept, FALSE);
}

Items *
items_shape(Fonts *f, const Style *s, const char *text, const ItemsWhere *where, Report *r)
{
	Items *it = g_new0(Items, 1);

	it->text = s->normalize ? kinsoku_normalize(text) : g_strdup(text);
	it->textlen = (int)strlen(it->text);
	it->em = s->size;
	it->xscale = 1000;
	shape_text(it, f, s);
	if (it->nmissing > 0) {
		/* set the paragraph as if the characters were not there; anything still missing
		 * (a neighbour shaped differently) keeps a zero advance and is never drawn */
		char *kept = leave_out_uncovered(it, where, r);
		unshape(it);
		g_free(it->text);
		it->text = kept;
		it->textlen = (int)strlen(kept);
		shape_text(it, f, s);
	}
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
