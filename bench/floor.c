/* floor.c - the floor for the edition benchmark: the same text shaped and drawn by plain
 * PangoLayout into a PDF with the same faces, with no layout of ours (no grid, no rules), so
 * huozi's figures can be read as a ratio to what Pango and cairo cost by themselves.
 *
 * usage: floor OUT.pdf PAGES STORY.txt...   (every story on every page) */
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <stdio.h>
#include <string.h>

#define PAGE_W 1105.5
#define PAGE_H 1539.2

static void
draw_para(cairo_t *cr, PangoContext *ctx, const char *text, const char *font, double *x, double *y)
{
	PangoLayout *l = pango_layout_new(ctx);
	PangoFontDescription *d = pango_font_description_from_string(font);
	int w, h;
	pango_layout_set_font_description(l, d);
	pango_layout_set_width(l, 117 * PANGO_SCALE);
	pango_layout_set_text(l, text, -1);
	pango_layout_get_size(l, &w, &h);
	if (*y + h / (double)PANGO_SCALE > PAGE_H - 60) {
		*y = 60;
		*x += 126;
	}
	cairo_move_to(cr, *x, *y);
	pango_cairo_show_layout(cr, l);
	*y += h / (double)PANGO_SCALE;
	pango_font_description_free(d);
	g_object_unref(l);
}

int
main(int argc, char **argv)
{
	const char *conf = g_getenv("HUOZI_FONTS_CONF");
	FcConfig *fc = FcConfigCreate();
	PangoFontMap *map;
	PangoContext *ctx;
	cairo_surface_t *s;
	cairo_t *cr;
	int pages;

	if (argc < 4 || !conf) {
		fprintf(stderr,
		        "usage: HUOZI_FONTS_CONF=fonts.conf floor OUT.pdf PAGES STORY.txt...\n");
		return 2;
	}
	pages = atoi(argv[2]);
	FcConfigParseAndLoad(fc, (const FcChar8 *)conf, FcTrue);
	FcConfigBuildFonts(fc);
	map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), fc);
	pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(map), 72);
	ctx = pango_font_map_create_context(map);
	pango_context_set_language(ctx, pango_language_from_string("zh-cn"));
	s = cairo_pdf_surface_create(argv[1], PAGE_W, PAGE_H);
	cr = cairo_create(s);
	for (int p = 0; p < pages; p++) {
		double x = 50, y = 60;
		for (int i = 3; i < argc; i++) {
			char *data = NULL;
			gchar **paras;
			if (!g_file_get_contents(argv[i], &data, NULL, NULL))
				continue;
			paras = g_strsplit(data, "\n\n", -1);
			for (int k = 0; paras[k]; k++) {
				const char *font = k == 0 ? "Noto Sans CJK SC Bold 20"
				                   : strstr(paras[k], "本报") == paras[k]
				                       ? "LXGW WenKai 9"
				                       : "Noto Serif CJK SC 9";
				draw_para(cr, ctx, paras[k], font, &x, &y);
			}
			g_strfreev(paras);
			g_free(data);
		}
		cairo_show_page(cr);
	}
	cairo_destroy(cr);
	cairo_surface_finish(s);
	cairo_surface_destroy(s);
	g_object_unref(ctx);
	g_object_unref(map);
	return 0;
}
