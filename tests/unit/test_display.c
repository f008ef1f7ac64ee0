/* test_display.c - display text in its box (display.c): squeezed, the lines that do not fit
 * left out and never placed outside the box, and the findings of the fit report; on
 * tests/golden/display-box.xml and display-lines.xml. */
#include "unit_pipeline.h"
#include <string.h>

/* the finding of the first display paragraph of a kind, or NULL */
static const DisplayFinding *
finding(const Flow *f, const char *kind)
{
	for (guint i = 0; i < f->findings->len; i++) {
		const DisplayFinding *d = &g_array_index(f->findings, DisplayFinding, i);
		if (strcmp(d->kind, kind) == 0)
			return d;
	}
	return NULL;
}

/* placed lines of the paragraphs of a kind on page p, and the deepest baseline of them */
static int
placed(const Flow *f, int p, const char *kind, Len *deepest)
{
	int n = 0;
	*deepest = 0;
	for (guint i = 0; i < f->lines->len; i++) {
		const FlowLine *l = &g_array_index(f->lines, FlowLine, i);
		const FlowPara *fp = g_ptr_array_index(f->paras, l->para);
		if (l->page == p && !l->proof && fp->kind && strcmp(fp->kind, kind) == 0) {
			n++;
			*deepest = MAX(*deepest, l->baseline);
		}
	}
	return n;
}

START_TEST(test_text_ad_clipped)
{
	Report *r;
	g_autoptr(Pipeline) p = unit_pipeline("display-box", STAGE_FLOW, false, 1, &r);
	const Flow *f = p->flow;
	const DisplayFinding *d = finding(f, "text-ad");
	const Figure *box = NULL;
	Len deepest;
	for (guint i = 0; i < f->figures->len && !box; i++)
		if (g_array_index(f->figures, Figure, i).kind == FIG_BOX)
			box = &g_array_index(f->figures, Figure, i);
	ck_assert_ptr_nonnull(d);
	ck_assert_ptr_nonnull(box);
	/* squeezed to the floor first, then two lines drawn, the rest left out */
	ck_assert(d->squeezed);
	ck_assert_int_eq(d->tracking, -100);
	ck_assert_int_eq(d->max_lines, 2);
	ck_assert_int_eq(d->overset_lines, d->lines - 2);
	ck_assert_int_gt(d->overset_lines, 0);
	ck_assert_str_eq(d->element, "text ad");
	ck_assert_int_eq(placed(f, 0, "text-ad", &deepest), 2);
	ck_assert_int_lt(deepest, box->y + box->h);
	ck_assert_ptr_nonnull(unit_find(r, REPORT_ERROR, "text ad: "));
	report_free(r);
}
END_TEST

START_TEST(test_caption_and_head_clipped)
{
	Report *r;
	g_autoptr(Pipeline) p = unit_pipeline("display-box", STAGE_FLOW, false, 1, &r);
	const Flow *f = p->flow;
	const DisplayFinding *cap = finding(f, "caption"), *head = finding(f, "headline");
	const Grid *g = &p->model->layout->grid;
	Len deepest;
	/* the photo module is grid lines 6-11: three caption lines and the credit under the
	 * photo's one line and the blank line, nothing below line 11 */
	ck_assert_ptr_nonnull(cap);
	ck_assert_int_eq(cap->max_lines, 3);
	ck_assert_int_eq(cap->overset_lines, cap->lines - 3);
	ck_assert_int_eq(placed(f, 0, "caption", &deepest), 3);
	ck_assert_int_lt(deepest, grid_line_y(g, 11) + g->pitch);
	/* the story module deep is 3 grid lines: one line of its two-line headline */
	ck_assert_ptr_nonnull(head);
	ck_assert_str_eq(head->element, "story deep, headline");
	ck_assert_int_eq(head->overset_lines, 1);
	ck_assert_ptr_nonnull(unit_find(r, REPORT_ERROR, "story deep, headline: "));
	ck_assert_ptr_nonnull(unit_find(r, REPORT_ERROR, "jump title: "));
	ck_assert_ptr_nonnull(unit_find(r, REPORT_ERROR, "masthead: no room for"));
	report_free(r);
}
END_TEST

/* what fits as it is has no finding; every paragraph has its kind */
START_TEST(test_findings_only_when_something_happened)
{
	Report *r;
	g_autoptr(Pipeline) p = unit_pipeline("display-lines", STAGE_FLOW, false, 1, &r);
	const Flow *f = p->flow;
	ck_assert_ptr_null(finding(f, "caption"));
	ck_assert_ptr_null(finding(f, "text-ad"));
	ck_assert_ptr_null(finding(f, "byline"));
	for (guint i = 0; i < f->paras->len; i++) {
		const FlowPara *fp = g_ptr_array_index(f->paras, i);
		ck_assert_ptr_nonnull(fp->kind);
	}
	report_free(r);
}
END_TEST

static Suite *
display_suite(void)
{
	Suite *s = suite_create("display");
	TCase *tc = tcase_create("display");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_text_ad_clipped);
	tcase_add_test(tc, test_caption_and_head_clipped);
	tcase_add_test(tc, test_findings_only_when_something_happened);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return unit_run(display_suite());
}
