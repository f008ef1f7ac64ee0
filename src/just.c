/* just.c - the clreq spacing of one shaped paragraph: punctuation compression (标点挤压),
 * CJK-Latin spacing, break opportunities and justification points, as plain arrays. */
#include "just.h"
#include "byline.h"
#include "phrase.h"
#include "segment.h"

void
just_free(Just *j)
{
	if (!j)
		return;
	g_free(j->width);
	g_free(j->shrink_l);
	g_free(j->shrink_r);
	g_free(j->gap);
	g_free(j->gap_shrink);
	g_free(j->flags);
	g_free(j->base_shift);
	g_free(j);
}

/* Remove up to `amount` of blank from cluster i's left (l) or right side, for good. */
static Len
cut_blank(Just *j, int i, bool left, Len amount)
{
	Len *b = left ? &j->shrink_l[i] : &j->shrink_r[i];
	Len c = MIN(*b, amount);
	*b -= c;
	j->width[i] -= c;
	if (left)
		j->base_shift[i] -= c;
	return c;
}

/* 半身 and 开明: which marks are always set in half width */
static bool
always_half(PunctStyle p, KClass k)
{
	if (p == PUNCT_BANSHEN)
		return true;
	if (p == PUNCT_KAIMING)
		return k != KC_STOP && k != KC_EXCL;
	return false;
}

static void
compress_punct(Just *j, const Items *it, const Style *s)
{
	int n = it->n;
	for (int i = 0; i < n; i++) {
		j->shrink_l[i] = it->cl[i].blank_l;
		j->shrink_r[i] = it->cl[i].blank_r;
	}
	if (s->punct == PUNCT_PLAIN) {
		for (int i = 0; i < n; i++)
			j->shrink_l[i] = j->shrink_r[i] = 0;
		return;
	}
	for (int i = 0; i < n; i++)
		if (always_half(s->punct, it->cl[i].cls)) {
			cut_blank(j, i, true, j->shrink_l[i]);
			cut_blank(j, i, false, j->shrink_r[i]);
		}
	/* adjacent marks take 1.5 em, not 2: half an em of the blank between their ink goes
	 * (。” ，“ “《 ）（); the first mark's right blank first, then the second's left */
	for (int i = 0; i + 1 < n; i++) {
		Len over;
		if (!kinsoku_is_cjk_punct(it->cl[i].cls) ||
		    !kinsoku_is_cjk_punct(it->cl[i + 1].cls))
			continue;
		over = MIN(j->shrink_r[i] + j->shrink_l[i + 1], it->em / 2);
		if (over <= 0)
			continue;
		over -= cut_blank(j, i, false, over);
		cut_blank(j, i + 1, true, over);
		j->npairs++;
	}
}

/* CJK-Latin spacing goes around whole words: "地 PM2.5 浓" gets the quarter em on both sides,
 * whether the word ends in a letter or a digit. A run of digits and signs is spaced only when
 * the style spaces digits. */
static void
set_gaps(Just *j, const Items *it, const Style *s)
{
	for (int i = 0; i < it->n;) {
		int k = i;
		bool letters = false, digits = false;
		if (!kinsoku_is_word(it->cl[i].cls)) {
			i++;
			continue;
		}
		for (; k < it->n && kinsoku_is_word(it->cl[k].cls); k++) {
			letters = letters || it->cl[k].cls == KC_LATIN;
			digits = digits || it->cl[k].cls == KC_DIGIT;
		}
		if ((letters && s->cjk_latin) || (digits && s->digit_space)) {
			int ends[2] = {i - 1, k - 1}; /* the gaps before and after the word */
			for (int e = 0; e < 2; e++) {
				int g = ends[e];
				if (g < 0 || g + 1 >= it->n ||
				    !kinsoku_is_han(it->cl[e == 0 ? g : g + 1].cls))
					continue;
				j->gap[g] = len_em(it->em, 1, 4);
				j->gap_shrink[g] = len_em(it->em, 1, 8);
				j->nspaced++;
			}
		}
		i = k;
	}
}

/* Display text: a space between two marks (” “) is set as the pair would be without it, 1.5
 * em, the space taking no width; it stays the break. */
static void
compress_across_spaces(Just *j, const Items *it, const Style *s)
{
	if (s->punct == PUNCT_PLAIN)
		return;
	for (int i = 0; i + 2 < it->n; i++) {
		Len over;
		if (it->cl[i + 1].cls != KC_SPACE || !kinsoku_is_cjk_punct(it->cl[i].cls) ||
		    !kinsoku_is_cjk_punct(it->cl[i + 2].cls))
			continue;
		j->width[i + 1] = 0;
		j->shrink_r[i + 1] = 0;
		over = MIN(j->shrink_r[i] + j->shrink_l[i + 2], it->em / 2);
		if (over <= 0)
			continue;
		over -= cut_blank(j, i, false, over);
		cut_blank(j, i + 2, true, over);
		j->npairs++;
	}
}

