/* test_photoplan.c - a photo's group in whole grid lines (photoplan.c): the fit image cut to
 * whole lines at its width, the caption one empty line under it, the lines left under the group,
 * fill taking every line, the caption beside; and where an inset photo goes in its columns so
 * that no column keeps one or two lines of text above or below it. Pure: numbers only. */
#include "photoplan.h"
#include "unit.h"

/* pitch 10, an image area 300 wide: a 3:2 image is 200 deep, 20 grid lines */
static PhotoPlanInput
photo(int lines, int img_w, int img_h, int caps)
{
	return (PhotoPlanInput){.pitch = 10,
	                        .width = 300,
	                        .lines = lines,
	                        .img_w = img_w,
	                        .img_h = img_h,
	                        .caption_lines = caps};
}

START_TEST(test_group_exact)
{
	PhotoPlanInput in = photo(24, 1500, 1000, 3);
	PhotoPlan p = photoplan_group(&in);
	ck_assert_int_eq(p.image_lines, 20);
	ck_assert_int_eq(p.caption_at, 21); /* one empty line between */
	ck_assert_int_eq(p.group_lines, 24);
	ck_assert_int_eq(p.empty_lines, 0);
}
END_TEST

START_TEST(test_group_leaves_lines_under_it)
{
	/* a module 30 lines deep for a group of 24: the caption stays under the image, the six
	 * lines the image does not need are under the group */
	PhotoPlanInput in = photo(30, 1500, 1000, 3);
	PhotoPlan p = photoplan_group(&in);
	ck_assert_int_eq(p.image_lines, 20);
	ck_assert_int_eq(p.caption_at, 21);
	ck_assert_int_eq(p.group_lines, 24);
	ck_assert_int_eq(p.empty_lines, 6);
}
END_TEST

START_TEST(test_group_cuts_to_whole_lines)
{
	/* 1600 x 1067 at 300 wide is 200.06 deep: 20 lines; 1600 x 1000 is 187.5: 18 lines, never
	 * a part of one */
	PhotoPlanInput in = photo(40, 1600, 1067, 2);
	ck_assert_int_eq(photoplan_group(&in).image_lines, 20);
	in.img_h = 1000;
	ck_assert_int_eq(photoplan_group(&in).image_lines, 18);
	ck_assert_int_eq(photoplan_group(&in).group_lines, 21);
	/* a panorama thinner than a line keeps one */
	in.img_h = 10;
	ck_assert_int_eq(photoplan_group(&in).image_lines, 1);
}
END_TEST

START_TEST(test_group_image_taller_than_area)
{
	/* a portrait in a short module: it takes every line the caption leaves, none empty */
	PhotoPlanInput in = photo(12, 1000, 1500, 2);
	PhotoPlan p = photoplan_group(&in);
	ck_assert_int_eq(p.image_lines, 9);
	ck_assert_int_eq(p.group_lines, 12);
	ck_assert_int_eq(p.empty_lines, 0);
}
END_TEST

START_TEST(test_group_fill_and_no_caption)
{
	PhotoPlanInput in = photo(30, 1500, 1000, 3);
	in.fill = true; /* the image covers what the caption leaves, cropped */
	ck_assert_int_eq(photoplan_group(&in).image_lines, 26);
	ck_assert_int_eq(photoplan_group(&in).empty_lines, 0);
	in.fill = false;
	in.caption_lines = 0; /* no caption: no empty line either */
	ck_assert_int_eq(photoplan_group(&in).group_lines, 20);
	ck_assert_int_eq(photoplan_group(&in).empty_lines, 10);
	in.img_w = 0; /* unknown size: the whole area */
	ck_assert_int_eq(photoplan_group(&in).image_lines, 30);
}
END_TEST

START_TEST(test_group_beside)
{
	/* beside: the deeper of image and caption; the caption ends level with the group's foot */
	PhotoPlanInput in = photo(30, 1500, 1000, 4);
	PhotoPlan p;
	in.beside = true;
	p = photoplan_group(&in);
	ck_assert_int_eq(p.image_lines, 20);
	ck_assert_int_eq(p.group_lines, 20);
	ck_assert_int_eq(p.caption_at, 16);
	ck_assert_int_eq(p.empty_lines, 10);
	in.caption_lines = 25;
	p = photoplan_group(&in);
	ck_assert_int_eq(p.group_lines, 25);
	ck_assert_int_eq(p.caption_at, 0);
}
END_TEST

/* three columns whose text runs from grid line 11 to line 40 */
static const PhotoColumn cols3[] = {{11, 41}, {11, 41}, {11, 41}};

