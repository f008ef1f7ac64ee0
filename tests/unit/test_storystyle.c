/* test_storystyle.c - which style sets a part of an element: its style-PART=, its rank's, the
 * layout's own (storystyle.c, stylepart.c, layoutrank.c). */
#include "desc.h"
#include "layout.h"
#include "storystyle.h"
#include "stylepart.h"
#include "unit.h"

/* every engine style, two rank styles, a body of one's own; ranks 1 and 3, 3 the default */
static const char *const layout_xml =
    "<layout name=\"t\">\n"
    "  <page width=\"200mm\" height=\"300mm\" top=\"10mm\" left=\"10mm\"/>\n"
    "  <grid columns=\"4\" chars=\"10\" gutter=\"9pt\" body-size=\"9pt\" pitch=\"13pt\" "
    "lines=\"60\"/>\n"
    "  <font role=\"song\" family=\"A\"/><font role=\"hei\" family=\"B\"/>\n"
    "  <font role=\"kai\" family=\"C\"/><font role=\"fangsong\" family=\"D\"/>\n"
    "  <rank n=\"1\" name=\"头条\" style-headline=\"headline-1\" style-kicker=\"kicker-1\"/>\n"
    "  <rank n=\"3\" default=\"yes\" style-headline=\"headline-3\"/>\n"
    "  <style name=\"body\"/><style name=\"rubric\"/><style name=\"kicker\"/>\n"
    "  <style name=\"headline\" size=\"26pt\" lines=\"3\"/><style name=\"subhead\"/>\n"
    "  <style name=\"byline\"/><style name=\"inner-subhead\"/><style name=\"label\"/>\n"
    "  <style name=\"caption\"/><style name=\"credit\"/><style name=\"notice-head\"/>\n"
    "  <style name=\"notice\"/><style name=\"ad\"/><style name=\"folio\"/>\n"
    "  <style name=\"masthead\"/><style name=\"masthead-latin\"/><style name=\"jump\"/>\n"
    "  <style name=\"headline-1\" parent=\"headline\" size=\"36pt\" lines=\"4\"/>\n"
    "  <style name=\"kicker-1\" parent=\"kicker\"/>\n"
    "  <style name=\"headline-3\" parent=\"headline\" size=\"22pt\" lines=\"2\"/>\n"
    "  <style name=\"my-head\" parent=\"headline\" size=\"18pt\"/>\n"
    "  <style name=\"body-loose\" parent=\"body\" tracking=\"0.1\"/>\n"
    "</layout>\n";

static const StyleId story_parts[] = {ST_RUBRIC,        ST_KICKER, ST_HEADLINE,
                                      ST_SUBHEAD,       ST_BYLINE, ST_BODY,
                                      ST_INNER_SUBHEAD, ST_LABEL,  ST_COUNT};
static const StyleId notice_parts[] = {ST_NOTICE_HEAD, ST_NOTICE, ST_COUNT};

static Layout *
load(const char *xml, Report *r)
{
	return layout_parse("layout.xml", xml, strlen(xml), r);
}

/* storystyle_read over the attributes of one element, written as XML */
static bool
read_elem(const Layout *l, const char *xml, const StyleId *parts, bool ranked, StyleSet *out,
          Report *r)
{
	g_autoptr(Desc) d = desc_parse("edition.xml", xml, -1, r);
	ck_assert_ptr_nonnull(d);
	return storystyle_read(l, d->root, "edition.xml", parts, ranked, out, r);
}

static const char *
name_of(const Layout *l, const StyleSet *set, StyleId id)
{
	return storystyle_get(l, set, id)->name;
}

