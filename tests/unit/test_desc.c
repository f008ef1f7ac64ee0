/* test_desc.c - desc.c: XML into a plain tree with a line:col on every node and attribute. */
#include "desc.h"
#include "unit.h"

static const char sample[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                             "<!-- a comment -->\n"
                             "<root a=\"1\">\n"
                             "  <child name=\"x\" other='y &amp; z'>text &lt;here&gt;</child>\n"
                             "  <empty/>\n"
                             "  <中 属性=\"值\" b=\"2\"/>\n"
                             "  <multi\n"
                             "      first=\"1\"\n"
                             "    second=\"2\"/>\n"
                             "</root>\n";

START_TEST(test_tree)
{
	g_autoptr(Report) r = report_new();
	g_autoptr(Desc) d = desc_parse("s.xml", sample, -1, r);
	const DescNode *root, *child, *empty, *zh, *multi;
	ck_assert_msg(d != NULL, "%s", unit_report_text(r));
	ck_assert_int_eq(r->diags->len, 0);
	ck_assert_str_eq(d->file, "s.xml");
	root = d->root;
	ck_assert_str_eq(root->name, "root");
	ck_assert_int_eq(root->nattrs, 1);
	ck_assert_int_eq(root->nchildren, 4);
	child = root->children[0];
	empty = root->children[1];
	zh = root->children[2];
	multi = root->children[3];
	ck_assert_str_eq(child->name, "child");
	ck_assert_int_eq(child->nattrs, 2);
	ck_assert_str_eq(child->attrs[0].name, "name"); /* file order */
	ck_assert_str_eq(child->attrs[1].name, "other");
	ck_assert_str_eq(desc_get(child, "name"), "x");
	ck_assert_str_eq(desc_get(child, "other"), "y & z"); /* entities decoded */
	ck_assert_ptr_null(desc_get(child, "missing"));
	ck_assert_ptr_eq(desc_attr(child, "other"), &child->attrs[1]);
	ck_assert_str_eq(child->text, "text <here>");
	ck_assert_int_eq(child->nchildren, 0);
	ck_assert_str_eq(empty->name, "empty");
	ck_assert_int_eq(empty->nattrs, 0);
	ck_assert_ptr_null(empty->text);
	ck_assert_str_eq(zh->name, "中");
	ck_assert_str_eq(desc_get(zh, "属性"), "值");
	ck_assert_str_eq(multi->name, "multi");
	ck_assert_str_eq(desc_get(multi, "second"), "2");
	ck_assert_ptr_null(root->text); /* whitespace between elements is not text */
}
END_TEST

START_TEST(test_positions)
{
	g_autoptr(Report) r = report_new();
	g_autoptr(Desc) d = desc_parse("s.xml", sample, -1, r);
	const DescNode *root, *child, *empty, *zh, *multi;
	ck_assert_ptr_nonnull(d);
	root = d->root;
	child = root->children[0];
	empty = root->children[1];
	zh = root->children[2];
	multi = root->children[3];
	ck_assert_str_eq(zh->name, "中");
	/* elements: where '<' is */
	ck_assert_int_eq(root->line, 3);
	ck_assert_int_eq(root->col, 1);
	ck_assert_int_eq(child->line, 4);
	ck_assert_int_eq(child->col, 3);
	ck_assert_int_eq(empty->line, 5);
	ck_assert_int_eq(empty->col, 3);
	/* GMarkup counts columns in bytes; the line holds 3-byte characters */
	ck_assert_int_eq(zh->line, 6);
	ck_assert_int_eq(zh->col, 3);
	ck_assert_int_eq(multi->line, 7);
	ck_assert_int_eq(multi->col, 3);
	/* attributes: where the name starts, columns in characters */
	ck_assert_int_eq(root->attrs[0].line, 3);
	ck_assert_int_eq(root->attrs[0].col, 7);
	ck_assert_int_eq(desc_attr(child, "name")->line, 4);
	ck_assert_int_eq(desc_attr(child, "name")->col, 10);
	ck_assert_int_eq(desc_attr(child, "other")->col, 19);
	ck_assert_int_eq(desc_attr(zh, "属性")->line, 6);
	ck_assert_int_eq(desc_attr(zh, "属性")->col, 6);
	ck_assert_int_eq(desc_attr(zh, "b")->col, 13);
	ck_assert_int_eq(desc_attr(multi, "first")->line, 8);
	ck_assert_int_eq(desc_attr(multi, "first")->col, 7);
	ck_assert_int_eq(desc_attr(multi, "second")->line, 9);
	ck_assert_int_eq(desc_attr(multi, "second")->col, 5);
}
END_TEST

/* An attribute whose value contains the text " src=" must still be located at its own name.
 * Was a bug (desc.c, locate_tag, fixed): the search for the attribute name scans the raw start tag
 * and stops at the first " NAME=" it finds, even inside another attribute's value. */
START_TEST(test_attr_position_not_fooled_by_values)
{
	g_autoptr(Report) r = report_new();
	const char *x = "<photo caption=\"see src=x\" src=\"a.png\"/>";
	g_autoptr(Desc) d = desc_parse("p.xml", x, -1, r);
	ck_assert_ptr_nonnull(d);
	ck_assert_str_eq(desc_get(d->root, "src"), "a.png");
	ck_assert_int_eq(desc_attr(d->root, "caption")->col, 8);
	ck_assert_int_eq(desc_attr(d->root, "src")->line, 1);
	/* Was a bug (fixed): desc.c locate_tag: "src" is located at 1:21, inside the caption value
	 */
	ck_assert_int_eq(desc_attr(d->root, "src")->col, 28);
}
END_TEST

/* Elements and attributes on lines holding Chinese text (captions, section names) keep
 * their own positions. */
START_TEST(test_positions_after_chinese_text)
{
	g_autoptr(Report) r = report_new();
	const char *x = "<page section=\"要闻\">\n"
	                "  <photo caption=\"澄江四桥华灯初上\" src=\"a.png\"/>\n"
	                "  <story id=\"s\"/>\n"
	                "</page>\n";
	g_autoptr(Desc) d = desc_parse("c.xml", x, -1, r);
	const DescNode *photo, *story;
	ck_assert_ptr_nonnull(d);
	ck_assert_int_eq(d->root->nchildren, 2);
	photo = d->root->children[0];
	story = d->root->children[1];
	ck_assert_str_eq(desc_get(photo, "src"), "a.png");
	ck_assert_int_eq(desc_attr(d->root, "section")->col, 7);
	ck_assert_int_eq(story->line, 3); /* an ASCII line: right */
	ck_assert_int_eq(story->col, 3);
	ck_assert_int_eq(photo->line, 2);
	ck_assert_int_eq(photo->col, 3);
	ck_assert_int_eq(desc_attr(photo, "caption")->col, 10);
	ck_assert_int_eq(desc_attr(photo, "src")->line, 2);
	ck_assert_int_eq(desc_attr(photo, "src")->col, 29);
}
END_TEST

START_TEST(test_malformed)
{
	g_autoptr(Report) r = report_new();
	const char *x = "<root>\n  <a>\n  </b>\n</root>\n";
	Desc *d = desc_parse("m.xml", x, -1, r);
	const Diag *e;
	ck_assert_ptr_null(d);
	ck_assert_int_eq(r->nerrors, 1);
	e = unit_diag(r, 0);
	ck_assert_int_eq(e->kind, DIAG_INPUT);
	ck_assert_str_eq(e->file, "m.xml");
	ck_assert_ptr_nonnull(strstr(e->msg, "malformed XML"));
	ck_assert_int_eq(e->line, 3);
	ck_assert_int_ge(e->col, 3);
}
END_TEST

/* the column of a syntax error counts characters and points at the offending one */
START_TEST(test_malformed_column)
{
	g_autoptr(Report) r = report_new();
	const char *x = "<a 标题=\"x\" y=1/>"; /* the unquoted 1 is character 13, byte 17 */
	ck_assert_ptr_null(desc_parse("m.xml", x, -1, r));
	ck_assert_int_eq(r->nerrors, 1);
	ck_assert_int_eq(unit_diag(r, 0)->line, 1);
	ck_assert_int_le(unit_diag(r, 0)->col, 13); /* characters, not GMarkup's bytes (17) */
	ck_assert_ptr_nonnull(strstr(unit_diag(r, 0)->msg, "“y”"));
	/* Was a bug (fixed): desc.c desc_parse: the error column is taken as "one byte past the
	 * offending one" and moved back a character; for GMarkup's "Odd character" error the column
	 * already is the offending character, so 1:12 (the '=') is reported instead of 1:13 */
	ck_assert_int_eq(unit_diag(r, 0)->col, 13);
}
END_TEST

START_TEST(test_unclosed_and_empty)
{
	g_autoptr(Report) r = report_new();
	ck_assert_ptr_null(desc_parse("u.xml", "<root>\n<a x=\"1\">\n", -1, r));
	ck_assert_ptr_nonnull(unit_find(r, REPORT_ERROR, "malformed XML"));
	ck_assert_int_eq(unit_diag(r, 0)->line, 3);
	ck_assert_ptr_null(desc_parse("e.xml", "  \n", -1, r));
	ck_assert_int_eq(r->nerrors, 2);
	ck_assert_str_eq(unit_diag(r, 1)->file, "e.xml");
	ck_assert_ptr_null(desc_parse("q.xml", "<a x=1/>", -1, r)); /* unquoted attribute */
	ck_assert_int_eq(r->nerrors, 3);
	ck_assert_int_eq(unit_diag(r, 2)->line, 1);
}
END_TEST

START_TEST(test_second_root)
{
	g_autoptr(Report) r = report_new();
	ck_assert_ptr_null(desc_parse("two.xml", "<a/>\n<b/>\n", -1, r));
	ck_assert_int_eq(r->nerrors, 1);
	ck_assert_int_eq(unit_diag(r, 0)->line, 2);
}
END_TEST

START_TEST(test_depth_limit)
{
	g_autoptr(Report) r = report_new();
	GString *ok = g_string_new(NULL), *deep = g_string_new(NULL);
	Desc *d;
	for (int i = 0; i < DESC_MAX_DEPTH; i++)
		g_string_append(ok, "<e>");
	for (int i = 0; i < DESC_MAX_DEPTH; i++)
		g_string_append(ok, "</e>");
	d = desc_parse("ok.xml", ok->str, -1, r);
	ck_assert_msg(d != NULL, "%s", unit_report_text(r));
	desc_free(d);
	for (int i = 0; i <= DESC_MAX_DEPTH; i++)
		g_string_append(deep, "<e>");
	for (int i = 0; i <= DESC_MAX_DEPTH; i++)
		g_string_append(deep, "</e>");
	ck_assert_ptr_null(desc_parse("deep.xml", deep->str, -1, r));
	ck_assert_ptr_nonnull(unit_find(r, REPORT_ERROR, "nested deeper than 32 levels"));
	g_string_free(ok, TRUE);
	g_string_free(deep, TRUE);
}
END_TEST

START_TEST(test_bad_utf8_has_position)
{
	g_autoptr(Report) r = report_new();
	const char x[] = "<root>\n  <a t=\"\xc3\x28\"/>\n</root>\n";
	ck_assert_ptr_null(desc_parse("b.xml", x, sizeof x - 1, r));
	UNIT_ASSERT_ERROR_AT(r, "b.xml", 2, 9, "invalid UTF-8");
}
END_TEST

START_TEST(test_load_file)
{
	g_autoptr(Report) r = report_new();
	g_autofree char *dir = unit_tmpdir();
	g_autofree char *path = unit_write(dir, "f.xml", "<layout name=\"n\"><page/></layout>");
	g_autofree char *missing = g_build_filename(dir, "missing.xml", NULL);
	g_autoptr(Desc) d = desc_load(path, r);
	ck_assert_ptr_nonnull(d);
	ck_assert_str_eq(d->file, path);
	ck_assert_str_eq(d->root->name, "layout");
	ck_assert_int_eq(d->root->nchildren, 1);
	ck_assert_int_eq(d->root->children[0]->col, 18);
	ck_assert_ptr_null(desc_load(missing, r));
	UNIT_ASSERT_ERROR_AT(r, missing, 0, 0, "cannot open file");
	unit_rmtree(dir);
}
END_TEST

START_TEST(test_dump)
{
	g_autoptr(Report) r = report_new();
	g_autoptr(Desc) d = desc_parse("d.xml", "<a x=\"1\">\n <b>hi</b>\n</a>", -1, r);
	GString *out = g_string_new(NULL);
	ck_assert_ptr_nonnull(d);
	desc_dump(d, out);
	ck_assert_str_eq(out->str, "a @1:1\n"
	                           "  x=\"1\" @1:4\n"
	                           "  b @2:2\n"
	                           "    text \"hi\"\n");
	g_string_free(out, TRUE);
}
END_TEST

/* a repeated attribute is an error at the repeat, with few attributes and with many */
START_TEST(test_duplicate_attribute)
{
	g_autoptr(Report) r = report_new();
	GString *many = g_string_new("<root\n");
	ck_assert_ptr_null(
	    desc_parse("d.xml", "<root>\n <a x=\"1\" y='2'  x = \"3\"/></root>", -1, r));
	UNIT_ASSERT_ERROR_AT(r, "d.xml", 2, 18, "attribute x is given twice on <a> (first at 2:5)");
	ck_assert_int_eq(r->nerrors, 1);
	for (int i = 0; i < 30; i++)
		g_string_append_printf(many, " a%d=\"%d\"", i, i);
	g_string_append(many, " a7=\"again\"/>");
	ck_assert_ptr_null(desc_parse("m.xml", many->str, -1, r));
	UNIT_ASSERT_ERROR_AT(r, "m.xml", 2, 252,
	                     "attribute a7 is given twice on <root> (first at 2:51)");
	g_string_free(many, TRUE);
}
END_TEST

/* each numeric reference that stands for no allowed character is an error at the reference */
START_TEST(test_character_references)
{
	static const struct {
		const char *xml;
		int col;
		const char *phrase;
	} bad[] = {
	    {"<r a=\"x&#x1;\"/>", 8, "&#x1; (U+0001) is a control character"},
	    {"<r a=\"&#0;\"/>", 7, "&#0; (U+0000) is a control character"},
	    {"<r a=\"&#x7f;\"/>", 7, "(U+007F) is a control character"},
	    {"<r a=\"&#159;\"/>", 7, "(U+009F) is a control character"},
	    {"<r a=\"&#xfdef;\"/>", 7, "(U+FDEF) is a noncharacter"},
	    {"<r a=\"&#xFFFF;\"/>", 7, "(U+FFFF) is a noncharacter"},
	    {"<r a=\"&#xDFFF;\"/>", 7, "(U+DFFF) is a UTF-16 surrogate"},
	    {"<r a=\"&#1114112;\"/>", 7, "&#1114112; is beyond U+10FFFF"},
	    {"<r>文字&#x1b;</r>", 6, "(U+001B) is a control character"},
	    {"<r a='&gt;' b='>&#8;'/>", 17, "(U+0008) is a control character"},
	    /* GMarkup decodes with strtoul(): sign, white space, "0x", negative numbers wrap */
	    {"<r a=\"&#+27;\"/>", 7, "&#+27; (U+001B) is a control character"},
	    {"<r a=\"&#x 0x1B;\"/>", 7, "(U+001B) is a control character"},
	    {"<r a=\"&#-18446744073709551589;\"/>", 7, "(U+001B) is a control character"},
	};
	for (gsize i = 0; i < G_N_ELEMENTS(bad); i++) {
		g_autoptr(Report) r = report_new();
		ck_assert_msg(desc_parse("c.xml", bad[i].xml, -1, r) == NULL, "%s", bad[i].xml);
		UNIT_ASSERT_ERROR_AT(r, "c.xml", 1, bad[i].col, bad[i].phrase);
		ck_assert_int_eq(r->nerrors, 1);
	}
}
END_TEST

/* allowed references are read; in comments, CDATA and processing instructions "&#1;" is text */
START_TEST(test_character_references_allowed)
{
	g_autoptr(Report) r = report_new();
	g_autoptr(Desc) d =
	    desc_parse("ok.xml",
	               "<?pi &#1;?><!-- &#1; --><r "
	               "a=\"&#x41;&#9;b&#10;c&#13;&#10;d\r\ne\"><![CDATA[&#1;]]></r>",
	               -1, r);
	ck_assert_msg(d != NULL, "%s", unit_report_text(r));
	ck_assert_str_eq(desc_get(d->root, "a"), "A b c d e"); /* tab and line ends: a space */
	ck_assert_str_eq(d->root->text, "&#1;");
}
END_TEST

/* a UTF-8 byte order mark is skipped; columns on line 1 count from after it */
START_TEST(test_bom)
{
	g_autoptr(Report) r = report_new();
	g_autoptr(Desc) d = desc_parse("b.xml", "\xef\xbb\xbf<r a=\"1\" b=\"2\"/>", -1, r);
	ck_assert_msg(d != NULL, "%s", unit_report_text(r));
	ck_assert_int_eq(d->root->col, 1);
	ck_assert_int_eq(d->root->attrs[1].line, 1);
	ck_assert_int_eq(d->root->attrs[1].col, 10);
}
END_TEST

/* values up to DESC_MAX_VALUE bytes (decoded) are read; longer ones are an error, not quoted */
START_TEST(test_value_limit)
{
	g_autoptr(Report) r = report_new();
	g_autofree char *at = g_strnfill(DESC_MAX_VALUE - 2, 'v');
	g_autofree char *ok = g_strdup_printf("<r\n  a=\"%s&lt;&#x41;\"/>", at);
	g_autofree char *over = g_strdup_printf("<r\n  a=\"%sv&lt;&#x41;\"/>", at);
	g_autoptr(Desc) d = desc_parse("v.xml", ok, -1, r);
	ck_assert_msg(d != NULL, "%s", unit_report_text(r));
	ck_assert_int_eq(strlen(desc_get(d->root, "a")), DESC_MAX_VALUE);
	ck_assert_ptr_null(desc_parse("v.xml", over, -1, r));
	UNIT_ASSERT_ERROR_AT(r, "v.xml", 2, 3,
	                     "the value of a on <r> is 16385 bytes long, more than 16384");
	ck_assert_ptr_null(strstr(unit_diag(r, 0)->msg, "vvv"));
}
END_TEST

/* GMarkup's messages quote names whole: they are cut short */
START_TEST(test_malformed_message_clipped)
{
	g_autoptr(Report) r = report_new();
	g_autofree char *name = g_strnfill(5000, 'e');
	g_autofree char *x = g_strdup_printf("<r a=\"&%s;\"/>", name);
	ck_assert_ptr_null(desc_parse("e.xml", x, -1, r));
	ck_assert_int_eq(r->nerrors, 1);
	ck_assert_uint_lt(strlen(unit_diag(r, 0)->msg), 200);
	ck_assert_ptr_nonnull(strstr(unit_diag(r, 0)->msg, "eeee…”"));
}
END_TEST

static Suite *
desc_suite(void)
{
	Suite *s = suite_create("desc");
	TCase *tc = tcase_create("desc");
	tcase_add_test(tc, test_tree);
	tcase_add_test(tc, test_positions);
	tcase_add_test(tc, test_attr_position_not_fooled_by_values);
	tcase_add_test(tc, test_positions_after_chinese_text);
	tcase_add_test(tc, test_malformed);
	tcase_add_test(tc, test_malformed_column);
	tcase_add_test(tc, test_unclosed_and_empty);
	tcase_add_test(tc, test_second_root);
	tcase_add_test(tc, test_depth_limit);
	tcase_add_test(tc, test_bad_utf8_has_position);
	tcase_add_test(tc, test_load_file);
	tcase_add_test(tc, test_dump);
	tcase_add_test(tc, test_duplicate_attribute);
	tcase_add_test(tc, test_character_references);
	tcase_add_test(tc, test_character_references_allowed);
	tcase_add_test(tc, test_bom);
	tcase_add_test(tc, test_value_limit);
	tcase_add_test(tc, test_malformed_message_clipped);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return unit_run(desc_suite());
}
