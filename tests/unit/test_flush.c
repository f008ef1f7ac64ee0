/* test_flush.c - the make-up's flush plan (flush.c): the head group first, then space before
 * headings, then paragraphs pulled up or pushed down a line, level columns over widows, and
 * what is left when nothing ends flush. Pure: plain arrays only. */
#include "flush.h"
#include "unit.h"

/* a grid of pitch 10 starting at 0 */
static const ColfillGrid grid = {0, 10, false};
static const FlushRules rules = {.head_max = 4, .sub_max = 1, .pull_max = 4, .level = true};

/* a module of ncols columns 10 lines deep, under a head group of head lines, and its text as
 * paragraphs of per[] lines (0 ends the list); heading[] marks paragraphs that are headings */
typedef struct {
	ColfillColumn cols[4];
	bool under_head[4];
	ColfillRow rows[200];
	int para[200];
	bool heading[200];
	bool pull[50], push[50];
	double cost[50];
	FlushInput in;
} Module;

static void
module_init(Module *m, int ncols, int head, const int *per, const bool *is_heading)
{
	int n = 0, np = 0;
	memset(m, 0, sizeof *m);
	for (int k = 0; k < ncols; k++) {
		m->cols[k] = (ColfillColumn){head * 10, 100, 100};
		m->under_head[k] = true;
	}
	for (; per[np]; np++)
		for (int l = 0; l < per[np]; l++, n++) {
			m->rows[n] =
			    (ColfillRow){.line = l, .nlines = per[np], .height = 10, .grid = true};
			m->rows[n].keep_next = is_heading && is_heading[np];
			m->heading[n] = l == 0 && is_heading && is_heading[np];
			m->para[n] = np;
		}
	m->in = (FlushInput){m->rows, n,       m->para, m->heading, np, NULL,
	                     NULL,    m->cost, m->cols, ncols,      0,  m->under_head};
}

START_TEST(test_flush_already)
{
	Module m;
	static const int per[] = {10, 10, 0}; /* two columns of ten lines */
	g_autoptr(FlushPlan) plan = NULL;
	module_init(&m, 2, 0, per, NULL);
	ck_assert_int_eq(flush_underset(&grid, &m.in), 0);
	plan = flush_plan(&grid, &m.in, &rules);
	ck_assert_int_eq(plan->underset, 0);
	ck_assert_int_eq(plan->head, 0);
}
END_TEST

START_TEST(test_head_takes_whole_lines)
{
	Module m;
	static const int per[] = {7, 7, 0}; /* 14 lines in two columns of 10: 6 short */
	g_autoptr(FlushPlan) plan = NULL;
	module_init(&m, 2, 0, per, NULL);
	ck_assert_int_eq(flush_underset(&grid, &m.in), 6);
	plan = flush_plan(&grid, &m.in, &rules);
	ck_assert_int_eq(plan->underset_was, 6);
	ck_assert_int_eq(plan->underset, 0);
	ck_assert_int_eq(plan->head, 3);
	ck_assert(!plan->level);
}
END_TEST

START_TEST(test_head_has_a_maximum)
{
	Module m;
	static const int per[] = {5, 5, 0}; /* 10 short: the head may take 8 of them */
	g_autoptr(FlushPlan) plan = NULL;
	module_init(&m, 2, 0, per, NULL);
	plan = flush_plan(&grid, &m.in, &rules);
	ck_assert_int_eq(plan->head, 4);
	ck_assert_int_eq(plan->underset, 2);
}
END_TEST

START_TEST(test_heading_takes_the_odd_line)
{
	Module m;
	/* 3 + a heading + 5 + 6 = 15 lines in 2 columns of 10: 5 short; head 2 takes 4, the
	 * space before the heading the fifth */
	static const int per[] = {3, 1, 5, 6, 0};
	static const bool heading[] = {false, true, false, false};
	g_autoptr(FlushPlan) plan = NULL;
	module_init(&m, 2, 0, per, heading);
	ck_assert_int_eq(flush_underset(&grid, &m.in), 5);
	plan = flush_plan(&grid, &m.in, &rules);
	ck_assert_int_eq(plan->underset, 0);
	ck_assert_int_eq(plan->head, 2);
	ck_assert_int_eq(plan->sub_lines[3], 1); /* the heading's row */
}
END_TEST

