/* test_stack.c - stacks (stack.c): the depth search, the leftover shared round robin among the
 * head groups, and on tests/golden/stack.xml each child placed at the least depth its content
 * fits in, children and rules one under the other, the band's lines all accounted for. */
#include "copyfit.h"
#include "stack.h"
#include "unit_pipeline.h"

typedef struct {
	int from;  /* fits from this depth on */
	int calls; /* how often fits() was asked */
} Threshold;

static bool
fits_from(int depth, void *data)
{
	Threshold *t = data;
	t->calls++;
	return depth >= t->from;
}

START_TEST(test_depth_search)
{
	Threshold t = {.from = 20};
	/* from an estimate that is right, too low, too high, out of range */
	ck_assert_int_eq(stack_depth_search(20, 104, fits_from, &t), 20);
	ck_assert_int_le(t.calls, 2); /* one less does not fit, this one does */
	ck_assert_int_eq(stack_depth_search(12, 104, fits_from, &t), 20);
	ck_assert_int_eq(stack_depth_search(31, 104, fits_from, &t), 20);
	ck_assert_int_eq(stack_depth_search(0, 104, fits_from, &t), 20);
	ck_assert_int_eq(stack_depth_search(500, 104, fits_from, &t), 20);
	/* fits from the first line, and at the last line only */
	t.from = 1;
	ck_assert_int_eq(stack_depth_search(7, 104, fits_from, &t), 1);
	t.from = 104;
	ck_assert_int_eq(stack_depth_search(50, 104, fits_from, &t), 104);
	/* not even the page */
	t.from = 105;
	ck_assert_int_eq(stack_depth_search(50, 104, fits_from, &t), -1);
}
END_TEST

START_TEST(test_share_round_robin)
{
	bool takes[] = {true, false, true, true};
	int extra[4] = {0};
	/* 7 lines, three takers: 3 rounds, the first taker gets the seventh */
	ck_assert_int_eq(stack_share(7, takes, 4, 4, extra), 0);
	ck_assert_int_eq(extra[0], 3);
	ck_assert_int_eq(extra[1], 0);
	ck_assert_int_eq(extra[2], 2);
	ck_assert_int_eq(extra[3], 2);
}
END_TEST

START_TEST(test_share_capped)
{
	bool takes[] = {false, true, true};
	int extra[3] = {0};
	/* at most 4 each: 8 of 11 given, 3 left at the foot */
	ck_assert_int_eq(stack_share(11, takes, 3, 4, extra), 3);
	ck_assert_int_eq(extra[0], 0);
	ck_assert_int_eq(extra[1], 4);
	ck_assert_int_eq(extra[2], 4);
	/* nobody takes: all stays; nothing to give: nothing given */
	{
		bool none[] = {false, false};
		int e2[2] = {0};
		ck_assert_int_eq(stack_share(5, none, 2, 4, e2), 5);
		ck_assert_int_eq(e2[0] + e2[1], 0);
		ck_assert_int_eq(stack_share(0, takes, 3, 4, extra), 0);
		ck_assert_int_eq(extra[1], 4);
	}
}
END_TEST

START_TEST(test_placed_at_least_depth)
{
	Report *r;
	g_autoptr(Pipeline) p = unit_pipeline("stack", STAGE_FONTS, false, 1, &r);
	const Model *m = p->model;
	int checked = 0, own = 0;
	for (int pg = 0; pg < m->npages; pg++) {
		const Page *page = &m->pages[pg];
		ck_assert_int_eq(page->nstacks, 1);
		for (int s = 0; s < page->nstacks; s++) {
			const Stack *st = &page->stacks[s];
			int top = st->cell.l0;
			for (int i = st->first; i < st->first + st->n; i++) {
				const Elem *e = &page->elems[i];
				if (e->kind == EL_RULE && e->own_line) {
					/* over a story whose text starts at its top: a line of
					 * its own, the story under it */
					const Elem *next = &page->elems[i + 1];
					ck_assert(next->kind == EL_STORY && !next->box);
					ck_assert_int_eq(e->at, top);
					ck_assert_int_eq(e->need, 1);
					top++;
					own++;
					continue;
				}
				if (e->kind == EL_RULE) { /* between the two it stands between */
					ck_assert_int_eq(e->at, top - 1);
					continue;
				}
				ck_assert_int_eq(e->cell.l0, top);
				ck_assert_int_eq(e->cell.l1 - e->cell.l0 + 1, e->need + e->extra);
				ck_assert_int_le(e->extra, m->layout->flush.head_max);
				top = e->cell.l1 + 1;
				if (e->kind == EL_STORY || e->kind == EL_NOTICE) {
					/* the least depth: it fits in need lines, not in one less
					 */
					ck_assert(copyfit_alone(m, p->fonts, e, e->need).fits);
					ck_assert(!copyfit_alone(m, p->fonts, e, e->need - 1).fits);
					checked++;
				}
				if (e->kind == EL_AD)
					ck_assert_int_eq(e->need, e->depth);
			}
			ck_assert_int_eq(top + st->leftover, st->cell.l1 + 1);
		}
	}
	ck_assert_int_eq(checked, 4);
	ck_assert_int_eq(own, 1); /* page 02's last rule, over a story with no head group */
	/* page 01: the story's head group takes 4 lines of the leftover (the most), the
	 * notice none; the rest stays at the foot */
	ck_assert_int_eq(m->pages[0].elems[0].extra, m->layout->flush.head_max);
	ck_assert_int_eq(m->pages[0].elems[2].extra, 0);
	ck_assert_int_gt(m->pages[0].stacks[0].leftover, 0);
	/* page 02: the photo's depth is its 16x12 image at 207 pt (155.25 pt, cut down to 11 whole
	 * lines of 13 pt: photoplan.c), the line under it, its caption and credit lines */
	ck_assert_int_eq(m->pages[1].elems[0].need, 11 + 1 + 2);
	report_free(r);
}
END_TEST

static Suite *
stack_suite(void)
{
	Suite *s = suite_create("stack");
	TCase *tc = tcase_create("stack");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_depth_search);
	tcase_add_test(tc, test_share_round_robin);
	tcase_add_test(tc, test_share_capped);
	tcase_add_test(tc, test_placed_at_least_depth);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return unit_run(stack_suite());
}
