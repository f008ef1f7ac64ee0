/* test_layout.c - layout.c (layout files), style.c (styles and inheritance), grid.c (maths). */
#include "layout.h"
#include "stylepart.h"
#include "unit.h"

/* ---- the real broadsheet layout ---- */

static Layout *
load_broadsheet(void)
{
	g_autofree char *path = unit_layout_path();
	Report *r = report_new();
	Layout *l = layout_load(path, r);
	ck_assert_msg(l != NULL, "broadsheet.xml does not load:\n%s", unit_report_text(r));
	ck_assert_msg(r->diags->len == 0, "diagnostics:\n%s", unit_report_text(r));
	report_free(r);
	return l;
}

static const Style *
style_named(const Layout *l, const char *name)
{
	for (int i = 0; i < l->nstyles; i++)
		if (strcmp(l->styles[i].name, name) == 0)
			return &l->styles[i];
	ck_abort_msg("no style %s", name);
	return NULL;
}

START_TEST(test_broadsheet_grid)
{
	g_autoptr(Layout) l = load_broadsheet();
	const Grid *g = &l->grid;
	ck_assert_str_eq(l->name, "对开 8栏 小五");
	ck_assert_int_eq(g->page_w, len_from_mm(390));
	ck_assert_int_eq(g->page_h, len_from_mm(543));
	ck_assert_int_eq(g->top, len_from_mm(33));
	ck_assert_int_eq(g->left, len_from_mm(18.8));
	ck_assert_int_eq(g->columns, 8);
	ck_assert_int_eq(g->chars, 13);
	ck_assert_int_eq(g->lines, 104);
	ck_assert_int_eq(g->gutter, 9 * 1024);
	ck_assert_int_eq(g->body_size, 9 * 1024);
	ck_assert_int_eq(g->pitch, 13 * 1024);
	ck_assert_int_eq(g->clearance, g->pitch / 4); /* the default: a quarter of the pitch */
	/* the comment of broadsheet.xml: type area 999 x 1352 pt */
	ck_assert_int_eq(grid_col_width(g), 117 * 1024);
	ck_assert_int_eq(grid_area_width(g), 999 * 1024);
	ck_assert_int_eq(grid_area_height(g), 1352 * 1024);
}
END_TEST

START_TEST(test_broadsheet_fonts_and_engine_styles)
{
	g_autoptr(Layout) l = load_broadsheet();
	ck_assert_str_eq(l->family[ROLE_SONG], "Noto Serif CJK SC");
	ck_assert_str_eq(l->family[ROLE_HEI], "Noto Sans CJK SC");
	ck_assert_str_eq(l->family[ROLE_KAI], "LXGW WenKai");
	ck_assert_str_eq(l->family[ROLE_FANGSONG], "LXGW WenKai");
	ck_assert_int_ge(l->nstyles, ST_COUNT);
	for (int i = 0; i < ST_COUNT; i++) {
		const Style *s = layout_style(l, (StyleId)i);
		ck_assert_ptr_nonnull(s);
		/* jump-head is optional: the subhead when the layout has none */
		ck_assert_str_eq(s->name,
		                 stylepart_name(i == ST_JUMP_HEAD ? ST_SUBHEAD : (StyleId)i));
	}
	ck_assert_str_eq(stylepart_name(ST_BODY), "body");
	ck_assert_str_eq(stylepart_name(ST_INNER_SUBHEAD), "inner-subhead");
	ck_assert_str_eq(stylepart_name(ST_NOTICE_HEAD), "notice-head");
	ck_assert_str_eq(stylepart_name(ST_MASTHEAD_LATIN), "masthead-latin");
	ck_assert_str_eq(stylepart_name(ST_JUMP), "jump");
	ck_assert_int_eq(l->engine[ST_BODY], 0); /* first in the file */
	ck_assert_str_eq(style_role_name(ROLE_FANGSONG), "fangsong");
}
END_TEST