START_TEST(test_element_then_rank_then_layout)
{
	g_autoptr(Report) r = report_new();
	g_autoptr(Layout) l = load(layout_xml, r);
	StyleSet set;
	ck_assert_msg(l != NULL, "%s", unit_report_text(r));
	ck_assert(read_elem(l, "<story rank=\"1\" style-body=\"body-loose\"/>", story_parts, true,
	                    &set, r));
	ck_assert_int_eq(set.rank, 1);
	ck_assert_str_eq(name_of(l, &set, ST_HEADLINE), "headline-1"); /* the rank's */
	ck_assert_str_eq(name_of(l, &set, ST_KICKER), "kicker-1");
	ck_assert_str_eq(name_of(l, &set, ST_SUBHEAD), "subhead"); /* the rank has none */
	ck_assert_str_eq(name_of(l, &set, ST_BODY), "body-loose"); /* the element's */
	ck_assert_str_eq(name_of(l, &set, ST_BYLINE), "byline");   /* the layout's */
	/* the element's own beats its rank's */
	ck_assert(read_elem(l, "<story rank=\"1\" style-headline=\"my-head\"/>", story_parts, true,
	                    &set, r));
	ck_assert_str_eq(name_of(l, &set, ST_HEADLINE), "my-head");
	ck_assert_str_eq(name_of(l, &set, ST_KICKER), "kicker-1");
	/* the paragraphs of a story ask by kind */
	ck_assert_str_eq(storystyle_for(l, &set, PARA_HEADLINE, false)->name, "my-head");
	ck_assert_str_eq(storystyle_for(l, &set, PARA_BODY, false)->name, "body");
	ck_assert_int_eq(r->nerrors, 0);
}
END_TEST

START_TEST(test_default_rank)
{
	g_autoptr(Report) r = report_new();
	g_autoptr(Layout) l = load(layout_xml, r);
	StyleSet set;
	ck_assert_int_eq(l->default_rank, 3);
	ck_assert(read_elem(l, "<story/>", story_parts, true, &set, r));
	ck_assert_int_eq(set.rank, 0);
	ck_assert_str_eq(name_of(l, &set, ST_HEADLINE), "headline-3");
	ck_assert_str_eq(name_of(l, NULL, ST_HEADLINE), "headline-3"); /* no element at all */
	ck_assert_str_eq(name_of(l, &set, ST_KICKER), "kicker");
}
END_TEST

START_TEST(test_no_ranks_no_default)
{
	g_autoptr(Report) r = report_new();
	g_autofree char *xml = g_strdup(layout_xml);
	g_autoptr(Layout) l = NULL;
	StyleSet set;
	/* the default="yes" gone: a story without rank= has the layout's own styles */
	char *d = strstr(xml, " default=\"yes\"");
	memcpy(d, "              ", strlen(" default=\"yes\""));
	l = load(xml, r);
	ck_assert_msg(l != NULL, "%s", unit_report_text(r));
	ck_assert_int_eq(l->default_rank, 0);
	ck_assert(read_elem(l, "<story/>", story_parts, true, &set, r));
	ck_assert_str_eq(name_of(l, &set, ST_HEADLINE), "headline");
	ck_assert(read_elem(l, "<story rank=\"3\"/>", story_parts, true, &set, r));
	ck_assert_str_eq(name_of(l, &set, ST_HEADLINE), "headline-3");
}
END_TEST

START_TEST(test_notice_and_jump_head)
{
	g_autoptr(Report) r = report_new();
	g_autoptr(Layout) l = load(layout_xml, r);
	StyleSet set;
	ck_assert(
	    read_elem(l, "<notice style-notice-head=\"my-head\"/>", notice_parts, false, &set, r));
	/* a notice's headline and "## " lines are its headings */
	ck_assert_str_eq(storystyle_for(l, &set, PARA_HEADLINE, true)->name, "my-head");
	ck_assert_str_eq(storystyle_for(l, &set, PARA_INNER_SUBHEAD, true)->name, "my-head");
	ck_assert_str_eq(storystyle_for(l, &set, PARA_BODY, true)->name, "notice");
	/* no jump-head in the layout: the subhead */
	ck_assert_str_eq(name_of(l, NULL, ST_JUMP_HEAD), "subhead");
	ck_assert_str_eq(stylepart_name(ST_JUMP_HEAD), "jump-head");
}
END_TEST

/* one element whose attributes are refused: the phrase is in the error at line 1, col */
static void
expect_refused(const char *xml, const StyleId *parts, bool ranked, int col, const char *phrase)
{
	g_autoptr(Report) r = report_new();
	g_autoptr(Layout) l = load(layout_xml, r);
	StyleSet set;
	ck_assert(!read_elem(l, xml, parts, ranked, &set, r));
	UNIT_ASSERT_ERROR_AT(r, "edition.xml", 1, col, phrase);
}

