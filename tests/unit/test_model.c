/* test_model.c - model.c: page descriptions written into a temporary folder at test time,
 * loaded with the real layouts/broadsheet.xml; the elements, and the messages with
 * file:line:col for what is wrong. */
#include "model.h"
#include "unit.h"
#include <cairo.h>
#include <stdio.h> /* before jpeglib.h, which needs FILE */

#include <jpeglib.h>

/* a real 64 x 48 PNG, written with cairo */
static void
write_png(const char *path, int w, int h)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	cairo_t *cr = cairo_create(s);
	cairo_set_source_rgb(cr, 0.2, 0.4, 0.6);
	cairo_paint(cr);
	cairo_destroy(cr);
	ck_assert_int_eq(cairo_surface_write_to_png(s, path), CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(s);
}

/* a real baseline JPEG, written with libjpeg */
static void
write_jpeg(const char *path, int w, int h)
{
	struct jpeg_compress_struct c;
	struct jpeg_error_mgr err;
	unsigned char *mem = NULL;
	unsigned long size = 0;
	JSAMPLE *row = g_malloc0((gsize)w * 3);
	GError *gerr = NULL;
	c.err = jpeg_std_error(&err);
	jpeg_create_compress(&c);
	jpeg_mem_dest(&c, &mem, &size);
	c.image_width = (JDIMENSION)w;
	c.image_height = (JDIMENSION)h;
	c.input_components = 3;
	c.in_color_space = JCS_RGB;
	jpeg_set_defaults(&c);
	jpeg_start_compress(&c, TRUE);
	for (int y = 0; y < h; y++) {
		for (int x = 0; x < w * 3; x++)
			row[x] = (JSAMPLE)((x + y) & 0xff);
		jpeg_write_scanlines(&c, &row, 1);
	}
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	ck_assert_msg(g_file_set_contents(path, (const char *)mem, (gssize)size, &gerr), "%s",
	              gerr ? gerr->message : "?");
	free(mem);
	g_free(row);
}

typedef struct {
	char *dir;
	char *path; /* the edition file */
	Report *r;
	Model *m;
} Ed;

/* Write the edition and the files it names into a fresh folder, then load it. */
static Ed
ed_load(const char *xml)
{
	Ed e = {0};
	e.dir = unit_tmpdir();
	g_free(unit_write(e.dir, "stories/a.txt",
	                  "headline: 澄江四桥建成通车\n\n第一段。\n\n第二段。\n"));
	g_free(unit_write(e.dir, "stories/b.txt", "没有标题的短讯。\n"));
	g_free(unit_write(e.dir, "notices/n.txt", "headline: 遗失声明\n\n张伟遗失身份证。\n"));
	g_free(unit_write(e.dir, "fake.png", "this is text, not an image\n"));
	{
		g_autofree char *images = g_build_filename(e.dir, "images", NULL);
		g_autofree char *png = g_build_filename(images, "p.png", NULL);
		g_autofree char *jpg = g_build_filename(images, "a.jpg", NULL);
		ck_assert_int_eq(g_mkdir_with_parents(images, 0755), 0);
		write_png(png, 64, 48);
		write_jpeg(jpg, 40, 30);
	}
	e.path = unit_write(e.dir, "edition.xml", xml);
	e.r = report_new();
	e.m = model_load(e.path, e.r);
	return e;
}

static void
ed_done(Ed *e)
{
	model_free(e->m);
	report_free(e->r);
	unit_rmtree(e->dir);
	g_free(e->dir);
	g_free(e->path);
}

/* 1-based column of the first `needle` in line `lineno` of text, in characters; a needle
 * ending in =" (an attribute and its value) gives the column of the quote, where messages about
 * the value point */
static int
col_of(const char *text, int lineno, const char *needle)
{
	const char *line = text, *hit;
	for (int i = 1; i < lineno; i++) {
		line = strchr(line, '\n');
		ck_assert_ptr_nonnull(line);
		line++;
	}
	hit = strstr(line, needle);
	ck_assert_msg(hit != NULL && (!strchr(line, '\n') || hit < strchr(line, '\n')),
	              "\"%s\" not on line %d", needle, lineno);
	if (g_str_has_suffix(needle, "=\""))
		hit += strlen(needle) - 1;
	return (int)g_utf8_strlen(line, hit - line) + 1;
}

/* An edition of one page whose line 4 is `elem`:
 *   1 <edition ...>   2 <page folio="01">   3 <story id="a" .../>   4 elem   5 </page> */
static char *
one_page(const char *elem)
{
	return g_strdup_printf(
	    "<edition paper=\"江城日报\" date=\"2026-11-28\" layout=\"broadsheet\">\n"
	    "  <page folio=\"01\">\n"
	    "    <story id=\"a\" src=\"stories/a.txt\" cols=\"1-4\" lines=\"1-20\"/>\n"
	    "%s\n"
	    "  </page>\n"
	    "</edition>\n",
	    elem);
}

