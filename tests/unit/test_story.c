/* test_story.c - story.c: header lines, paragraphs, inner subheads, labels, line joining. */
#include "story.h"
#include "unit.h"

static Story *
parse_ok(const char *text)
{
	Report *r = report_new();
	Story *s = story_parse("s.txt", text, -1, r);
	ck_assert_msg(s != NULL, "story_parse failed:\n%s", unit_report_text(r));
	ck_assert_msg(r->diags->len == 0, "unexpected diagnostics:\n%s", unit_report_text(r));
	report_free(r);
	return s;
}

static void
assert_para(const Story *s, int i, ParaKind kind, const char *text, int line, int col)
{
	ck_assert_int_lt(i, s->n);
	ck_assert_msg(s->paras[i].kind == kind, "paragraph %d is %s, expected %s", i,
	              story_kind_name(s->paras[i].kind), story_kind_name(kind));
	ck_assert_str_eq(s->paras[i].text, text);
	ck_assert_int_eq(s->paras[i].line, line);
	ck_assert_int_eq(s->paras[i].col, col);
}

START_TEST(test_header_and_body)
{
	g_autoptr(Story) s = parse_ok("栏目: 看发展\n"
	                              "kicker: 历时三年攻坚 全长4.13公里\n"
	                              "headline: 江城长江三桥 主桥顺利合龙\n"
	                              "subhead:   ——预计2027年6月建成通车\n"
	                              "byline: 本报讯(全媒体记者/王娜)\n"
	                              "\n"
	                              "第一段第一行，\n"
	                              "第一段第二行。\n"
	                              "\n"
	                              "\n"
	                              "第二段。\n");
	ck_assert_int_eq(s->n, 7);
	ck_assert_str_eq(s->file, "s.txt");
	assert_para(s, 0, PARA_RUBRIC, "看发展", 1, 5);
	assert_para(s, 1, PARA_KICKER, "历时三年攻坚 全长4.13公里", 2, 9);
	assert_para(s, 2, PARA_HEADLINE, "江城长江三桥 主桥顺利合龙", 3, 11);
	assert_para(s, 3, PARA_SUBHEAD, "——预计2027年6月建成通车", 4, 12); /* spaces skipped */
	assert_para(s, 4, PARA_BYLINE, "本报讯(全媒体记者/王娜)", 5, 9);
	assert_para(s, 5, PARA_BODY, "第一段第一行，第一段第二行。", 7, 1);
	assert_para(s, 6, PARA_BODY, "第二段。", 11, 1);
	ck_assert_str_eq(story_get(s, PARA_HEADLINE), "江城长江三桥 主桥顺利合龙");
	ck_assert_str_eq(story_get(s, PARA_BODY), "第一段第一行，第一段第二行。");
	ck_assert_ptr_null(story_get(s, PARA_INNER_SUBHEAD));
}
END_TEST

START_TEST(test_header_order_and_chinese_keys)
{
	/* the headline group comes out in the order rubric, kicker, headline, subhead, byline */
	g_autoptr(Story) s = parse_ok("署名：本报记者\n"
	                              "主题：大标题\n"
	                              "引题：引题文字\n"
	                              "副题：副题文字\n"
	                              "栏目：专栏\n"
	                              "\n"
	                              "正文。");
	ck_assert_int_eq(s->n, 6);
	assert_para(s, 0, PARA_RUBRIC, "专栏", 5, 4);
	assert_para(s, 1, PARA_KICKER, "引题文字", 3, 4);
	assert_para(s, 2, PARA_HEADLINE, "大标题", 2, 4);
	assert_para(s, 3, PARA_SUBHEAD, "副题文字", 4, 4);
	assert_para(s, 4, PARA_BYLINE, "本报记者", 1, 4);
	assert_para(s, 5, PARA_BODY, "正文。", 7, 1);
}
END_TEST

