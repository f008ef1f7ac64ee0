/* test_kinsoku.c - kinsoku.c: character classes, line-start/end rules, kinsoku_can_break and
 * the half-width punctuation normalization. */
#include "kinsoku.h"
#include "unit.h"

/* every character of `chars` has class k */
static void
assert_class(const char *chars, KClass k)
{
	for (const char *p = chars; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		KClass got = kinsoku_class(c);
		ck_assert_msg(got == k, "U+%04X is %s, expected %s", c, kinsoku_class_name(got),
		              kinsoku_class_name(k));
	}
}

START_TEST(test_classes_punctuation)
{
	assert_class("（《「『【〈“‘〔［｛〖〘｟", KC_OPEN);
	assert_class("）》」』】〉”’〕］｝〗〙｠", KC_CLOSE);
	assert_class("、，", KC_PAUSE);
	assert_class("。．", KC_STOP);
	assert_class("：；", KC_COLON);
	assert_class("！？‼⁇⁈⁉", KC_EXCL);
	assert_class("·・‧", KC_MIDDOT);
	assert_class("—―─", KC_DASH);
	assert_class("…⋯", KC_ELLIPSIS);
	assert_class("～〜－‐‑–／/", KC_CONNECT);
}
END_TEST

START_TEST(test_classes_letters)
{
	assert_class("中文字龍㐀𠀀", KC_IDEO);
	assert_class("\u3000", KC_IDEO); /* ideographic space: a character cell */
	assert_class("ＡＢ１", KC_IDEO); /* fullwidth forms */
	assert_class("あかアカ", KC_KANA);
	assert_class("ぁっャーゝ々〻", KC_SMALL);
	assert_class("azAZéßΩЖ", KC_LATIN);
	assert_class("\u00a0", KC_LATIN); /* no-break space joins */
	assert_class("0123456789", KC_DIGIT);
	assert_class(".,:%+-'‰℃°#&_", KC_NUMSIGN);
	assert_class(" \u2002\u2009", KC_SPACE);
	assert_class("()[]\"!?;", KC_OTHER);
}
END_TEST

START_TEST(test_class_names)
{
	ck_assert_str_eq(kinsoku_class_name(KC_IDEO), "ideo");
	ck_assert_str_eq(kinsoku_class_name(KC_CLOSE), "close");
	ck_assert_str_eq(kinsoku_class_name(KC_NUMSIGN), "numsign");
	ck_assert_str_eq(kinsoku_class_name(KC_OTHER), "other");
	for (int k = 0; k < KC_COUNT; k++)
		ck_assert_ptr_nonnull(kinsoku_class_name((KClass)k));
}
END_TEST

START_TEST(test_predicates)
{
	ck_assert(kinsoku_is_cjk_punct(KC_OPEN));
	ck_assert(kinsoku_is_cjk_punct(KC_CLOSE));
	ck_assert(kinsoku_is_cjk_punct(KC_PAUSE));
	ck_assert(kinsoku_is_cjk_punct(KC_STOP));
	ck_assert(kinsoku_is_cjk_punct(KC_COLON));
	ck_assert(kinsoku_is_cjk_punct(KC_EXCL));
	ck_assert(kinsoku_is_cjk_punct(KC_MIDDOT));
	ck_assert(!kinsoku_is_cjk_punct(KC_DASH));
	ck_assert(!kinsoku_is_cjk_punct(KC_ELLIPSIS));
	ck_assert(!kinsoku_is_cjk_punct(KC_IDEO));
	ck_assert(!kinsoku_is_cjk_punct(KC_NUMSIGN));

	ck_assert(kinsoku_is_word(KC_LATIN));
	ck_assert(kinsoku_is_word(KC_DIGIT));
	ck_assert(kinsoku_is_word(KC_NUMSIGN));
	ck_assert(!kinsoku_is_word(KC_IDEO));
	ck_assert(!kinsoku_is_word(KC_SPACE));

	ck_assert(kinsoku_is_han(KC_IDEO));
	ck_assert(kinsoku_is_han(KC_KANA));
	ck_assert(kinsoku_is_han(KC_SMALL));
	ck_assert(!kinsoku_is_han(KC_LATIN));
	ck_assert(!kinsoku_is_han(KC_STOP));
}
END_TEST

