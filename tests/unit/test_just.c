/* test_just.c - just.c: punctuation compression, CJK-Latin spacing and break flags over a
 * fake Items built in C (no fonts needed). */
#include "just.h"
#include "unit.h"

#define EM 9216

/* A fake paragraph: one cluster per character of `text`, each one em wide except Latin
 * letters and digits (half an em); full-width marks get the blank halves a CJK font's halt
 * metrics give them (opening brackets on the left, ·：；！？ a quarter each side, others on
 * the right). */
static Items *
fake_items(const char *text)
{
	Items *it = g_new0(Items, 1);
	glong n = g_utf8_strlen(text, -1);
	int i = 0;
	it->text = g_strdup(text);
	it->textlen = (int)strlen(text);
	it->cl = g_new0(Cluster, n + 1);
	it->em = EM;
	it->xscale = 1000;
	for (const char *p = text; *p; p = g_utf8_next_char(p), i++) {
		Cluster *c = &it->cl[i];
		c->start = (int)(p - text);
		c->len = (int)(g_utf8_next_char(p) - p);
		c->ch = g_utf8_get_char(p);
		c->cls = kinsoku_class(c->ch);
		c->adv = kinsoku_is_word(c->cls) ? EM / 2 : c->cls == KC_SPACE ? EM / 4 : EM;
		if (c->cls == KC_OPEN)
			c->blank_l = EM / 2;
		else if (c->cls == KC_MIDDOT || c->cls == KC_COLON || c->cls == KC_EXCL)
			c->blank_l = c->blank_r = EM / 4;
		else if (kinsoku_is_cjk_punct(c->cls))
			c->blank_r = EM / 2;
	}
	it->n = i;
	return it;
}

static Style
style_with(PunctStyle punct)
{
	Style s = {.role = ROLE_SONG,
	           .size = EM,
	           .lines = 1,
	           .align = ALIGN_JUSTIFY,
	           .punct = punct,
	           .kinsoku = KINSOKU_STRICT,
	           .cjk_latin = true,
	           .normalize = true};
	return s;
}

static Len
sum_width(const Just *j, int from, int to)
{
	Len w = 0;
	for (int i = from; i < to; i++)
		w += j->width[i];
	return w;
}

START_TEST(test_pair_stop_close_quote)
{
	/* 。” takes 1.5 em: the blank after 。 goes */
	g_autoptr(Items) it = fake_items("中文。”");
	Style s = style_with(PUNCT_QUANSHEN);
	g_autoptr(Just) j = just_prepare(it, &s, 13 * EM, LB_JUSTIFY, false);
	ck_assert_int_eq(it->n, 4);
	ck_assert_int_eq(j->npairs, 1);
	ck_assert_int_eq(j->width[0], EM);
	ck_assert_int_eq(j->width[1], EM);
	ck_assert_int_eq(j->width[2], EM / 2);
	ck_assert_int_eq(j->width[3], EM);
	ck_assert_int_eq(sum_width(j, 2, 4), EM + EM / 2);
	ck_assert_int_eq(j->shrink_r[2], 0);
	ck_assert_int_eq(j->shrink_r[3], EM / 2); /* ” may still be squeezed at a line end */
	ck_assert_int_eq(j->base_shift[2], 0);
	ck_assert_int_eq(j->base_shift[3], 0);
	/* the clusters themselves are not touched */
	ck_assert_int_eq(it->cl[2].adv, EM);
	ck_assert_int_eq(it->cl[2].blank_r, EM / 2);
}
END_TEST

START_TEST(test_pair_open_open)
{
	/* “《: the left blank of 《 goes and its glyph moves left */
	g_autoptr(Items) it = fake_items("“《书》”");
	Style s = style_with(PUNCT_QUANSHEN);
	g_autoptr(Just) j = just_prepare(it, &s, 13 * EM, LB_JUSTIFY, false);
	ck_assert_int_eq(j->npairs, 2); /* “《 and 》” */
	ck_assert_int_eq(j->width[0], EM);
	ck_assert_int_eq(j->width[1], EM / 2);
	ck_assert_int_eq(j->base_shift[1], -EM / 2);
	ck_assert_int_eq(j->shrink_l[1], 0);
	ck_assert_int_eq(j->shrink_l[0], EM / 2);
	ck_assert_int_eq(j->width[3], EM / 2); /* 》 loses its right blank before ” */
	ck_assert_int_eq(j->width[4], EM);
	ck_assert_int_eq(j->base_shift[3], 0);
	ck_assert_int_eq(sum_width(j, 0, 5), 4 * EM);
}
END_TEST