START_TEST(test_broadsheet_styles)
{
	g_autoptr(Layout) l = load_broadsheet();
	const Style *body = layout_style(l, ST_BODY);
	const Style *sub = layout_style(l, ST_INNER_SUBHEAD);
	const Style *head = layout_style(l, ST_HEADLINE);
	const Style *credit = layout_style(l, ST_CREDIT);
	const Style *notice = layout_style(l, ST_NOTICE);
	const Style *rubric = layout_style(l, ST_RUBRIC);

	ck_assert_int_eq(body->role, ROLE_SONG);
	ck_assert(!body->bold);
	ck_assert_int_eq(body->size, 9216);
	ck_assert_int_eq(body->lines, 1);
	ck_assert_int_eq(body->indent_milli, 2000);
	ck_assert_int_eq(body->indent, 18432);
	ck_assert_int_eq(body->align, ALIGN_JUSTIFY);
	ck_assert_int_eq(body->punct, PUNCT_QUANSHEN);
	ck_assert_int_eq(body->kinsoku, KINSOKU_STRICT);
	ck_assert(body->cjk_latin);
	ck_assert(!body->digit_space);
	ck_assert(body->normalize);
	ck_assert_uint_eq(body->color, 0);

	/* inner-subhead inherits body and overrides some */
	ck_assert_int_eq(sub->role, ROLE_HEI);
	ck_assert(sub->bold);
	ck_assert_int_eq(sub->size, 9216);
	ck_assert_int_eq(sub->indent, 0);
	ck_assert_int_eq(sub->align, ALIGN_CENTER);
	ck_assert_int_eq(sub->space_before_milli, 1000);
	ck_assert_int_eq(sub->kinsoku, KINSOKU_STRICT);

	ck_assert_int_eq(head->size, 26 * 1024); /* 一号 */
	ck_assert_int_eq(head->lines, 3);
	ck_assert_int_eq(head->tracking_milli, 50);
	ck_assert_int_eq(head->tracking, 1331); /* 0.05 em of 26 pt, rounded */
	ck_assert_int_eq(head->indent, 0);

	ck_assert_int_eq(credit->role, ROLE_KAI); /* from caption */
	ck_assert_int_eq(credit->align, ALIGN_RIGHT);
	ck_assert_int_eq(credit->size, 9216);

	ck_assert_int_eq(notice->role, ROLE_FANGSONG);
	ck_assert_int_eq(notice->size, 7680); /* 六号 7.5 pt */
	ck_assert_int_eq(notice->leading, 10752);
	ck_assert_int_eq(notice->kinsoku, KINSOKU_BASIC);

	ck_assert_uint_eq(rubric->color, 0xc00000);
	ck_assert_int_eq(style_named(l, "subhead")->space_after_milli, 1000);
	ck_assert_int_eq(style_named(l, "masthead")->size, 72 * 1024);
	ck_assert_int_eq(style_named(l, "masthead-latin")->tracking, len_em(12 * 1024, 300, 1000));
	ck_assert(!style_named(l, "jump")->normalize);
}
END_TEST

START_TEST(test_broadsheet_dump)
{
	g_autoptr(Layout) l = load_broadsheet();
	GString *out = g_string_new(NULL);
	layout_dump(l, out);
	ck_assert_ptr_nonnull(strstr(out->str, "layout \"对开 8栏 小五\"\n"));
	ck_assert_ptr_nonnull(strstr(out->str,
	                             "  grid columns=8 chars=13 lines=104 column=117.00pt "
	                             "gutter=9.00pt body=9.00pt pitch=13.00pt clearance=3.25pt\n"));
	ck_assert_ptr_nonnull(strstr(out->str, "size 999.00x1352.00pt\n"));
	ck_assert_ptr_nonnull(strstr(out->str, "  font kai = \"LXGW WenKai\"\n"));
	ck_assert_ptr_nonnull(strstr(out->str, "  style body font=song size=9.00pt lines=1 "));
	ck_assert_ptr_nonnull(
	    strstr(out->str, "  style headline font=hei-bold size=26.00pt lines=3 "));
	g_string_free(out, TRUE);
}
END_TEST

/* ---- grid maths ---- */

static Grid
grid_example(void)
{
	/* the broadsheet grid with the type area at (100, 200) pt */
	Grid g = {.page_w = len_from_mm(390),
	          .page_h = len_from_mm(543),
	          .left = 100 * 1024,
	          .top = 200 * 1024,
	          .columns = 8,
	          .chars = 13,
	          .lines = 104,
	          .gutter = 9 * 1024,
	          .body_size = 9 * 1024,
	          .pitch = 13 * 1024};
	return g;
}

