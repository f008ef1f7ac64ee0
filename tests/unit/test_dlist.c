/* test_dlist.c - the display list (dlist.c): pages, text runs from placed lines, figures,
 * bookmarks copied, the proof overlay only when asked, and dropping the flow's text. */
#include "unit_pipeline.h"

static int
count_ops(const DList *d, int page, OpKind kind)
{
	int n = 0;
	for (int i = 0; i < d->pages[page].nops; i++)
		n += g_array_index(d->ops, Op, d->pages[page].op0 + i).kind == kind;
	return n;
}

START_TEST(test_compose)
{
	Report *r;
	g_autoptr(Pipeline) p = unit_pipeline("jump", STAGE_FLOW, false, 1, &r);
	g_autoptr(DList) d = dlist_compose(p->model, p->flow, false);
	g_autoptr(DList) proof = dlist_compose(p->model, p->flow, true);
	GString *dump = g_string_new(NULL);
	ck_assert_int_eq(d->npages, 2);
	ck_assert_str_eq(d->pages[0].label, "01");
	ck_assert_str_eq(d->pages[1].label, "02");
	ck_assert_int_eq(d->pages[0].w, p->model->layout->grid.page_w);
	ck_assert_int_gt(count_ops(d, 0, OP_TEXT), 5);
	ck_assert_int_gt(count_ops(d, 1, OP_TEXT), 2);
	ck_assert_int_ge(count_ops(d, 0, OP_RULE), 2);
	/* the proof overlay adds to the pages, never replaces */
	ck_assert_int_gt(proof->pages[0].nops, d->pages[0].nops);
	ck_assert_int_eq(count_ops(proof, 0, OP_TEXT) >= count_ops(d, 0, OP_TEXT), 1);
	/* bookmarks: copies of the flow's */
	ck_assert_int_eq(d->nbookmarks, (int)p->flow->bookmarks->len);
	for (int i = 0; i < d->nbookmarks; i++) {
		const Bookmark *a = &d->bookmarks[i];
		const Bookmark *b = &g_array_index(p->flow->bookmarks, Bookmark, i);
		ck_assert_str_eq(a->title, b->title);
		ck_assert_ptr_ne(a->title, b->title);
		ck_assert_int_eq(a->page, b->page);
	}
	dlist_dump(d, dump);
	ck_assert_ptr_nonnull(strstr(dump->str, "page 01 "));
	ck_assert_ptr_nonnull(strstr(dump->str, "\"（下转第02版）\""));
	g_string_free(dump, TRUE);
	report_free(r);
}
END_TEST

/* composing while dropping the flow's paragraphs gives the same display list */
START_TEST(test_dropping_same)
{
	Report *r;
	g_autoptr(Pipeline) p = unit_pipeline("jump", STAGE_FLOW, false, 1, &r);
	g_autoptr(DList) d = dlist_compose(p->model, p->flow, false);
	g_autoptr(DList) dd = dlist_compose_dropping(p->model, p->flow, false);
	GString *a = g_string_new(NULL), *b = g_string_new(NULL);
	dlist_dump(d, a);
	dlist_dump(dd, b);
	ck_assert_str_eq(a->str, b->str);
	for (guint i = 0; i < p->flow->paras->len; i++)
		ck_assert_ptr_null(g_ptr_array_index(p->flow->paras, i));
	g_string_free(a, TRUE);
	g_string_free(b, TRUE);
	report_free(r);
}
END_TEST

static Suite *
dlist_suite(void)
{
	Suite *s = suite_create("dlist");
	TCase *tc = tcase_create("dlist");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_compose);
	tcase_add_test(tc, test_dropping_same);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return unit_run(dlist_suite());
}
