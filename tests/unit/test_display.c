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
	/* squeezed to the floor first, then the one line its 2 grid lines hold drawn (two lines of
	 * 9 pt, 19.8 pt, do not fit the 26 pt less the border and the 3.25 pt clearance above and
	 * below), the rest left out */
	ck_assert(d->squeezed);
	ck_assert_int_eq(d->tracking, -100);
	ck_assert_int_eq(d->max_lines, 1);
	ck_assert_int_eq(d->overset_lines, d->lines - 1);
	ck_assert_int_gt(d->overset_lines, 0);
	ck_assert_str_eq(d->element, "text ad");
	ck_assert_int_eq(placed(f, 0, "text-ad", &deepest), 1);
	ck_assert_int_lt(deepest + len_em(9 * LEN_PER_PT, 12, 100),
	                 box->y + box->h - p->model->layout->grid.clearance);
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

/* The paragraph of the first text ad, its box and its placed lines' baselines. */
static const FlowPara *
text_ad(const Flow *f, const Figure **box, Len *base, int max, int *n)
{
	const FlowPara *ad = NULL;
	*box = NULL;
	*n = 0;
	for (guint i = 0; i < f->figures->len && !*box; i++)
		if (g_array_index(f->figures, Figure, i).kind == FIG_BOX)
			*box = &g_array_index(f->figures, Figure, i);
	for (guint i = 0; i < f->lines->len; i++) {
		const FlowLine *l = &g_array_index(f->lines, FlowLine, i);
		const FlowPara *fp = g_ptr_array_index(f->paras, l->para);
		if (l->proof || !fp->kind || strcmp(fp->kind, "text-ad") != 0 || (ad && fp != ad))
			continue;
		ad = fp;
		if (*n < max)
			base[(*n)++] = l->baseline;
	}
	return ad;
}

/* a text ad fills its box: set larger than its style's size (四号) when the box holds that,
 * its lines on the body's baselines, the ink inside the box by the clearance */
START_TEST(test_text_ad_fills_its_box)
{
	Report *r;
	g_autoptr(Pipeline) p = unit_pipeline("display-lines", STAGE_FLOW, false, 1, &r);
	const Grid *g = &p->model->layout->grid;
	const Figure *box;
	Len base[8], phase = grid_baseline_in(g->top, g->pitch, g->body_size) % g->pitch;
	int n;
	const FlowPara *ad = text_ad(p->flow, &box, base, 8, &n);
	ck_assert_ptr_nonnull(ad);
	ck_assert_ptr_nonnull(box);
	ck_assert_ptr_nonnull(ad->sized);
	ck_assert_int_gt(ad->style->size, 14 * LEN_PER_PT);
	ck_assert_int_le(ad->style->size, ad->style->max_size);
	ck_assert_int_ge(n, 2);
	for (int i = 0; i < n; i++) {
		ck_assert_int_eq(base[i] % g->pitch, phase);
		ck_assert_int_ge(base[i] - len_em(ad->style->size, 88, 100), box->y + g->clearance);
		ck_assert_int_le(base[i] + len_em(ad->style->size, 12, 100),
		                 box->y + box->h - g->clearance);
	}
	report_free(r);
}
END_TEST

/* without max-size (tests/golden/small-layout.xml) a text ad is set at its style's size */
START_TEST(test_text_ad_without_max_size)
{
	Report *r;
	g_autoptr(Pipeline) p = unit_pipeline("headspan", STAGE_FLOW, false, 1, &r);
	const Figure *box;
	Len base[8];
	int n;
	const FlowPara *ad = text_ad(p->flow, &box, base, 8, &n);
	ck_assert_ptr_nonnull(ad);
	ck_assert_int_eq(ad->base_style->max_size, 0);
	ck_assert_int_eq(ad->style->size, 9 * LEN_PER_PT);
	ck_assert_int_eq(n, 1);
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
	tcase_add_test(tc, test_text_ad_fills_its_box);
	tcase_add_test(tc, test_text_ad_without_max_size);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return unit_run(display_suite());
}