START_TEST(test_grid_columns)
{
	Grid g = grid_example();
	ck_assert_int_eq(grid_col_width(&g), 117 * 1024);
	ck_assert_int_eq(grid_col_x(&g, 1), 100 * 1024);
	ck_assert_int_eq(grid_col_x(&g, 2), (100 + 126) * 1024);
	/* docs/page-description.md: cols="6-8" starts 630 pt from the left of the area */
	ck_assert_int_eq(grid_col_x(&g, 6), (100 + 630) * 1024);
	ck_assert_int_eq(grid_span_width(&g, 6, 8), 369 * 1024);
	ck_assert_int_eq(grid_span_width(&g, 1, 1), 117 * 1024);
	ck_assert_int_eq(grid_span_width(&g, 1, 8), grid_area_width(&g));
	ck_assert_int_eq(grid_col_x(&g, 8) + grid_col_width(&g), g.left + grid_area_width(&g));
}
END_TEST

START_TEST(test_grid_lines)
{
	Grid g = grid_example();
	ck_assert_int_eq(grid_line_y(&g, 1), 200 * 1024);
	/* lines="10-30": 117 pt from the top of the area, 273 pt high */
	ck_assert_int_eq(grid_line_y(&g, 10), (200 + 117) * 1024);
	ck_assert_int_eq(grid_line_y(&g, 31) - grid_line_y(&g, 10), 273 * 1024);
	ck_assert_int_eq(grid_line_y(&g, 105), g.top + grid_area_height(&g));
	ck_assert_int_eq(grid_area_height(&g), 1352 * 1024);
}
END_TEST

START_TEST(test_grid_baseline)
{
	/* a 9 pt line in a 13 pt block: em box centred (2 pt above and below), baseline
	 * 0.12 em above its bottom */
	ck_assert_int_eq(grid_baseline_in(0, 13 * 1024, 9 * 1024), 2048 + 8110);
	ck_assert_int_eq(grid_baseline_in(1000, 13 * 1024, 9 * 1024), 1000 + 2048 + 8110);
	/* a 26 pt headline over three 13 pt lines */
	ck_assert_int_eq(grid_baseline_in(0, 39 * 1024, 26 * 1024),
	                 6656 + len_em(26 * 1024, 88, 100));
	/* exactly one em: the baseline is 0.88 em down */
	ck_assert_int_eq(grid_baseline_in(0, 10000, 10000), 8800);
}
END_TEST

/* ---- layout files written at test time ---- */

static const char *const default_page =
    "  <page width=\"390mm\" height=\"543mm\" top=\"33mm\" left=\"18.8mm\"/>";
static const char *const default_grid = "  <grid columns=\"8\" chars=\"13\" gutter=\"9pt\" "
                                        "body-size=\"9pt\" pitch=\"13pt\" lines=\"104\"/>";

/* Line 1 <layout>, 2 page, 3 grid, 4-7 fonts, 8 body, 9-24 the other engine styles (each
 * may be dropped with `skip`), 25 and on: `extra`, then </layout>. */
static char *
layout_text(const char *page, const char *grid, const char *skip, const char *extra)
{
	static const char *const names[] = {"rubric", "kicker",        "headline",       "subhead",
	                                    "byline", "inner-subhead", "label",          "caption",
	                                    "credit", "notice-head",   "notice",         "ad",
	                                    "folio",  "masthead",      "masthead-latin", "jump"};
	GString *s = g_string_new("<layout name=\"test\">\n");
	g_string_append_printf(s, "%s\n%s\n", page ? page : default_page,
	                       grid ? grid : default_grid);
	g_string_append(s, "  <font role=\"song\" family=\"Noto Serif CJK SC\"/>\n"
	                   "  <font role=\"hei\" family=\"Noto Sans CJK SC\"/>\n"
	                   "  <font role=\"kai\" family=\"LXGW WenKai\"/>\n"
	                   "  <font role=\"fangsong\" family=\"LXGW WenKai\"/>\n"
	                   "  <style name=\"body\" font=\"song\" indent=\"2\"/>\n");
	for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
		if (skip && strcmp(skip, names[i]) == 0)
			g_string_append(s, "  <!-- skipped -->\n");
		else
			g_string_append_printf(s, "  <style name=\"%s\" parent=\"body\"/>\n",
			                       names[i]);
	}
	if (extra)
		g_string_append_printf(s, "%s\n", extra);
	g_string_append(s, "</layout>\n");
	return g_string_free(s, FALSE);
}

typedef struct {
	char *dir;
	char *path;
	Report *r;
	Layout *l;
} Try;

static Try
try_layout(const char *page, const char *grid, const char *skip, const char *extra)
{
	Try t = {0};
	g_autofree char *text = layout_text(page, grid, skip, extra);
	t.dir = unit_tmpdir();
	t.path = unit_write(t.dir, "layout.xml", text);
	t.r = report_new();
	t.l = layout_load(t.path, t.r);
	return t;
}