START_TEST(test_pair_three_marks)
{
	/* ），（: each adjacent pair loses half an em */
	g_autoptr(Items) it = fake_items("甲），（乙");
	Style s = style_with(PUNCT_QUANSHEN);
	g_autoptr(Just) j = just_prepare(it, &s, 13 * EM, LB_JUSTIFY, false);
	ck_assert_int_eq(j->npairs, 2);
	ck_assert_int_eq(j->width[1], EM / 2);
	ck_assert_int_eq(j->width[2], EM / 2);
	ck_assert_int_eq(j->width[3], EM);
	ck_assert_int_eq(j->shrink_l[3], EM / 2);
	ck_assert_int_eq(sum_width(j, 0, 5), 4 * EM);
}
END_TEST

START_TEST(test_pair_quarter_blanks)
{
	/* ：“ : a quarter em from the colon's right, a quarter from the quote's left */
	g_autoptr(Items) it = fake_items("说：“好”");
	Style s = style_with(PUNCT_QUANSHEN);
	g_autoptr(Just) j = just_prepare(it, &s, 13 * EM, LB_JUSTIFY, false);
	ck_assert_int_eq(j->npairs, 1);
	ck_assert_int_eq(j->width[1], EM - EM / 4);
	ck_assert_int_eq(j->width[2], EM - EM / 4);
	ck_assert_int_eq(j->base_shift[2], -EM / 4);
	ck_assert_int_eq(sum_width(j, 1, 3), EM + EM / 2);
}
END_TEST

START_TEST(test_no_pair_with_ideographs)
{
	g_autoptr(Items) it = fake_items("中，文。");
	Style s = style_with(PUNCT_QUANSHEN);
	g_autoptr(Just) j = just_prepare(it, &s, 13 * EM, LB_JUSTIFY, false);
	ck_assert_int_eq(j->npairs, 0);
	for (int i = 0; i < 4; i++)
		ck_assert_int_eq(j->width[i], EM);
	ck_assert_int_eq(j->shrink_r[1], EM / 2);
	ck_assert_int_eq(j->shrink_r[3], EM / 2);
}
END_TEST

START_TEST(test_banshen_and_kaiming)
{
	g_autoptr(Items) it = fake_items("甲，乙。丙：");
	Style half = style_with(PUNCT_BANSHEN);
	Style kai = style_with(PUNCT_KAIMING);
	g_autoptr(Just) h = just_prepare(it, &half, 13 * EM, LB_JUSTIFY, false);
	g_autoptr(Just) k = just_prepare(it, &kai, 13 * EM, LB_JUSTIFY, false);
	/* 半身: every mark half width, nothing left to squeeze */
	ck_assert_int_eq(h->width[1], EM / 2);
	ck_assert_int_eq(h->width[3], EM / 2);
	ck_assert_int_eq(h->width[5], EM / 2);
	ck_assert_int_eq(h->base_shift[5], -EM / 4);
	ck_assert_int_eq(h->shrink_r[3], 0);
	/* 开明: the stop stays full width, the others are halved */
	ck_assert_int_eq(k->width[1], EM / 2);
	ck_assert_int_eq(k->width[3], EM);
	ck_assert_int_eq(k->shrink_r[3], EM / 2);
	ck_assert_int_eq(k->width[5], EM / 2);
	ck_assert_int_eq(k->width[0], EM);
}
END_TEST

