/* test_lines.c - lines.c: the line breaker as a pure function over hand-built arrays. */
#include "lines.h"
#include "unit.h"

#define EM         9216 /* 9 pt */
#define CORE_FLAGS (LB_BREAK_AFTER | LB_STRETCH_AFTER | LB_CORE)

/* A paragraph of n clusters of one em, each breakable and stretchable after, at a measure of
 * `chars` em; tests then change what they need. */
typedef struct {
	int n;
	Len *width, *shrink_l, *shrink_r, *gap, *gap_shrink;
	uint8_t *flags;
	BreakInput in;
} Para;

static Para *
para_new(int n, int chars)
{
	Para *p = g_new0(Para, 1);
	p->n = n;
	p->width = g_new0(Len, n + 1);
	p->shrink_l = g_new0(Len, n + 1);
	p->shrink_r = g_new0(Len, n + 1);
	p->gap = g_new0(Len, n + 1);
	p->gap_shrink = g_new0(Len, n + 1);
	p->flags = g_new0(uint8_t, n + 1);
	for (int i = 0; i < n; i++) {
		p->width[i] = EM;
		p->flags[i] = i + 1 < n ? CORE_FLAGS : LB_CORE;
	}
	p->in = (BreakInput){
	    .n = n,
	    .width = p->width,
	    .shrink_l = p->shrink_l,
	    .shrink_r = p->shrink_r,
	    .gap = p->gap,
	    .gap_shrink = p->gap_shrink,
	    .flags = p->flags,
	    .measure = chars * EM,
	    .indent = 0,
	    .em = EM,
	    .align = LB_JUSTIFY,
	    .balance = false,
	};
	return p;
}

