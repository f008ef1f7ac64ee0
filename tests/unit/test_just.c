/* test_just.c - just.c: punctuation compression, CJK-Latin spacing and break flags over a
 * fake Items built in C (no fonts needed), and the display-text rules of the line breaker over
 * such paragraphs (ICU's word boundaries). */
#include "byline.h"
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

/* ---- display text: the breaker's rules over real text (ICU word boundaries) ---- */

/* clusters [start, end) of line i as a string */
static char *
line_text(const Items *it, const Lines *l, int i)
{
	const Line *ln = &l->lines[i];
	int b0 = it->cl[ln->start].start, b1 = it->cl[ln->end - 1].start + it->cl[ln->end - 1].len;
	return g_strndup(it->text + b0, b1 - b0);
}

/* the paragraph's lines joined by " / ", e.g. "老旧小区改造 / 让居民住得更舒心" */
static char *
set_display(const char *text, Style *s, int measure_em, bool balance, LineAlign align)
{
	g_autoptr(Items) it = fake_items(text);
	g_autoptr(Just) j = just_prepare(it, s, measure_em * EM, align, balance);
	g_autoptr(Lines) l = lines_break(&j->in);
	GString *out = g_string_new(NULL);
	for (int i = 0; i < l->n; i++) {
		g_autofree char *t = line_text(it, l, i);
		g_string_append_printf(out, "%s%s", i ? " / " : "", t);
	}
	return g_string_free(out, FALSE);
}

static Style
headline_style(int max_lines)
{
	Style s = style_with(PUNCT_QUANSHEN);
	s.align = ALIGN_CENTER;
	s.max_lines = max_lines;
	return s;
}

START_TEST(test_display_space_break)
{
	/* the author's space is the break, never 老旧小区改造 让 / 居民住得更舒心 */
	Style s = headline_style(2);
	g_autofree char *a = set_display("老旧小区改造 让居民住得更舒心", &s, 9, true, LB_CENTER);
	g_autofree char *b = set_display("一座桥连起的 不只是两岸", &s, 9, true, LB_CENTER);
	ck_assert_str_eq(a, "老旧小区改造 / 让居民住得更舒心");
	ck_assert_str_eq(b, "一座桥连起的 / 不只是两岸");
}
END_TEST

START_TEST(test_display_spaces_missed)
{
	/* breaking only at the space needs 8 em: at 7.5 em max-lines 2 is kept by breaking
	 * elsewhere, and the caller is told (it may squeeze and try again) */
	Style s = headline_style(2);
	g_autoptr(Items) it = fake_items("老旧小区改造 让居民住得更舒心");
	g_autoptr(Just) j = just_prepare(it, &s, 7 * EM + EM / 2, LB_CENTER, true);
	g_autoptr(Lines) l = lines_break(&j->in);
	ck_assert_int_eq(l->n, 2);
	ck_assert(l->spaces_missed);
	j->in.measure = 8 * EM;
	{
		g_autoptr(Lines) m = lines_break(&j->in);
		ck_assert_int_eq(m->n, 2);
		ck_assert(!m->spaces_missed);
		ck_assert_int_eq(m->lines[0].end, 6);
	}
}
END_TEST

START_TEST(test_display_word_kept)
{
	/* 17 characters on two lines: 8/9 splits 走进, 10/7 splits 江城 (two one-character
	 * words to the dictionary), 9/8 splits the verb 走进 from its object 江城 (phrase.c);
	 * 7/10 breaks between subject and predicate */
	Style s = headline_style(2);
	g_autofree char *a =
	    set_display("国家级专家团队走进江城开展专题调研", &s, 10, true, LB_CENTER);
	g_autofree char *b = set_display("市区两级联动推进老旧小区改造", &s, 8, true, LB_CENTER);
	/* at 9 em (the 2-column module unsqueezed) only 9/8 keeps the words whole: it is
	 * taken, with a defect, and the caller squeezes to find the 7/10 (flowctx_fit_lines) */
	g_autofree char *c =
	    set_display("国家级专家团队走进江城开展专题调研", &s, 9, true, LB_CENTER);
	ck_assert_str_eq(a, "国家级专家团队 / 走进江城开展专题调研");
	ck_assert_str_eq(c, "国家级专家团队走进 / 江城开展专题调研");
	/* the even 7/7 splits 推进, 8/6 splits the verb 推进 from its object: 6/8 */
	ck_assert_str_eq(b, "市区两级联动 / 推进老旧小区改造");
}
END_TEST