START_TEST(test_no_start_no_end)
{
	static const KClass no_start[] = {KC_CLOSE, KC_PAUSE,  KC_STOP,   KC_COLON,
	                                  KC_EXCL,  KC_MIDDOT, KC_CONNECT};
	for (size_t i = 0; i < G_N_ELEMENTS(no_start); i++) {
		ck_assert(kinsoku_no_start(no_start[i], KINSOKU_BASIC));
		ck_assert(kinsoku_no_start(no_start[i], KINSOKU_STRICT));
		ck_assert(!kinsoku_no_start(no_start[i], KINSOKU_NONE));
	}
	ck_assert(kinsoku_no_start(KC_SMALL, KINSOKU_STRICT));
	ck_assert(!kinsoku_no_start(KC_SMALL, KINSOKU_BASIC));
	ck_assert(!kinsoku_no_start(KC_OPEN, KINSOKU_STRICT));
	ck_assert(!kinsoku_no_start(KC_IDEO, KINSOKU_STRICT));
	ck_assert(!kinsoku_no_start(KC_DASH, KINSOKU_STRICT));

	ck_assert(kinsoku_no_end(KC_OPEN, KINSOKU_BASIC));
	ck_assert(kinsoku_no_end(KC_OPEN, KINSOKU_STRICT));
	ck_assert(!kinsoku_no_end(KC_OPEN, KINSOKU_NONE));
	ck_assert(!kinsoku_no_end(KC_CLOSE, KINSOKU_STRICT));
	ck_assert(!kinsoku_no_end(KC_IDEO, KINSOKU_STRICT));
}
END_TEST

/* can a line break between the first and the second character of s? */
static bool
can_break_between(const char *s, KinsokuLevel level)
{
	gunichar a = g_utf8_get_char(s), b = g_utf8_get_char(g_utf8_next_char(s));
	return kinsoku_can_break(kinsoku_class(a), kinsoku_class(b), level);
}

START_TEST(test_can_break_cjk)
{
	ck_assert(can_break_between("中文", KINSOKU_STRICT));
	ck_assert(can_break_between("。中", KINSOKU_STRICT));
	ck_assert(!can_break_between("中。", KINSOKU_STRICT)); /* 。 never starts a line */
	ck_assert(!can_break_between("中，", KINSOKU_BASIC));
	ck_assert(!can_break_between("中”", KINSOKU_STRICT));
	ck_assert(!can_break_between("中）", KINSOKU_STRICT));
	ck_assert(!can_break_between("中：", KINSOKU_STRICT));
	ck_assert(!can_break_between("中！", KINSOKU_STRICT));
	ck_assert(!can_break_between("“中", KINSOKU_STRICT)); /* “ never ends a line */
	ck_assert(!can_break_between("《中", KINSOKU_BASIC));
	ck_assert(can_break_between("中“", KINSOKU_STRICT));
	ck_assert(can_break_between("”“", KINSOKU_STRICT));
	ck_assert(!can_break_between("。”", KINSOKU_STRICT));
	ck_assert(!can_break_between("中～", KINSOKU_STRICT));
	/* small kana: strict only */
	ck_assert(!can_break_between("中っ", KINSOKU_STRICT));
	ck_assert(can_break_between("中っ", KINSOKU_BASIC));
	/* —— and …… never split, and strict keeps them off the start of a line */
	ck_assert(!can_break_between("——", KINSOKU_NONE));
	ck_assert(!can_break_between("……", KINSOKU_NONE));
	ck_assert(!can_break_between("中—", KINSOKU_STRICT));
	ck_assert(!can_break_between("中…", KINSOKU_STRICT));
	ck_assert(can_break_between("中—", KINSOKU_BASIC));
	ck_assert(can_break_between("—中", KINSOKU_STRICT));
	/* · joins the parts of a name, at any level */
	ck_assert(!can_break_between("尔·", KINSOKU_NONE));
	ck_assert(!can_break_between("·马", KINSOKU_NONE));
	/* no rules at all */
	ck_assert(can_break_between("中。", KINSOKU_NONE));
	ck_assert(can_break_between("“中", KINSOKU_NONE));
}
END_TEST

