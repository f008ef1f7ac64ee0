/* test_clear.c - clearances (clear.c), measured from the display list: the ink of every glyph
 * against every rule, box edge and tint edge of its page, on the sample editions. */
#include "unit_pipeline.h"
#include <math.h>

/* an axis-aligned rectangle of ink, in Len */
typedef struct {
	Len x0, y0, x1, y1;
} Ink;

/* the ink of the glyphs and of the edges of a page */
typedef struct {
	GArray *glyphs; /* Ink */
	GArray *edges;  /* Ink */
	GArray *what;   /* const char *: which op an edge is from */
} PageInk;

static void
add_edge(PageInk *pi, Len x0, Len y0, Len x1, Len y1, const char *what)
{
	Ink e = {MIN(x0, x1), MIN(y0, y1), MAX(x0, x1), MAX(y0, y1)};
	g_array_append_val(pi->edges, e);
	g_array_append_val(pi->what, what);
}

/* a stroked segment from (x0, y0) to (x1, y1), axis-aligned, butt caps */
static void
add_stroke(PageInk *pi, Len x0, Len y0, Len x1, Len y1, Len weight, const char *what)
{
	if (y0 == y1)
		add_edge(pi, x0, y0 - weight / 2, x1, y0 + weight / 2, what);
	else
		add_edge(pi, x0 - weight / 2, y0, x0 + weight / 2, y1, what);
}

static void
add_text(PageInk *pi, const DList *d, const Op *op)
{
	for (int i = 0; i < op->ng; i++) {
		const DGlyph *g = &g_array_index(d->glyphs, DGlyph, op->g0 + i);
		PangoRectangle ink;
		Ink r;
		pango_font_get_glyph_extents(d->fonts[op->font], g->id, &ink, NULL);
		if (ink.width <= 0 || ink.height <= 0)
			continue; /* a space */
		r.x0 = g->x + (Len)((gint64)ink.x * op->xscale / 1000);
		r.x1 = g->x + (Len)((gint64)(ink.x + ink.width) * op->xscale / 1000);
		r.y0 = g->y + ink.y;
		r.y1 = g->y + ink.y + ink.height;
		g_array_append_val(pi->glyphs, r);
	}
}

static PageInk
page_ink(const DList *d, int p)
{
	PageInk pi = {g_array_new(FALSE, FALSE, sizeof(Ink)),
	              g_array_new(FALSE, FALSE, sizeof(Ink)),
	              g_array_new(FALSE, FALSE, sizeof(const char *))};
	for (int i = d->pages[p].op0; i < d->pages[p].op0 + d->pages[p].nops; i++) {
		const Op *op = &g_array_index(d->ops, Op, i);
		Len x1 = op->x + op->w, y1 = op->y + op->h;
		switch (op->kind) {
		case OP_TEXT:
			add_text(&pi, d, op);
			break;
		case OP_RULE:
			add_stroke(&pi, op->x, op->y, x1, y1, op->weight, "rule");
			break;
		case OP_BOX:
			add_stroke(&pi, op->x, op->y, x1, op->y, op->weight, "box top");
			add_stroke(&pi, op->x, y1, x1, y1, op->weight, "box bottom");
			add_stroke(&pi, op->x, op->y, op->x, y1, op->weight, "box left");
			add_stroke(&pi, x1, op->y, x1, y1, op->weight, "box right");
			break;
		case OP_TINT:
			add_edge(&pi, op->x, op->y, x1, op->y, "tint top");
			add_edge(&pi, op->x, y1, x1, y1, "tint bottom");
			add_edge(&pi, op->x, op->y, op->x, y1, "tint left");
			add_edge(&pi, x1, op->y, x1, y1, "tint right");
			break;
		case OP_IMAGE:
			break;
		}
	}
	return pi;
}

static void
page_ink_done(PageInk *pi)
{
	g_array_free(pi->glyphs, TRUE);
	g_array_free(pi->edges, TRUE);
	g_array_free(pi->what, TRUE);
}