/* Load one_page(elem) and expect an error at line 4, at the column of `at` in elem. */
static void
expect_line4_error(const char *elem, const char *at, const char *phrase)
{
	g_autofree char *xml = one_page(elem);
	Ed e = ed_load(xml);
	ck_assert_msg(e.m == NULL, "loaded despite %s", phrase);
	UNIT_ASSERT_ERROR_AT(e.r, e.path, 4, col_of(xml, 4, at), phrase);
	ck_assert(report_has(e.r, DIAG_INPUT, REPORT_ERROR));
	ed_done(&e);
}

static const char full_edition[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<edition paper=\"江城日报\" paper-latin=\"JIANGCHENG DAILY\" date=\"2026-11-28\"\n"
    "         issue=\"第18254期\" layout=\"broadsheet\">\n"
    "  <page folio=\"01\" section=\"要闻\">\n"
    "    <masthead cols=\"1-8\" lines=\"1-10\"/>\n"
    "    <story id=\"lead\" src=\"stories/a.txt\" cols=\"1-5\" lines=\"11-34\"/>\n"
    "    <photo src=\"images/p.png\" cols=\"6-8\" lines=\"11-34\" fit=\"fill\" caption=\"图说\" "
    "credit=\"本报记者 摄\"/>\n"
    "    <rule cols=\"1-8\" at-line=\"34\" weight=\"1pt\" style=\"thick-thin\"/>\n"
    "    <rule at-col=\"5\" lines=\"11-34\"/>\n"
    "    <ad cols=\"1-8\" lines=\"103-104\" text=\"广告接待热线 28835396\"/>\n"
    "    <ad src=\"images/a.jpg\" cols=\"1-4\" lines=\"90-102\"/>\n"
    "  </page>\n"
    "  <page folio=\"02\" section=\"综合\" editor=\"周明\" designer=\"陈静\" "
    "proofreader=\"刘洋\">\n"
    "    <jump story=\"lead\" cols=\"1-2\" lines=\"1-22\"/>\n"
    "    <notice src=\"notices/n.txt\" cols=\"3-4\" lines=\"1-22\"/>\n"
    "    <story id=\"brief\" src=\"stories/b.txt\" cols=\"5-8\" lines=\"1-22\"/>\n"
    "  </page>\n"
    "</edition>\n";

START_TEST(test_full_edition)
{
	Ed e = ed_load(full_edition);
	const Model *m = e.m;
	const Page *p1, *p2;
	g_autofree char *png = NULL;
	ck_assert_msg(m != NULL, "%s", unit_report_text(e.r));
	ck_assert_msg(e.r->nerrors == 0 && e.r->nwarnings == 0, "%s", unit_report_text(e.r));
	ck_assert_str_eq(m->file, e.path);
	ck_assert_str_eq(m->paper, "江城日报");
	ck_assert_str_eq(m->paper_latin, "JIANGCHENG DAILY");
	ck_assert_str_eq(m->issue, "第18254期");
	ck_assert_str_eq(m->date, "2026-11-28");
	ck_assert_int_eq(m->year, 2026);
	ck_assert_int_eq(m->month, 11);
	ck_assert_int_eq(m->day, 28);
	ck_assert_ptr_nonnull(m->layout);
	ck_assert_int_eq(m->layout->grid.columns, 8);
	ck_assert_int_eq(m->layout->grid.lines, 104);
	ck_assert_str_eq(m->layout->family[ROLE_SONG], "Noto Serif CJK SC");

	ck_assert_int_eq(m->npages, 2);
	p1 = &m->pages[0];
	p2 = &m->pages[1];
	ck_assert_str_eq(p1->folio, "01");
	ck_assert_str_eq(p1->section, "要闻");
	ck_assert_ptr_null(p1->editor);
	ck_assert_int_eq(p1->line, 4);
	ck_assert_int_eq(p1->col, 3);
	ck_assert_str_eq(p2->folio, "02");
	ck_assert_str_eq(p2->editor, "周明");
	ck_assert_str_eq(p2->designer, "陈静");
	ck_assert_str_eq(p2->proofreader, "刘洋");

	ck_assert_int_eq(p1->nelems, 7);
	ck_assert_int_eq(p1->elems[0].kind, EL_MASTHEAD);
	ck_assert_int_eq(p1->elems[0].cell.c0, 1);
	ck_assert_int_eq(p1->elems[0].cell.c1, 8);
	ck_assert_int_eq(p1->elems[0].cell.l0, 1);
	ck_assert_int_eq(p1->elems[0].cell.l1, 10);
	ck_assert_int_eq(p1->elems[0].story, -1);
	ck_assert_int_eq(p1->elems[0].line, 5);
	ck_assert_int_eq(p1->elems[0].col, 5);

	ck_assert_int_eq(p1->elems[1].kind, EL_STORY);
	ck_assert_int_eq(p1->elems[1].story, 0);
	ck_assert_int_eq(p1->elems[1].cell.c1, 5);
	ck_assert_int_eq(p1->elems[1].cell.l0, 11);
	ck_assert_int_eq(p1->elems[1].cell.l1, 34);

	ck_assert_int_eq(p1->elems[2].kind, EL_PHOTO);
	png = g_build_filename(e.dir, "images/p.png", NULL);
	ck_assert_str_eq(p1->elems[2].src, png);
	ck_assert_int_eq(p1->elems[2].image.format, IMAGE_PNG);
	ck_assert_int_eq(p1->elems[2].image.width, 64);
	ck_assert_int_eq(p1->elems[2].image.height, 48);
	ck_assert(p1->elems[2].fill);
	ck_assert(!p1->elems[2].inset);
	ck_assert_str_eq(p1->elems[2].caption, "图说");
	ck_assert_str_eq(p1->elems[2].credit, "本报记者 摄");
	ck_assert_int_eq(p1->elems[2].line, 7);

	ck_assert_int_eq(p1->elems[3].kind, EL_RULE);
	ck_assert(!p1->elems[3].vertical);
	ck_assert_int_eq(p1->elems[3].at, 34);
	ck_assert_int_eq(p1->elems[3].weight, 1024);
	ck_assert(p1->elems[3].thick_thin);
	ck_assert_int_eq(p1->elems[3].cell.c0, 1);
	ck_assert_int_eq(p1->elems[3].cell.c1, 8);
	ck_assert_int_eq(p1->elems[4].kind, EL_RULE);
	ck_assert(p1->elems[4].vertical);
	ck_assert_int_eq(p1->elems[4].at, 5);
	ck_assert_int_eq(p1->elems[4].weight, 512); /* 0.5 pt by default */
	ck_assert(!p1->elems[4].thick_thin);
	ck_assert_int_eq(p1->elems[4].cell.l0, 11);
	ck_assert_int_eq(p1->elems[4].cell.l1, 34);

	ck_assert_int_eq(p1->elems[5].kind, EL_AD);
	ck_assert_str_eq(p1->elems[5].text, "广告接待热线 28835396");
	ck_assert_ptr_null(p1->elems[5].src);
	ck_assert_int_eq(p1->elems[6].kind, EL_AD);
	ck_assert_ptr_null(p1->elems[6].text);
	ck_assert_int_eq(p1->elems[6].image.format, IMAGE_JPEG);
	ck_assert_int_eq(p1->elems[6].image.width, 40);
	ck_assert_int_eq(p1->elems[6].image.height, 30);

	ck_assert_int_eq(p2->nelems, 3);
	ck_assert_int_eq(p2->elems[0].kind, EL_JUMP);
	ck_assert_int_eq(p2->elems[0].story, 0); /* continues "lead" */
	ck_assert_int_eq(p2->elems[1].kind, EL_NOTICE);
	ck_assert_int_eq(p2->elems[1].story, 1);
	ck_assert_int_eq(p2->elems[2].kind, EL_STORY);
	ck_assert_int_eq(p2->elems[2].story, 2);

	ck_assert_int_eq(m->nstories, 3);
	ck_assert_str_eq(m->stories[0].id, "lead");
	ck_assert(!m->stories[0].notice);
	ck_assert_int_eq(m->stories[0].line, 6);
	ck_assert_str_eq(story_get(m->stories[0].story, PARA_HEADLINE), "澄江四桥建成通车");
	ck_assert_int_eq(m->stories[0].story->n, 3);
	ck_assert_ptr_null(m->stories[1].id);
	ck_assert(m->stories[1].notice);
	ck_assert_str_eq(story_get(m->stories[1].story, PARA_HEADLINE), "遗失声明");
	ck_assert_str_eq(m->stories[2].id, "brief");
	ck_assert_int_eq(m->stories[2].story->n, 1);
	ck_assert_str_eq(model_elem_name(EL_NOTICE), "notice");
	ed_done(&e);
}
END_TEST

START_TEST(test_dump)
{
	Ed e = ed_load(full_edition);
	GString *out = g_string_new(NULL);
	ck_assert_ptr_nonnull(e.m);
	model_dump(e.m, out);
	ck_assert_ptr_nonnull(strstr(out->str, "edition paper=\"江城日报\" date=2026-11-28 "
	                                       "issue=\"第18254期\" pages=2 stories=3\n"));
	ck_assert_ptr_nonnull(strstr(out->str, "  story 0 id=lead file=a.txt paras=3\n"));
	ck_assert_ptr_nonnull(strstr(out->str, "  story 1 id=- notice file=n.txt paras=2\n"));
	ck_assert_ptr_nonnull(strstr(out->str, "  page 01 section=\"要闻\" elems=7\n"));
	ck_assert_ptr_nonnull(strstr(out->str, "    photo @7 cols=6-8 lines=11-34 image=p.png png "
	                                       "64x48\n"));
	ck_assert_ptr_nonnull(strstr(out->str, "    jump @14 cols=1-2 lines=1-22 story=0\n"));
	g_string_free(out, TRUE);
	ed_done(&e);
}
END_TEST

START_TEST(test_layout_by_path_and_options)
{
	/* layout="broadsheet" from an explicit library folder, and the real file by absolute
	 * path when files outside the edition's folder are allowed */
	g_autofree char *layouts = unit_source_path("layouts");
	g_autofree char *abs = unit_layout_path();
	g_autofree char *xml =
	    g_strdup_printf("<edition paper=\"P\" date=\"2026-11-28\" layout=\"%s\">\n"
	                    "  <page folio=\"01\"><story id=\"a\" src=\"stories/a.txt\" "
	                    "cols=\"1-4\" lines=\"1-20\"/></page>\n"
	                    "</edition>\n",
	                    abs);
	g_autofree char *plain = one_page("    <rule cols=\"1-8\" at-line=\"20\"/>");
	Ed e = ed_load(plain);
	ModelOptions lib = {.layouts_dir = layouts};
	ModelOptions outside = {.allow_outside = true};
	g_autoptr(Report) r = report_new();
	g_autofree char *path2 = NULL;
	Model *m;
	ck_assert_msg(e.m != NULL, "%s", unit_report_text(e.r));
	ck_assert_str_eq(e.m->layout->name, "对开 8栏 小五");
	m = model_load_with(e.path, &lib, r);
	ck_assert_msg(m != NULL, "%s", unit_report_text(r));
	ck_assert_str_eq(m->layout->file, abs);
	model_free(m);
	path2 = unit_write(e.dir, "abs.xml", xml);
	m = model_load_with(path2, &outside, r);
	ck_assert_msg(m != NULL, "%s", unit_report_text(r));
	ck_assert_int_eq(m->layout->grid.chars, 13);
	model_free(m);
	/* confined (the default), the absolute path is refused */
	ck_assert_ptr_null(model_load(path2, r));
	UNIT_ASSERT_ERROR_AT(r, path2, 1, col_of(xml, 1, "layout=\""),
	                     "is outside the edition's folder");
	ed_done(&e);
}
END_TEST

START_TEST(test_inset_photo)
{
	g_autofree char *xml = one_page(
	    "    <photo src=\"images/p.png\" cols=\"2-3\" lines=\"5-10\" caption=\"图\"/>");
	Ed e = ed_load(xml);
	ck_assert_msg(e.m != NULL, "%s", unit_report_text(e.r));
	ck_assert_int_eq(e.m->pages[0].nelems, 2);
	ck_assert(e.m->pages[0].elems[1].inset);
	ed_done(&e);
}
END_TEST

/* ---- errors ---- */

START_TEST(test_error_unknown_element)
{
	expect_line4_error("    <box cols=\"5-8\" lines=\"1-20\"/>", "<box",
	                   "unknown element <box>");
}
END_TEST

START_TEST(test_error_unknown_attribute)
{
	expect_line4_error("    <story id=\"b\" src=\"stories/b.txt\" cols=\"5-8\" lines=\"1-20\" "
	                   "colour=\"red\"/>",
	                   "colour=", "unknown attribute colour on <story>");
	expect_line4_error("    <rule cols=\"1-8\" at-line=\"20\" thickness=\"2pt\"/>",
	                   "thickness=", "unknown attribute thickness on <rule>");
}
END_TEST

START_TEST(test_error_cols_outside_grid)
{
	expect_line4_error(
	    "    <story id=\"b\" src=\"stories/b.txt\" cols=\"7-9\" lines=\"1-20\"/>", "cols=\"",
	    "cols=\"7-9\" is not within the grid (1 to 8)");
	expect_line4_error(
	    "    <story id=\"b\" src=\"stories/b.txt\" cols=\"6-5\" lines=\"1-20\"/>", "cols=\"",
	    "cols=\"6-5\" runs backwards: column 6 comes after 5");
	expect_line4_error("    <photo src=\"images/p.png\" cols=\"5-8\" lines=\"100-105\"/>",
	                   "lines=\"", "lines=\"100-105\" is not within the grid (1 to 104)");
	expect_line4_error("    <masthead cols=\"0-8\" lines=\"21-30\"/>", "cols=\"",
	                   "cols=\"0-8\" is not within the grid (1 to 8)");
}
END_TEST

START_TEST(test_error_overlap)
{
	expect_line4_error(
	    "    <story id=\"b\" src=\"stories/b.txt\" cols=\"4-6\" lines=\"10-30\"/>", "<story",
	    "<story> overlaps the <story> at line 3");
	expect_line4_error("    <ad cols=\"1-8\" lines=\"20-21\" text=\"广告\"/>", "<ad",
	                   "<ad> overlaps the <story> at line 3");
}
END_TEST

START_TEST(test_error_missing_story_file)
{
	g_autofree char *xml = one_page(
	    "    <story id=\"b\" src=\"stories/missing.txt\" cols=\"5-8\" lines=\"1-20\"/>");
	Ed e = ed_load(xml);
	g_autofree char *missing = g_build_filename(e.dir, "stories/missing.txt", NULL);
	const Diag *note;
	ck_assert_ptr_null(e.m);
	/* the error names the file itself; a note points at the element that named it */
	UNIT_ASSERT_ERROR_AT(e.r, missing, 0, 0, "cannot open file: No such file or directory");
	note = unit_find(e.r, REPORT_NOTE, "the file is named here");
	ck_assert_ptr_nonnull(note);
	ck_assert_str_eq(note->file, e.path);
	ck_assert_int_eq(note->line, 4);
	ck_assert_int_eq(note->col, col_of(xml, 4, "src=\""));
	ck_assert_int_eq(e.r->nerrors, 1);
	ed_done(&e);
}
END_TEST

START_TEST(test_error_jump_to_unknown_story)
{
	expect_line4_error("    <jump story=\"ghost\" cols=\"5-8\" lines=\"1-20\"/>", "story=\"",
	                   "no story \"ghost\" before this jump");
}
END_TEST

START_TEST(test_error_jump_before_its_story)
{
	static const char xml[] =
	    "<edition paper=\"P\" date=\"2026-11-28\" layout=\"broadsheet\">\n"
	    "  <page folio=\"01\">\n"
	    "    <jump story=\"later\" cols=\"5-8\" lines=\"1-20\"/>\n"
	    "    <story id=\"later\" src=\"stories/a.txt\" cols=\"1-4\" lines=\"1-20\"/>\n"
	    "  </page>\n"
	    "</edition>\n";
	Ed e = ed_load(xml);
	ck_assert_ptr_null(e.m);
	UNIT_ASSERT_ERROR_AT(e.r, e.path, 3, col_of(xml, 3, "story=\""),
	                     "story \"later\" is placed after this jump (line 4)");
	ed_done(&e);
}
END_TEST

START_TEST(test_error_photo_not_an_image)
{
	g_autofree char *fake = NULL;
	g_autofree char *xml = one_page(
	    "    <photo src=\"fake.png\" cols=\"5-8\" lines=\"1-20\" caption=\"图说文字\"/>");
	Ed e = ed_load(xml);
	ck_assert_ptr_null(e.m);
	UNIT_ASSERT_ERROR_AT(e.r, e.path, 4, col_of(xml, 4, "src=\""),
	                     "is not a PNG or JPEG image (or is truncated)");
	fake = g_build_filename(e.dir, "fake.png", NULL);
	ck_assert_ptr_nonnull(unit_find(e.r, REPORT_ERROR, fake)); /* names the file */
	ed_done(&e);
}
END_TEST

START_TEST(test_error_photo_missing)
{
	expect_line4_error("    <photo src=\"images/none.jpg\" cols=\"5-8\" lines=\"1-20\"/>",
	                   "src=\"", "cannot open file");
}
END_TEST

START_TEST(test_error_photo_after_chinese_caption)
{
	/* the caption comes first: the position must not be thrown off by the Chinese text */
	expect_line4_error(
	    "    <photo caption=\"澄江四桥华灯初上，首批车辆通行。\" src=\"fake.png\" "
	    "cols=\"5-8\" lines=\"1-20\"/>",
	    "src=\"", "is not a PNG or JPEG image");
}
END_TEST

static void
expect_bad_date(const char *date)
{
	g_autofree char *xml =
	    g_strdup_printf("<edition paper=\"P\" layout=\"broadsheet\"\n"
	                    "         date=\"%s\">\n"
	                    "  <page folio=\"01\"><story id=\"a\" src=\"stories/a.txt\" "
	                    "cols=\"1-4\" lines=\"1-20\"/></page>\n"
	                    "</edition>\n",
	                    date);
	g_autofree char *phrase = g_strdup_printf("invalid date \"%s\"", date);
	Ed e = ed_load(xml);
	ck_assert_msg(e.m == NULL, "date \"%s\" accepted", date);
	UNIT_ASSERT_ERROR_AT(e.r, e.path, 2, 15, phrase);
	ck_assert_str_eq(unit_find(e.r, REPORT_ERROR, phrase)->hint,
	                 "write the date as YYYY-MM-DD");
	ed_done(&e);
}

START_TEST(test_error_bad_date)
{
	expect_bad_date("2026-02-30");
	expect_bad_date("2026-13-01");
	expect_bad_date("2026-00-10");
	expect_bad_date("26-11-28");
	expect_bad_date("2026/11/28");
	expect_bad_date("2026-11-28 ");
	expect_bad_date("1899-12-31");
	expect_bad_date("tomorrow");
	expect_bad_date("");
}
END_TEST

START_TEST(test_date_strict_format)
{
	/* exactly YYYY-MM-DD: the date is printed and used in file names as written */
	static const char *const bad[] = {"2026-1-011", "2026-+1-01", " 2026-11-2", "2026-11- 8"};
	static const char good[] =
	    "<edition paper=\"P\" layout=\"broadsheet\" date=\"2024-02-29\">\n"
	    "  <page folio=\"01\"/>\n"
	    "</edition>\n";
	Ed g = ed_load(good);
	ck_assert_msg(g.m != NULL, "%s", unit_report_text(g.r));
	ck_assert_str_eq(g.m->date, "2024-02-29"); /* a leap day */
	ck_assert_int_eq(g.m->year, 2024);
	ck_assert_int_eq(g.m->month, 2);
	ck_assert_int_eq(g.m->day, 29);
	ed_done(&g);
	for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
		g_autofree char *xml = g_strdup_printf(
		    "<edition paper=\"P\" layout=\"broadsheet\" date=\"%s\">\n"
		    "  <page folio=\"01\"><story id=\"a\" src=\"stories/a.txt\" cols=\"1-4\" "
		    "lines=\"1-20\"/></page>\n"
		    "</edition>\n",
		    bad[i]);
		Ed e = ed_load(xml);
		if (e.m) { /* what would be printed */
			ck_assert_str_eq(e.m->date, bad[i]);
		}
		/* Was a bug (fixed): model.c read_date: sscanf("%4d-%2d-%2d") with strlen == 10
		 * accepts "2026-1-011" (as 2026-01-01), "2026-+1-01", " 2026-11-2", "2026-11- 8";
		 * m->date keeps the malformed text for the masthead, the PDF metadata and file
		 * names. */
		ck_assert_msg(e.m == NULL, "date \"%s\" accepted", bad[i]);
		ed_done(&e);
	}
}
END_TEST