static void
try_done(Try *t)
{
	layout_free(t->l);
	report_free(t->r);
	unit_rmtree(t->dir);
	g_free(t->dir);
	g_free(t->path);
}

static void
expect_error(const char *page, const char *grid, const char *skip, const char *extra, int line,
             int col, const char *phrase)
{
	Try t = try_layout(page, grid, skip, extra);
	ck_assert_msg(t.l == NULL, "layout loaded despite: %s", phrase);
	UNIT_ASSERT_ERROR_AT(t.r, t.path, line, col, phrase);
	ck_assert(report_has(t.r, DIAG_INPUT, REPORT_ERROR));
	try_done(&t);
}

START_TEST(test_minimal_layout_loads)
{
	Try t = try_layout(NULL, NULL, NULL, NULL);
	ck_assert_msg(t.l != NULL, "%s", unit_report_text(t.r));
	ck_assert_int_eq(t.r->diags->len, 0);
	ck_assert_str_eq(t.l->file, t.path);
	ck_assert_str_eq(t.l->name, "test");
	ck_assert_int_eq(t.l->nstyles, ST_COUNT - 1); /* all but the optional jump-head */
	ck_assert_str_eq(layout_style(t.l, ST_JUMP_HEAD)->name, "subhead");
	ck_assert_int_eq(t.l->grid.body_size, 9216);
	ck_assert_int_eq(layout_style(t.l, ST_JUMP)->indent, 18432); /* inherited from body */
	try_done(&t);
}
END_TEST

START_TEST(test_error_unknown_element)
{
	expect_error(NULL, NULL, NULL, "  <colour value=\"red\"/>", 25, 3,
	             "unknown element <colour>");
}
END_TEST

START_TEST(test_error_grid_attributes)
{
	/* unknown attribute and then the missing one it was meant to be */
	Try t = try_layout(NULL,
	                   "  <grid colums=\"8\" chars=\"13\" gutter=\"9pt\" body-size=\"9pt\" "
	                   "pitch=\"13pt\" lines=\"104\"/>",
	                   NULL, NULL);
	ck_assert_ptr_null(t.l);
	UNIT_ASSERT_ERROR_AT(t.r, t.path, 3, 9, "unknown attribute colums on <grid>");
	UNIT_ASSERT_ERROR_AT(t.r, t.path, 3, 3, "<grid> needs attribute columns");
	ck_assert_int_eq(t.r->nerrors, 2);
	try_done(&t);
}
END_TEST

START_TEST(test_error_grid_values)
{
	expect_error(NULL,
	             "  <grid columns=\"21\" chars=\"13\" gutter=\"9pt\" body-size=\"9pt\" "
	             "pitch=\"13pt\" lines=\"104\"/>",
	             NULL, NULL, 3, 17,
	             "invalid value \"21\" for columns: a whole number from 1 to 20");
	expect_error(NULL,
	             "  <grid columns=\"8\" chars=\"13\" gutter=\"9\" body-size=\"9pt\" "
	             "pitch=\"13pt\" lines=\"104\"/>",
	             NULL, NULL, 3, 39, "invalid length \"9\" for gutter");
	expect_error(NULL,
	             "  <grid columns=\"8\" chars=\"13\" gutter=\"9pt\" body-size=\"3pt\" "
	             "pitch=\"13pt\" lines=\"104\"/>",
	             NULL, NULL, 3, 55, "invalid length \"3pt\" for body-size");
}
END_TEST

/* the clearance: a length from 0 to half the pitch */
START_TEST(test_grid_clearance)
{
	Try t = try_layout(NULL,
	                   "  <grid columns=\"8\" chars=\"13\" gutter=\"9pt\" body-size=\"9pt\" "
	                   "pitch=\"13pt\" lines=\"104\" clearance=\"2pt\"/>",
	                   NULL, NULL);
	ck_assert_msg(t.l != NULL, "%s", unit_report_text(t.r));
	ck_assert_int_eq(t.l->grid.clearance, 2 * 1024);
	try_done(&t);
	expect_error(NULL,
	             "  <grid columns=\"8\" chars=\"13\" gutter=\"9pt\" body-size=\"9pt\" "
	             "pitch=\"13pt\" lines=\"104\" clearance=\"7pt\"/>",
	             NULL, NULL, 3, 96, "invalid length \"7pt\" for clearance");
}
END_TEST

