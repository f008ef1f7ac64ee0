/* test_clear.c - clearances (clear.c), measured from the display list: the ink box of every
 * glyph (the font's glyph extents, placed as drawn) against the ink of every rule and box edge
 * (stroked, butt caps) and every tint edge of its page, on the sample editions; none closer
 * than the layout's clearance (the gap between two rectangles, diagonal at corners).
 * CLEAR_VERBOSE=1 lists every pair that is closer. And the mechanisms one by one. */
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
		r.y0 = dlist_glyph_y(d, op, i) + ink.y;
		r.y1 = dlist_glyph_y(d, op, i) + ink.y + ink.height;
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

/* the sample edition's pipeline, up to the display list */
static Pipeline *
sample(Report **r)
{
	g_autofree char *path = unit_source_path("samples/edition/edition.xml");
	g_autofree char *conf = unit_fonts_conf();
	PipelineOptions o = {.fonts_conf = conf, .last = STAGE_DLIST, .threads = 1};
	Pipeline *p;
	*r = report_new();
	p = pipeline_run(path, &o, *r);
	ck_assert_msg(p != NULL, "%s", unit_report_text(*r));
	return p;
}

/* page 02: the notice box beside the rule at-col="2" replaces it (no double line); the rule
 * at-col="4" stops where the box of the notice under the marathon story begins */
START_TEST(test_box_replaces_column_rule)
{
	Report *r;
	g_autoptr(Pipeline) p = sample(&r);
	const Grid *g = &p->model->layout->grid;
	Len x2 = grid_col_x(g, 2) + grid_col_width(g) + g->gutter / 2;
	Len x4 = grid_col_x(g, 4) + grid_col_width(g) + g->gutter / 2;
	Len low = grid_line_y(g, 73);
	int at2 = 0, at4 = 0;
	for (guint i = 0; i < p->flow->figures->len; i++) {
		const Figure *f = &g_array_index(p->flow->figures, Figure, i);
		if (f->page != 1 || f->kind != FIG_RULE || f->w != 0 || f->y + f->h <= low)
			continue;
		at2 += f->x == x2;
		if (f->x == x4) {
			at4++;
			/* the box's top edge is a quarter pitch into its first grid line */
			ck_assert_int_le(f->y + f->h, grid_line_y(g, 89) + g->pitch / 4);
		}
	}
	ck_assert_int_eq(at2, 0);
	ck_assert_int_eq(at4, 1);
	report_free(r);
}
END_TEST

/* page 01: the image ad under the 1 pt rule keeps its module, inset the clearance below the
 * rule; images are drawn before rules */
START_TEST(test_ad_under_rule)
{
	Report *r;
	g_autoptr(Pipeline) p = sample(&r);
	const DList *d = p->dlist;
	const Grid *g = &p->model->layout->grid;
	const Op *ad = NULL, *rule = NULL;
	int ad_at = -1, rule_at = -1;
	for (int i = d->pages[0].op0; i < d->pages[0].op0 + d->pages[0].nops; i++) {
		const Op *op = &g_array_index(d->ops, Op, i);
		if (op->kind == OP_IMAGE && op->y >= grid_line_y(g, 80))
			ad = op, ad_at = i;
		if (op->kind == OP_RULE && op->h == 0 && op->weight == len_from_pt(1))
			rule = op, rule_at = i;
	}
	ck_assert_ptr_nonnull(ad);
	ck_assert_ptr_nonnull(rule);
	ck_assert_int_lt(ad_at, rule_at);
	ck_assert_int_ge(ad->y - (rule->y + rule->weight / 2), g->clearance);
	ck_assert_int_ge(ad->y, grid_line_y(g, 81)); /* inside its module */
	ck_assert_int_le(ad->iy + ad->ih, grid_line_y(g, 105));
	report_free(r);
}
END_TEST

/* Rules between two full columns of body text have no room for the clearance: one warning for
 * the edition, at the first, counting the others. */
START_TEST(test_tight_rules_said_once)
{
	g_autofree char *dir = unit_tmpdir();
	g_autofree char *conf = unit_fonts_conf();
	g_autofree char *layout = unit_layout_path();
	GString *text = g_string_new(NULL);
	g_autofree char *xml = NULL, *path = NULL, *story = NULL;
	PipelineOptions o = {
	    .fonts_conf = conf, .last = STAGE_FLOW, .threads = 1, .allow_outside = true};
	Report *r = report_new();
	Pipeline *p;
	const Diag *w;
	for (int i = 0; i < 40; i++)
		g_string_append(text,
		                "江城日报讯今年以来，全市经济运行稳中有进，社会大局和谐稳定。");
	g_string_append(text, "\n");
	story = unit_write(dir, "t.txt", text->str);
	xml = g_strdup_printf("<edition paper=\"江城日报\" date=\"2026-11-28\" layout=\"%s\">\n"
	                      "  <page folio=\"01\">\n"
	                      "    <story id=\"a\" src=\"t.txt\" cols=\"1-2\" lines=\"1-10\"/>\n"
	                      "    <rule cols=\"1-2\" at-line=\"10\"/>\n"
	                      "    <story id=\"b\" src=\"t.txt\" cols=\"1-2\" lines=\"11-20\"/>\n"
	                      "    <rule cols=\"1-2\" at-line=\"20\"/>\n"
	                      "    <story id=\"c\" src=\"t.txt\" cols=\"1-2\" lines=\"21-30\"/>\n"
	                      "  </page>\n"
	                      "</edition>\n",
	                      layout);
	path = unit_write(dir, "ed.xml", xml);
	p = pipeline_run(path, &o, r);
	ck_assert_msg(p != NULL, "%s", unit_report_text(r));
	w = unit_find(r, REPORT_WARNING, "cannot keep the clearance");
	ck_assert_msg(w != NULL, "%s", unit_report_text(r));
	ck_assert_int_eq(w->line, 4);
	ck_assert_ptr_nonnull(strstr(w->msg, "a horizontal rule on page 01"));
	ck_assert_ptr_nonnull(strstr(w->msg, "(and 1 more rules or box edges)"));
	for (guint i = 0, n = 0; i < r->diags->len; i++) {
		n += strstr(unit_diag(r, i)->msg, "cannot keep the clearance") != NULL;
		ck_assert_uint_le(n, 1);
	}
	pipeline_free(p);
	report_free(r);
	g_string_free(text, TRUE);
	unit_rmtree(dir);
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
	tcase_add_test(tc, test_box_replaces_column_rule);
	tcase_add_test(tc, test_ad_under_rule);
	tcase_add_test(tc, test_tight_rules_said_once);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return unit_run(clear_suite());
}