/* the gap between two rectangles, 0 when they touch or overlap */
static double
gap(const Ink *a, const Ink *b)
{
	double dx = (double)MAX(0, MAX(b->x0 - a->x1, a->x0 - b->x1));
	double dy = (double)MAX(0, MAX(b->y0 - a->y1, a->y0 - b->y1));
	return sqrt(dx * dx + dy * dy) / LEN_PER_PT;
}

/* Glyphs closer than `clearance` to a rule or edge of their page: their number; the closest
 * one described in worst (page, distance, where). */
static int
violations(const DList *d, Len clearance, GString *worst)
{
	int n = 0;
	double best = 1e9;
	for (int p = 0; p < d->npages; p++) {
		PageInk pi = page_ink(d, p);
		for (guint g = 0; g < pi.glyphs->len; g++) {
			const Ink *gi = &g_array_index(pi.glyphs, Ink, g);
			for (guint e = 0; e < pi.edges->len; e++) {
				double dist = gap(gi, &g_array_index(pi.edges, Ink, e));
				if (dist >= len_to_pt(clearance))
					continue;
				n++;
				if (g_getenv("CLEAR_VERBOSE"))
					g_printerr(
					    "%s %.2f,%.2f-%.2f,%.2f %.2f %s %.2f,%.2f-%.2f,%.2f\n",
					    d->pages[p].label, len_to_pt(gi->x0), len_to_pt(gi->y0),
					    len_to_pt(gi->x1), len_to_pt(gi->y1), dist,
					    g_array_index(pi.what, const char *, e),
					    len_to_pt(g_array_index(pi.edges, Ink, e).x0),
					    len_to_pt(g_array_index(pi.edges, Ink, e).y0),
					    len_to_pt(g_array_index(pi.edges, Ink, e).x1),
					    len_to_pt(g_array_index(pi.edges, Ink, e).y1));
				if (dist < best) {
					best = dist;
					g_string_printf(
					    worst,
					    "page %s: a glyph at %.2f,%.2f pt is %.2f pt "
					    "from a %s",
					    d->pages[p].label, len_to_pt(gi->x0), len_to_pt(gi->y1),
					    dist, g_array_index(pi.what, const char *, e));
				}
			}
		}
		page_ink_done(&pi);
	}
	return n;
}

static void
assert_clear(const char *edition)
{
	g_autofree char *path = unit_source_path(edition);
	g_autofree char *conf = unit_fonts_conf();
	PipelineOptions o = {.fonts_conf = conf, .last = STAGE_DLIST, .threads = 1};
	Report *r = report_new();
	g_autoptr(Pipeline) p = pipeline_run(path, &o, r);
	GString *worst = g_string_new(NULL);
	Len clearance;
	int n;
	ck_assert_msg(p != NULL, "%s: %s", edition, unit_report_text(r));
	clearance = p->model->layout->grid.clearance;
	n = violations(p->dlist, clearance, worst);
	ck_assert_msg(n == 0, "%s: %d glyph-edge pairs closer than %.2f pt; closest: %s", edition,
	              n, len_to_pt(clearance), worst->str);
	g_string_free(worst, TRUE);
	report_free(r);
}

START_TEST(test_sample_edition)
{
	assert_clear("samples/edition/edition.xml");
}
END_TEST

START_TEST(test_sample_narrow)
{
	assert_clear("samples/edition/narrow-11.xml");
}
END_TEST

START_TEST(test_sample_display)
{
	assert_clear("samples/display/edition.xml");
}
END_TEST

static Suite *
clear_suite(void)
{
	Suite *s = suite_create("clear");
	TCase *tc = tcase_create("samples");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_sample_edition);
	tcase_add_test(tc, test_sample_narrow);
	tcase_add_test(tc, test_sample_display);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return unit_run(clear_suite());
}