START_TEST(test_error_page)
{
	expect_error("  <page width=\"390mm\" height=\"543mm\" top=\"33mm\"/>", NULL, NULL, NULL, 2,
	             3, "<page> needs attribute left");
	expect_error("  <page width=\"20mm\" height=\"543mm\" top=\"33mm\" left=\"1mm\"/>", NULL,
	             NULL, NULL, 2, 15, "invalid length \"20mm\" for width");
}
END_TEST

START_TEST(test_error_no_grid)
{
	expect_error(NULL, "  <!-- no grid -->", NULL, NULL, 1, 1,
	             "the layout needs a <page> and a <grid>");
}
END_TEST

START_TEST(test_error_area_too_large)
{
	/* 20 columns of 100 characters of 9 pt do not fit 390 mm */
	expect_error(NULL,
	             "  <grid columns=\"20\" chars=\"100\" gutter=\"9pt\" body-size=\"9pt\" "
	             "pitch=\"13pt\" lines=\"104\"/>",
	             NULL, NULL, 1, 1, "does not fit the page");
	/* 200 lines of 13 pt do not fit 543 mm */
	expect_error(NULL,
	             "  <grid columns=\"8\" chars=\"13\" gutter=\"9pt\" body-size=\"9pt\" "
	             "pitch=\"13pt\" lines=\"200\"/>",
	             NULL, NULL, 1, 1, "does not fit the page");
}
END_TEST

START_TEST(test_error_missing_style)
{
	expect_error(NULL, NULL, "jump", NULL, 1, 1, "the layout lacks style \"jump\"");
	expect_error(NULL, NULL, "masthead-latin", NULL, 1, 1,
	             "the layout lacks style \"masthead-latin\"");
}
END_TEST

START_TEST(test_error_duplicate_and_parent)
{
	expect_error(NULL, NULL, NULL, "  <style name=\"body\" font=\"hei\"/>", 25, 10,
	             "style \"body\" is defined twice");
	expect_error(NULL, NULL, NULL, "  <style name=\"x\" parent=\"nobody\"/>", 25, 26,
	             "unknown parent style \"nobody\"");
	expect_error(NULL, NULL, NULL, "  <style font=\"hei\"/>", 25, 3, "<style> needs a name");
}
END_TEST

/* a style whose value is bad still exists for the styles based on it: one error, not one
 * "unknown parent style" per child */
START_TEST(test_error_one_root)
{
	Try t = try_layout(NULL, NULL, NULL,
	                   "  <style name=\"a\" size=\"5号\"/>\n"
	                   "  <style name=\"b\" parent=\"a\"/>\n"
	                   "  <style name=\"c\" parent=\"b\"/>");
	ck_assert_ptr_null(t.l);
	ck_assert_int_eq(t.r->nerrors, 1);
	UNIT_ASSERT_ERROR_AT(t.r, t.path, 25, 24, "invalid value \"5号\" for style attribute size");
	try_done(&t);
	/* a parent defined later is said so */
	t = try_layout(NULL, NULL, NULL,
	               "  <style name=\"b\" parent=\"a\"/>\n  <style name=\"a\"/>");
	ck_assert_int_eq(t.r->nerrors, 1);
	UNIT_ASSERT_ERROR_AT(t.r, t.path, 25, 26,
	                     "parent style \"a\" is defined after this one (line 26)");
	try_done(&t);
}
END_TEST