START_TEST(test_can_break_words_and_spaces)
{
	ck_assert(!can_break_between("ab", KINSOKU_NONE));
	ck_assert(!can_break_between("a1", KINSOKU_STRICT));
	ck_assert(!can_break_between("2.", KINSOKU_STRICT));
	ck_assert(!can_break_between(".5", KINSOKU_STRICT));
	ck_assert(!can_break_between("5%", KINSOKU_STRICT));
	ck_assert(!can_break_between("5-", KINSOKU_STRICT));
	ck_assert(!can_break_between("a/", KINSOKU_NONE)); /* a/b stays together */
	ck_assert(!can_break_between("/b", KINSOKU_NONE));
	ck_assert(!can_break_between("3–", KINSOKU_NONE)); /* 3–5 */
	ck_assert(can_break_between("中a", KINSOKU_STRICT));
	ck_assert(can_break_between("a中", KINSOKU_STRICT));
	ck_assert(can_break_between("5年", KINSOKU_STRICT));
	/* break after a space, never before it */
	ck_assert(!can_break_between("a ", KINSOKU_NONE));
	ck_assert(!can_break_between("中 ", KINSOKU_STRICT));
	ck_assert(can_break_between(" a", KINSOKU_STRICT));
	ck_assert(can_break_between(" 中", KINSOKU_STRICT));
	ck_assert(!can_break_between(" 。", KINSOKU_STRICT));
	ck_assert(can_break_between(" 。", KINSOKU_NONE));
	ck_assert(!can_break_between("  ", KINSOKU_NONE));
}
END_TEST

START_TEST(test_can_break_matrix_is_consistent)
{
	/* whatever may not start (end) a line never gets a break before (after) it */
	for (int lv = KINSOKU_NONE; lv <= KINSOKU_STRICT; lv++)
		for (int a = 0; a < KC_COUNT; a++)
			for (int b = 0; b < KC_COUNT; b++) {
				bool ok = kinsoku_can_break((KClass)a, (KClass)b, (KinsokuLevel)lv);
				if (kinsoku_no_start((KClass)b, (KinsokuLevel)lv) ||
				    kinsoku_no_end((KClass)a, (KinsokuLevel)lv) || b == KC_SPACE)
					ck_assert_msg(!ok, "break allowed %s|%s at level %d",
					              kinsoku_class_name((KClass)a),
					              kinsoku_class_name((KClass)b), lv);
			}
}
END_TEST

static void
assert_norm(const char *in, const char *expected)
{
	g_autofree char *out = kinsoku_normalize(in);
	ck_assert_msg(strcmp(out, expected) == 0, "normalize(\"%s\") = \"%s\", expected \"%s\"", in,
	              out, expected);
}

START_TEST(test_normalize_chinese_context)
{
	assert_norm("2026年11月27日18时,随着", "2026年11月27日18时，随着");
	assert_norm("他说:“合龙了!”", "他说：“合龙了！”");
	assert_norm("真的吗?是的;好", "真的吗？是的；好");
	assert_norm("临时鱼类保护区(面积约3000平方米)。", "临时鱼类保护区（面积约3000平方米）。");
	assert_norm("本报讯(全媒体记者 周晓彤 通讯员 杨立群)",
	            "本报讯（全媒体记者 周晓彤 通讯员 杨立群）");
	assert_norm("中文(English)", "中文（English）");
	/* spaces around a converted mark are dropped */
	assert_norm("你好 , 世界", "你好，世界");
	assert_norm("时间 : 下午", "时间：下午");
	/* after a closing quote or a stop */
	assert_norm("“好”,他说", "“好”，他说");
}
END_TEST