START_TEST(test_display_date_kept)
{
	/* a date is one figure in display text: not 全市供暖1月 / 15日起全面提温, and 起 goes
	 * with it: not 全市供暖1月15日 / 起全面提温 */
	Style s = headline_style(2);
	g_autofree char *a = set_display("全市供暖1月15日起全面提温", &s, 9, true, LB_CENTER);
	g_autofree char *b = set_display("调研报告将于1月15日前形成", &s, 9, true, LB_CENTER);
	ck_assert_str_eq(a, "全市供暖1月15日起 / 全面提温");
	ck_assert(strstr(b, "日 / 前") == NULL);
}
END_TEST

START_TEST(test_display_no_short_line)
{
	/* never 1-2 characters on a line of display text: not 走进社区 结合基层治理谈 / 变化 */
	Style s = headline_style(0);
	g_autofree char *a = set_display("走进社区 结合基层治理谈变化", &s, 13, true, LB_CENTER);
	g_autofree char *b = set_display("社区结合基层治理谈变化更新", &s, 11, true, LB_CENTER);
	ck_assert_str_eq(a, "走进社区 / 结合基层治理谈变化");
	ck_assert_int_eq((int)strlen(b), 13 * 3 + 3);
	ck_assert(!g_str_has_suffix(b, " / 更新") && !g_str_has_suffix(b, " / 新"));
	/* a space that would leave two characters alone is not taken when other breaks avoid
	 * it: 治气 / 盯住重点时段和关键点位 */
	{
		g_autofree char *c =
		    set_display("治气 盯住重点时段和关键点位", &s, 11, true, LB_CENTER);
		ck_assert_str_eq(c, "治气 盯住重点 / 时段和关键点位");
	}
	/* 江城 迎初雪 at 4 em: the spaces' break leaves 江城, a short line the caller may not
	 * narrow glyphs for (short_parts); 江城迎初 / 雪 is no way out */
	{
		g_autoptr(Items) it = fake_items("江城 迎初雪");
		g_autoptr(Just) j = just_prepare(it, &s, 4 * EM, LB_CENTER, true);
		g_autoptr(Lines) l = lines_break(&j->in);
		ck_assert_int_eq(l->n, 2);
		ck_assert_int_eq(l->lines[0].end, 2);
		ck_assert_int_eq(l->short_parts, 1);
		ck_assert_double_eq(l->defects, 10);
	}
	{ /* not counted where the two characters are not a whole part */
		g_autoptr(Items) it = fake_items("江城迎初雪");
		g_autoptr(Just) j = just_prepare(it, &s, 4 * EM, LB_CENTER, true);
		g_autoptr(Lines) l = lines_break(&j->in);
		ck_assert_int_eq(l->short_parts, 0);
	}
}
END_TEST

START_TEST(test_notice_no_lone_lines)
{
	/* 王 / 建 / 国 / 遗失 4399011988010112345 / 1号工作证 was three unjustifiable
	 * one-character lines; no line holds one character now, and the ID number stays whole
	 * (justified or ragged right) */
	static const LineAlign aligns[] = {LB_JUSTIFY, LB_LEFT};
	Style s = style_with(PUNCT_QUANSHEN);
	s.kinsoku = KINSOKU_BASIC;
	for (int k = 0; k < 2; k++) {
		g_autoptr(Items) it = fake_items("王建国 遗失 4399011988010112345 1号工作证");
		g_autoptr(Just) j = just_prepare(it, &s, 13 * EM, aligns[k], false);
		g_autoptr(Lines) l = lines_break(&j->in);
		g_autofree char *first = line_text(it, l, 0);
		ck_assert_str_eq(first, "王建国 遗失");
		for (int i = 0; i < l->n; i++) {
			g_autofree char *t = line_text(it, l, i);
			ck_assert_msg(lines_core_count(&j->in, &l->lines[i]) > 1, "line %d: %s", i,
			              t);
			if (i == 1)
				ck_assert(g_str_has_prefix(t, "4399011988010112345"));
		}
		ck_assert_double_eq(l->defects, 0);
	}
}
END_TEST