START_TEST(test_refused)
{
	expect_refused("<story style-headline=\"my-haed\"/>", story_parts, true, 23,
	               "unknown style \"my-haed\" for style-headline");
	expect_refused("<story style-caption=\"my-head\"/>", story_parts, true, 8,
	               "<story> has no part \"caption\" to style");
	expect_refused("<notice style-headline=\"my-head\"/>", notice_parts, false, 9,
	               "<notice> has no part \"headline\" to style");
	expect_refused("<story style=\"my-head\"/>", story_parts, true, 8,
	               "style= on <story> does not say which part");
	expect_refused("<story rank=\"2\"/>", story_parts, true, 13,
	               "rank=\"2\" is not a rank of the layout");
	expect_refused("<story rank=\"10\"/>", story_parts, true, 13,
	               "invalid value \"10\" for rank");
	expect_refused("<notice rank=\"1\"/>", notice_parts, false, 9, "<notice> takes no rank");
}
END_TEST

START_TEST(test_hints)
{
	g_autoptr(Report) r = report_new();
	g_autoptr(Layout) l = load(layout_xml, r);
	StyleSet set;
	const Diag *d;
	ck_assert(!read_elem(l, "<story style-headline=\"headline-l\" rank=\"2\"/>", story_parts,
	                     true, &set, r));
	d = unit_find(r, REPORT_ERROR, "unknown style");
	ck_assert_ptr_nonnull(d);
	ck_assert_ptr_nonnull(strstr(d->hint, "did you mean 'headline-1'?"));
	d = unit_find(r, REPORT_ERROR, "not a rank");
	ck_assert_ptr_nonnull(d);
	ck_assert_ptr_nonnull(strstr(d->hint, "defines ranks 1 (头条), 3"));
}
END_TEST

static void
expect_layout_refused(const char *from, const char *to, const char *phrase)
{
	g_autoptr(Report) r = report_new();
	g_autofree char *xml = NULL;
	g_auto(GStrv) parts = g_strsplit(layout_xml, from, 2);
	ck_assert_ptr_nonnull(parts[1]);
	xml = g_strjoin(to, parts[0], parts[1], NULL);
	ck_assert_ptr_null(load(xml, r));
	ck_assert_msg(unit_find(r, REPORT_ERROR, phrase), "no \"%s\" in %s", phrase,
	              unit_report_text(r));
}

START_TEST(test_layout_ranks_refused)
{
	expect_layout_refused("style-headline=\"headline-3\"", "style-body=\"body\"",
	                      "<rank> has no part \"body\" to style");
	expect_layout_refused("style-headline=\"headline-3\"", "style-headline=\"headline-9\"",
	                      "unknown style \"headline-9\"");
	expect_layout_refused("<rank n=\"3\"", "<rank n=\"1\"", "rank 1 is defined twice");
	expect_layout_refused("<rank n=\"3\"", "<rank n=\"0\"", "invalid value \"0\" for n");
	expect_layout_refused("name=\"头条\"", "name=\"头条\" default=\"yes\"",
	                      "rank 1 is the default already");
	expect_layout_refused("<rank n=\"3\"", "<rank", "<rank> needs attribute n");
	expect_layout_refused("<rank n=\"3\"", "<rank n=\"3\" size=\"9pt\"",
	                      "unknown attribute size on <rank>");
}
END_TEST

START_TEST(test_layout_dump_lists_ranks)
{
	g_autoptr(Report) r = report_new();
	g_autoptr(Layout) l = load(layout_xml, r);
	g_autoptr(GString) out = g_string_new(NULL);
	layout_dump(l, out);
	ck_assert_ptr_nonnull(
	    strstr(out->str, "  rank 1 \"头条\" kicker=kicker-1 headline=headline-1\n"));
	ck_assert_ptr_nonnull(strstr(out->str, "  rank 3 \"\" default headline=headline-3\n"));
}
END_TEST

static Suite *
storystyle_suite(void)
{
	Suite *s = suite_create("storystyle");
	TCase *tc = tcase_create("storystyle");
	tcase_add_test(tc, test_element_then_rank_then_layout);
	tcase_add_test(tc, test_default_rank);
	tcase_add_test(tc, test_no_ranks_no_default);
	tcase_add_test(tc, test_notice_and_jump_head);
	tcase_add_test(tc, test_refused);
	tcase_add_test(tc, test_hints);
	tcase_add_test(tc, test_layout_ranks_refused);
	tcase_add_test(tc, test_layout_dump_lists_ranks);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return unit_run(storystyle_suite());
}