START_TEST(test_no_header)
{
	/* a first line that is not a known key: everything is body */
	g_autoptr(Story) s = parse_ok("Note: 这不是标题。\n\n第二段。\n");
	g_autoptr(Story) t = parse_ok("\n主题：第一行空着，所以这是正文。\n");
	ck_assert_int_eq(s->n, 2);
	assert_para(s, 0, PARA_BODY, "Note: 这不是标题。", 1, 1);
	assert_para(s, 1, PARA_BODY, "第二段。", 3, 1);
	ck_assert_int_eq(t->n, 1);
	assert_para(t, 0, PARA_BODY, "主题：第一行空着，所以这是正文。", 2, 1);
}
END_TEST

START_TEST(test_header_only)
{
	g_autoptr(Story) s = parse_ok("headline: 只有标题");
	g_autoptr(Story) t = parse_ok("headline: 只有标题\nrubric:\n");
	ck_assert_int_eq(s->n, 1);
	assert_para(s, 0, PARA_HEADLINE, "只有标题", 1, 11);
	ck_assert_int_eq(t->n, 1); /* an empty value adds no paragraph */
	ck_assert_ptr_null(story_get(t, PARA_RUBRIC));
}
END_TEST

START_TEST(test_unknown_header_key)
{
	g_autoptr(Report) r = report_new();
	Story *s = story_parse("lead.txt", "headline: 标题\nkicker: 引题\nauthor: 张三\n\n正文。\n",
	                       -1, r);
	ck_assert_ptr_null(s);
	ck_assert_int_eq(r->nerrors, 1);
	UNIT_ASSERT_ERROR_AT(r, "lead.txt", 3, 1, "unknown header line \"author: 张三\"");
	ck_assert_ptr_nonnull(strstr(unit_diag(r, 0)->hint, "rubric/栏目"));
	ck_assert_int_eq(unit_diag(r, 0)->kind, DIAG_INPUT);
}
END_TEST

START_TEST(test_mistyped_header_key)
{
	g_autoptr(Report) r = report_new();
	g_autoptr(Report) quiet = report_new();
	Story *s = story_parse("a.txt", "headlne: 标题\n\n正文。\n", -1, r);
	Story *t = story_parse("b.txt", "headline: 标题\nsubhed: 副题\n\n正文。\n", -1, r);
	Story *u = story_parse("c.txt", "注意: 这是正文\n", -1, quiet);
	Story *v = story_parse("d.txt", "Note: the body\n", -1, quiet);
	/* the first line looks like a mistyped key: the story is all body, with a warning */
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(s->paras[0].kind, PARA_BODY);
	ck_assert_int_eq(r->nwarnings, 1);
	ck_assert_int_eq(unit_diag(r, 0)->level, REPORT_WARNING);
	ck_assert_int_eq(unit_diag(r, 0)->line, 1);
	ck_assert(g_str_has_prefix(unit_diag(r, 0)->hint, "did you mean 'headline'?"));
	/* a mistyped key inside the header is an error, with did you mean */
	ck_assert_ptr_null(t);
	UNIT_ASSERT_ERROR_AT(r, "b.txt", 2, 1, "unknown header line \"subhed: 副题\"");
	ck_assert(g_str_has_prefix(unit_diag(r, 1)->hint, "did you mean 'subhead'?"));
	/* a first line with a colon that is no near key says nothing */
	ck_assert_ptr_nonnull(u);
	ck_assert_ptr_nonnull(v);
	ck_assert_int_eq(quiet->diags->len, 0);
	story_free(s);
	story_free(u);
	story_free(v);
}
END_TEST

START_TEST(test_header_key_twice)
{
	g_autoptr(Report) r = report_new();
	ck_assert_ptr_null(
	    story_parse("t.txt", "headline: 一\nbyline: 记者\n主题: 二\n\n正文", -1, r));
	UNIT_ASSERT_ERROR_AT(r, "t.txt", 3, 1, "headline given twice");
}
END_TEST