START_TEST(test_byline_parts)
{
	/* bylines break between parts only, never inside a name (not 通讯员 邹 / 子涵), and
	 * between one reporter and the next rather than between a role and its name */
	Style s = style_with(PUNCT_QUANSHEN);
	g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;
	s.space_breaks = true;
	a = set_display("本报记者 唐亚楠 通讯员 邹子涵", &s, 13, false, LB_LEFT);
	ck_assert_str_eq(a, "本报记者 唐亚楠 / 通讯员 邹子涵");
	/* justified, a full first line would be …通讯员 邹子 / 涵 */
	d = set_display("本报记者 唐亚楠 通讯员 邹子涵", &s, 13, false, LB_JUSTIFY);
	ck_assert_str_eq(d, "本报记者 唐亚楠 通讯员 / 邹子涵");
	b = set_display("全媒体记者/欧阳晓燕 周晓彤", &s, 11, false, LB_LEFT);
	ck_assert_str_eq(b, "全媒体记者/欧阳晓燕 / 周晓彤");
	c = set_display("本报讯（全媒体记者 周晓彤 通讯员 杨立群）", &s, 13, false, LB_LEFT);
	ck_assert_str_eq(c, "本报讯（全媒体记者 周晓彤 / 通讯员 杨立群）");
	{ /* a part longer than the line breaks inside, once, and is no forced break */
		g_autoptr(Items) it = fake_items("新华社北京11月27日电（记者 张三）");
		g_autoptr(Just) j = just_prepare(it, &s, 8 * EM, LB_LEFT, false);
		g_autoptr(Lines) l = lines_break(&j->in);
		ck_assert_int_eq(l->n, 2);
		ck_assert_double_eq(l->defects, 1);
		for (int i = 0; i < l->n; i++)
			ck_assert(!(l->lines[i].flags & LINE_FORCED));
	}
}
END_TEST

START_TEST(test_byline_names_aligned)
{
	/* a byline's continuation lines set on its names: 通讯员 ends where 本报记者 ends, so
	 * that 邹子涵 stands under 唐亚楠; a line of names starts under the first name; a line
	 * that would pass the measure, or a byline whose first line opens with no role, stays
	 * flush left */
	Style s = style_with(PUNCT_QUANSHEN);
	s.space_breaks = true;
	{
		g_autoptr(Items) it = fake_items("本报记者 唐亚楠 通讯员 邹子涵");
		g_autoptr(Just) j = just_prepare(it, &s, 13 * EM, LB_LEFT, false);
		g_autoptr(Lines) l = lines_break(&j->in);
		ck_assert_int_eq(l->n, 2);
		byline_align_names(it, l, 13 * EM);
		ck_assert_int_eq(l->lines[0].inset, 0);
		ck_assert_int_eq(l->lines[1].inset, EM);
		ck_assert_int_eq(l->x[l->lines[1].start + 4], l->x[5]); /* 邹 under 唐 */
		ck_assert_int_eq(l->x[l->lines[1].start], EM);
	}
	{
		g_autoptr(Items) it = fake_items("本报记者 司马相如 上官婉清 欧阳晓燕");
		g_autoptr(Just) j = just_prepare(it, &s, 14 * EM, LB_LEFT, false);
		g_autoptr(Lines) l = lines_break(&j->in);
		ck_assert_int_eq(l->n, 2);
		byline_align_names(it, l, 14 * EM);
		ck_assert_int_eq(l->x[l->lines[1].start], l->x[5]); /* 欧 under 司 */
	}
	{ /* 全媒体记者 is longer than 通讯员 by two: the line moves in by two ems, and not
	   * when that passes the measure */
		g_autoptr(Items) it = fake_items("全媒体记者 唐亚楠 通讯员 邹子涵欧阳晓燕");
		g_autoptr(Just) j = just_prepare(it, &s, 12 * EM, LB_LEFT, false);
		g_autoptr(Lines) l = lines_break(&j->in);
		ck_assert_int_eq(l->n, 2);
		byline_align_names(it, l, 12 * EM);
		ck_assert_int_eq(l->lines[1].inset, 0);
	}
	{
		g_autoptr(Items) it = fake_items("■ 本报评论员 何清 通讯员 邹子涵");
		g_autoptr(Just) j = just_prepare(it, &s, 10 * EM, LB_LEFT, false);
		g_autoptr(Lines) l = lines_break(&j->in);
		ck_assert_int_eq(l->n, 2);
		byline_align_names(it, l, 10 * EM);
		ck_assert_int_eq(l->lines[1].inset, 0);
	}
}
END_TEST

START_TEST(test_unit_flags)
{
	/* a number and its unit: a break there is marked in-word, in body text too */
	g_autoptr(Items) it = fake_items("全长628米，1月15日");
	Style s = style_with(PUNCT_QUANSHEN);
	g_autoptr(Just) j = just_prepare(it, &s, 13 * EM, LB_JUSTIFY, false);
	ck_assert(j->flags[4] & LB_INWORD);    /* 8|米 */
	ck_assert(j->flags[7] & LB_INWORD);    /* 1|月 */
	ck_assert(!(j->flags[8] & LB_INWORD)); /* 月|1 */
	ck_assert(j->flags[10] & LB_INWORD);   /* 5|日 */
	ck_assert(!(j->flags[1] & LB_INWORD)); /* the body is not segmented: 全|长 */
}
END_TEST