START_TEST(test_headings_spaced_alike)
{
	Module m;
	/* 3 + a heading + 4 + a heading + 6 = 15 lines in 2 columns of 10: 5 short. Head 2 takes
	 * 4; the fifth line before one heading and not the other would read as a mistake: a
	 * paragraph set a line longer takes it, and neither heading gets space */
	static const int per[] = {3, 1, 4, 1, 6, 0};
	static const bool heading[] = {false, true, false, true, false};
	g_autoptr(FlushPlan) uneven = NULL, alike = NULL;
	module_init(&m, 2, 0, per, heading);
	/* with nothing else that ends flush, the uneven share is the last resort */
	uneven = flush_plan(&grid, &m.in, &rules);
	ck_assert_int_eq(uneven->underset, 0);
	ck_assert_int_eq(uneven->head, 2);
	ck_assert_int_eq(uneven->sub_lines[3] + uneven->sub_lines[8], 1);
	m.push[4] = true;
	m.in.pull = m.pull;
	m.in.push = m.push;
	alike = flush_plan(&grid, &m.in, &rules);
	ck_assert_int_eq(alike->underset, 0);
	ck_assert_int_eq(alike->head, 2);
	ck_assert_int_eq(alike->sub_lines[3], 0);
	ck_assert_int_eq(alike->sub_lines[8], 0);
	ck_assert_int_eq(alike->delta[4], 1);
}
END_TEST

START_TEST(test_pull_gives_back_a_line)
{
	Module m;
	/* 17 lines in 2 columns of 10: 3 short. The head takes 2 (4 lines) only if a paragraph
	 * gives back one line; without pulls, the head takes 1 and 1 line is left */
	static const int per[] = {5, 6, 6, 0};
	g_autoptr(FlushPlan) without = NULL, with = NULL;
	module_init(&m, 2, 0, per, NULL);
	without = flush_plan(&grid, &m.in, &rules);
	ck_assert_int_eq(without->head, 1);
	ck_assert_int_eq(without->underset, 1);
	m.pull[1] = m.pull[2] = true;
	m.cost[1] = 5;
	m.cost[2] = 2; /* the cheaper one is pulled */
	m.in.pull = m.pull;
	m.in.push = m.push;
	with = flush_plan(&grid, &m.in, &rules);
	ck_assert_int_eq(with->underset, 0);
	ck_assert_int_eq(with->head, 2);
	ck_assert_int_eq(with->delta[2], -1);
	ck_assert_int_eq(with->delta[1], 0);
}
END_TEST

START_TEST(test_push_takes_a_line)
{
	Module m;
	static const int per[] = {5, 6, 6, 0}; /* 3 short: head 1 and a push */
	g_autoptr(FlushPlan) plan = NULL;
	module_init(&m, 2, 0, per, NULL);
	m.push[0] = true;
	m.in.pull = m.pull;
	m.in.push = m.push;
	plan = flush_plan(&grid, &m.in, &rules);
	ck_assert_int_eq(plan->underset, 0);
	ck_assert_int_eq(plan->head, 1);
	ck_assert_int_eq(plan->delta[0], 1);
}
END_TEST

START_TEST(test_level_beats_widows)
{
	Module m;
	/* 20 lines exactly, but the paragraph boundary falls so that column 1 would end with a
	 * paragraph's first line (an orphan): with level="columns" the rule gives way */
	static const int per[] = {9, 11, 0};
	FlushRules widows = rules;
	g_autoptr(FlushPlan) over = NULL, level = NULL, keep = NULL;
	module_init(&m, 2, 1, per, NULL); /* head 1: 18 lines of room, 2 over... */
	m.cols[0].top = m.cols[1].top = 0;
	ck_assert_int_eq(flush_underset(&grid, &m.in), -1); /* the orphan pushes a line over */
	over = flush_plan(&grid, &m.in, &rules);
	ck_assert_int_eq(over->underset, -1); /* overset: no plan for that */
	/* with the module one line deeper per column, 2 lines short: the head takes one line
	 * only if the orphan rule gives way */
	m.cols[0].bottom = m.cols[1].bottom = 110;
	m.cols[0].limit = m.cols[1].limit = 110;
	level = flush_plan(&grid, &m.in, &rules);
	ck_assert_int_eq(level->underset, 0);
	ck_assert_int_eq(level->head, 1);
	ck_assert(level->level);
	widows.level = false;
	keep = flush_plan(&grid, &m.in, &widows);
	ck_assert_int_gt(keep->underset, 0);
	ck_assert(!keep->level);
}
END_TEST