START_TEST(test_locate_in_joined_lines)
{
	/* every character of a paragraph joined from several lines is placed at its own line and
	 * column (in characters, blanks before a line counted) */
	g_autoptr(Story) s = parse_ok("headline: 标题甲\n\n第一行\n  第二行\nAB\nCD\n");
	const StoryPara *h = &s->paras[0], *p = &s->paras[1];
	int line = 0, col = 0;
	story_para_locate(h, strlen("标题"), &line, &col);
	ck_assert_int_eq(line, 1);
	ck_assert_int_eq(col, 13);
	ck_assert_str_eq(p->text, "第一行第二行AB CD");
	story_para_locate(p, strlen("第一"), &line, &col);
	ck_assert_int_eq(line, 3);
	ck_assert_int_eq(col, 3);
	story_para_locate(p, strlen("第一行第"), &line, &col);
	ck_assert_int_eq(line, 4);
	ck_assert_int_eq(col, 4);
	story_para_locate(p, strlen("第一行第二行A"), &line, &col);
	ck_assert_int_eq(line, 5);
	ck_assert_int_eq(col, 2);
	story_para_locate(p, strlen("第一行第二行AB C"), &line, &col);
	ck_assert_int_eq(line, 6);
	ck_assert_int_eq(col, 2);
}
END_TEST

START_TEST(test_dateline_runs_in)
{
	/* a dateline (电头) opens the first body paragraph, not a paragraph of its own; each
	 * character of the joined paragraph is still placed at its own line and column */
	g_autoptr(Story) s = parse_ok("headline: 标题\n"
	                              "电头: 本报讯（记者周明）\n"
	                              "\n"
	                              "第一段\n"
	                              "  续行。\n"
	                              "\n"
	                              "第二段。\n");
	const StoryPara *p;
	int line = 0, col = 0;
	ck_assert_int_eq(s->n, 3);
	assert_para(s, 0, PARA_HEADLINE, "标题", 1, 11);
	assert_para(s, 1, PARA_BODY, "本报讯（记者周明）第一段续行。", 2, 5);
	assert_para(s, 2, PARA_BODY, "第二段。", 7, 1);
	p = &s->paras[1];
	story_para_locate(p, strlen("本报讯（记者"), &line, &col);
	ck_assert_int_eq(line, 2);
	ck_assert_int_eq(col, 11);
	story_para_locate(p, strlen("本报讯（记者周明）第"), &line, &col);
	ck_assert_int_eq(line, 4);
	ck_assert_int_eq(col, 2);
	story_para_locate(p, strlen("本报讯（记者周明）第一段续"), &line, &col);
	ck_assert_int_eq(line, 5);
	ck_assert_int_eq(col, 4);
}
END_TEST

START_TEST(test_dateline_space_after_dian)
{
	/* a dateline that does not end with its bracket is followed by a space */
	g_autoptr(Story) s = parse_ok("dateline: 新华社北京11月27日电\n\n记者27日获悉。\n");
	ck_assert_int_eq(s->n, 1);
	assert_para(s, 0, PARA_BODY, "新华社北京11月27日电 记者27日获悉。", 1, 11);
}
END_TEST

START_TEST(test_dateline_without_body)
{
	/* a brief that is only its dateline still prints it */
	g_autoptr(Story) s = parse_ok("dateline: 本报讯（记者周明）\n");
	ck_assert_int_eq(s->n, 1);
	assert_para(s, 0, PARA_BODY, "本报讯（记者周明）", 1, 11);
}
END_TEST

START_TEST(test_join_lines)
{
	g_autoptr(Story) s = parse_ok("The Yangtze\nRiver flows.\n\n"
	                              "中文第一行\n中文第二行\n\n"
	                              "PM2.5\n浓度下降\n\n"
	                              "数字2026\n2027\n\n"
	                              "  前后空格  \n  去掉  \n");
	ck_assert_int_eq(s->n, 5);
	assert_para(s, 0, PARA_BODY, "The Yangtze River flows.", 1, 1);
	assert_para(s, 1, PARA_BODY, "中文第一行中文第二行", 4, 1);
	assert_para(s, 2, PARA_BODY, "PM2.5浓度下降", 7, 1);
	assert_para(s, 3, PARA_BODY, "数字2026 2027", 10, 1);
	assert_para(s, 4, PARA_BODY, "前后空格去掉", 13, 3); /* its first character's column */
}
END_TEST