START_TEST(test_error_duplicate_story_id)
{
	expect_line4_error(
	    "    <story id=\"a\" src=\"stories/b.txt\" cols=\"5-8\" lines=\"1-20\"/>", "id=\"",
	    "story id \"a\" is used twice");
}
END_TEST

/* story ids are unique in the edition; a notice's id is in the same name space (jumps look
 * ids up in one table) */
START_TEST(test_notice_id_clashes_with_story)
{
	g_autofree char *xml =
	    one_page("    <notice id=\"a\" src=\"notices/n.txt\" cols=\"5-8\" lines=\"1-20\"/>");
	Ed e = ed_load(xml);
	if (e.m) {
		/* what a later <jump story="a"> would continue: the notice, not the story */
		ck_assert_int_eq(e.m->nstories, 2);
		ck_assert(e.m->stories[1].notice);
	}
	/* Was a bug (fixed): model.c add_story: a notice with id="a" after <story id="a"> is
	 * accepted and silently replaces the story in the id table; read_notice does not check the
	 * id is unused (read_story does), so <jump story="a"> then continues the notice. */
	ck_assert_ptr_null(e.m);
	UNIT_ASSERT_ERROR_AT(e.r, e.path, 4, col_of(xml, 4, "id=\""), "is used twice");
	ed_done(&e);
}
END_TEST

