/* compose.c - benchmark of the composer: shape, space and break 100,000 characters of body text
 * at the column measure, against the floor of only itemizing and shaping them with Pango. */
#include "font.h"
#include "items.h"
#include "just.h"
#include "layout.h"
#include "lines.h"
#include "story.h"
#include <stdio.h>
#include <string.h>

#define TARGET_CHARS 100000
#define ROUNDS       5

static int
by_name(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static GPtrArray *
load_paragraphs(const char *dir)
{
	GPtrArray *paras = g_ptr_array_new_with_free_func(g_free);
	GDir *d = g_dir_open(dir, 0, NULL);
	GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
	const char *name;
	long chars = 0;

	while (d && (name = g_dir_read_name(d)))
		if (g_str_has_suffix(name, ".txt"))
			g_ptr_array_add(names, g_build_filename(dir, name, NULL));
	if (d)
		g_dir_close(d);
	g_ptr_array_sort(names, by_name);
	while (chars < TARGET_CHARS && names->len > 0) {
		for (guint i = 0; i < names->len && chars < TARGET_CHARS; i++) {
			Report *r = report_new();
			Story *s = story_load(g_ptr_array_index(names, i), r);
			for (int k = 0; s && k < s->n; k++)
				if (s->paras[k].kind == PARA_BODY) {
					g_ptr_array_add(paras, g_strdup(s->paras[k].text));
					chars += g_utf8_strlen(s->paras[k].text, -1);
				}
			story_free(s);
			report_free(r);
		}
	}
	g_ptr_array_free(names, TRUE);
	fprintf(stderr, "%u paragraphs, %ld characters\n", paras->len, chars);
	return paras;
}

static double
floor_pass(const Fonts *f, const Style *s, GPtrArray *paras)
{
	PangoFontDescription *desc = fonts_describe(f, s);
	PangoAttrList *attrs = pango_attr_list_new();
	gint64 t0 = g_get_monotonic_time();
	pango_attr_list_insert(attrs, pango_attr_font_desc_new(desc));
	for (guint i = 0; i < paras->len; i++) {
		const char *t = g_ptr_array_index(paras, i);
		GList *items = pango_itemize(f->ctx, t, 0, (int)strlen(t), attrs, NULL);
		for (GList *l = items; l; l = l->next) {
			PangoItem *it = l->data;
			PangoGlyphString *gs = pango_glyph_string_new();
			pango_shape_full(t + it->offset, it->length, t, (int)strlen(t),
			                 &it->analysis, gs);
			pango_glyph_string_free(gs);
		}
		g_list_free_full(items, (GDestroyNotify)pango_item_free);
	}
	pango_attr_list_unref(attrs);
	pango_font_description_free(desc);
	return (g_get_monotonic_time() - t0) / 1e6;
}

static double
compose_pass(Fonts *f, const Style *s, Len measure, GPtrArray *paras, long *lines)
{
	gint64 t0 = g_get_monotonic_time();
	Report *r = report_new();
	*lines = 0;
	for (guint i = 0; i < paras->len; i++) {
		Items *it = items_shape(f, s, g_ptr_array_index(paras, i), NULL, r);
		Just *j = just_prepare(it, s, measure, LB_JUSTIFY, false);
		Lines *ls = lines_break(&j->in);
		*lines += ls->n;
		lines_free(ls);
		just_free(j);
		items_free(it);
	}
	report_free(r);
	return (g_get_monotonic_time() - t0) / 1e6;
}

static int
by_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int
main(int argc, char **argv)
{
	const char *root = argc > 1 ? argv[1] : ".";
	g_autofree char *layout_path = g_build_filename(root, "layouts", "broadsheet.xml", NULL);
	g_autofree char *stories = g_build_filename(root, "samples", "edition", "stories", NULL);
	Report *r = report_new();
	Layout *l = layout_load(layout_path, r);
	Fonts *f = l ? fonts_new(fonts_default_conf(), l, r) : NULL;
	GPtrArray *paras;
	double fl[ROUNDS], co[ROUNDS], chars = 0;
	long lines = 0;

	if (!f) {
		fprintf(stderr, "cannot load layout or fonts\n");
		return 1;
	}
	paras = load_paragraphs(stories);
	for (guint i = 0; i < paras->len; i++)
		chars += g_utf8_strlen(g_ptr_array_index(paras, i), -1);
	compose_pass(f, layout_style(l, ST_BODY), grid_col_width(&l->grid), paras,
	             &lines); /* warm */
	for (int k = 0; k < ROUNDS; k++) {
		fl[k] = floor_pass(f, layout_style(l, ST_BODY), paras);
		co[k] = compose_pass(f, layout_style(l, ST_BODY), grid_col_width(&l->grid), paras,
		                     &lines);
	}
	qsort(fl, ROUNDS, sizeof fl[0], by_double);
	qsort(co, ROUNDS, sizeof co[0], by_double);
	printf("characters            %.0f (%ld lines of %d characters)\n", chars, lines,
	       l->grid.chars);
	printf("floor  itemize+shape  %7.1f ms  %9.0f chars/s\n", fl[ROUNDS / 2] * 1e3,
	       chars / fl[ROUNDS / 2]);
	printf("compose shape+break   %7.1f ms  %9.0f chars/s\n", co[ROUNDS / 2] * 1e3,
	       chars / co[ROUNDS / 2]);
	printf("ratio compose/floor   %7.2f (median of %d rounds)\n",
	       co[ROUNDS / 2] / fl[ROUNDS / 2], ROUNDS);
	g_ptr_array_free(paras, TRUE);
	fonts_free(f);
	layout_free(l);
	report_free(r);
	return 0;
}
