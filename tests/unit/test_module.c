/* test_module.c - one story through its frames (module.c, with jump.c and fit.c): balancing,
 * text around an inset photo, a jump over two pages, overset and its fit figures. */
#include "unit_pipeline.h"

/* body lines of page p per column left edge x */
static int
body_lines_at(const Flow *f, int p, double x)
{
	int n = 0;
	for (guint i = 0; i < f->lines->len; i++) {
		const FlowLine *l = &g_array_index(f->lines, FlowLine, i);
		const FlowPara *fp = g_ptr_array_index(f->paras, l->para);
		n += l->page == p && !l->proof && strcmp(fp->style->name, "body") == 0 &&
		     fabs(len_to_pt(l->x) - x) < 0.01;
	}
	return n;
}

START_TEST(test_balanced)
{
	Report *r;
	g_autoptr(Pipeline) p = unit_pipeline("balance", STAGE_FLOW, false, 1, &r);
	const StoryFit *fit = &p->flow->fits[0];
	int left = body_lines_at(p->flow, 0, 22.68), right = body_lines_at(p->flow, 0, 130.68);
	ck_assert_int_eq(left + right, 7);
	ck_assert_int_le(abs(left - right), 1);
	ck_assert_int_ge(left, right);
	ck_assert_int_eq(fit->frames, 1);
	ck_assert_int_eq(fit->lines_set, 7);
	/* 29 lines short: the head group grows by its maximum of 4 lines (flush.c), which takes
	 * 8 of them from the two columns; the rest is the make-up finding */
	ck_assert_int_eq(fit->underset_was, 29);
	ck_assert_int_eq(fit->flush_head, 4);
	ck_assert_int_eq(fit->lines_avail, 28);
	ck_assert_int_eq(fit->underset, 21);
	ck_assert_int_eq(fit->overset_lines, 0);
	ck_assert_ptr_null(fit->overset_text);
	report_free(r);
}
END_TEST

START_TEST(test_around_inset)
{
	Report *r;
	g_autoptr(Pipeline) p = unit_pipeline("inset", STAGE_FLOW, false, 1, &r);
	const Flow *f = p->flow;
	const Figure *img = NULL;
	int beside = 0;
	for (guint i = 0; i < f->figures->len; i++)
		if (g_array_index(f->figures, Figure, i).kind == FIG_IMAGE)
			img = &g_array_index(f->figures, Figure, i);
	ck_assert_ptr_nonnull(img);
	for (guint i = 0; i < f->lines->len; i++) {
		const FlowLine *l = &g_array_index(f->lines, FlowLine, i);
		bool over_x = l->x >= img->x && l->x < img->x + img->w;
		if (l->proof)
			continue;
		if (over_x && l->baseline > img->y && l->baseline < img->y + img->h)
			ck_abort_msg("a line at y=%.2f runs through the photo",
			             len_to_pt(l->baseline));
		beside += !over_x && l->baseline > img->y && l->baseline < img->y + img->h;
	}
	ck_assert_int_gt(beside, 0);                /* the other column runs on beside it */
	ck_assert_int_eq(f->fits[0].flush_head, 4); /* the short module's head group grew */
	/* the photo was two lines under the text's top: it went to the top and down with the head
	 * group (its image 5 lines, the caption one more under the empty line); one paragraph is
	 * a line longer */
	ck_assert_int_eq(img->y, grid_line_y(&p->model->layout->grid, 7));
	ck_assert_int_eq(img->h, 5 * p->model->layout->grid.pitch);
	ck_assert_int_eq(f->fits[0].lines_set, 25);
	ck_assert_int_eq(f->fits[0].flush_pushed, 1);
	report_free(r);
}
END_TEST

START_TEST(test_jump)
{
	Report *r;
	g_autoptr(Pipeline) p = unit_pipeline("jump", STAGE_FLOW, false, 1, &r);
	const StoryFit *fit = &p->flow->fits[0];
	const FlowLine *out = unit_find_line(p->flow, "下转第02版");
	ck_assert_int_eq(fit->frames, 2);
	/* 18 lines short, the second part's 17 and a line the widow rules leave in the first: the
	 * head group over the first grows by 4 lines (8 lines of its two columns go on into the
	 * second), a paragraph takes a line more */
	ck_assert_int_eq(fit->underset_was, 18);
	ck_assert_int_eq(fit->flush_head, 4);
	ck_assert_int_eq(fit->lines_set, 16);
	ck_assert_int_eq(fit->lines_avail, 25);
	ck_assert_int_eq(fit->underset, 9);
	/* the 下转 line sits at the foot of the first part's last column */
	ck_assert_ptr_nonnull(out);
	ck_assert_double_eq_tol(len_to_pt(out->x), 130.68, 0.01);
	ck_assert_ptr_null(unit_find(r, REPORT_WARNING, "runs out"));
	report_free(r);
}
END_TEST

START_TEST(test_overset)
{
	Report *r;
	g_autoptr(Pipeline) p = unit_pipeline("overset", STAGE_FLOW, false, 1, &r);
	const StoryFit *fit = &p->flow->fits[0];
	ck_assert_int_eq(fit->lines_set, 4);
	ck_assert_int_eq(fit->lines_avail, 4);
	ck_assert_int_eq(fit->overset_lines, 5);
	ck_assert_int_eq(fit->overset_chars, 49);
	ck_assert_int_eq(fit->underset, 0);
	ck_assert_str_eq(fit->overset_text, "长4.13公里的过江通道全面进入");
	ck_assert_ptr_nonnull(unit_find(r, REPORT_ERROR, "overset: story long does not fit"));
	report_free(r);
}
END_TEST

static Suite *
module_suite(void)
{
	Suite *s = suite_create("module");
	TCase *tc = tcase_create("module");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_balanced);
	tcase_add_test(tc, test_around_inset);
	tcase_add_test(tc, test_jump);
	tcase_add_test(tc, test_overset);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return unit_run(module_suite());
}