START_TEST(test_error_missing_attribute)
{
	expect_line4_error("    <story id=\"b\" src=\"stories/b.txt\" cols=\"5-8\"/>", "<story",
	                   "<story> needs attribute lines");
	expect_line4_error("    <jump cols=\"5-8\" lines=\"1-20\"/>", "<jump",
	                   "<jump> needs attribute story");
}
END_TEST

START_TEST(test_error_ads_and_rules)
{
	expect_line4_error("    <ad cols=\"5-8\" lines=\"1-20\"/>", "<ad",
	                   "<ad> needs exactly one of src and text");
	expect_line4_error("    <ad src=\"images/a.jpg\" text=\"x\" cols=\"5-8\" lines=\"1-20\"/>",
	                   "<ad", "<ad> needs exactly one of src and text");
	expect_line4_error("    <rule cols=\"1-8\"/>", "<rule",
	                   "<rule> needs exactly one of at-line, line and at-col");
	expect_line4_error("    <rule cols=\"1-8\" at-line=\"105\"/>", "at-line=\"",
	                   "at-line=\"105\" is not a grid line from 0 to 104");
	expect_line4_error("    <rule at-col=\"8\" lines=\"1-20\"/>", "at-col=\"",
	                   "at-col=\"8\" is not a column from 1 to 7");
	expect_line4_error("    <rule cols=\"1-8\" at-line=\"20\" weight=\"30pt\"/>", "weight=\"",
	                   "invalid rule weight \"30pt\"");
	expect_line4_error("    <rule cols=\"1-8\" at-line=\"20\" style=\"double\"/>", "style=\"",
	                   "unknown rule style \"double\"");
	expect_line4_error(
	    "    <photo src=\"images/p.png\" cols=\"5-8\" lines=\"1-20\" fit=\"crop\"/>", "fit=\"",
	    "unknown fit \"crop\"");
}
END_TEST

