/* test_colfill.c - the column filling (colfill.c): rows into columns on the grid, holes, widows
 * and orphans, headings kept with the next row, overset, balancing. Pure: plain arrays only. */
#include "colfill.h"
#include "unit.h"

/* a grid of pitch 10 starting at 0; columns 100 deep (10 grid lines) */
static const ColfillGrid grid = {0, 10};

static ColfillColumn
column(Len top, Len bottom)
{
	ColfillColumn c = {top, bottom, bottom};
	return c;
}

/* n rows of height 10 on the grid: paragraphs of `per` lines each */
static ColfillRow *
rows_new(int n, int per)
{
	ColfillRow *r = g_new0(ColfillRow, n);
	for (int i = 0; i < n; i++)
		r[i] = (ColfillRow){.line = i % per, .nlines = per, .height = 10, .grid = true};
	return r;
}

START_TEST(test_snap)
{
	ck_assert_int_eq(colfill_snap(&grid, 0), 0);
	ck_assert_int_eq(colfill_snap(&grid, 1), 10);
	ck_assert_int_eq(colfill_snap(&grid, 10), 10);
	ck_assert_int_eq(colfill_snap(&grid, 11), 20);
	ck_assert_int_eq(colfill_snap(&(ColfillGrid){100, 10}, 50), 50); /* above the grid */
}
END_TEST

START_TEST(test_fills_in_order)
{
	ColfillColumn cols[2] = {column(0, 100), column(0, 100)};
	g_autofree ColfillRow *rows = rows_new(15, 1);
	Len ends[2];
	ColfillSpot spots[15];
	int placed = colfill_fill(&grid, rows, 15, cols, 2, ends, spots);
	ck_assert_int_eq(placed, 15);
	for (int i = 0; i < 10; i++) {
		ck_assert_int_eq(spots[i].col, 0);
		ck_assert_int_eq(spots[i].y, i * 10);
	}
	for (int i = 10; i < 15; i++) {
		ck_assert_int_eq(spots[i].col, 1);
		ck_assert_int_eq(spots[i].y, (i - 10) * 10);
	}
	ck_assert_int_eq(ends[0], 100);
	ck_assert_int_eq(ends[1], 50);
}
END_TEST

START_TEST(test_overset)
{
	ColfillColumn cols[1] = {column(0, 100)};
	g_autofree ColfillRow *rows = rows_new(12, 1);
	Len ends[1];
	ck_assert_int_eq(colfill_fill(&grid, rows, 12, cols, 1, ends, NULL), 10);
	ck_assert_int_eq(ends[0], 100);
	ck_assert_int_eq(colfill_fill(&grid, rows, 12, cols, 0, ends, NULL), 0);
}
END_TEST

START_TEST(test_space_and_grid)
{
	ColfillColumn cols[1] = {column(0, 100)};
	g_autofree ColfillRow *rows = rows_new(3, 1);
	Len ends[1];
	ColfillSpot spots[3];
	rows[1].space_before = 5; /* snapped up to the next grid line */
	rows[2].space_before = 5;
	rows[2].grid = false; /* off the grid: exactly after the space */
	ck_assert_int_eq(colfill_fill(&grid, rows, 3, cols, 1, ends, spots), 3);
	ck_assert_int_eq(spots[0].y, 0);
	ck_assert_int_eq(spots[1].y, 20);
	ck_assert_int_eq(spots[2].y, 35);
	/* a space before does not count at the top of a column */
	rows[0].space_before = 30;
	colfill_fill(&grid, rows, 1, cols, 1, ends, spots);
	ck_assert_int_eq(spots[0].y, 0);
}
END_TEST