START_TEST(test_plain_punctuation)
{
	g_autoptr(Items) it = fake_items("中。”（文");
	Style s = style_with(PUNCT_PLAIN);
	g_autoptr(Just) j = just_prepare(it, &s, 13 * EM, LB_JUSTIFY, false);
	ck_assert_int_eq(j->npairs, 0);
	for (int i = 0; i < 5; i++) {
		ck_assert_int_eq(j->width[i], EM);
		ck_assert_int_eq(j->shrink_l[i], 0);
		ck_assert_int_eq(j->shrink_r[i], 0);
	}
}
END_TEST

START_TEST(test_cjk_latin_quarter_em)
{
	g_autoptr(Items) it = fake_items("用ab写");
	Style s = style_with(PUNCT_QUANSHEN);
	g_autoptr(Just) j = just_prepare(it, &s, 13 * EM, LB_JUSTIFY, false);
	ck_assert_int_eq(j->nspaced, 2);
	ck_assert_int_eq(j->gap[0], EM / 4);
	ck_assert_int_eq(j->gap_shrink[0], EM / 8);
	ck_assert_int_eq(j->gap[1], 0); /* inside the word */
	ck_assert_int_eq(j->gap[2], EM / 4);
	ck_assert_int_eq(j->gap_shrink[2], EM / 8);
}
END_TEST

START_TEST(test_cjk_latin_off_and_digits)
{
	g_autoptr(Items) it = fake_items("共20人a");
	Style s = style_with(PUNCT_QUANSHEN);
	Style no = style_with(PUNCT_QUANSHEN);
	Style digits = style_with(PUNCT_QUANSHEN);
	g_autoptr(Just) j = NULL;
	g_autoptr(Just) jn = NULL;
	g_autoptr(Just) jd = NULL;
	no.cjk_latin = false;
	digits.digit_space = true;
	j = just_prepare(it, &s, 13 * EM, LB_JUSTIFY, false);
	jn = just_prepare(it, &no, 13 * EM, LB_JUSTIFY, false);
	jd = just_prepare(it, &digits, 13 * EM, LB_JUSTIFY, false);
	/* digits take no space by default; 人a does */
	ck_assert_int_eq(j->gap[0], 0);
	ck_assert_int_eq(j->gap[2], 0);
	ck_assert_int_eq(j->gap[3], EM / 4);
	ck_assert_int_eq(j->nspaced, 1);
	ck_assert_int_eq(jn->nspaced, 0);
	ck_assert_int_eq(jn->gap[3], 0);
	ck_assert_int_eq(jd->gap[0], EM / 4);
	ck_assert_int_eq(jd->gap[1], 0);
	ck_assert_int_eq(jd->gap[2], EM / 4);
	ck_assert_int_eq(jd->nspaced, 3);
}
END_TEST

START_TEST(test_no_space_next_to_punctuation)
{
	g_autoptr(Items) it = fake_items("“a”，b。");
	Style s = style_with(PUNCT_QUANSHEN);
	g_autoptr(Just) j = just_prepare(it, &s, 13 * EM, LB_JUSTIFY, false);
	ck_assert_int_eq(j->nspaced, 0);
	for (int i = 0; i < it->n; i++)
		ck_assert_int_eq(j->gap[i], 0);
}
END_TEST

START_TEST(test_flags)
{
	g_autoptr(Items) it = fake_items("中“文”。ab——c 1");
	Style s = style_with(PUNCT_QUANSHEN);
	g_autoptr(Just) j = just_prepare(it, &s, 13 * EM, LB_JUSTIFY, false);
	const uint8_t *f = j->flags;
	/* 0 中 1 “ 2 文 3 ” 4 。 5 a 6 b 7 — 8 — 9 c 10 space 11 1 */
	ck_assert_int_eq(it->n, 12);
	ck_assert_uint_eq(f[0], LB_BREAK_AFTER | LB_STRETCH_AFTER | LB_CORE);
	ck_assert_uint_eq(f[1], LB_STRETCH_AFTER);                  /* “ may not end a line */
	ck_assert_uint_eq(f[2], LB_STRETCH_AFTER | LB_CORE);        /* ” may not start one */
	ck_assert_uint_eq(f[3], LB_STRETCH_AFTER);                  /* nor 。 */
	ck_assert_uint_eq(f[4], LB_BREAK_AFTER | LB_STRETCH_AFTER); /* 。|a */
	ck_assert_uint_eq(f[5], LB_CORE);                           /* inside a word */
	ck_assert_uint_eq(f[6], LB_STRETCH_AFTER | LB_CORE); /* strict: no line starts with — */
	ck_assert_uint_eq(f[7], 0); /* —— never splits, takes no space inside */
	ck_assert_uint_eq(f[8], LB_BREAK_AFTER | LB_STRETCH_AFTER);
	ck_assert_uint_eq(f[9], LB_STRETCH_AFTER | LB_CORE); /* no break before a space */
	ck_assert_uint_eq(f[10], LB_BREAK_AFTER | LB_STRETCH_AFTER | LB_SPACE);
	ck_assert_uint_eq(f[11], LB_CORE); /* the last cluster: no break, no stretch */
}
END_TEST

