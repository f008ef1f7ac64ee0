/* vertical.c - vertical text (直排) for headlines and rubrics: HarfBuzz top-to-bottom shaping with
 * the font's vertical forms (vert), ideographs upright, and 2-3 digits set across one cell
 * (纵中横, tate-chu-yoko). Columns of text follow each other from right to left. */
#include "vertical.h"
#include "i18n.h"
#include <hb.h>
#include <string.h>

typedef struct {
	FlowRun *run;
	hb_font_t *hb;
	Len em, cx, y; /* cell width, centre line of the current column, top of the next cell */
} VPen;

static FlowRun *
run_new(int page, PangoFont *font, uint32_t color)
{
	FlowRun *r = g_new0(FlowRun, 1);
	r->page = page;
	r->font = g_object_ref(font);
	r->color = color;
	r->glyphs = g_array_new(FALSE, FALSE, sizeof(RunGlyph));
	r->text = g_string_new(NULL);
	r->clusters = g_array_new(FALSE, FALSE, sizeof(int));
	return r;
}

static void
add_cluster(VPen *v, const char *s, int bytes, int glyphs)
{
	g_string_append_len(v->run->text, s, bytes);
	g_array_append_val(v->run->clusters, bytes);
	g_array_append_val(v->run->clusters, glyphs);
}

static hb_buffer_t *
shape(VPen *v, const char *s, int len, hb_direction_t dir)
{
	hb_buffer_t *b = hb_buffer_create();
	hb_buffer_set_cluster_level(b, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
	hb_buffer_add_utf8(b, s, len, 0, len);
	hb_buffer_set_direction(b, dir);
	hb_buffer_set_script(b, HB_SCRIPT_HAN);
	hb_buffer_set_language(b, hb_language_from_string("zh-CN", -1));
	hb_shape(v->hb, b, NULL, 0);
	return b;
}

/* 2 or 3 digits across one cell */
static void
set_tcy(VPen *v, const char *s, int len)
{
	hb_buffer_t *b = shape(v, s, len, HB_DIRECTION_LTR);
	unsigned n;
	hb_glyph_info_t *info = hb_buffer_get_glyph_infos(b, &n);
	hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(b, NULL);
	Len w = 0, x;
	for (unsigned i = 0; i < n; i++)
		w += pos[i].x_advance;
	x = v->cx - w / 2;
	for (unsigned i = 0; i < n; i++) {
		RunGlyph g = {info[i].codepoint, x + pos[i].x_offset,
		              v->y + len_em(v->em, 88, 100)};
		g_array_append_val(v->run->glyphs, g);
		x += pos[i].x_advance;
	}
	add_cluster(v, s, len, (int)n);
	v->y += v->em;
	hb_buffer_destroy(b);
}

static void
set_upright(VPen *v, const char *s, int len)
{
	hb_buffer_t *b = shape(v, s, len, HB_DIRECTION_TTB);
	unsigned n;
	hb_glyph_info_t *info = hb_buffer_get_glyph_infos(b, &n);
	hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(b, NULL);
	for (unsigned i = 0; i < n; i++) {
		RunGlyph g = {info[i].codepoint, v->cx + pos[i].x_offset, v->y - pos[i].y_offset};
		g_array_append_val(v->run->glyphs, g);
		v->y -= pos[i].y_advance; /* TTB advances are negative: down the page */
	}
	add_cluster(v, s, len, (int)n);
	hb_buffer_destroy(b);
}

static int
digits_at(const char *p)
{
	int k = 0;
	while (p[k] >= '0' && p[k] <= '9')
		k++;
	return k;
}

Len
vertical_set(FlowCtx *c, int page, const char *text, const Style *s, Len x_right, Len top,
             Len height, const ItemsWhere *where, Len *depth)
{
	PangoFontDescription *d = fonts_describe(c->fonts, s);
	PangoFont *font = pango_font_map_load_font(c->fonts->map, c->fonts->ctx, d);
	VPen v = {run_new(page, font, s->color), pango_font_get_hb_font(font), s->size};
	v.run->size = s->size;
	Len pitch = s->size + s->size / 5, bottom = top + height;
	int columns = 1;

	v.cx = x_right - pitch / 2;
	v.y = top;
	for (const char *p = text; *p;) {
		int k = digits_at(p), len;
		if (v.y + v.em > bottom) { /* the next column to the left */
			v.cx -= pitch;
			v.y = top;
			columns++;
		}
		if (k >= 2 && k <= 3) {
			set_tcy(&v, p, k);
			p += k;
			continue;
		}
		len = (int)(g_utf8_next_char(p) - p);
		if (*p != ' ' &&
		    !hb_font_get_nominal_glyph(v.hb, g_utf8_get_char(p), &(hb_codepoint_t){0})) {
			/* left out, as in horizontal text: no cell, no .notdef box */
			items_report_uncovered(
			    where, g_utf8_get_char(p),
			    where && where->para && where->para->text == text ? p - text : -1,
			    c->r);
			p += len;
			continue;
		}
		if (*p == ' ') {
			add_cluster(&v, p, 1, 0);
			v.y += v.em / 2;
		} else {
			set_upright(&v, p, len);
		}
		p += len;
	}
	for (guint i = 0; i < v.run->glyphs->len; i++)
		if (g_array_index(v.run->glyphs, RunGlyph, i).id == 0)
			report_error(c->r, DIAG_GLYPH, where ? where->file : NULL,
			             where ? where->line : 0, 0,
			             _("replace the character or map a font that has it"),
			             _("a character of the vertical text \"%s\" has no glyph"),
			             report_clip(c->r, text));
	if (columns > 1)
		report_warning(c->r, DIAG_LAYOUT, where ? where->file : NULL,
		               where ? where->line : 0, 0,
		               _("shorten the headline or give the module more grid lines"),
		               _("vertical text \"%s\" needs %d columns of %d grid lines"),
		               report_clip(c->r, text), columns, (int)(height / c->g->pitch));
	g_ptr_array_add(c->out->runs, v.run);
	g_object_unref(font);
	pango_font_description_free(d);
	if (depth)
		*depth = columns > 1 ? height : v.y - top;
	return columns * pitch;
}