START_TEST(test_error_style_attributes)
{
	expect_error(NULL, NULL, NULL, "  <style name=\"x\" colour=\"red\"/>", 25, 19,
	             "unknown style attribute colour");
	expect_error(NULL, NULL, NULL, "  <style name=\"x\" size=\"500pt\"/>", 25, 24,
	             "invalid value \"500pt\" for style attribute size");
	expect_error(NULL, NULL, NULL, "  <style name=\"x\" font=\"ming\"/>", 25, 24,
	             "invalid value \"ming\" for style attribute font");
	expect_error(NULL, NULL, NULL, "  <style name=\"x\" align=\"middle\"/>", 25, 25,
	             "invalid value \"middle\" for style attribute align");
	expect_error(NULL, NULL, NULL, "  <style name=\"x\" indent=\"21\"/>", 25, 26,
	             "invalid value \"21\" for style attribute indent");
	expect_error(NULL, NULL, NULL, "  <style name=\"x\" tracking=\"2.5\"/>", 25, 28,
	             "invalid value \"2.5\" for style attribute tracking");
	expect_error(NULL, NULL, NULL, "  <style name=\"x\" lines=\"0\"/>", 25, 25,
	             "invalid value \"0\" for style attribute lines");
	expect_error(NULL, NULL, NULL, "  <style name=\"x\" kinsoku=\"loose\"/>", 25, 27,
	             "invalid value \"loose\" for style attribute kinsoku");
	expect_error(NULL, NULL, NULL, "  <style name=\"x\" punct=\"half\"/>", 25, 25,
	             "invalid value \"half\" for style attribute punct");
	expect_error(NULL, NULL, NULL, "  <style name=\"x\" color=\"red\"/>", 25, 25,
	             "invalid value \"red\" for style attribute color");
	expect_error(NULL, NULL, NULL, "  <style name=\"x\" leading=\"0.5pt\"/>", 25, 27,
	             "invalid value \"0.5pt\" for style attribute leading");
	expect_error(NULL, NULL, NULL, "  <style name=\"x\" weight=\"heavy\"/>", 25, 26,
	             "invalid value \"heavy\" for style attribute weight");
	expect_error(NULL, NULL, NULL, "  <style name=\"x\" cjk-latin=\"true\"/>", 25, 29,
	             "invalid value \"true\" for style attribute cjk-latin");
}
END_TEST

START_TEST(test_error_fonts)
{
	expect_error(NULL, NULL, NULL, "  <font role=\"ming\" family=\"X\"/>", 25, 14,
	             "unknown font role \"ming\"");
	expect_error(NULL, NULL, NULL, "  <font role=\"song\"/>", 25, 3,
	             "<font> needs role and family");
	expect_error(NULL, NULL, NULL, "  <font role=\"song\" family=\"X\" size=\"9pt\"/>", 25, 32,
	             "unknown attribute size on <font>");
}
END_TEST

START_TEST(test_error_collects_several)
{
	Try t = try_layout(NULL, NULL, NULL,
	                   "  <style name=\"x\" font=\"ming\"/>\n"
	                   "  <style name=\"y\" align=\"middle\"/>\n"
	                   "  <oops/>");
	ck_assert_ptr_null(t.l);
	ck_assert_int_eq(t.r->nerrors, 3);
	ck_assert_int_eq(unit_diag(t.r, 0)->line, 25);
	ck_assert_int_eq(unit_diag(t.r, 1)->line, 26);
	ck_assert_int_eq(unit_diag(t.r, 2)->line, 27);
	try_done(&t);
}
END_TEST

START_TEST(test_error_root_and_missing_file)
{
	g_autoptr(Report) r = report_new();
	g_autofree char *dir = unit_tmpdir();
	g_autofree char *path = unit_write(dir, "e.xml", "<!-- c -->\n<edition/>\n");
	g_autofree char *missing = g_build_filename(dir, "nope.xml", NULL);
	ck_assert_ptr_null(layout_load(path, r));
	UNIT_ASSERT_ERROR_AT(r, path, 2, 1, "root element is <edition>");
	ck_assert_ptr_null(layout_load(missing, r));
	UNIT_ASSERT_ERROR_AT(r, missing, 0, 0, "cannot open file");
	unit_rmtree(dir);
}
END_TEST

/* ---- style_read directly ---- */

static Style
read_style(const char *xml, const Style *parent, bool expect_ok, Report *r)
{
	g_autoptr(Desc) d = desc_parse("st.xml", xml, -1, r);
	Style s;
	bool ok;
	ck_assert_ptr_nonnull(d);
	ok = style_read(d->root, "st.xml", parent, 10 * 1024, &s, r);
	ck_assert_msg(ok == expect_ok, "style_read(%s) returned %d:\n%s", xml, ok,
	              unit_report_text(r));
	return s;
}

START_TEST(test_style_defaults)
{
	g_autoptr(Report) r = report_new();
	Style s = read_style("<style name=\"plain\"/>", NULL, true, r);
	ck_assert_str_eq(s.name, "plain");
	ck_assert_int_eq(s.role, ROLE_SONG);
	ck_assert(!s.bold);
	ck_assert_int_eq(s.size, 10 * 1024); /* the body size, not a fixed 9 pt */
	ck_assert_int_eq(s.lines, 1);
	ck_assert_int_eq(s.leading, 0);
	ck_assert_int_eq(s.align, ALIGN_JUSTIFY);
	ck_assert_int_eq(s.indent, 0);
	ck_assert_int_eq(s.space_before_milli, 0);
	ck_assert_int_eq(s.space_after_milli, 0);
	ck_assert_int_eq(s.tracking, 0);
	ck_assert_int_eq(s.punct, PUNCT_QUANSHEN);
	ck_assert_int_eq(s.kinsoku, KINSOKU_STRICT);
	ck_assert(s.cjk_latin);
	ck_assert(!s.digit_space);
	ck_assert(s.normalize);
	ck_assert(!s.hang);
	ck_assert_uint_eq(s.color, 0);
	style_done(&s);
	ck_assert_ptr_null(s.name);
}
END_TEST