START_TEST(test_apply_rows)
{
	Module m;
	static const int per[] = {3, 2, 0};
	FlushPlan plan = {0};
	int delta[2] = {-1, 1}, sub[5] = {0, 0, 0, 1, 0}, n;
	ColfillColumn cols[2];
	g_autofree ColfillRow *rows = NULL;
	module_init(&m, 2, 0, per, NULL);
	plan.head = 2;
	plan.delta = delta;
	plan.sub_lines = sub;
	rows = flush_apply(&grid, &m.in, &plan, cols, &n);
	ck_assert_int_eq(n, 5); /* 2 + 3 */
	ck_assert_int_eq(rows[0].nlines, 2);
	ck_assert_int_eq(rows[1].line, 1);
	ck_assert_int_eq(rows[2].nlines, 3);
	ck_assert_int_eq(rows[2].line, 0);
	ck_assert_int_eq(rows[2].space_before, 10); /* the first row of paragraph 1 */
	ck_assert_int_eq(rows[4].line, 2);
	ck_assert_int_eq(cols[0].top, 20);
	ck_assert_int_eq(cols[1].top, 20);
}
END_TEST

START_TEST(test_floor_above_a_photo)
{
	ColfillColumn c = {0, 100, 100, {60}, {120}, 1};
	ck_assert_int_eq(colfill_floor(&c), 60);
	c.hole_bottom[0] = 90; /* a photo that ends above the foot */
	ck_assert_int_eq(colfill_floor(&c), 100);
}
END_TEST

START_TEST(test_photo_at_top_follows_head)
{
	/* an inset photo at the top of the text (a hole 0-40, its empty line included) moves down
	 * with a head group that grows by 20; one standing on the foot (60-110) does not */
	ColfillColumn c = {0, 100, 100, {0}, {40}, 1};
	flush_grow_column(&c, 20, 10);
	ck_assert_int_eq(c.top, 20);
	ck_assert_int_eq(c.hole_top[0], 20);
	ck_assert_int_eq(c.hole_bottom[0], 60);
	c = (ColfillColumn){60, 100, 100, {60}, {110}, 1};
	flush_grow_column(&c, 10, 10);
	ck_assert_int_eq(c.top, 70);
	ck_assert_int_eq(c.hole_top[0], 60);
	/* a photo lower down stays where it is */
	c = (ColfillColumn){0, 100, 100, {50}, {80}, 1};
	flush_grow_column(&c, 10, 10);
	ck_assert_int_eq(c.hole_top[0], 50);
}
END_TEST

START_TEST(test_head_free_over_photo)
{
	/* two columns, the second with a photo at the top of its text down to the foot: a line of
	 * head group costs only the first column a line, so 2 lines short are 2 head lines */
	static const int per[] = {3, 2, 0};
	Module m;
	g_autoptr(FlushPlan) plan = NULL;
	module_init(&m, 2, 0, per, NULL);
	m.cols[1].hole_top[0] = 0;
	m.cols[1].hole_bottom[0] = 110;
	m.cols[1].nholes = 1;
	/* 5 lines in one column of 10 */
	plan = flush_plan(&grid, &m.in, &rules);
	ck_assert_int_eq(plan->underset_was, 5);
	ck_assert_int_eq(plan->head, 4); /* the maximum, each line costing one */
	ck_assert_int_eq(plan->underset, 1);
}
END_TEST

static Suite *
flush_suite(void)
{
	Suite *s = suite_create("flush");
	TCase *t = tcase_create("plan");
	tcase_add_test(t, test_flush_already);
	tcase_add_test(t, test_head_takes_whole_lines);
	tcase_add_test(t, test_head_has_a_maximum);
	tcase_add_test(t, test_heading_takes_the_odd_line);
	tcase_add_test(t, test_headings_spaced_alike);
	tcase_add_test(t, test_pull_gives_back_a_line);
	tcase_add_test(t, test_push_takes_a_line);
	tcase_add_test(t, test_level_beats_widows);
	tcase_add_test(t, test_apply_rows);
	tcase_add_test(t, test_floor_above_a_photo);
	tcase_add_test(t, test_photo_at_top_follows_head);
	tcase_add_test(t, test_head_free_over_photo);
	suite_add_tcase(s, t);
	return s;
}

int
main(void)
{
	return unit_run(flush_suite());
}