START_TEST(test_error_outside_folder)
{
	expect_line4_error("    <story id=\"b\" src=\"../b.txt\" cols=\"5-8\" lines=\"1-20\"/>",
	                   "src=\"", "\"../b.txt\" is outside the edition's folder");
	expect_line4_error("    <photo src=\"/etc/passwd\" cols=\"5-8\" lines=\"1-20\"/>", "src=\"",
	                   "\"/etc/passwd\" is outside the edition's folder");
}
END_TEST

START_TEST(test_error_child_element)
{
	static const char xml[] =
	    "<edition paper=\"P\" date=\"2026-11-28\" layout=\"broadsheet\">\n"
	    "  <page folio=\"01\">\n"
	    "    <story id=\"a\" src=\"stories/a.txt\" cols=\"1-4\" lines=\"1-20\">\n"
	    "      <headline/>\n"
	    "    </story>\n"
	    "  </page>\n"
	    "</edition>\n";
	Ed e = ed_load(xml);
	ck_assert_ptr_null(e.m);
	UNIT_ASSERT_ERROR_AT(e.r, e.path, 4, 7, "<story> takes no child elements");
	ed_done(&e);
}
END_TEST

START_TEST(test_error_edition_level)
{
	static const char no_pages[] =
	    "<edition paper=\"P\" date=\"2026-11-28\" layout=\"broadsheet\">\n"
	    "</edition>\n";
	static const char bad_root[] = "<!-- x -->\n<layout/>\n";
	static const char bad_layout[] =
	    "<edition paper=\"P\" date=\"2026-11-28\" layout=\"nosuch\">\n"
	    "  <page folio=\"01\"/>\n"
	    "</edition>\n";
	static const char no_paper[] = "<edition date=\"2026-11-28\" layout=\"broadsheet\">\n"
	                               "  <page folio=\"01\"/>\n"
	                               "</edition>\n";
	static const char bad_folio[] =
	    "<edition paper=\"P\" date=\"2026-11-28\" layout=\"broadsheet\">\n"
	    "  <page folio=\"1a\"/>\n"
	    "</edition>\n";
	Ed e = ed_load(no_pages);
	ck_assert_ptr_null(e.m);
	UNIT_ASSERT_ERROR_AT(e.r, e.path, 1, 1, "the edition has no pages");
	ed_done(&e);
	e = ed_load(bad_root);
	ck_assert_ptr_null(e.m);
	UNIT_ASSERT_ERROR_AT(e.r, e.path, 2, 1, "root element is <layout>");
	ed_done(&e);
	e = ed_load(bad_layout);
	ck_assert_ptr_null(e.m);
	/* a name the library lacks: said at the name, with the library's layouts */
	{
		const Diag *d =
		    unit_find(e.r, REPORT_ERROR, "no layout \"nosuch\" in the layouts library");
		ck_assert_ptr_nonnull(d);
		ck_assert_int_eq(d->line, 1);
		ck_assert_int_eq(d->col, col_of(bad_layout, 1, "layout=\""));
		ck_assert_ptr_nonnull(strstr(d->hint, "holds broadsheet"));
		ck_assert_ptr_null(unit_find(e.r, REPORT_NOTE, "the layout is named here"));
	}
	ed_done(&e);
	e = ed_load(no_paper);
	ck_assert_ptr_null(e.m);
	UNIT_ASSERT_ERROR_AT(e.r, e.path, 1, 1, "<edition> needs attribute paper");
	ed_done(&e);
	e = ed_load(bad_folio);
	ck_assert_ptr_null(e.m);
	UNIT_ASSERT_ERROR_AT(e.r, e.path, 2, 15, "folio \"1a\" is not a page number");
	ed_done(&e);
}
END_TEST

