/* test_vertical.c - text set vertically (vertical.c): glyphs top to bottom, lines right to left,
 * two digits across one cell (纵中横); and the vertical head group of a module (vhead.c). */
#include "flowctx.h"
#include "unit_pipeline.h"
#include "vertical.h"

/* the vertical runs' glyphs of one call, from run r0 on, in order */
static GArray *
glyphs_from(const Flow *f, guint r0)
{
	GArray *g = g_array_new(FALSE, FALSE, sizeof(RunGlyph));
	for (guint i = r0; i < f->runs->len; i++) {
		const FlowRun *run = g_ptr_array_index(f->runs, i);
		g_array_append_vals(g, run->glyphs->data, run->glyphs->len);
	}
	return g;
}

START_TEST(test_set_one_line)
{
	Report *r;
	g_autoptr(Pipeline) p = unit_pipeline("vertical", STAGE_FONTS, false, 1, &r);
	const Model *m = p->model;
	g_autoptr(Flow) out = flow_new(m, m->nstories);
	FlowCtx c = {m, &m->layout->grid, p->fonts, r, out};
	const Style *s = layout_style(m->layout, ST_HEADLINE);
	Len x_right = len_from_pt(200), top = len_from_pt(50), depth = 0, w;
	g_autoptr(GArray) g = NULL;
	w = vertical_set(&c, 0, "一二三四", s, x_right, top, len_from_pt(400), NULL, &depth);
	g = glyphs_from(out, 0);
	ck_assert_uint_eq(g->len, 4);
	ck_assert_int_gt(w, 0);
	ck_assert_int_le(w, s->size * 3 / 2); /* one line */
	ck_assert_int_ge(depth, 4 * s->size * 9 / 10);
	for (guint i = 0; i < g->len; i++) {
		const RunGlyph *gl = &g_array_index(g, RunGlyph, i);
		ck_assert_int_le(gl->x, x_right);
		ck_assert_int_ge(gl->x, x_right - w);
		ck_assert_int_ge(gl->y, top);
		if (i > 0) /* down the line, in the same column */
			ck_assert_int_gt(gl->y, g_array_index(g, RunGlyph, i - 1).y);
	}
	report_free(r);
}
END_TEST

START_TEST(test_lines_right_to_left)
{
	Report *r;
	g_autoptr(Pipeline) p = unit_pipeline("vertical", STAGE_FONTS, false, 1, &r);
	const Model *m = p->model;
	g_autoptr(Flow) out = flow_new(m, m->nstories);
	FlowCtx c = {m, &m->layout->grid, p->fonts, r, out};
	const Style *s = layout_style(m->layout, ST_HEADLINE);
	Len x_right = len_from_pt(200), top = len_from_pt(50), w;
	g_autoptr(GArray) g = NULL;
	/* room for two characters a line: three lines */
	w = vertical_set(&c, 0, "一二三四五六", s, x_right, top, s->size * 2, NULL, NULL);
	g = glyphs_from(out, 0);
	ck_assert_uint_eq(g->len, 6);
	ck_assert_int_ge(w, s->size * 5 / 2);
	ck_assert_int_gt(g_array_index(g, RunGlyph, 0).x, g_array_index(g, RunGlyph, 2).x);
	ck_assert_int_gt(g_array_index(g, RunGlyph, 2).x, g_array_index(g, RunGlyph, 4).x);
	ck_assert_int_eq(g_array_index(g, RunGlyph, 0).y, g_array_index(g, RunGlyph, 2).y);
	report_free(r);
}
END_TEST

/* the golden edition: the headline runs down the right of the module, "10" across one cell */
START_TEST(test_vertical_head)
{
	Report *r;
	g_autoptr(Pipeline) p = unit_pipeline("vertical", STAGE_FLOW, false, 1, &r);
	const Flow *f = p->flow;
	const FlowRun *head = NULL;
	int same_y = 0;
	for (guint i = 0; i < f->runs->len; i++) {
		const FlowRun *run = g_ptr_array_index(f->runs, i);
		if (strstr(run->text->str, "寒潮"))
			head = run;
	}
	ck_assert_ptr_nonnull(head);
	ck_assert_uint_eq(head->glyphs->len, 11); /* 10 characters: the two digits share a cell */
	for (guint i = 1; i < head->glyphs->len; i++) {
		const RunGlyph *a = &g_array_index(head->glyphs, RunGlyph, i - 1);
		const RunGlyph *b = &g_array_index(head->glyphs, RunGlyph, i);
		ck_assert_int_ge(b->y, a->y);
		if (b->y == a->y) {
			same_y++;
			ck_assert_int_gt(b->x, a->x); /* 纵中横: side by side */
		}
	}
	ck_assert_int_eq(same_y, 1);
	/* the body keeps to the columns left of it */
	for (guint i = 0; i < f->lines->len; i++) {
		const FlowLine *l = &g_array_index(f->lines, FlowLine, i);
		const FlowPara *fp = g_ptr_array_index(f->paras, l->para);
		if (!l->proof && strcmp(fp->style->name, "body") == 0)
			ck_assert_int_lt(l->x + fp->measure,
			                 g_array_index(head->glyphs, RunGlyph, 0).x);
	}
	report_free(r);
}
END_TEST

static Suite *
vertical_suite(void)
{
	Suite *s = suite_create("vertical");
	TCase *tc = tcase_create("vertical");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_set_one_line);
	tcase_add_test(tc, test_lines_right_to_left);
	tcase_add_test(tc, test_vertical_head);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return unit_run(vertical_suite());
}