START_TEST(test_inner_subhead_and_labels)
{
	g_autoptr(Story) s = parse_ok("headline: 标题\n"
	                              "\n"
	                              "第一段。\n"
	                              "## 攻坚克难 钢箱梁毫米级对接\n"
	                              "第二段。\n"
	                              "\n"
	                              "【理】\n"
	                              "\n"
	                              "桥梁是城市的骨架。\n"
	                              "\n"
	                              "【理】后面有字\n"
	                              "\n"
	                              "# 一个井号\n"
	                              "\n"
	                              "##没有空格\n"
	                              "\n"
	                              "### 三个井号\n");
	ck_assert_int_eq(s->n, 10);
	assert_para(s, 0, PARA_HEADLINE, "标题", 1, 11);
	assert_para(s, 1, PARA_BODY, "第一段。", 3, 1);
	assert_para(s, 2, PARA_INNER_SUBHEAD, "攻坚克难 钢箱梁毫米级对接", 4, 4);
	assert_para(s, 3, PARA_BODY, "第二段。", 5, 1);
	assert_para(s, 4, PARA_LABEL, "【理】", 7, 1);
	assert_para(s, 5, PARA_BODY, "桥梁是城市的骨架。", 9, 1);
	assert_para(s, 6, PARA_BODY, "【理】后面有字", 11, 1);
	assert_para(s, 7, PARA_BODY, "# 一个井号", 13, 1);
	assert_para(s, 8, PARA_BODY, "##没有空格", 15, 1);
	assert_para(s, 9, PARA_BODY, "### 三个井号", 17, 1);
	ck_assert_str_eq(story_kind_name(PARA_INNER_SUBHEAD), "inner-subhead");
	ck_assert_str_eq(story_kind_name(PARA_LABEL), "label");
}
END_TEST

START_TEST(test_empty_label_is_body)
{
	g_autoptr(Story) s =
	    parse_ok("【】\n\n【一二三四五六】\n\n【一二三四五六七】\n\n【甲】【乙】\n");
	ck_assert_int_eq(s->n, 4);
	assert_para(s, 0, PARA_BODY, "【】", 1, 1);
	assert_para(s, 1, PARA_LABEL, "【一二三四五六】", 3, 1);  /* 8 characters: a label */
	assert_para(s, 2, PARA_BODY, "【一二三四五六七】", 5, 1); /* 9: too long */
	assert_para(s, 3, PARA_BODY, "【甲】【乙】", 7, 1);       /* two labels are text */
}
END_TEST

START_TEST(test_crlf_and_bom)
{
	g_autoptr(Story) s = parse_ok("\xEF\xBB\xBFheadline: 标题\r\n\r\n正文第一行\r\n第二行\r\n");
	ck_assert_int_eq(s->n, 2);
	assert_para(s, 0, PARA_HEADLINE, "标题", 1, 11);
	assert_para(s, 1, PARA_BODY, "正文第一行第二行", 3, 1);
}
END_TEST

START_TEST(test_cr_and_mixed_line_ends)
{
	/* CR alone (old Mac tools) is a line end too: the header ends at the blank line */
	g_autoptr(Story) s = parse_ok("headline: 标题\r\r正文第一行\r第二行\r\r第二段\n\r\n第三段");
	ck_assert_int_eq(s->n, 4);
	assert_para(s, 0, PARA_HEADLINE, "标题", 1, 11);
	assert_para(s, 1, PARA_BODY, "正文第一行第二行", 3, 1);
	assert_para(s, 2, PARA_BODY, "第二段", 6, 1);
	assert_para(s, 3, PARA_BODY, "第三段", 8, 1);
	ck_assert_uint_eq(s->bytes,
	                  strlen("headline: 标题\r\r正文第一行\r第二行\r\r第二段\n\r\n第三段"));
}
END_TEST

START_TEST(test_cr_line_ends_positions)
{
	g_autoptr(Report) r = report_new();
	ck_assert_ptr_null(story_parse("c.txt", "headline: 标题\r\r正文\r第\x01行\r", -1, r));
	UNIT_ASSERT_ERROR_AT(r, "c.txt", 4, 2, "control character U+0001");
}
END_TEST