static void
para_free(Para *p)
{
	g_free(p->width);
	g_free(p->shrink_l);
	g_free(p->shrink_r);
	g_free(p->gap);
	g_free(p->gap_shrink);
	g_free(p->flags);
	g_free(p);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(Para, para_free)

/* a full-width punctuation mark: one em with half an em of blank on one side */
static void
set_punct(Para *p, int i, bool left_blank)
{
	p->shrink_l[i] = left_blank ? EM / 2 : 0;
	p->shrink_r[i] = left_blank ? 0 : EM / 2;
	p->flags[i] &= (uint8_t)~LB_CORE;
}

/* no line may end after cluster i */
static void
no_break_after(Para *p, int i)
{
	p->flags[i] &= (uint8_t)~LB_BREAK_AFTER;
}

/* Invariants every result must hold; returns the lines for more checks. */
static Lines *
break_checked(const Para *p)
{
	Lines *l = lines_break(&p->in);
	const BreakInput *in = &p->in;
	ck_assert_ptr_nonnull(l);
	ck_assert_int_eq(l->nclusters, in->n);
	if (in->n == 0) {
		ck_assert_int_eq(l->n, 0);
		return l;
	}
	ck_assert_int_ge(l->n, 1);
	ck_assert_int_eq(l->lines[0].start, 0);
	for (int i = 0; i < l->n; i++) {
		const Line *ln = &l->lines[i];
		bool last = i == l->n - 1;
		ck_assert_int_lt(ln->start, ln->end);
		ck_assert_int_le(ln->end, ln->next);
		ck_assert_int_eq(ln->avail, in->measure - (i == 0 ? in->indent : in->hang_indent));
		ck_assert_msg(!!(ln->flags & LINE_LAST) == last, "LINE_LAST on line %d of %d", i,
		              l->n);
		if (!last) {
			ck_assert_int_eq(ln->next, l->lines[i + 1].start);
			/* a break where none is allowed only in an emergency, and then flagged */
			if (!(in->flags[ln->next - 1] & LB_BREAK_AFTER))
				ck_assert_msg(ln->flags & LINE_FORCED,
				              "line %d ends at %d without "
				              "LB_BREAK_AFTER",
				              i, ln->next);
		} else {
			ck_assert_int_eq(ln->next, in->n);
		}
		for (int c = ln->start; c < ln->next; c++)
			ck_assert_msg(l->drawn[c] == (c < ln->end), "cluster %d drawn=%d", c,
			              l->drawn[c]);
		for (int c = ln->start + 1; c < ln->end; c++)
			ck_assert_int_ge(l->x[c], l->x[c - 1] + l->adv[c - 1]);
		ck_assert_int_eq(l->x[ln->start] - (i == 0 ? in->indent : in->hang_indent) >= 0, 1);
	}
	return l;
}

/* text width of line i: from its first pen position to the end of its last cluster */
static Len
ink_width(const Lines *l, int i)
{
	const Line *ln = &l->lines[i];
	return l->x[ln->end - 1] + l->adv[ln->end - 1] - l->x[ln->start];
}

START_TEST(test_thirty_clusters)
{
	g_autoptr(Para) p = para_new(30, 13);
	g_autoptr(Lines) l = break_checked(p);
	static const int starts[] = {0, 13, 26}, ends[] = {13, 26, 30};
	ck_assert_int_eq(l->n, 3);
	for (int i = 0; i < 3; i++) {
		const Line *ln = &l->lines[i];
		ck_assert_int_eq(ln->start, starts[i]);
		ck_assert_int_eq(ln->end, ends[i]);
		ck_assert_int_eq(ln->next, ends[i]);
		ck_assert_int_eq(ln->avail, 13 * EM);
		ck_assert_int_eq(ln->natural, (ends[i] - starts[i]) * EM);
		ck_assert_int_eq(ln->width, (ends[i] - starts[i]) * EM);
		ck_assert_int_eq(ln->per_gap, 0);
		ck_assert_int_eq(ln->gaps, 0);
	}
	ck_assert_uint_eq(l->lines[0].flags, 0);
	ck_assert_uint_eq(l->lines[1].flags, 0);
	ck_assert_uint_eq(l->lines[2].flags, LINE_LAST);
	for (int c = 0; c < 30; c++) {
		ck_assert_int_eq(l->x[c], (c % 13) * EM);
		ck_assert_int_eq(l->adv[c], EM);
		ck_assert_int_eq(l->shift[c], 0);
		ck_assert(l->drawn[c]);
	}
	/* three lines of (10 + 0)^2 demerits */
	ck_assert_double_eq_tol(l->demerits, 300.0, 1e-9);
	ck_assert_int_eq(lines_core_count(&p->in, &l->lines[2]), 4);
}
END_TEST

START_TEST(test_first_line_indent)
{
	g_autoptr(Para) p = para_new(30, 13);
	g_autoptr(Lines) l = NULL;
	p->in.indent = 2 * EM;
	l = break_checked(p);
	ck_assert_int_eq(l->n, 3);
	ck_assert_int_eq(l->lines[0].end, 11);
	ck_assert_int_eq(l->lines[0].avail, 11 * EM);
	ck_assert_int_eq(l->lines[0].width, 11 * EM); /* the indent is not part of the width */
	ck_assert_int_eq(l->lines[1].end, 24);
	ck_assert_int_eq(l->lines[1].avail, 13 * EM);
	ck_assert_int_eq(l->x[0], 2 * EM);
	ck_assert_int_eq(l->x[10], 12 * EM);
	ck_assert_int_eq(l->x[11], 0);
}
END_TEST

START_TEST(test_hanging_indent)
{
	/* notice items: the continuation lines are indented (1 em), the first line is not */
	g_autoptr(Para) p = para_new(30, 13);
	g_autoptr(Lines) l = NULL;
	p->in.align = LB_LEFT;
	p->in.hang_indent = EM;
	l = break_checked(p);
	ck_assert_int_eq(l->n, 3);
	ck_assert_int_eq(l->lines[0].end, 13);
	ck_assert_int_eq(l->lines[0].avail, 13 * EM);
	ck_assert_int_eq(l->x[0], 0);
	ck_assert_int_eq(l->lines[1].end, 25);
	ck_assert_int_eq(l->lines[1].avail, 12 * EM);
	ck_assert_int_eq(l->lines[1].width, 12 * EM); /* the indent is not part of the width */
	ck_assert_int_eq(l->x[13], EM);
	ck_assert_int_eq(l->x[25], EM);
}
END_TEST

START_TEST(test_keep_words)
{
	/* ragged text (a notice item) of 16 one-em clusters at 10 em, a word 9|10 across the
	 * end of a full first line (…有限公 / 司): without keep_words the full line is taken;
	 * with it the break inside the word is a defect and the line ends before the word */
	g_autoptr(Para) p = para_new(16, 10);
	p->in.align = LB_LEFT;
	p->flags[9] |= LB_INWORD;
	p->flags[8] |= LB_INWORD;
	{
		g_autoptr(Lines) l = break_checked(p);
		ck_assert_int_eq(l->lines[0].end, 10);
	}
	p->in.keep_words = true;
	{
		g_autoptr(Lines) l = break_checked(p);
		ck_assert_int_eq(l->n, 2);
		ck_assert_int_eq(l->lines[0].end, 8);
		ck_assert_double_eq(l->defects, 0);
	}
	/* a break between two one-character words (LB_WEAK, a name) is avoided too */
	p->flags[7] |= LB_WEAK;
	{
		g_autoptr(Lines) l = break_checked(p);
		ck_assert_int_eq(l->lines[0].end, 7);
	}
}
END_TEST

START_TEST(test_justification_per_gap)
{
	/* lines may end only after clusters 11 and 23: two lines of 12 em in 13 em */
	g_autoptr(Para) p = para_new(26, 13);
	g_autoptr(Lines) l = NULL;
	for (int i = 0; i < 25; i++)
		if (i != 11 && i != 23)
			no_break_after(p, i);
	l = break_checked(p);
	ck_assert_int_eq(l->n, 3);
	ck_assert_int_eq(l->lines[0].end, 12);
	ck_assert_int_eq(l->lines[1].end, 24);
	ck_assert_int_eq(l->lines[2].end, 26);
	for (int i = 0; i < 2; i++) {
		const Line *ln = &l->lines[i];
		ck_assert_int_eq(ln->natural, 12 * EM);
		ck_assert_int_eq(ln->gaps, 11);
		ck_assert_int_eq(ln->per_gap, EM / 11); /* 837 */
		ck_assert_int_eq(ln->width, 13 * EM);
		/* the 13th character would have fitted, but no line may end after it */
		ck_assert_uint_eq(ln->flags, LINE_STRETCHED | LINE_PUSHED_OUT);
	}
	/* 9216 = 11 * 837 + 9: the first 9 gaps take one unit more */
	for (int c = 1; c < 12; c++) {
		Len gapw = l->x[c] - l->x[c - 1] - l->adv[c - 1];
		ck_assert_int_eq(gapw, c <= 9 ? 838 : 837);
	}
	ck_assert_int_eq(l->x[11] + l->adv[11], 13 * EM); /* flush right */
	ck_assert_int_eq(l->x[12], 0);
	ck_assert_int_eq(l->x[23] + l->adv[23], 13 * EM);
	/* the last line is set solid */
	ck_assert_int_eq(l->lines[2].width, 2 * EM);
	ck_assert_int_eq(l->lines[2].gaps, 0);
	ck_assert_int_eq(l->x[25], EM);
}
END_TEST

START_TEST(test_justification_only_where_allowed)
{
	/* only the gaps after even clusters take justification space (no gap inside a word) */
	g_autoptr(Para) p = para_new(20, 13);
	g_autoptr(Lines) l = NULL;
	for (int i = 0; i < 19; i++) {
		if (i % 2)
			p->flags[i] &= (uint8_t)~LB_STRETCH_AFTER;
		if (i != 11)
			no_break_after(p, i);
	}
	l = break_checked(p);
	ck_assert_int_eq(l->n, 2);
	ck_assert_int_eq(l->lines[0].end, 12);
	ck_assert_int_eq(l->lines[0].gaps, 6);
	ck_assert_int_eq(l->lines[0].per_gap, EM / 6);
	for (int c = 1; c < 12; c++) {
		Len gapw = l->x[c] - l->x[c - 1] - l->adv[c - 1];
		ck_assert_int_eq(gapw, (c - 1) % 2 == 0 ? EM / 6 : 0);
	}
	ck_assert_int_eq(l->lines[0].width, 13 * EM);
	ck_assert(!(l->lines[0].flags & LINE_LOOSE)); /* 1536 < 2304 */
}
END_TEST

START_TEST(test_loose_line)
{
	/* a break allowed only after cluster 4: 8 em of space over 4 gaps */
	g_autoptr(Para) p = para_new(18, 13);
	g_autoptr(Lines) l = NULL;
	for (int i = 0; i < 17; i++)
		if (i != 4)
			no_break_after(p, i);
	l = break_checked(p);
	ck_assert_int_eq(l->n, 2);
	ck_assert_int_eq(l->lines[0].end, 5);
	ck_assert_int_eq(l->lines[0].per_gap, 2 * EM);
	ck_assert_uint_eq(l->lines[0].flags, LINE_STRETCHED | LINE_LOOSE | LINE_PUSHED_OUT);
	ck_assert_int_eq(l->lines[0].width, 13 * EM);
	ck_assert_int_eq(l->lines[1].end, 18);
	ck_assert_uint_eq(l->lines[1].flags, LINE_LAST);
}
END_TEST

START_TEST(test_no_break_without_flag)
{
	/* the 14th cluster may not start a line (no break after the 13th) */
	g_autoptr(Para) p = para_new(30, 13);
	g_autoptr(Lines) l = NULL;
	no_break_after(p, 12);
	l = break_checked(p);
	ck_assert_int_ne(l->lines[0].next, 13);
	ck_assert_int_eq(l->lines[0].next, 12); /* pushed out: 12 em justified */
	ck_assert(l->lines[0].flags & LINE_STRETCHED);
	ck_assert(l->lines[0].flags & LINE_PUSHED_OUT);
	ck_assert_int_eq(l->lines[0].width, 13 * EM);
	for (int i = 0; i + 1 < l->n; i++)
		ck_assert(p->flags[l->lines[i].next - 1] & LB_BREAK_AFTER);
}
END_TEST

START_TEST(test_breaks_only_at_flags)
{
	/* breaks allowed after every third cluster only */
	g_autoptr(Para) p = para_new(40, 13);
	g_autoptr(Lines) l = NULL;
	for (int i = 0; i < 39; i++)
		if (i % 3 != 2)
			no_break_after(p, i);
	l = break_checked(p);
	for (int i = 0; i + 1 < l->n; i++) {
		ck_assert_int_eq(l->lines[i].next % 3, 0);
		ck_assert_int_le(l->lines[i].next - l->lines[i].start, 13);
		ck_assert(!(l->lines[i].flags & LINE_FORCED));
	}
}
END_TEST

START_TEST(test_squeeze_punctuation_forced)
{
	/* 14 clusters and no break at all: the line must push in one em, taken from the blanks
	 * of three marks (right, left, right) in proportion */
	g_autoptr(Para) p = para_new(14, 13);
	g_autoptr(Lines) l = NULL;
	for (int i = 0; i < 13; i++)
		no_break_after(p, i);
	set_punct(p, 3, false);
	set_punct(p, 5, true);
	set_punct(p, 13, false);
	l = break_checked(p);
	ck_assert_int_eq(l->n, 1);
	ck_assert_int_eq(l->lines[0].end, 14);
	ck_assert_int_eq(l->lines[0].natural, 14 * EM);
	ck_assert_int_eq(l->lines[0].width, 13 * EM);
	ck_assert_uint_eq(l->lines[0].flags, LINE_LAST | LINE_SQUEEZED);
	ck_assert_int_eq(l->adv[3], EM - EM / 3);
	ck_assert_int_eq(l->shift[3], 0);
	ck_assert_int_eq(l->adv[5], EM - EM / 3);
	ck_assert_int_eq(l->shift[5], -EM / 3); /* a left blank squeezed moves the glyph left */
	ck_assert_int_eq(l->adv[13], EM - EM / 3);
	ck_assert_int_eq(l->adv[0], EM);
	ck_assert_int_eq(l->x[4], 3 * EM + EM - EM / 3);
	ck_assert_int_eq(l->x[13] + l->adv[13], 13 * EM);
	/* squeeze badness 60 * (2/3)^3 */
	ck_assert_double_eq_tol(l->demerits, (10 + 60.0 * 8 / 27) * (10 + 60.0 * 8 / 27), 1e-6);
}
END_TEST

START_TEST(test_squeeze_punctuation_preferred)
{
	/* the 14th cluster is 。 (may not start a line); the first 14 clusters hold six more
	 * marks, so pushing the 。 in costs little: two lines instead of three */
	g_autoptr(Para) p = para_new(27, 13);
	g_autoptr(Lines) l = NULL;
	for (int i = 1; i <= 11; i += 2)
		set_punct(p, i, false);
	set_punct(p, 13, false);
	no_break_after(p, 12);
	l = break_checked(p);
	ck_assert_int_eq(l->n, 2);
	ck_assert_int_eq(l->lines[0].end, 14);
	ck_assert(l->lines[0].flags & LINE_SQUEEZED);
	ck_assert(!(l->lines[0].flags & LINE_OVERFULL));
	ck_assert_int_eq(l->lines[0].width, 13 * EM);
	/* one em over 7 half-em blanks: 1316 or 1317 each */
	for (int i = 1; i <= 13; i += 2) {
		int take = EM - l->adv[i];
		ck_assert_int_ge(take, EM / 7);
		ck_assert_int_le(take, EM / 7 + 1);
	}
	ck_assert_int_eq(l->adv[0], EM);
	ck_assert_int_eq(l->lines[1].start, 14);
	ck_assert_int_eq(l->lines[1].width, 13 * EM);
}
END_TEST

START_TEST(test_squeeze_spacing_after_punctuation)
{
	/* punctuation blanks go first, then CJK-Latin spacing down to 1/8 em */
	g_autoptr(Para) p = para_new(13, 13);
	g_autoptr(Lines) l = NULL;
	p->shrink_r[6] = EM / 4; /* a colon-like mark with a quarter em each side */
	p->shrink_l[6] = 0;
	p->gap[9] = p->gap[10] = EM / 4;
	p->gap_shrink[9] = p->gap_shrink[10] = EM / 8;
	for (int i = 0; i < 12; i++)
		no_break_after(p, i);
	l = break_checked(p);
	ck_assert_int_eq(l->n, 1);
	ck_assert_int_eq(l->lines[0].natural, 13 * EM + EM / 2);
	ck_assert_int_eq(l->lines[0].width, 13 * EM);
	ck_assert(l->lines[0].flags & LINE_SQUEEZED);
	ck_assert_int_eq(l->adv[6], EM - EM / 4);
	ck_assert_int_eq(l->x[10] - l->x[9] - l->adv[9], EM / 8);
	ck_assert_int_eq(l->x[11] - l->x[10] - l->adv[10], EM / 8);
	ck_assert_int_eq(l->x[12] + l->adv[12], 13 * EM);
}
END_TEST

START_TEST(test_spacing_kept_when_not_squeezed)
{
	g_autoptr(Para) p = para_new(10, 13);
	g_autoptr(Lines) l = NULL;
	p->gap[3] = EM / 4;
	p->gap_shrink[3] = EM / 8;
	l = break_checked(p);
	ck_assert_int_eq(l->lines[0].natural, 10 * EM + EM / 4);
	ck_assert_int_eq(l->x[4], 4 * EM + EM / 4);
	ck_assert_int_eq(l->lines[0].width, 10 * EM + EM / 4);
}
END_TEST

START_TEST(test_overfull_cluster)
{
	g_autoptr(Para) p = para_new(1, 13);
	g_autoptr(Lines) l = NULL;
	p->width[0] = 20 * EM;
	l = break_checked(p);
	ck_assert_int_eq(l->n, 1);
	ck_assert(l->lines[0].flags & LINE_OVERFULL);
	ck_assert(l->lines[0].flags & LINE_LAST);
	ck_assert_int_eq(l->lines[0].width, 20 * EM);
}
END_TEST

START_TEST(test_overfull_cluster_in_paragraph)
{
	/* one unbreakable 20 em cluster among ordinary ones gets a line of its own */
	g_autoptr(Para) p = para_new(21, 13);
	g_autoptr(Lines) l = NULL;
	p->width[10] = 20 * EM;
	l = break_checked(p);
	for (int i = 0; i < l->n; i++) {
		const Line *ln = &l->lines[i];
		if (ln->start <= 10 && 10 < ln->end) {
			ck_assert_int_eq(ln->start, 10);
			ck_assert_int_eq(ln->end, 11);
			ck_assert(ln->flags & LINE_OVERFULL);
		} else {
			ck_assert(!(ln->flags & LINE_OVERFULL));
			ck_assert_int_le(ln->natural, ln->avail);
		}
		ck_assert(!(ln->flags & LINE_FORCED));
	}
}
END_TEST

START_TEST(test_emergency_breaks)
{
	/* a long run with no break flag at all (a URL, a long number) */
	g_autoptr(Para) p = para_new(30, 13);
	g_autoptr(Lines) l = NULL;
	for (int i = 0; i < 30; i++)
		no_break_after(p, i);
	l = break_checked(p);
	ck_assert_int_eq(l->n, 3);
	ck_assert_int_eq(l->lines[0].end, 13);
	ck_assert_int_eq(l->lines[1].end, 26);
	ck_assert_int_eq(l->lines[2].end, 30);
	ck_assert(l->lines[0].flags & LINE_FORCED);
	ck_assert(l->lines[1].flags & LINE_FORCED);
	ck_assert(!(l->lines[2].flags & LINE_FORCED));
	ck_assert_int_eq(l->lines[0].width, 13 * EM);
	ck_assert_double_eq(l->defects, 2e4); /* two forced breaks */
}
END_TEST

START_TEST(test_emergency_only_where_needed)
{
	/* 10 ordinary clusters, a 20-cluster run without breaks, 10 ordinary ones */
	g_autoptr(Para) p = para_new(40, 13);
	g_autoptr(Lines) l = NULL;
	int forced = 0;
	for (int i = 10; i < 29; i++)
		no_break_after(p, i);
	l = break_checked(p);
	for (int i = 0; i < l->n; i++) {
		const Line *ln = &l->lines[i];
		ck_assert_int_le(ln->natural, ln->avail);
		if (ln->flags & LINE_FORCED) {
			forced++;
			ck_assert_int_gt(ln->next, 10);
			ck_assert_int_lt(ln->next, 30);
		}
	}
	ck_assert_int_eq(forced, 1); /* 20 clusters need one forced break, not more */
}
END_TEST

START_TEST(test_widow_avoided)
{
	/* 27 = 13 + 13 + 1: a last line of one character is avoided */
	g_autoptr(Para) p = para_new(27, 13);
	g_autoptr(Lines) l = break_checked(p);
	const Line *last = &l->lines[l->n - 1];
	ck_assert_int_eq(l->n, 3);
	ck_assert_int_ge(lines_core_count(&p->in, last), 2);
	ck_assert_int_eq(last->end - last->start, 2);
	ck_assert_double_lt(l->demerits, 1e7);
}
END_TEST

START_TEST(test_widow_counts_core_only)
{
	/* 26 characters and a final 。 that may not start a line: "字。" alone would be a last
	 * line with one character */
	g_autoptr(Para) p = para_new(27, 13);
	g_autoptr(Lines) l = NULL;
	set_punct(p, 26, false);
	no_break_after(p, 25);
	l = break_checked(p);
	ck_assert_int_ge(lines_core_count(&p->in, &l->lines[l->n - 1]), 2);
	ck_assert_double_lt(l->demerits, 1e7);
}
END_TEST

START_TEST(test_widow_unavoidable)
{
	/* the only break is after cluster 12: a one-character last line is the only way */
	g_autoptr(Para) p = para_new(14, 13);
	g_autoptr(Lines) l = NULL;
	for (int i = 0; i < 13; i++)
		if (i != 12)
			no_break_after(p, i);
	l = break_checked(p);
	ck_assert_int_eq(l->n, 2);
	ck_assert_int_eq(l->lines[1].start, 13);
	ck_assert_int_eq(lines_core_count(&p->in, &l->lines[1]), 1);
	ck_assert_double_ge(l->demerits, 1e7);
}
END_TEST

START_TEST(test_single_short_line)
{
	/* a one-character paragraph is not a widow */
	g_autoptr(Para) p = para_new(1, 13);
	g_autoptr(Lines) l = break_checked(p);
	ck_assert_int_eq(l->n, 1);
	ck_assert_uint_eq(l->lines[0].flags, LINE_LAST);
	ck_assert_double_lt(l->demerits, 1e7);
}
END_TEST

START_TEST(test_empty_paragraph)
{
	g_autoptr(Para) p = para_new(0, 13);
	g_autoptr(Lines) l = break_checked(p);
	ck_assert_int_eq(l->n, 0);
}
END_TEST

START_TEST(test_trailing_space_dropped)
{
	/* "aaaa bbbb cccc dddd": Latin words of 1/2 em letters, breaks after the spaces */
	g_autoptr(Para) p = para_new(19, 5);
	g_autoptr(Lines) l = NULL;
	p->in.measure = 4 * EM + EM / 2;
	for (int i = 0; i < 19; i++) {
		bool space = i % 5 == 4;
		p->width[i] = space ? EM / 4 : EM / 2;
		p->flags[i] = space ? (LB_SPACE | LB_BREAK_AFTER | LB_STRETCH_AFTER) : LB_CORE;
	}
	l = break_checked(p);
	ck_assert_int_eq(l->n, 2);
	ck_assert_int_eq(l->lines[0].end, 9);
	ck_assert_int_eq(l->lines[0].next, 10);
	ck_assert(!l->drawn[9]); /* the space at the end of the line is not set */
	ck_assert_int_eq(l->lines[0].natural, 8 * (EM / 2) + EM / 4);
	ck_assert_int_eq(l->lines[0].gaps, 1);
	ck_assert_int_eq(l->lines[0].width, 4 * EM + EM / 2);
	ck_assert_int_eq(l->lines[0].per_gap, EM / 4);
	ck_assert_int_eq(l->lines[1].start, 10);
}
END_TEST

START_TEST(test_align_left_center_right)
{
	static const LineAlign aligns[] = {LB_LEFT, LB_CENTER, LB_RIGHT, LB_JUSTIFY};
	static const Len offsets[] = {0, 4 * EM, 8 * EM, 0};
	for (size_t k = 0; k < G_N_ELEMENTS(aligns); k++) {
		g_autoptr(Para) p = para_new(5, 13);
		g_autoptr(Lines) l = NULL;
		p->in.align = aligns[k];
		l = break_checked(p);
		ck_assert_int_eq(l->n, 1);
		ck_assert_int_eq(l->x[0], offsets[k]);
		ck_assert_int_eq(l->x[4], offsets[k] + 4 * EM);
		ck_assert_int_eq(ink_width(l, 0), 5 * EM);
		ck_assert_int_eq(l->lines[0].natural, 5 * EM);
		/* Was a bug (fixed): lines.c set_line computes width = x_end - indent, so a
		 * centred line reports offset + text (9 em here) and a right-aligned one the
		 * whole measure (13 em); flow.c sizes the rubric tint from lines[0].width,
		 * which would be wrong if the rubric style were centred or right-aligned. */
		ck_assert_int_eq(l->lines[0].width, 5 * EM);
	}
}
END_TEST

START_TEST(test_ragged_lines_not_stretched)
{
	g_autoptr(Para) p = para_new(30, 13);
	g_autoptr(Lines) l = NULL;
	for (int i = 0; i < 30; i++)
		if (i != 9 && i != 20 && i != 28)
			no_break_after(p, i);
	p->in.align = LB_LEFT;
	l = break_checked(p);
	ck_assert_int_eq(l->n, 3); /* 10 + 11 + 9: the break after 28 is not needed */
	ck_assert_int_eq(l->lines[1].end, 21);
	ck_assert_int_eq(l->lines[0].end, 10);
	ck_assert_int_eq(l->lines[0].width, 10 * EM);
	ck_assert_int_eq(l->lines[0].gaps, 0);
	ck_assert(!(l->lines[0].flags & LINE_STRETCHED));
	ck_assert_int_eq(l->x[9], 9 * EM);
}
END_TEST

START_TEST(test_balance_prefers_authors_space)
{
	/* "江城长江三桥 主桥顺利合龙" at 10 em, centred: break at the space */
	g_autoptr(Para) p = para_new(13, 10);
	g_autoptr(Lines) l = NULL;
	p->width[6] = EM / 4;
	p->flags[6] = LB_SPACE | LB_BREAK_AFTER | LB_STRETCH_AFTER | LB_PREFER_AFTER;
	no_break_after(p, 5); /* never before a space */
	p->in.balance = true;
	p->in.align = LB_CENTER;
	l = break_checked(p);
	ck_assert_int_eq(l->n, 2);
	ck_assert_int_eq(l->lines[0].end, 6);
	ck_assert_int_eq(l->lines[0].next, 7);
	ck_assert(!l->drawn[6]);
	ck_assert_int_eq(l->lines[1].start, 7);
	ck_assert_int_eq(l->x[0], 2 * EM); /* (10 - 6) / 2 */
	ck_assert_int_eq(l->x[7], 2 * EM);
	ck_assert_int_eq(l->lines[0].gaps, 0); /* balanced lines are not justified */
}
END_TEST

START_TEST(test_balance_even_lines)
{
	/* 20 characters at 13 em: 10 + 10 rather than 13 + 7 */
	g_autoptr(Para) p = para_new(20, 13);
	g_autoptr(Lines) l = NULL;
	p->in.balance = true;
	p->in.align = LB_CENTER;
	l = break_checked(p);
	ck_assert_int_eq(l->n, 2);
	ck_assert_int_eq(l->lines[0].end, 10);
	ck_assert_int_eq(l->x[0], EM + EM / 2);
}
END_TEST

START_TEST(test_hanging_punctuation)
{
	/* 13 characters, a 。 that may hang, 13 more: with LB_HANG the 。 goes past the measure
	 * and the paragraph takes two lines */
	g_autoptr(Para) p = para_new(27, 13);
	g_autoptr(Lines) l = NULL;
	set_punct(p, 13, false);
	p->flags[13] |= LB_HANG;
	no_break_after(p, 12);
	/* two commas in the line leave enough to squeeze that the search looks at it */
	set_punct(p, 3, false);
	set_punct(p, 7, false);
	l = break_checked(p);
	ck_assert_int_eq(l->n, 2);
	ck_assert_int_eq(l->lines[0].end, 14);
	ck_assert(l->lines[0].flags & LINE_HANGING);
	ck_assert(!(l->lines[0].flags & LINE_SQUEEZED));
	ck_assert_int_eq(l->x[13], 13 * EM); /* at the measure, hanging past it */
	ck_assert_int_eq(l->adv[3], EM);
}
END_TEST

START_TEST(test_hanging_punctuation_plain_line)
{
	/* the same without other marks in the line */
	g_autoptr(Para) p = para_new(27, 13);
	g_autoptr(Lines) l = NULL;
	set_punct(p, 13, false);
	p->flags[13] |= LB_HANG;
	no_break_after(p, 12);
	l = break_checked(p);
	ck_assert_int_ge(l->n, 2);
	ck_assert_int_ne(l->lines[0].next, 13); /* never a line starting with the 。 */
	/* Was a bug (fixed): lines.c search(): the pruning test "natural - squeezable > avail:
	 * break" runs before line_cost() and ignores hanging, so a line of 13 characters + a
	 * hanging 。 (natural 14 em, squeezable 0.5 em) is never considered; the 。 is not hung,
	 * the line is pushed out to 12 characters and the paragraph takes 3 lines instead of 2. */
	ck_assert_int_eq(l->n, 2);
	ck_assert_int_eq(l->lines[0].end, 14);
	ck_assert(l->lines[0].flags & LINE_HANGING);
}
END_TEST

START_TEST(test_deterministic)
{
	/* a long paragraph of mixed widths and flags, broken twice */
	const int n = 1500;
	g_autoptr(Para) p = para_new(n, 13);
	GRand *rand = g_rand_new_with_seed(20261128);
	Lines *a, *b;
	for (int i = 0; i < n; i++) {
		int kind = g_rand_int_range(rand, 0, 10);
		if (kind == 0)
			set_punct(p, i, g_rand_boolean(rand));
		else if (kind == 1) {
			p->width[i] = EM / 2; /* Latin letter: no break, no stretch after it */
			p->flags[i] = LB_CORE;
			p->gap[i] = g_rand_boolean(rand) ? EM / 4 : 0;
			p->gap_shrink[i] = p->gap[i] / 2;
		} else if (kind == 2)
			no_break_after(p, i);
	}
	g_rand_free(rand);
	a = break_checked(p);
	b = break_checked(p);
	ck_assert_int_eq(a->n, b->n);
	ck_assert_int_gt(a->n, 100);
	ck_assert_mem_eq(a->lines, b->lines, sizeof(Line) * (size_t)a->n);
	ck_assert_mem_eq(a->x, b->x, sizeof(Len) * (size_t)n);
	ck_assert_mem_eq(a->adv, b->adv, sizeof(Len) * (size_t)n);
	ck_assert_mem_eq(a->shift, b->shift, sizeof(Len) * (size_t)n);
	ck_assert_mem_eq(a->drawn, b->drawn, sizeof(bool) * (size_t)n);
	ck_assert(a->demerits == b->demerits);
	for (int i = 0; i < a->n; i++) {
		const Line *ln = &a->lines[i];
		if ((ln->flags & (LINE_STRETCHED | LINE_SQUEEZED)) && !(ln->flags & LINE_OVERFULL))
			ck_assert_msg(ln->width == ln->avail, "line %d width %d avail %d flags %#x",
			              i, ln->width, ln->avail, ln->flags);
	}
	lines_free(a);
	lines_free(b);
}
END_TEST

START_TEST(test_dump)
{
	/* 10 characters at 4 em, no break after the 4th: 3 + 4 + 3 */
	g_autoptr(Para) p = para_new(10, 4);
	g_autoptr(Lines) l = NULL;
	static const char text[] = "一二三四五六七八九十";
	int start[10], len[10];
	GString *out = g_string_new(NULL);
	for (int i = 0; i < 10; i++) {
		start[i] = 3 * i;
		len[i] = 3;
	}
	no_break_after(p, 3);
	l = break_checked(p);
	ck_assert_int_eq(l->n, 3);
	lines_dump(l, text, start, len, out);
	ck_assert_str_eq(out->str,
	                 "  line 0 [0,3) nat=27.00 set=36.00 avail=36.00 +4.500*2 LOOSE push-out "
	                 "\"一二三\"\n"
	                 "  line 1 [3,7) nat=36.00 set=36.00 avail=36.00 \"四五六七\"\n"
	                 "  line 2 [7,10) nat=27.00 set=27.00 avail=36.00 last \"八九十\"\n");
	g_string_free(out, TRUE);
}
END_TEST

START_TEST(test_lone_lines_never_cheap)
{
	/* 王建国 then a 12 em run that cannot break (an ID number): three one-character lines
	 * that cannot be justified (1e6 each) used to beat one very loose line (badness capped at
	 * 1e7, squared); a one-character line is a defect, so the loose line is taken */
	g_autoptr(Para) p = para_new(15, 13);
	g_autoptr(Lines) l = NULL;
	for (int i = 3; i < 15; i++)
		no_break_after(p, i);
	l = break_checked(p);
	ck_assert_int_eq(l->n, 2);
	ck_assert_int_eq(l->lines[0].end, 3);
	ck_assert(l->lines[0].flags & LINE_LOOSE);
	ck_assert_double_eq(l->defects, 0);
	/* a one-cluster line still comes when nothing else can be set: a run of 13 em */
	{
		g_autoptr(Para) q = para_new(14, 13);
		g_autoptr(Lines) m = NULL;
		for (int i = 1; i < 14; i++)
			no_break_after(q, i);
		m = break_checked(q);
		ck_assert_int_eq(m->n, 2);
		ck_assert_int_eq(m->lines[0].end, 1);
		ck_assert_double_eq(m->defects, 100);
	}
}
END_TEST

START_TEST(test_soft_inword)
{
	/* body text: a number split from its unit (LB_INWORD after cluster 9) costs a little.
	 * The perfect first line [0,10) splits it; [0,11) squeezes 1 of 4 em of blanks, almost
	 * as good: that is taken. The line count stays. */
	g_autoptr(Para) p = para_new(20, 10);
	g_autoptr(Lines) l = NULL;
	for (int i = 0; i < 8; i++)
		set_punct(p, i, false);
	l = break_checked(p);
	ck_assert_int_eq(l->n, 2);
	ck_assert_int_eq(l->lines[0].end, 10);
	p->flags[9] |= LB_INWORD;
	{
		g_autoptr(Lines) m = break_checked(p);
		ck_assert_int_eq(m->n, 2);
		ck_assert_int_eq(m->lines[0].end, 11);
		ck_assert(m->lines[0].flags & LINE_SQUEEZED);
	}
	/* but not at the cost of a loose line: without the blanks [0,10) stays */
	for (int i = 0; i < 8; i++)
		p->shrink_r[i] = 0;
	{
		g_autoptr(Lines) m = break_checked(p);
		ck_assert_int_eq(m->lines[0].end, 10);
	}
}
END_TEST

START_TEST(test_soft_inword_keeps_line_count)
{
	/* 22 clusters at 10 em, each with a quarter em of blank: three set lines (300) split a
	 * number from its unit after cluster 9; two lines squeezed by 1 em of 2.75 (2 x 166)
	 * would avoid it with the soft penalty (350 > 332), but that is one line fewer: the
	 * preference never changes the line count */
	g_autoptr(Para) p = para_new(22, 10);
	for (int i = 0; i < 22; i++)
		p->shrink_r[i] = EM / 4;
	p->flags[9] |= LB_INWORD;
	{
		g_autoptr(Lines) l = break_checked(p);
		ck_assert_int_eq(l->n, 3);
		ck_assert_int_eq(l->lines[0].end, 10);
		ck_assert_int_eq(l->lines[1].end, 20);
	}
}
END_TEST

/* a fake segmenter: a break before cluster p splits a word when p is in the list */
static bool
fake_splits(const void *ctx, int p)
{
	for (const int *w = ctx; *w >= 0; w++)
		if (*w == p)
			return true;
	return false;
}

START_TEST(test_soft_words)
{
	/* body text with a blank to squeeze on every cluster: [0,10) is the best first line,
	 * [0,11) squeezes a little. When a break before 10 splits a word (柑|橘) and one before
	 * 11 does not, the break moves; the segmenter is not asked about breaks that have no
	 * neighbour about as good, and never changes the line count */
	static const int at10[] = {10, -1}, none[] = {-1}, both[] = {10, 11, -1};
	g_autoptr(Para) p = para_new(20, 10);
	for (int i = 0; i < 20; i++)
		p->shrink_r[i] = EM / 2;
	p->in.splits_word = fake_splits;
	p->in.word_ctx = none;
	{
		g_autoptr(Lines) l = break_checked(p);
		ck_assert_int_eq(l->n, 2);
		ck_assert_int_eq(l->lines[0].end, 10);
	}
	p->in.word_ctx = at10;
	{
		g_autoptr(Lines) l = break_checked(p);
		ck_assert_int_eq(l->n, 2);
		ck_assert_int_eq(l->lines[0].end, 11);
		ck_assert(l->lines[0].flags & LINE_SQUEEZED);
		ck_assert_double_eq(l->defects, 0);
	}
	p->in.word_ctx = both; /* 11 splits a word too, and 9 would stretch the line: stays */
	{
		g_autoptr(Lines) l = break_checked(p);
		ck_assert_int_eq(l->lines[0].end, 10);
	}
	/* without blanks a move would stretch or overfill a line: the break stays */
	for (int i = 0; i < 20; i++)
		p->shrink_r[i] = 0;
	p->in.word_ctx = at10;
	{
		g_autoptr(Lines) l = break_checked(p);
		ck_assert_int_eq(l->lines[0].end, 10);
	}
}
END_TEST

/* the make-up's 缩行/拉行 (lines_break_exact): 30 clusters at 13 em take 3 lines (13, 13, 4);
 * in exactly 4 lines each must hold fewer characters (stretched), in 2 they cannot fit; a
 * request for more lines than clusters, or of a paragraph with punctuation it can push in,
 * behaves */
START_TEST(test_exact_lines)
{
	Para *p = para_new(30, 13);
	g_autoptr(Lines) natural = lines_break(&p->in);
	g_autoptr(Lines) four = lines_break_exact(&p->in, 4);
	ck_assert_int_eq(natural->n, 3);
	ck_assert_ptr_nonnull(four);
	ck_assert_int_eq(four->n, 4);
	for (int i = 0; i < 3; i++)
		ck_assert_int_eq(four->lines[i].width, four->lines[i].avail); /* justified */
	ck_assert_int_ge(four->lines[3].end - four->lines[3].start, 2);       /* no 孤字 */
	ck_assert_ptr_null(lines_break_exact(&p->in, 2));                     /* cannot fit */
	ck_assert_ptr_null(lines_break_exact(&p->in, 31));
	ck_assert_ptr_null(lines_break_exact(&p->in, 0));
	para_free(p);
	/* 27 clusters whose every third character's right half may be pushed in: two lines hold
	 * them all, each within the measure */
	p = para_new(27, 13);
	for (int i = 2; i < 27; i += 3)
		p->shrink_r[i] = EM / 2;
	{
		g_autoptr(Lines) two = lines_break_exact(&p->in, 2);
		ck_assert_ptr_nonnull(two);
		ck_assert_int_eq(two->n, 2);
		ck_assert_int_le(two->lines[0].width, two->lines[0].avail);
		ck_assert_int_ge(two->lines[1].end - two->lines[1].start, 2);
	}
	para_free(p);
}
END_TEST

static Suite *
lines_suite(void)
{
	Suite *s = suite_create("lines");
	TCase *basic = tcase_create("basic");
	TCase *squeeze = tcase_create("squeeze");
	TCase *rules = tcase_create("rules");
	TCase *align = tcase_create("align");
	tcase_add_test(basic, test_thirty_clusters);
	tcase_add_test(basic, test_first_line_indent);
	tcase_add_test(basic, test_hanging_indent);
	tcase_add_test(basic, test_justification_per_gap);
	tcase_add_test(basic, test_justification_only_where_allowed);
	tcase_add_test(basic, test_loose_line);
	tcase_add_test(basic, test_empty_paragraph);
	tcase_add_test(basic, test_deterministic);
	tcase_add_test(basic, test_dump);
	tcase_add_test(squeeze, test_squeeze_punctuation_forced);
	tcase_add_test(squeeze, test_squeeze_punctuation_preferred);
	tcase_add_test(squeeze, test_squeeze_spacing_after_punctuation);
	tcase_add_test(squeeze, test_spacing_kept_when_not_squeezed);
	tcase_add_test(squeeze, test_overfull_cluster);
	tcase_add_test(squeeze, test_overfull_cluster_in_paragraph);
	tcase_add_test(squeeze, test_hanging_punctuation);
	tcase_add_test(squeeze, test_hanging_punctuation_plain_line);
	tcase_add_test(rules, test_no_break_without_flag);
	tcase_add_test(rules, test_breaks_only_at_flags);
	tcase_add_test(rules, test_emergency_breaks);
	tcase_add_test(rules, test_emergency_only_where_needed);
	tcase_add_test(rules, test_widow_avoided);
	tcase_add_test(rules, test_exact_lines);
	tcase_add_test(rules, test_widow_counts_core_only);
	tcase_add_test(rules, test_widow_unavoidable);
	tcase_add_test(rules, test_single_short_line);
	tcase_add_test(rules, test_trailing_space_dropped);
	tcase_add_test(rules, test_lone_lines_never_cheap);
	tcase_add_test(rules, test_soft_inword);
	tcase_add_test(rules, test_soft_inword_keeps_line_count);
	tcase_add_test(rules, test_keep_words);
	tcase_add_test(rules, test_soft_words);
	tcase_add_test(align, test_align_left_center_right);
	tcase_add_test(align, test_ragged_lines_not_stretched);
	tcase_add_test(align, test_balance_prefers_authors_space);
	tcase_add_test(align, test_balance_even_lines);
	suite_add_tcase(s, basic);
	suite_add_tcase(s, squeeze);
	suite_add_tcase(s, rules);
	suite_add_tcase(s, align);
	return s;
}

int
main(void)
{
	return unit_run(lines_suite());
}