START_TEST(test_space_shrinks)
{
	g_autoptr(Items) it = fake_items("ab cd");
	Style s = style_with(PUNCT_QUANSHEN);
	g_autoptr(Just) j = just_prepare(it, &s, 13 * EM, LB_JUSTIFY, false);
	g_autoptr(Just) b = just_prepare(it, &s, 13 * EM, LB_CENTER, true);
	ck_assert_uint_eq(j->flags[2] & LB_SPACE, LB_SPACE);
	ck_assert_uint_eq(j->flags[2] & LB_PREFER_AFTER, 0);
	ck_assert_uint_eq(b->flags[2] & LB_PREFER_AFTER, LB_PREFER_AFTER); /* headlines */
	ck_assert_int_eq(j->shrink_r[2], (EM / 4) / 3);
	ck_assert_int_eq(j->width[2], EM / 4);
}
END_TEST

START_TEST(test_kinsoku_levels)
{
	g_autoptr(Items) it = fake_items("中。ぁ“文");
	Style strict = style_with(PUNCT_QUANSHEN);
	Style basic = style_with(PUNCT_QUANSHEN);
	Style none = style_with(PUNCT_QUANSHEN);
	g_autoptr(Just) js = NULL;
	g_autoptr(Just) jb = NULL;
	g_autoptr(Just) jn = NULL;
	basic.kinsoku = KINSOKU_BASIC;
	none.kinsoku = KINSOKU_NONE;
	js = just_prepare(it, &strict, 13 * EM, LB_JUSTIFY, false);
	jb = just_prepare(it, &basic, 13 * EM, LB_JUSTIFY, false);
	jn = just_prepare(it, &none, 13 * EM, LB_JUSTIFY, false);
	ck_assert_uint_eq(js->flags[0] & LB_BREAK_AFTER, 0);
	ck_assert_uint_eq(js->flags[1] & LB_BREAK_AFTER, 0); /* small kana: strict */
	ck_assert_uint_eq(jb->flags[1] & LB_BREAK_AFTER, LB_BREAK_AFTER);
	ck_assert_uint_eq(jb->flags[3] & LB_BREAK_AFTER, 0);
	ck_assert_uint_eq(jn->flags[0] & LB_BREAK_AFTER, LB_BREAK_AFTER);
	ck_assert_uint_eq(jn->flags[3] & LB_BREAK_AFTER, LB_BREAK_AFTER);
}
END_TEST

START_TEST(test_hang_flag)
{
	g_autoptr(Items) it = fake_items("中，文。”（字");
	Style s = style_with(PUNCT_QUANSHEN);
	g_autoptr(Just) plain = just_prepare(it, &s, 13 * EM, LB_JUSTIFY, false);
	g_autoptr(Just) hang = NULL;
	s.hang = true;
	hang = just_prepare(it, &s, 13 * EM, LB_JUSTIFY, false);
	for (int i = 0; i < it->n; i++) {
		KClass k = it->cl[i].cls;
		bool want = k == KC_PAUSE || k == KC_STOP || k == KC_CLOSE;
		ck_assert_uint_eq(plain->flags[i] & LB_HANG, 0);
		ck_assert_msg(!!(hang->flags[i] & LB_HANG) == want, "cluster %d", i);
	}
}
END_TEST