START_TEST(test_style_all_attributes)
{
	g_autoptr(Report) r = report_new();
	GString *out = g_string_new(NULL);
	Style s =
	    read_style("<style name=\"all\" font=\"kai\" weight=\"bold\" size=\"四号\" lines=\"2\" "
	               "leading=\"16pt\" align=\"right\" indent=\"1.5\" tracking=\"-0.05\" "
	               "space-before=\"1\" space-after=\"2.5\" hanging-indent=\"1\" "
	               "keep-words=\"yes\" punct=\"kaiming\" kinsoku=\"none\" "
	               "cjk-latin=\"no\" digit-space=\"yes\" normalize=\"no\" hang=\"yes\" "
	               "color=\"#1A2b3C\"/>",
	               NULL, true, r);
	ck_assert_int_eq(s.role, ROLE_KAI);
	ck_assert(s.bold);
	ck_assert_int_eq(s.size, 14 * 1024);
	ck_assert_int_eq(s.lines, 2);
	ck_assert_int_eq(s.leading, 16 * 1024);
	ck_assert_int_eq(s.align, ALIGN_RIGHT);
	ck_assert_int_eq(s.indent_milli, 1500);
	ck_assert_int_eq(s.indent, 21504); /* 1.5 em of 14 pt */
	ck_assert_int_eq(s.tracking_milli, -50);
	ck_assert_int_eq(s.tracking, -717);           /* -0.05 em of 14 pt = -716.8 */
	ck_assert_int_eq(s.space_before_milli, 1000); /* 1/1000 grid line */
	ck_assert_int_eq(s.space_after_milli, 2500);
	ck_assert_int_eq(s.hang_indent_milli, 1000);
	ck_assert_int_eq(s.hang_indent, 14 * 1024);
	ck_assert(s.keep_words);
	ck_assert_int_eq(s.punct, PUNCT_KAIMING);
	ck_assert_int_eq(s.kinsoku, KINSOKU_NONE);
	ck_assert(!s.cjk_latin);
	ck_assert(s.digit_space);
	ck_assert(!s.normalize);
	ck_assert(s.hang);
	ck_assert_uint_eq(s.color, 0x1a2b3c);
	style_dump(&s, out);
	ck_assert_ptr_nonnull(strstr(out->str, "style all font=kai-bold size=14.00pt lines=2 "
	                                       "leading=16.00pt align=right indent=21.00pt "
	                                       "hanging-indent=14.00pt space=1/2.5 "));
	ck_assert_ptr_nonnull(strstr(out->str, "break-at-spaces=0 keep-words=1 max-lines"));
	ck_assert_ptr_nonnull(strstr(out->str, "punct=kaiming kinsoku=none cjk-latin=0 "
	                                       "digit-space=1 normalize=0"));
	ck_assert_ptr_nonnull(strstr(out->str, "color=#1a2b3c\n"));
	g_string_free(out, TRUE);
	style_done(&s);
}
END_TEST

START_TEST(test_style_inheritance)
{
	g_autoptr(Report) r = report_new();
	Style parent = read_style("<style name=\"p\" font=\"hei\" size=\"20pt\" indent=\"2\" "
	                          "tracking=\"0.1\" punct=\"banshen\"/>",
	                          NULL, true, r);
	Style child = read_style("<style name=\"c\" parent=\"p\" size=\"10pt\" align=\"center\"/>",
	                         &parent, true, r);
	ck_assert_str_eq(child.name, "c");
	ck_assert_int_eq(child.role, ROLE_HEI);
	ck_assert_int_eq(child.punct, PUNCT_BANSHEN);
	ck_assert_int_eq(child.align, ALIGN_CENTER);
	ck_assert_int_eq(child.size, 10 * 1024);
	/* indent and tracking are in em: recomputed at the child's size */
	ck_assert_int_eq(child.indent_milli, 2000);
	ck_assert_int_eq(child.indent, 20 * 1024);
	ck_assert_int_eq(child.tracking, 1024);
	ck_assert_int_eq(parent.indent, 40 * 1024);
	ck_assert_str_eq(parent.name, "p"); /* the parent keeps its own name */
	style_done(&child);
	style_done(&parent);
}
END_TEST