START_TEST(test_display_word_flags)
{
	g_autoptr(Items) it = fake_items("走进江城开展调研");
	Style s = headline_style(2);
	g_autoptr(Just) j = just_prepare(it, &s, 13 * EM, LB_CENTER, true);
	ck_assert(j->flags[0] & LB_INWORD);                /* 走|进 */
	ck_assert(j->flags[1] & LB_INWORD);                /* 走进|江: a verb and its object */
	ck_assert(j->flags[2] & LB_WEAK);                  /* 江|城: one-character words */
	ck_assert(!(j->flags[3] & (LB_INWORD | LB_WEAK))); /* 城|开展 */
	ck_assert(j->flags[5] & LB_INWORD);                /* 开展|调研 */
}
END_TEST

START_TEST(test_body_splits_word)
{
	/* body text asks ICU about one break at a time, on a few characters around it */
	g_autoptr(Items) it = fake_items("依托澄江流域的茶叶、柑橘等特色产业");
	Style s = style_with(PUNCT_QUANSHEN);
	g_autoptr(Just) j = just_prepare(it, &s, 13 * EM, LB_JUSTIFY, false);
	ck_assert_ptr_nonnull(j->in.splits_word);
	ck_assert(j->in.splits_word(j->in.word_ctx, 11));  /* 柑|橘 */
	ck_assert(!j->in.splits_word(j->in.word_ctx, 12)); /* 柑橘|等 */
	ck_assert(j->in.splits_word(j->in.word_ctx, 3));   /* 澄|江 */
	ck_assert(!j->in.splits_word(j->in.word_ctx, 10)); /* 、|柑: not between ideographs */
	{ /* display text and bylines are segmented whole instead */
		Style h = headline_style(2);
		g_autoptr(Just) k = just_prepare(it, &h, 13 * EM, LB_CENTER, true);
		ck_assert_ptr_null(k->in.splits_word);
	}
}
END_TEST

START_TEST(test_display_date_particle_flags)
{
	g_autoptr(Items) it = fake_items("3天后12日起20时止");
	Style s = headline_style(2);
	g_autoptr(Just) j = just_prepare(it, &s, 13 * EM, LB_CENTER, true);
	ck_assert(j->flags[1] & LB_INWORD);    /* 3天|后 */
	ck_assert(!(j->flags[2] & LB_INWORD)); /* 后|12 */
	ck_assert(j->flags[5] & LB_INWORD);    /* 12日|起 */
	ck_assert(j->flags[9] & LB_INWORD);    /* 20时|止 */
	{ /* the body is not segmented: a break there costs nothing more */
		Style b = style_with(PUNCT_QUANSHEN);
		g_autoptr(Just) k = just_prepare(it, &b, 13 * EM, LB_JUSTIFY, false);
		ck_assert(!(k->flags[5] & LB_INWORD));
	}
}
END_TEST

START_TEST(test_pair_across_space)
{
	/* ” “ around a headline space: 1.5 em, the space taking nothing, still the break */
	g_autoptr(Items) it = fake_items("“江城” “两岸”");
	Style s = headline_style(2);
	g_autoptr(Just) j = just_prepare(it, &s, 13 * EM, LB_CENTER, true);
	ck_assert_int_eq(sum_width(j, 3, 6), EM + EM / 2);
	ck_assert_int_eq(j->width[4], 0);
	ck_assert(j->flags[4] & LB_PREFER_AFTER);
	ck_assert(j->flags[4] & LB_BREAK_AFTER);
	/* not in the body: the space there is the author's business */
	{
		g_autoptr(Just) k = just_prepare(it, &s, 13 * EM, LB_JUSTIFY, false);
		ck_assert_int_eq(sum_width(k, 3, 6), 2 * EM + EM / 4);
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
	TCase *display = tcase_create("display");
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
	tcase_add_test(display, test_display_space_break);
	tcase_add_test(display, test_display_spaces_missed);
	tcase_add_test(display, test_display_word_kept);
	tcase_add_test(display, test_display_date_kept);
	tcase_add_test(display, test_display_no_short_line);
	tcase_add_test(display, test_notice_no_lone_lines);
	tcase_add_test(display, test_byline_parts);
	tcase_add_test(display, test_byline_names_aligned);
	tcase_add_test(display, test_unit_flags);
	tcase_add_test(display, test_display_word_flags);
	tcase_add_test(display, test_display_date_particle_flags);
	tcase_add_test(display, test_body_splits_word);
	tcase_add_test(display, test_pair_across_space);
	suite_add_tcase(s, flags);
	suite_add_tcase(s, display);
	return s;
}

int
main(void)
{
	return unit_run(just_suite());
}