START_TEST(test_errors_are_collected)
{
	/* several bad elements on a page: each is reported, in order */
	static const char xml[] =
	    "<edition paper=\"P\" date=\"2026-11-28\" layout=\"broadsheet\">\n"
	    "  <page folio=\"01\">\n"
	    "    <story id=\"a\" src=\"stories/a.txt\" cols=\"1-9\" lines=\"1-20\"/>\n"
	    "    <box/>\n"
	    "    <jump story=\"zz\" cols=\"5-8\" lines=\"1-20\"/>\n"
	    "  </page>\n"
	    "</edition>\n";
	Ed e = ed_load(xml);
	ck_assert_ptr_null(e.m);
	ck_assert_int_eq(e.r->nerrors, 3);
	ck_assert_int_eq(unit_diag(e.r, 0)->line, 3);
	ck_assert_int_eq(unit_diag(e.r, 1)->line, 4);
	ck_assert_int_eq(unit_diag(e.r, 2)->line, 5);
	ed_done(&e);
}
END_TEST

/* docs/page-description.md: "the schema cannot check ...; huozi does: <masthead> on page 1
 * only". */
START_TEST(test_masthead_on_page_one_only)
{
	static const char ok[] =
	    "<edition paper=\"P\" date=\"2026-11-28\" layout=\"broadsheet\">\n"
	    "  <page folio=\"01\">\n"
	    "    <masthead cols=\"1-8\" lines=\"1-10\"/>\n"
	    "  </page>\n"
	    "  <page folio=\"02\">\n"
	    "    <story id=\"a\" src=\"stories/a.txt\" cols=\"1-8\" lines=\"1-10\"/>\n"
	    "  </page>\n"
	    "</edition>\n";
	static const char bad[] =
	    "<edition paper=\"P\" date=\"2026-11-28\" layout=\"broadsheet\">\n"
	    "  <page folio=\"01\">\n"
	    "    <masthead cols=\"1-8\" lines=\"1-10\"/>\n"
	    "  </page>\n"
	    "  <page folio=\"02\">\n"
	    "    <masthead cols=\"1-8\" lines=\"1-10\"/>\n"
	    "  </page>\n"
	    "</edition>\n";
	Ed e = ed_load(ok);
	ck_assert_msg(e.m != NULL, "%s", unit_report_text(e.r));
	ck_assert_int_eq(e.m->pages[0].elems[0].kind, EL_MASTHEAD);
	ck_assert_int_eq(e.m->pages[1].elems[0].kind, EL_STORY);
	ed_done(&e);
	e = ed_load(bad);
	ck_assert_ptr_null(unit_find(e.r, REPORT_ERROR, "malformed"));
	ck_assert_ptr_null(e.m);
	UNIT_ASSERT_ERROR_AT(e.r, e.path, 6, 5,
	                     "<masthead> is only allowed on the first page of the edition");
	ed_done(&e);
}
END_TEST