START_TEST(test_tab_is_a_space)
{
	g_autoptr(Story) s = parse_ok("headline:\t标题\n\n\t双向\t8\t车道 A\tB\t\n");
	ck_assert_int_eq(s->n, 2);
	assert_para(s, 0, PARA_HEADLINE, "标题", 1, 11);
	assert_para(s, 1, PARA_BODY, "双向 8 车道 A B", 3, 2); /* after the leading tab */
}
END_TEST

START_TEST(test_bom_is_not_a_column)
{
	g_autoptr(Report) r = report_new();
	ck_assert_ptr_null(story_parse("d.txt", "\xEF\xBB\xBF标\x01题\n", -1, r));
	UNIT_ASSERT_ERROR_AT(r, "d.txt", 1, 2, "control character U+0001");
}
END_TEST

START_TEST(test_empty_file)
{
	g_autoptr(Story) s = parse_ok("");
	g_autoptr(Story) t = parse_ok("\n\n  \n");
	ck_assert_int_eq(s->n, 0);
	ck_assert_int_eq(t->n, 0);
}
END_TEST

START_TEST(test_bad_encoding)
{
	g_autoptr(Report) r = report_new();
	const char bad[] = "headline: 标题\n\n正文\xc0\xaf\n";
	ck_assert_ptr_null(story_parse("b.txt", bad, sizeof bad - 1, r));
	UNIT_ASSERT_ERROR_AT(r, "b.txt", 3, 3, "invalid UTF-8");
}
END_TEST

START_TEST(test_load)
{
	g_autoptr(Report) r = report_new();
	g_autofree char *dir = unit_tmpdir();
	g_autofree char *path = unit_write(dir, "a.txt", "headline: 标题\n\n正文。\n");
	g_autofree char *missing = g_build_filename(dir, "none.txt", NULL);
	g_autoptr(Story) s = story_load(path, r);
	GString *out = g_string_new(NULL);
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s->file, path);
	ck_assert_int_eq(s->n, 2);
	ck_assert_ptr_null(story_load(missing, r));
	UNIT_ASSERT_ERROR_AT(r, missing, 0, 0, "cannot open file");
	story_dump(s, out);
	ck_assert_ptr_nonnull(strstr(out->str, "paras=2\n"));
	ck_assert_ptr_nonnull(strstr(out->str, "  0 headline @1 \"标题\"\n"));
	ck_assert_ptr_nonnull(strstr(out->str, "  1 body @3 \"正文。\"\n"));
	g_string_free(out, TRUE);
	unit_rmtree(dir);
}
END_TEST

static Suite *
story_suite(void)
{
	Suite *s = suite_create("story");
	TCase *tc = tcase_create("story");
	tcase_add_test(tc, test_header_and_body);
	tcase_add_test(tc, test_header_order_and_chinese_keys);
	tcase_add_test(tc, test_no_header);
	tcase_add_test(tc, test_header_only);
	tcase_add_test(tc, test_unknown_header_key);
	tcase_add_test(tc, test_header_key_twice);
	tcase_add_test(tc, test_mistyped_header_key);
	tcase_add_test(tc, test_join_lines);
	tcase_add_test(tc, test_dateline_runs_in);
	tcase_add_test(tc, test_dateline_without_body);
	tcase_add_test(tc, test_dateline_space_after_dian);
	tcase_add_test(tc, test_locate_in_joined_lines);
	tcase_add_test(tc, test_inner_subhead_and_labels);
	tcase_add_test(tc, test_empty_label_is_body);
	tcase_add_test(tc, test_crlf_and_bom);
	tcase_add_test(tc, test_cr_and_mixed_line_ends);
	tcase_add_test(tc, test_cr_line_ends_positions);
	tcase_add_test(tc, test_tab_is_a_space);
	tcase_add_test(tc, test_bom_is_not_a_column);
	tcase_add_test(tc, test_empty_file);
	tcase_add_test(tc, test_bad_encoding);
	tcase_add_test(tc, test_load);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return unit_run(story_suite());
}