START_TEST(test_normalize_leaves_numbers_and_latin)
{
	assert_norm("23:00", "23:00");
	assert_norm("共1,000人", "共1,000人");
	assert_norm("635.68亿元", "635.68亿元");
	assert_norm("“3+3+2”分段", "“3+3+2”分段");
	assert_norm("PM2.5浓度", "PM2.5浓度");
	assert_norm("达到88.5%。", "达到88.5%。");
	assert_norm("网址:https://example.cn/a", "网址：https://example.cn/a");
	assert_norm("Hello, world! How are you?", "Hello, world! How are you?");
	assert_norm("f(x) = y", "f(x) = y");
	assert_norm("", "");
	assert_norm("纯中文，没有半角。", "纯中文，没有半角。");
	/* only , ; : ! ? ( ) are converted; a full stop and quotes are not */
	assert_norm("完了.", "完了.");
	assert_norm("他说\"好\"", "他说\"好\"");
}
END_TEST

/* docs/story-files.md: "11月27日10:00,随着……" becomes "11月27日10:00，随着……" ("10:00 stays,
 * , -> ，"). The same text is in samples/edition/stories/lead.txt ("通车当晚23:00,记者"). */
START_TEST(test_normalize_comma_after_number)
{
	assert_norm("11月27日10:00", "11月27日10:00"); /* the time itself stays */
	assert_norm("约3000平方米,其中", "约3000平方米，其中");
	assert_norm("总投资12.71亿元,增长5%,其中", "总投资12.71亿元，增长5%，其中");
	/* (this failed while should_convert required a non-alphanumeric character before a mark
	 * that only has Han after it) */
	assert_norm("11月27日10:00,随着最后一节钢箱梁", "11月27日10:00，随着最后一节钢箱梁");
	assert_norm("通车当晚23:00,记者再次来到大桥", "通车当晚23:00，记者再次来到大桥");
	assert_norm("布设PM2.5,监测点", "布设PM2.5，监测点");
}
END_TEST

START_TEST(test_normalize_nested_parens)
{
	/* a ) follows the decision of its ( */
	assert_norm("中(a(b)c)", "中（a(b)c）");
	assert_norm("x(中)y", "x（中）y");
	assert_norm("unbalanced)中", "unbalanced）中");
}
END_TEST

static Suite *
kinsoku_suite(void)
{
	Suite *s = suite_create("kinsoku");
	TCase *cls = tcase_create("classes");
	TCase *brk = tcase_create("breaks");
	TCase *norm = tcase_create("normalize");
	tcase_add_test(cls, test_classes_punctuation);
	tcase_add_test(cls, test_classes_letters);
	tcase_add_test(cls, test_class_names);
	tcase_add_test(cls, test_predicates);
	tcase_add_test(brk, test_no_start_no_end);
	tcase_add_test(brk, test_can_break_cjk);
	tcase_add_test(brk, test_can_break_words_and_spaces);
	tcase_add_test(brk, test_can_break_matrix_is_consistent);
	tcase_add_test(norm, test_normalize_chinese_context);
	tcase_add_test(norm, test_normalize_leaves_numbers_and_latin);
	tcase_add_test(norm, test_normalize_comma_after_number);
	tcase_add_test(norm, test_normalize_nested_parens);
	suite_add_tcase(s, cls);
	suite_add_tcase(s, brk);
	suite_add_tcase(s, norm);
	return s;
}

int
main(void)
{
	return unit_run(kinsoku_suite());
}