START_TEST(test_holes)
{
	ColfillColumn col = column(0, 100);
	g_autofree ColfillRow *rows = rows_new(5, 1);
	Len ends[1];
	ColfillSpot spots[5];
	col.hole_top[0] = 20;
	col.hole_bottom[0] = 45;
	col.nholes = 1;
	ck_assert_int_eq(colfill_clear_holes(&grid, &col, 15, 10, true), 50);
	ck_assert_int_eq(colfill_clear_holes(&grid, &col, 15, 10, false), 45);
	ck_assert_int_eq(colfill_clear_holes(&grid, &col, 0, 10, true), 0);
	ck_assert_int_eq(colfill_fill(&grid, rows, 5, &col, 1, ends, spots), 5);
	ck_assert_int_eq(spots[1].y, 10);
	ck_assert_int_eq(spots[2].y, 50); /* around the hole, back on the grid */
	ck_assert_int_eq(spots[4].y, 70);
}
END_TEST

/* a paragraph of 3 lines or more leaves neither its first line alone at the foot of a column
 * nor its last line alone at the top of the next */
START_TEST(test_no_orphan_no_widow)
{
	ColfillColumn cols[2] = {column(0, 40), column(0, 40)};
	g_autofree ColfillRow *rows = g_new0(ColfillRow, 7);
	Len ends[2];
	ColfillSpot spots[7];
	/* three one-line paragraphs, then one of four lines whose first line would end column 0 */
	for (int i = 0; i < 3; i++)
		rows[i] = (ColfillRow){.line = 0, .nlines = 1, .height = 10, .grid = true};
	for (int i = 3; i < 7; i++)
		rows[i] = (ColfillRow){.line = i - 3, .nlines = 4, .height = 10, .grid = true};
	ck_assert_int_eq(colfill_fill(&grid, rows, 7, cols, 2, ends, spots), 7);
	ck_assert_int_eq(spots[3].col, 1); /* no orphan */
	ck_assert_int_eq(ends[0], 30);
	/* two one-line paragraphs, then four lines: its last would start column 1 alone, so its
	 * third goes over with it */
	cols[0] = column(0, 50);
	cols[1] = column(0, 50);
	for (int i = 0; i < 6; i++)
		rows[i] = (ColfillRow){
		    .line = i < 2 ? 0 : i - 2, .nlines = i < 2 ? 1 : 4, .height = 10, .grid = true};
	ck_assert_int_eq(colfill_fill(&grid, rows, 6, cols, 2, ends, spots), 6);
	ck_assert_int_eq(spots[3].col, 0);
	ck_assert_int_eq(spots[4].col, 1);
	ck_assert_int_eq(spots[4].y, 0);
	ck_assert_int_eq(spots[5].col, 1);
	ck_assert_int_eq(ends[0], 40);
}
END_TEST

START_TEST(test_widow_rules_only_for_long_paragraphs)
{
	ColfillColumn cols[2] = {column(0, 40), column(0, 40)};
	g_autofree ColfillRow *rows = g_new0(ColfillRow, 5);
	Len ends[2];
	ColfillSpot spots[5];
	for (int i = 0; i < 3; i++)
		rows[i] = (ColfillRow){.line = 0, .nlines = 1, .height = 10, .grid = true};
	for (int i = 3; i < 5; i++) /* a two-line paragraph splits anywhere */
		rows[i] = (ColfillRow){.line = i - 3, .nlines = 2, .height = 10, .grid = true};
	ck_assert_int_eq(colfill_fill(&grid, rows, 5, cols, 2, ends, spots), 5);
	ck_assert_int_eq(spots[3].col, 0);
	ck_assert_int_eq(spots[4].col, 1);
}
END_TEST

START_TEST(test_keep_next)
{
	ColfillColumn cols[2] = {column(0, 40), column(0, 40)};
	g_autofree ColfillRow *rows = rows_new(5, 1);
	Len ends[2];
	ColfillSpot spots[5];
	rows[3].keep_next = true; /* a heading at the foot of column 0 goes with the next row */
	ck_assert_int_eq(colfill_fill(&grid, rows, 5, cols, 2, ends, spots), 5);
	ck_assert_int_eq(spots[3].col, 1);
	ck_assert_int_eq(spots[3].y, 0);
	ck_assert_int_eq(ends[0], 30);
	/* at the top of a column it stays, whatever follows */
	rows[0].keep_next = true;
	rows[1].height = 100;
	colfill_fill(&grid, rows, 2, cols, 2, ends, spots);
	ck_assert_int_eq(spots[0].col, 0);
}
END_TEST