/* the clusters on both sides of boundary k of b are one-character Han words */
static bool
between_single_words(const Items *it, const int *b, int nb, int k, int i)
{
	const Cluster *x = &it->cl[i], *y = &it->cl[i + 1];
	return k > 0 && k + 1 < nb && x->cls == KC_IDEO && y->cls == KC_IDEO &&
	       b[k - 1] == x->start && b[k] == x->start + x->len && b[k + 1] == y->start + y->len;
}

/* In display text, a number with its unit followed by another number (1月15日, 2026年1月,
 * 3时20分) is one figure: a date or a time is not broken after its first unit. */
static bool
splits_figure(const Items *it, int i)
{
	return i > 0 && it->cl[i - 1].cls == KC_DIGIT && it->cl[i].cls == KC_IDEO &&
	       it->cl[i + 1].cls == KC_DIGIT;
}

/* a date or span of time and the particle that makes it a point in time: 1月15日 / 起, 3天 /
 * 后 (phrase.c) */
static bool
splits_date_particle(const Items *it, int i)
{
	return i > 0 && it->cl[i - 1].cls == KC_DIGIT && phrase_date_unit(it->cl[i].ch) &&
	       phrase_date_particle(it->cl[i + 1].ch);
}

/* the word of boundaries b[k-1], b[k] is a verb and a character of its object follows: 走进 /
 * 江城 (phrase.c) */
static bool
splits_verb_object(const Items *it, const int *b, int k, int i)
{
	return k > 0 && kinsoku_is_han(it->cl[i + 1].cls) &&
	       phrase_verb(it->text + b[k - 1], b[k] - b[k - 1]);
}

/* Where a break would split a number from its unit, or in display text a word (ICU's dictionary
 * boundaries, segment.c), a verb from its object or a date from its particle (phrase.c):
 * LB_INWORD; in display text between two one-character words (a name,
 * a word the dictionary does not know): LB_WEAK. The body is not segmented: ICU's dictionary
 * would cost more than shaping the text (docs/pipeline.md), for a soft preference. */
static void
set_words(Just *j, const Items *it, bool display)
{
	int nb = 0, k = 0;
	g_autofree int *b = display ? segment_words(it->text, it->textlen, &nb) : NULL;
	for (int i = 0; i + 1 < it->n; i++) {
		int at = it->cl[i + 1].start;
		if (kinsoku_binds_unit(it->cl[i].cls, it->cl[i + 1].cls) ||
		    (display && (splits_figure(it, i) || splits_date_particle(it, i)))) {
			j->flags[i] |= LB_INWORD;
			continue;
		}
		if (!b)
			continue;
		while (k < nb && b[k] < at)
			k++;
		if (k >= nb || b[k] != at || splits_verb_object(it, b, k, i))
			j->flags[i] |= LB_INWORD;
		else if (between_single_words(it, b, nb, k, i))
			j->flags[i] |= LB_WEAK;
	}
}

/* Body text: whether a break before cluster p, between two ideographs, splits a word: ICU's
 * dictionary on a window of 4 clusters either side (8 gives the same breaks on the sample
 * edition at six times the cost: the dictionary search grows faster than the window). Asked by the
 * line breaker only where another break is about as good (lines.c, prefer_words). */
static bool
body_splits_word(const void *ctx, int p)
{
	const Items *it = ctx;
	int lo = MAX(p - 4, 0), hi = MIN(p + 4, it->n), nb = 0, b0, b1, at;
	g_autofree int *b = NULL;
	if (p <= 0 || p >= it->n || it->cl[p - 1].cls != KC_IDEO || it->cl[p].cls != KC_IDEO)
		return false;
	b0 = it->cl[lo].start;
	b1 = it->cl[hi - 1].start + it->cl[hi - 1].len;
	b = segment_words(it->text + b0, b1 - b0, &nb);
	at = it->cl[p].start - b0;
	for (int k = 0; k < nb; k++)
		if (b[k] == at)
			return false;
	return b != NULL;
}

/* Bylines (break-at-spaces) break between their parts: after a space or a closing bracket,
 * before an opening one. Anywhere else a break splits a name or a title (LB_INWORD, a defect
 * for bylines in lines.c): taken only when a part is longer than the line. The space between a
 * role and the name it introduces (通讯员 邹子涵) is a weak break (LB_WEAK): a byline breaks
 * between one reporter and the next first. */
static void
mark_inside_parts(Just *j, const Items *it)
{
	for (int i = 0; i + 1 < it->n; i++) {
		KClass a = it->cl[i].cls, b = it->cl[i + 1].cls;
		if (a != KC_SPACE && a != KC_CLOSE && b != KC_OPEN)
			j->flags[i] |= LB_INWORD;
		else if (a == KC_SPACE && i > 0 && byline_ends_role(it->cl[i - 1].ch) &&
		         kinsoku_is_han(b))
			j->flags[i] |= LB_WEAK;
	}
}

