/* test_furniture.c - the page furniture (furniture.c): masthead, running head with credits,
 * rules, image and text ads, on tests/golden/furniture.xml. */
#include "unit_pipeline.h"

START_TEST(test_furniture)
{
	Report *r;
	g_autoptr(Pipeline) p = unit_pipeline("furniture", STAGE_FLOW, false, 1, &r);
	const Flow *f = p->flow;
	const FlowLine *paper = unit_find_line(f, "江城日报"), *ad = unit_find_line(f, "28835396");
	const FlowLine *editor = unit_find_line(f, "周明");
	ck_assert_int_eq(f->npages, 2);
	ck_assert_ptr_nonnull(paper);
	ck_assert_int_eq(paper->page, 0);
	ck_assert_ptr_nonnull(ad);
	ck_assert_int_eq(ad->page, 0);
	ck_assert_ptr_nonnull(editor); /* the running head of page 2 credits its editor */
	ck_assert_int_eq(editor->page, 1);
	ck_assert_int_eq(unit_count_figures(f, 0, FIG_IMAGE), 1);
	ck_assert_int_ge(unit_count_figures(f, 0, FIG_RULE), 3);
	ck_assert_int_ge(unit_count_figures(f, 1, FIG_RULE), 2); /* thick-thin: two rules */
	ck_assert_int_eq(unit_count_figures(f, 1, FIG_IMAGE), 0);
	ck_assert_ptr_null(unit_find(r, REPORT_ERROR, ""));
	report_free(r);
}
END_TEST

/* the proof overlay is kept apart: figures and lines marked proof, none without --proof */
START_TEST(test_proof_apart)
{
	Report *r;
	g_autoptr(Pipeline) p = unit_pipeline("furniture", STAGE_FLOW, false, 1, &r);
	int proof = 0;
	for (guint i = 0; i < p->flow->figures->len; i++)
		proof += g_array_index(p->flow->figures, Figure, i).proof;
	ck_assert_int_gt(proof, 0);
	ck_assert_int_lt(proof, (int)p->flow->figures->len);
	report_free(r);
}
END_TEST

static Suite *
furniture_suite(void)
{
	Suite *s = suite_create("furniture");
	TCase *tc = tcase_create("furniture");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_furniture);
	tcase_add_test(tc, test_proof_apart);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return unit_run(furniture_suite());
}