START_TEST(test_keep_heading_lines)
{
	/* a heading of two lines (rows 2 and 3) with room for both at the foot of column 0 but
	 * not for the line after them: both go to column 1, the heading is never split */
	ColfillColumn cols[2] = {column(0, 40), column(0, 40)};
	g_autofree ColfillRow *rows = rows_new(6, 1);
	Len ends[2];
	ColfillSpot spots[6];
	rows[2].keep_next = rows[3].keep_next = true;
	ck_assert_int_eq(colfill_fill(&grid, rows, 6, cols, 2, ends, spots), 6);
	ck_assert_int_eq(spots[2].col, 1);
	ck_assert_int_eq(spots[2].y, 0);
	ck_assert_int_eq(spots[3].col, 1);
	ck_assert_int_eq(ends[0], 20);
}
END_TEST

START_TEST(test_balance)
{
	/* a first frame's column, then a last frame of three columns 100 deep: 12 rows over the
	 * last three columns balance to 40 deep (4 + 4 + 4) */
	ColfillColumn cols[4] = {column(0, 20), column(200, 300), column(200, 300),
	                         column(200, 300)};
	g_autofree ColfillRow *rows = rows_new(14, 1);
	Len ends[4];
	ColfillSpot spots[14];
	colfill_balance(&(ColfillGrid){0, 10}, rows, 14, cols, 4, 1, ends);
	ck_assert_int_eq(cols[0].limit, 20);
	for (int k = 1; k < 4; k++)
		ck_assert_int_eq(cols[k].limit, 240);
	ck_assert_int_eq(colfill_fill(&grid, rows, 14, cols, 4, ends, spots), 14);
	ck_assert_int_eq(ends[1], 240);
	ck_assert_int_eq(ends[2], 240);
	ck_assert_int_eq(ends[3], 240);
	/* 13 rows in the last frame: 5 + 5 + 3 at 50 deep */
	for (int k = 1; k < 4; k++)
		cols[k].limit = cols[k].bottom;
	g_free(rows);
	rows = rows_new(15, 1);
	colfill_balance(&grid, rows, 15, cols, 4, 1, ends);
	ck_assert_int_eq(cols[1].limit, 250);
	ck_assert_int_eq(colfill_fill(&grid, rows, 15, cols, 4, ends, NULL), 15);
	ck_assert_int_eq(ends[3], 230);
}
END_TEST

START_TEST(test_balance_overset_keeps_depth)
{
	ColfillColumn cols[2] = {column(0, 30), column(0, 30)};
	g_autofree ColfillRow *rows = rows_new(8, 1);
	Len ends[2];
	colfill_balance(&grid, rows, 8, cols, 2, 0, ends);
	ck_assert_int_eq(cols[0].limit, 30);
	ck_assert_int_eq(cols[1].limit, 30);
	/* no last frame: nothing to balance */
	colfill_balance(&grid, rows, 2, cols, 2, 2, ends);
	ck_assert_int_eq(cols[0].limit, 30);
}
END_TEST

static Suite *
colfill_suite(void)
{
	Suite *s = suite_create("colfill");
	TCase *fill = tcase_create("fill");
	TCase *bal = tcase_create("balance");
	tcase_add_test(fill, test_snap);
	tcase_add_test(fill, test_fills_in_order);
	tcase_add_test(fill, test_overset);
	tcase_add_test(fill, test_space_and_grid);
	tcase_add_test(fill, test_holes);
	tcase_add_test(fill, test_no_orphan_no_widow);
	tcase_add_test(fill, test_widow_rules_only_for_long_paragraphs);
	tcase_add_test(fill, test_keep_next);
	tcase_add_test(fill, test_keep_heading_lines);
	tcase_add_test(bal, test_balance);
	tcase_add_test(bal, test_balance_overset_keeps_depth);
	suite_add_tcase(s, fill);
	suite_add_tcase(s, bal);
	return s;
}

int
main(void)
{
	return unit_run(colfill_suite());
}