static Suite *
model_suite(void)
{
	Suite *s = suite_create("model");
	TCase *ok = tcase_create("valid");
	TCase *bad = tcase_create("errors");
	tcase_add_test(ok, test_full_edition);
	tcase_add_test(ok, test_dump);
	tcase_add_test(ok, test_layout_by_path_and_options);
	tcase_add_test(ok, test_inset_photo);
	tcase_add_test(bad, test_error_unknown_element);
	tcase_add_test(bad, test_error_unknown_attribute);
	tcase_add_test(bad, test_error_cols_outside_grid);
	tcase_add_test(bad, test_error_overlap);
	tcase_add_test(bad, test_error_missing_story_file);
	tcase_add_test(bad, test_error_jump_to_unknown_story);
	tcase_add_test(bad, test_error_jump_before_its_story);
	tcase_add_test(bad, test_error_photo_not_an_image);
	tcase_add_test(bad, test_error_photo_missing);
	tcase_add_test(bad, test_error_photo_after_chinese_caption);
	tcase_add_test(bad, test_error_bad_date);
	tcase_add_test(bad, test_date_strict_format);
	tcase_add_test(bad, test_error_duplicate_story_id);
	tcase_add_test(bad, test_notice_id_clashes_with_story);
	tcase_add_test(bad, test_error_missing_attribute);
	tcase_add_test(bad, test_error_ads_and_rules);
	tcase_add_test(bad, test_error_outside_folder);
	tcase_add_test(bad, test_error_child_element);
	tcase_add_test(bad, test_error_edition_level);
	tcase_add_test(bad, test_errors_are_collected);
	tcase_add_test(bad, test_masthead_on_page_one_only);
	suite_add_tcase(s, ok);
	suite_add_tcase(s, bad);
	return s;
}

int
main(void)
{
	return unit_run(model_suite());
}