START_TEST(test_style_error_positions)
{
	g_autoptr(Report) r = report_new();
	Style s =
	    read_style("<style name=\"x\"\n       size=\"0.5pt\" font=\"ming\"/>", NULL, false, r);
	ck_assert_int_eq(r->nerrors, 2); /* every bad attribute is reported */
	UNIT_ASSERT_ERROR_AT(r, "st.xml", 2, 13,
	                     "invalid value \"0.5pt\" for style attribute size");
	UNIT_ASSERT_ERROR_AT(r, "st.xml", 2, 26, "invalid value \"ming\" for style attribute font");
	ck_assert_str_eq(unit_diag(r, 0)->hint, "a size from 1pt to 400pt, e.g. 9pt or 小五");
	style_done(&s);
}
END_TEST

/* A colour is exactly # and six hex digits. */
START_TEST(test_style_color_strict)
{
	static const char *const bad[] = {"#-00001", "# 12345", "#0x1234", "#+12345"};
	g_autoptr(Report) r = report_new();
	Style s = read_style("<style name=\"x\" color=\"#12345g\"/>", NULL, false, r);
	style_done(&s);
	s = read_style("<style name=\"x\" color=\"c00000\"/>", NULL, false, r);
	style_done(&s);
	for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
		g_autofree char *xml = g_strdup_printf("<style name=\"x\" color=\"%s\"/>", bad[i]);
		g_autoptr(Report) r2 = report_new();
		g_autoptr(Desc) d = desc_parse("st.xml", xml, -1, r2);
		bool ok = style_read(d->root, "st.xml", NULL, 9216, &s, r2);
		(void)ok;
		/* Was a bug (fixed): style.c read_attr "color": sscanf("%6x") accepts a sign,
		 * spaces and 0x, so "#-00001" is taken (as 0xffffffff, not even a 24-bit colour),
		 * "# 12345",
		 * "#0x1234" and "#+12345" too */
		ck_assert_msg(!ok, "color=\"%s\" accepted as %#x", bad[i], s.color);
		ck_assert_uint_le(s.color, 0xffffff);
		style_done(&s);
	}
}
END_TEST

static Suite *
layout_suite(void)
{
	Suite *s = suite_create("layout");
	TCase *real = tcase_create("broadsheet");
	TCase *grid = tcase_create("grid");
	TCase *files = tcase_create("files");
	TCase *style = tcase_create("style");
	tcase_add_test(real, test_broadsheet_grid);
	tcase_add_test(real, test_broadsheet_fonts_and_engine_styles);
	tcase_add_test(real, test_broadsheet_styles);
	tcase_add_test(real, test_broadsheet_dump);
	tcase_add_test(grid, test_grid_columns);
	tcase_add_test(grid, test_grid_lines);
	tcase_add_test(grid, test_grid_baseline);
	tcase_add_test(files, test_minimal_layout_loads);
	tcase_add_test(files, test_error_unknown_element);
	tcase_add_test(files, test_error_grid_attributes);
	tcase_add_test(files, test_error_grid_values);
	tcase_add_test(files, test_grid_clearance);
	tcase_add_test(files, test_error_page);
	tcase_add_test(files, test_error_no_grid);
	tcase_add_test(files, test_error_area_too_large);
	tcase_add_test(files, test_error_missing_style);
	tcase_add_test(files, test_error_duplicate_and_parent);
	tcase_add_test(files, test_error_one_root);
	tcase_add_test(files, test_error_style_attributes);
	tcase_add_test(files, test_error_fonts);
	tcase_add_test(files, test_error_collects_several);
	tcase_add_test(files, test_error_root_and_missing_file);
	tcase_add_test(style, test_style_defaults);
	tcase_add_test(style, test_style_all_attributes);
	tcase_add_test(style, test_style_inheritance);
	tcase_add_test(style, test_style_error_positions);
	tcase_add_test(style, test_style_color_strict);
	suite_add_tcase(s, real);
	suite_add_tcase(s, grid);
	suite_add_tcase(s, files);
	suite_add_tcase(s, style);
	return s;
}

int
main(void)
{
	return unit_run(layout_suite());
}