START_TEST(test_inset_stays_when_clean)
{
	int line, above, below;
	/* 5 lines above, a 10-line group at 16-25, its empty line 26, 14 lines below */
	ck_assert_int_eq(photoplan_inset(16, 10, cols3, 3, &line, &above, &below), PHOTO_AT_CELL);
	ck_assert_int_eq(line, 16);
	/* at the top, and at the foot (no empty line under it there) */
	ck_assert_int_eq(photoplan_inset(11, 10, cols3, 3, &line, &above, &below), PHOTO_AT_CELL);
	ck_assert_int_eq(photoplan_inset(31, 10, cols3, 3, &line, &above, &below), PHOTO_AT_CELL);
	/* 3 lines above and 3 below are a paragraph's worth: clean */
	ck_assert_int_eq(photoplan_inset(14, 23, cols3, 3, &line, &above, &below), PHOTO_AT_CELL);
}
END_TEST

START_TEST(test_inset_moves_up)
{
	int line, above, below;
	/* one or two lines above: up to the top */
	ck_assert_int_eq(photoplan_inset(12, 10, cols3, 3, &line, &above, &below), PHOTO_TO_TOP);
	ck_assert_int_eq(line, 11);
	ck_assert_int_eq(photoplan_inset(13, 10, cols3, 3, &line, &above, &below), PHOTO_TO_TOP);
	ck_assert_int_eq(line, 11);
	ck_assert_int_eq(above, 2);
	ck_assert_int_eq(below, 0);
}
END_TEST

START_TEST(test_inset_moves_down)
{
	int line, above, below;
	/* a 10-line group at 29-38, its empty line 39: one line below it (40), at 28 two (39, 40):
	 * the foot is nearer than the top */
	ck_assert_int_eq(photoplan_inset(29, 10, cols3, 3, &line, &above, &below), PHOTO_TO_BOTTOM);
	ck_assert_int_eq(line, 31);
	ck_assert_int_eq(below, 1);
	ck_assert_int_eq(photoplan_inset(28, 10, cols3, 3, &line, &above, &below), PHOTO_TO_BOTTOM);
	ck_assert_int_eq(below, 2);
}
END_TEST

START_TEST(test_inset_top_is_the_lowest)
{
	/* the head group reaches lower in the first column: the top is its top (13), where the
	 * photo leaves the other columns 2 lines above: not clean; the foot is */
	PhotoColumn cols[] = {{13, 41}, {11, 41}};
	int line, above, below;
	ck_assert_int_eq(photoplan_inset(14, 10, cols, 2, &line, &above, &below), PHOTO_TO_BOTTOM);
	ck_assert_int_eq(line, 31);
}
END_TEST

START_TEST(test_inset_stranded)
{
	int line, above, below;
	/* a 26-line group at 12: one line above, two below (the empty line takes the third); at
	 * the top three below: clean */
	ck_assert_int_eq(photoplan_inset(12, 26, cols3, 3, &line, &above, &below), PHOTO_TO_TOP);
	ck_assert_int_eq(line, 11);
	/* a 28-line group: at 12 one line above; at the top one below; at the foot two above */
	ck_assert_int_eq(photoplan_inset(12, 28, cols3, 3, &line, &above, &below), PHOTO_STRANDED);
	ck_assert_int_eq(line, 12);
	ck_assert_int_eq(above, 1);
	ck_assert_int_eq(below, 0);
	/* a group deeper than the columns stays */
	ck_assert_int_eq(photoplan_inset(12, 40, cols3, 3, &line, &above, &below), PHOTO_STRANDED);
}
END_TEST

static Suite *
photoplan_suite(void)
{
	Suite *s = suite_create("photoplan");
	TCase *t = tcase_create("group");
	tcase_add_test(t, test_group_exact);
	tcase_add_test(t, test_group_leaves_lines_under_it);
	tcase_add_test(t, test_group_cuts_to_whole_lines);
	tcase_add_test(t, test_group_image_taller_than_area);
	tcase_add_test(t, test_group_fill_and_no_caption);
	tcase_add_test(t, test_group_beside);
	suite_add_tcase(s, t);
	t = tcase_create("inset");
	tcase_add_test(t, test_inset_stays_when_clean);
	tcase_add_test(t, test_inset_moves_up);
	tcase_add_test(t, test_inset_moves_down);
	tcase_add_test(t, test_inset_top_is_the_lowest);
	tcase_add_test(t, test_inset_stranded);
	suite_add_tcase(s, t);
	return s;
}

int
main(void)
{
	return unit_run(photoplan_suite());
}