/* the width of clusters [a, e) */
static Len
run_width(const Just *j, int a, int e)
{
	Len w = 0;
	for (int i = a; i < e; i++)
		w += j->width[i];
	return w;
}

/* flag the breaks inside clusters [a, e) */
static void
flag_inside(Just *j, int a, int e, uint8_t flag)
{
	for (int i = a; i + 1 < e; i++)
		j->flags[i] |= flag;
}

/* Notice items (keep-words) with the author's spaces: a part between two spaces that fits a
 * continuation line (江城市第一人民医院) is kept whole like a word (LB_INWORD): the item breaks
 * at the space before it instead, ragged right. In a part longer than the line, a clause that
 * fits (声明作废。 after an ID number and its comma) is kept whole where the line can break
 * before it at no greater cost than a weak break (LB_WEAK); a longer clause of prose keeps only
 * its word rules. */
static void
mark_short_parts(Just *j, const Items *it, Len limit)
{
	for (int a = 0; a < it->n;) {
		int e = a;
		while (e < it->n && it->cl[e].cls != KC_SPACE)
			e++;
		if (run_width(j, a, e) <= limit)
			flag_inside(j, a, e, LB_INWORD);
		else
			for (int c = a; c < e;) {
				int ce = c;
				while (ce < e && it->cl[ce].cls != KC_PAUSE &&
				       it->cl[ce].cls != KC_STOP)
					ce++;
				ce = MIN(ce + 1, e);
				if (run_width(j, c, ce) <= limit)
					flag_inside(j, c, ce, LB_WEAK);
				c = ce;
			}
		a = e + 1;
	}
}

static bool
core(KClass k)
{
	return kinsoku_is_han(k) || kinsoku_is_word(k) || k == KC_OTHER;
}

static void
set_flags(Just *j, const Items *it, const Style *s, bool balance)
{
	for (int i = 0; i < it->n; i++) {
		KClass a = it->cl[i].cls, b = i + 1 < it->n ? it->cl[i + 1].cls : KC_SPACE;
		uint8_t f = 0;
		if (i + 1 < it->n && kinsoku_can_break(a, b, s->kinsoku))
			f |= LB_BREAK_AFTER;
		if (i + 1 < it->n && !(kinsoku_is_word(a) && kinsoku_is_word(b)) &&
		    !(a == KC_DASH && b == KC_DASH) && !(a == KC_ELLIPSIS && b == KC_ELLIPSIS))
			f |= LB_STRETCH_AFTER;
		if (a == KC_SPACE) {
			f |= LB_SPACE;
			if (balance || s->space_breaks)
				f |= LB_PREFER_AFTER;
		}
		if (core(a))
			f |= LB_CORE;
		if (s->hang && (a == KC_CLOSE || a == KC_PAUSE || a == KC_STOP))
			f |= LB_HANG;
		j->flags[i] = f;
	}
}

Just *
just_prepare(const Items *it, const Style *s, Len measure, LineAlign align, bool balance)
{
	Just *j = g_new0(Just, 1);
	int n = it->n;
	j->width = g_new0(Len, n + 1);
	j->shrink_l = g_new0(Len, n + 1);
	j->shrink_r = g_new0(Len, n + 1);
	j->gap = g_new0(Len, n + 1);
	j->gap_shrink = g_new0(Len, n + 1);
	j->flags = g_new0(uint8_t, n + 1);
	j->base_shift = g_new0(Len, n + 1);
	for (int i = 0; i < n; i++)
		j->width[i] = it->cl[i].adv;
	compress_punct(j, it, s);
	for (int i = 0; i < n; i++)
		if (it->cl[i].cls == KC_SPACE)
			j->shrink_r[i] = it->cl[i].adv / 3; /* a word space may shrink by a third */
	if (balance)
		compress_across_spaces(j, it, s);
	set_gaps(j, it, s);
	set_flags(j, it, s, balance);
	set_words(j, it, balance || s->keep_words);
	if (s->space_breaks)
		mark_inside_parts(j, it);
	else if (s->keep_words)
		mark_short_parts(j, it, measure - MAX(s->indent, s->hang_indent));
	j->in = (BreakInput){
	    .n = n,
	    .width = j->width,
	    .shrink_l = j->shrink_l,
	    .shrink_r = j->shrink_r,
	    .gap = j->gap,
	    .gap_shrink = j->gap_shrink,
	    .flags = j->flags,
	    .measure = measure,
	    .indent = s->indent,
	    .hang_indent = s->hang_indent,
	    .em = it->em,
	    .align = align,
	    .balance = balance,
	    .max_lines = s->max_lines,
	    .prefer_spaces = s->space_breaks,
	    .keep_words = s->keep_words,
	    .tighten = align == LB_JUSTIFY && !balance ? len_em(it->em, 1, 64) : 0,
	};
	if (!balance && !s->space_breaks && !s->keep_words) {
		j->in.splits_word = body_splits_word;
		j->in.word_ctx = it;
	}
	return j;
}