START_TEST(test_break_input)
{
	g_autoptr(Items) it = fake_items("中文。");
	Style s = style_with(PUNCT_QUANSHEN);
	g_autoptr(Just) j = NULL;
	s.indent = 2 * EM;
	j = just_prepare(it, &s, 11 * EM, LB_RIGHT, true);
	ck_assert_int_eq(j->in.n, 3);
	ck_assert_ptr_eq(j->in.width, j->width);
	ck_assert_ptr_eq(j->in.shrink_l, j->shrink_l);
	ck_assert_ptr_eq(j->in.shrink_r, j->shrink_r);
	ck_assert_ptr_eq(j->in.gap, j->gap);
	ck_assert_ptr_eq(j->in.gap_shrink, j->gap_shrink);
	ck_assert_ptr_eq(j->in.flags, j->flags);
	ck_assert_int_eq(j->in.measure, 11 * EM);
	ck_assert_int_eq(j->in.indent, 2 * EM);
	ck_assert_int_eq(j->in.em, EM);
	ck_assert_int_eq(j->in.align, LB_RIGHT);
	ck_assert(j->in.balance);
}
END_TEST

START_TEST(test_with_line_breaker)
{
	/* 12 characters, then 。” : the pair takes 1.5 em, so 13.5 em of text must squeeze the
	 * remaining half em out of ” to stay on one line of 13 em */
	g_autoptr(Items) it = fake_items("一二三四五六七八九十甲乙。”");
	Style s = style_with(PUNCT_QUANSHEN);
	g_autoptr(Just) j = just_prepare(it, &s, 13 * EM + EM / 2, LB_JUSTIFY, false);
	g_autoptr(Lines) l = lines_break(&j->in);
	ck_assert_int_eq(l->n, 1);
	ck_assert_int_eq(l->lines[0].natural, 13 * EM + EM / 2);
	ck_assert_int_eq(l->lines[0].width, 13 * EM + EM / 2);
	ck_assert_uint_eq(l->lines[0].flags, LINE_LAST);
	ck_assert_int_eq(l->x[13], 12 * EM + EM / 2);
	/* at 13 em, with every other break taken away, the half em left in ” is squeezed */
	j->in.measure = 13 * EM;
	for (int i = 0; i < it->n; i++)
		j->flags[i] &= (uint8_t)~LB_BREAK_AFTER;
	{
		g_autoptr(Lines) m = lines_break(&j->in);
		ck_assert_int_eq(m->n, 1);
		ck_assert(m->lines[0].flags & LINE_SQUEEZED);
		ck_assert_int_eq(m->adv[13], EM / 2);
		ck_assert_int_eq(m->lines[0].width, 13 * EM);
	}
}
END_TEST

static Suite *
just_suite(void)
{
	Suite *s = suite_create("just");
	TCase *punct = tcase_create("punct");
	TCase *space = tcase_create("spacing");
	TCase *flags = tcase_create("flags");
	tcase_add_test(punct, test_pair_stop_close_quote);
	tcase_add_test(punct, test_pair_open_open);
	tcase_add_test(punct, test_pair_three_marks);
	tcase_add_test(punct, test_pair_quarter_blanks);
	tcase_add_test(punct, test_no_pair_with_ideographs);
	tcase_add_test(punct, test_banshen_and_kaiming);
	tcase_add_test(punct, test_plain_punctuation);
	tcase_add_test(space, test_cjk_latin_quarter_em);
	tcase_add_test(space, test_cjk_latin_off_and_digits);
	tcase_add_test(space, test_no_space_next_to_punctuation);
	tcase_add_test(space, test_space_shrinks);
	tcase_add_test(flags, test_flags);
	tcase_add_test(flags, test_kinsoku_levels);
	tcase_add_test(flags, test_hang_flag);
	tcase_add_test(flags, test_break_input);
	tcase_add_test(flags, test_with_line_breaker);
	suite_add_tcase(s, punct);
	suite_add_tcase(s, space);
	suite_add_tcase(s, flags);
	return s;
}

int
main(void)
{
	return unit_run(just_suite());
}
