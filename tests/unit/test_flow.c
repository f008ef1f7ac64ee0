/* test_flow.c - Flow (flow.c) and the composition of an edition (compose.c): a new flow, line
 * texts, the dump, dropping paragraphs, and threads giving the flow of one thread. */
#include "compose.h"
#include "unit_pipeline.h"

START_TEST(test_new_is_empty)
{
	Model m = {.npages = 3};
	g_autoptr(Flow) f = flow_new(&m, 5);
	ck_assert_int_eq(f->npages, 3);
	ck_assert_int_eq(f->nfits, 5);
	ck_assert_uint_eq(f->paras->len, 0);
	ck_assert_uint_eq(f->lines->len, 0);
	ck_assert_uint_eq(f->figures->len, 0);
	ck_assert_uint_eq(f->bookmarks->len, 0);
	for (int i = 0; i < 5; i++)
		ck_assert_int_eq(f->fits[i].frames, 0);
}
END_TEST

START_TEST(test_lines_and_dump)
{
	Report *r;
	g_autoptr(Pipeline) p = unit_pipeline("jump", STAGE_FLOW, false, 1, &r);
	const Flow *f = p->flow;
	const FlowLine *out = unit_find_line(f, "下转第02版"),
	               *in = unit_find_line(f, "上接第01版");
	GString *d = g_string_new(NULL);
	ck_assert_ptr_nonnull(out);
	ck_assert_ptr_nonnull(in);
	ck_assert_int_eq(out->page, 0);
	ck_assert_int_eq(in->page, 1);
	flow_dump(f, p->model, d);
	ck_assert_ptr_nonnull(strstr(d->str, "page 01\n"));
	ck_assert_ptr_nonnull(strstr(d->str, "page 02\n"));
	ck_assert_ptr_nonnull(strstr(d->str, "fit bridge frames=2 "));
	ck_assert_ptr_nonnull(strstr(d->str, "\"（下转第02版）\"\n"));
	g_string_free(d, TRUE);
	/* one bookmark per page, one per story */
	ck_assert_uint_eq(f->bookmarks->len, 3);
	ck_assert_int_eq(g_array_index(f->bookmarks, Bookmark, 0).level, 0);
	ck_assert_int_eq(g_array_index(f->bookmarks, Bookmark, 1).level, 0);
	ck_assert_int_eq(g_array_index(f->bookmarks, Bookmark, 2).level, 1);
	report_free(r);
}
END_TEST

START_TEST(test_drop)
{
	Report *r;
	g_autoptr(Pipeline) p = unit_pipeline("balance", STAGE_FLOW, false, 1, &r);
	Flow *f = p->flow;
	guint nparas = f->paras->len;
	int lines_set = f->fits[0].lines_set;
	ck_assert_uint_gt(nparas, 1);
	flow_drop_para(f, 0);
	ck_assert_ptr_null(g_ptr_array_index(f->paras, 0));
	ck_assert_uint_eq(f->paras->len, nparas);
	flow_drop_text(f);
	ck_assert_uint_eq(f->paras->len, 0);
	ck_assert_uint_eq(f->lines->len, 0);
	ck_assert_int_eq(f->fits[0].lines_set, lines_set); /* the fits stay */
	ck_assert_uint_gt(f->bookmarks->len, 0);
	report_free(r);
}
END_TEST

/* the sample edition has stories enough to be composed on threads: the same flow */
START_TEST(test_threads_same_flow)
{
	g_autofree char *path = unit_source_path("samples/edition/edition.xml");
	g_autofree char *conf = unit_fonts_conf();
	Report *r = report_new();
	g_autoptr(Model) m = model_load(path, r);
	g_autoptr(Fonts) fonts = NULL;
	GString *one = g_string_new(NULL), *four = g_string_new(NULL);
	ck_assert_ptr_nonnull(m);
	fonts = fonts_new(conf, m->layout, r);
	ck_assert_ptr_nonnull(fonts);
	ck_assert_int_ge(m->nstories, 8);
	{
		g_autoptr(Flow) f1 = compose_edition(m, fonts, 1, NULL, r);
		g_autoptr(Flow) f4 = compose_edition(m, fonts, 4, NULL, r);
		flow_dump(f1, m, one);
		flow_dump(f4, m, four);
		ck_assert_uint_gt(one->len, 1000);
		ck_assert_str_eq(one->str, four->str);
		ck_assert_uint_eq(f1->bookmarks->len, f4->bookmarks->len);
		ck_assert_uint_eq(f1->figures->len, f4->figures->len);
		ck_assert_uint_eq(f4->helper_fonts->len, 3);
	}
	g_string_free(one, TRUE);
	g_string_free(four, TRUE);
	report_free(r);
}
END_TEST

static Suite *
flow_suite(void)
{
	Suite *s = suite_create("flow");
	TCase *tc = tcase_create("flow");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_new_is_empty);
	tcase_add_test(tc, test_lines_and_dump);
	tcase_add_test(tc, test_drop);
	tcase_add_test(tc, test_threads_same_flow);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return unit_run(flow_suite());
}
