/* lines.c - whole-paragraph line breaking and justification over plain arrays.
 *
 * The paragraph is a row of boxes (clusters) with gaps between them. A line from cluster a
 * to cluster e has a natural width, a squeezable amount (punctuation blanks and CJK-Latin
 * spacing down to 1/8 em) and a number of gaps that take justification space.
 *
 * Cost model (Knuth-Plass style total fit, in the spirit of TeX's demerits). The cost of a line
 * is a pair: its defects, then its demerits. Sequences are compared on their defects first and
 * on demerits only between equal defects, so no amount of spacing badness buys a defect:
 *   defects: an overfull line 1e6, a forced break 1e4, a line of one character (its marks
 *            aside) in a paragraph of more than one line 100 (the last line of justified text
 *            excepted: that is the 孤字 penalty below); in display text (balance) also a line
 *            of two characters 10 (Lines.short_parts counts those that are a whole part
 *            between the author's spaces, 江城 / 迎初雪: the caller narrows no glyphs to
 *            avoid them) and a break inside a word or between a number and its unit 1
 *            (LB_INWORD);
 *            in bylines (prefer_spaces) a break inside a part 1 (LB_INWORD); with keep_words
 *            (notice items) a break inside a word 1 (LB_INWORD).
 *   demerits(line) = (10 + badness)^2 + penalties, badness capped at 1e7:
 *   badness(stretch) = 100 * (per-gap stretch / (1/4 em))^3   loose lines are expensive
 *   badness(squeeze) =  60 * (squeezed / squeezable)^3        push-in is preferred to push-out
 *   badness(tighten) = 60 + 1000 * (tightened / tightenable)^3  the last resort after push-in:
 *                      every gap between characters gives up to `tighten` (1/64 em)
 *   badness(balance) = 10 * (slack in em)^2    display text: even lines
 *   badness(ragged)  = (slack in em)^2         flush left, centred or right: full lines
 * penalties: a one-character last line of justified text (孤字) 1e7; a line that cannot be
 * justified (no gap) 1e6; a break that is not the author's space 3e3 (display text, and
 * bylines with prefer_spaces); in display text a break between two one-character words
 * (LB_WEAK: a name, a word the dictionary lacks), in bylines between a role and its name
 * (通讯员 / 邹子涵; LB_WEAK too) 2e4; text with keep_words (notice items) has the display
 * text's word defect and LB_WEAK penalty, without the balance and the spaces; in other text a
 * number split from its unit (LB_INWORD) 50, a soft preference: less than a line stretched by 1/16
 * em costs more than a set one, so it only chooses among breaks that are about as good, and it is
 * dropped when it would change the number of lines or add a loose line.
 *
 * Display text with the author's spaces is first broken at those spaces only: when that takes
 * no more than max_lines lines, no line is overfull and it leaves no line of one or two
 * characters that other breaks would avoid, it is the result (the space is the break,
 * structurally). Otherwise the whole search runs and Lines.spaces_missed says so: the caller
 * may squeeze the type and try again (flowctx_squeeze). Display text with max_lines is searched
 * by line count (best cost in 1, 2, ... max_lines lines), so a word is split to keep within
 * max_lines only when no other break does.
 *
 * A line wider than the measure is not a candidate unless it holds one cluster. The paragraph
 * takes the break sequence with the least cost; ties go to the earlier break, so the result is
 * deterministic. A run without a break opportunity that is wider than the measure (a URL, a
 * 1 MB paragraph of one "word") may be broken anywhere inside, each such forced break a defect;
 * the rest of the paragraph keeps its rules. If even then no sequence exists, every cluster
 * boundary becomes a forced break, so the function always terminates with a result and the
 * caller can report LINE_FORCED lines.
 *
 * Push-in and push-out need no special code: both are break sequences the search compares.
 */
#include "lines.h"
#include <math.h>
#include <string.h>

#define MAX_LOOKBACK 4096
#define INF          HUGE_VAL

typedef struct {
	const BreakInput *in;
	gint64 *w, *sh, *gp, *gs; /* prefix sums: width, cluster shrink, gap, gap shrink */
	int *st, *core;           /* prefix counts: stretch gaps, core clusters */
	bool *forced;             /* forced[p]: a break before cluster p inside an over-long run */
	bool emergency;
	bool spaces_only; /* display text: breaks at the author's spaces only */
	bool no_soft;     /* the soft preference for numbers with their units is off */
} Sums;

/* the cost of a line or a sequence: defects first, demerits between equal defects */
typedef struct {
	double defects, demerits;
} Cost;

#define D_OVERFULL  1e6
#define D_FORCED    1e4
#define D_LONE      100
#define D_SHORT     10
#define D_INWORD    1
#define SOFT_INWORD 50 /* other text: a number split from its unit, a soft preference */

static bool
cost_less(Cost x, Cost y)
{
	return x.defects < y.defects || (x.defects == y.defects && x.demerits < y.demerits);
}

static void
sums_init(Sums *s, const BreakInput *in)
{
	int n = in->n;
	s->in = in;
	s->w = g_new0(gint64, n + 1);
	s->sh = g_new0(gint64, n + 1);
	s->gp = g_new0(gint64, n + 1);
	s->gs = g_new0(gint64, n + 1);
	s->st = g_new0(int, n + 1);
	s->core = g_new0(int, n + 1);
	for (int i = 0; i < n; i++) {
		s->w[i + 1] = s->w[i] + in->width[i];
		s->sh[i + 1] = s->sh[i] + in->shrink_l[i] + in->shrink_r[i];
		s->gp[i + 1] = s->gp[i] + (i < n - 1 ? in->gap[i] : 0);
		s->gs[i + 1] = s->gs[i] + (i < n - 1 ? in->gap_shrink[i] : 0);
		s->st[i + 1] = s->st[i] + (i < n - 1 && (in->flags[i] & LB_STRETCH_AFTER) ? 1 : 0);
		s->core[i + 1] = s->core[i] + ((in->flags[i] & LB_CORE) ? 1 : 0);
	}
}

static void
sums_done(Sums *s)
{
	g_free(s->w);
	g_free(s->sh);
	g_free(s->gp);
	g_free(s->gs);
	g_free(s->st);
	g_free(s->core);
	g_free(s->forced);
}

/* end of the set part of a line that breaks before cluster b: trailing spaces dropped */
static int
set_end(const BreakInput *in, int a, int b)
{
	while (b > a + 1 && (in->flags[b - 1] & LB_SPACE))
		b--;
	return b;
}

/* gaps inside [a, e) are gap[a .. e-2] */
static gint64
natural(const Sums *s, int a, int e)
{
	return s->w[e] - s->w[a] + s->gp[e - 1] - s->gp[a];
}

static gint64
squeezable(const Sums *s, int a, int e)
{
	return s->sh[e] - s->sh[a] + s->gs[e - 1] - s->gs[a];
}

static int
stretch_gaps(const Sums *s, int a, int e)
{
	return s->st[e - 1] - s->st[a];
}

static Len
avail_for(const BreakInput *in, int a)
{
	return in->measure - (a == 0 ? in->indent : in->hang_indent);
}

static bool
allowed(const BreakInput *in, int p)
{
	return p == 0 || p == in->n || (in->flags[p - 1] & LB_BREAK_AFTER);
}

static bool
at_space(const BreakInput *in, int p)
{
	return p == 0 || p == in->n || (in->flags[p - 1] & LB_PREFER_AFTER);
}

static bool
breakable(const Sums *s, int p)
{
	if (s->spaces_only)
		return allowed(s->in, p) && at_space(s->in, p);
	return allowed(s->in, p) || s->forced[p] || s->emergency;
}

/* Runs between two break opportunities that cannot fit a line even squeezed: inside them a
 * break is forced (and costly), so that one long URL does not make the whole paragraph an
 * emergency. */
static void
mark_forced(Sums *s)
{
	const BreakInput *in = s->in;
	s->forced = g_new0(bool, in->n + 1);
	for (int a = 0; a < in->n;) {
		int b = a + 1;
		while (b < in->n && !allowed(in, b))
			b++;
		if (b - a > 1 && natural(s, a, b) - squeezable(s, a, b) > avail_for(in, a))
			for (int p = a + 1; p < b; p++)
				s->forced[p] = true;
		a = b;
	}
}

static double
cube(double x)
{
	return x * x * x;
}

/* Hanging punctuation (an option): a closing mark that would not fit goes past the measure. */
static bool
hangs(const BreakInput *in, int a, int e, gint64 nat, gint64 avail)
{
	return e > a + 1 && (in->flags[e - 1] & LB_HANG) && nat > avail &&
	       nat - in->width[e - 1] - in->gap[e - 2] <= avail;
}

/* badness of a line that is not wider than the measure */
static double
slack_badness(const Sums *s, int a, int e, gint64 nat, gint64 avail, bool last)
{
	const BreakInput *in = s->in;
	double em = in->em > 0 ? in->em : 1, slack = (double)(avail - nat) / em;
	if (in->balance)
		return slack * slack * 10;
	if (last || nat >= avail)
		return 0;
	if (in->align != LB_JUSTIFY)
		return slack * slack;
	if (stretch_gaps(s, a, e) == 0)
		return -1; /* cannot be justified */
	return 100.0 * cube((double)(avail - nat) / stretch_gaps(s, a, e) / (em / 4));
}

/* the defects and penalties of the break before b and of the characters a line holds */
static void
rule_cost(const Sums *s, int a, int b, int e, Cost *c)
{
	const BreakInput *in = s->in;
	bool last = b == in->n, alone = a == 0 && last;
	int cores = s->core[e] - s->core[a];
	uint8_t f = last ? 0 : in->flags[b - 1];

	if (!alone && cores <= 1) {
		if (!last || in->balance || in->align != LB_JUSTIFY)
			c->defects += D_LONE;
		else if (cores == 1)
			c->demerits += 1e7; /* 孤字 */
	}
	if (in->balance && !alone && cores == 2)
		c->defects += D_SHORT;
	if (last)
		return;
	if (!allowed(in, b))
		c->defects += D_FORCED;
	else if ((in->balance || in->prefer_spaces || in->keep_words) && (f & LB_INWORD))
		c->defects += D_INWORD;
	else if ((in->balance || in->prefer_spaces || in->keep_words) && (f & LB_WEAK))
		c->demerits += 2e4;
	else if ((f & LB_INWORD) && !s->no_soft)
		c->demerits += SOFT_INWORD;
	if ((in->balance || in->prefer_spaces) && !(f & LB_PREFER_AFTER))
		c->demerits += 3e3;
}

/* the cost of a line [a, b); false if it cannot be set */
static bool
line_cost(const Sums *s, int a, int b, Cost *c)
{
	const BreakInput *in = s->in;
	int e = set_end(in, a, b);
	gint64 nat = natural(s, a, e), avail = avail_for(in, a);
	double badness = 0, pen = 0;

	*c = (Cost){0, 0};
	if (hangs(in, a, e, nat, avail))
		avail += in->width[e - 1];

	if (nat > avail) {
		gint64 d = nat - avail, sq = squeezable(s, a, e);
		gint64 tight = (gint64)in->tighten * stretch_gaps(s, a, e);
		if (d <= sq)
			badness = 60.0 * cube((double)d / (double)sq);
		else if (d <= sq + tight)
			badness = 60.0 + 1000.0 * cube((double)(d - sq) / (double)tight);
		else if (e == a + 1 || s->emergency) {
			c->defects += D_OVERFULL; /* overfull: only as a last resort */
			pen += (double)d;
		} else
			return false;
	} else {
		badness = slack_badness(s, a, e, nat, avail, b == in->n);
		if (badness < 0) {
			badness = 0;
			pen += 1e6;
		}
	}
	if (badness > 1e7)
		badness = 1e7;
	rule_cost(s, a, b, e, c);
	c->demerits += (10 + badness) * (10 + badness) + pen;
	return true;
}

/* a line [a, e) wider than the measure even squeezed and tightened to the full (a hanging
 * mark may stick out) */
static bool
too_wide(const Sums *s, int a, int e)
{
	const BreakInput *in = s->in;
	return natural(s, a, e) - squeezable(s, a, e) -
	           (gint64)in->tighten * stretch_gaps(s, a, e) -
	           ((in->flags[e - 1] & LB_HANG) ? in->width[e - 1] : 0) >
	       avail_for(in, a);
}

/* best[p]: least cost to set clusters [0, p) ending with a break before p */
static bool
search(const Sums *s, Cost *best, int *from)
{
	const BreakInput *in = s->in;
	int n = in->n;
	for (int p = 0; p <= n; p++) {
		best[p] = (Cost){p == 0 ? 0 : INF, 0};
		from[p] = -1;
	}
	for (int b = 1; b <= n; b++) {
		if (!breakable(s, b))
			continue;
		for (int a = b - 1, k = 0; a >= 0 && k < MAX_LOOKBACK; a--, k++) {
			int e = set_end(in, a, b);
			Cost c;
			if (a < b - 1 && too_wide(s, a, e))
				break; /* longer lines only get wider */
			if (best[a].defects == INF || !breakable(s, a))
				continue;
			if (!line_cost(s, a, b, &c))
				continue;
			c.defects += best[a].defects;
			c.demerits += best[a].demerits;
			if (cost_less(c, best[b])) {
				best[b] = c;
				from[b] = a;
			}
		}
	}
	return best[n].defects != INF;
}

/* The least cost over sequences of at most lim lines (exactly lim when exact), from a table by
 * line count: display text with max-lines (short), and a paragraph pulled up or pushed down a
 * line by the make-up (one paragraph, once); false when there is none. */
static bool
search_counted(const Sums *s, Cost *best, int *from, int lim, bool exact)
{
	const BreakInput *in = s->in;
	int n = in->n, k0 = 0;
	Cost *t = g_new(Cost, (gsize)(lim + 1) * (gsize)(n + 1));
	int *f = g_new(int, (gsize)(lim + 1) * (gsize)(n + 1));
#define AT(k, p) ((gsize)(k) * (gsize)(n + 1) + (gsize)(p))
	for (gsize i = 0; i < AT(lim + 1, 0); i++) {
		t[i] = (Cost){INF, 0};
		f[i] = -1;
	}
	t[0] = (Cost){0, 0};
	for (int b = 1; b <= n; b++) {
		if (!breakable(s, b))
			continue;
		for (int a = b - 1, j = 0; a >= 0 && j < MAX_LOOKBACK; a--, j++) {
			int e = set_end(in, a, b);
			Cost c;
			if (a < b - 1 && too_wide(s, a, e))
				break; /* longer lines only get wider */
			if (!breakable(s, a) || !line_cost(s, a, b, &c))
				continue;
			for (int k = 1; k <= lim; k++) {
				Cost prev = t[AT(k - 1, a)],
				     sum = {prev.defects + c.defects, prev.demerits + c.demerits};
				if (prev.defects != INF && cost_less(sum, t[AT(k, b)])) {
					t[AT(k, b)] = sum;
					f[AT(k, b)] = a;
				}
			}
		}
	}
	for (int k = exact ? lim : 1; k <= lim; k++)
		if (t[AT(k, n)].defects != INF && (k0 == 0 || cost_less(t[AT(k, n)], t[AT(k0, n)])))
			k0 = k;
	if (k0 > 0) {
		best[n] = t[AT(k0, n)];
		for (int p = n, k = k0; p > 0; p = f[AT(k, p)], k--)
			from[p] = f[AT(k, p)];
	}
#undef AT
	g_free(t);
	g_free(f);
	return k0 > 0;
}

/* the search, by line count when the text must fit max_lines */
static bool
search_fit(const Sums *s, Cost *best, int *from)
{
	if (s->in->balance && s->in->max_lines > 0)
		return search_counted(s, best, from, s->in->max_lines, false);
	return search(s, best, from);
}

static bool
has_spaces(const BreakInput *in)
{
	for (int i = 0; i + 1 < in->n; i++)
		if (in->flags[i] & LB_PREFER_AFTER)
			return true;
	return false;
}

static int
count_lines(const BreakInput *in, const int *from)
{
	int count = 0;
	for (int p = in->n; p > 0; p = from[p])
		count++;
	return count;
}

/* lines of the sequence ending at n that are stretched by more than 1/4 em per gap */
static int
count_loose(const Sums *s, const int *from)
{
	const BreakInput *in = s->in;
	int loose = 0;
	for (int b = in->n; b > 0; b = from[b]) {
		int a = from[b], e = set_end(in, a, b), g = stretch_gaps(s, a, e);
		gint64 slack = avail_for(in, a) - natural(s, a, e);
		if (b < in->n && in->align == LB_JUSTIFY && g > 0 && slack > (gint64)g * in->em / 4)
			loose++;
	}
	return loose;
}

/* the sequence ending at n splits a number from its unit somewhere */
static bool
splits_unit(const BreakInput *in, const int *from)
{
	for (int b = from[in->n]; b > 0; b = from[b])
		if (in->flags[b - 1] & LB_INWORD)
			return true;
	return false;
}

/* The soft preference for a number with its unit, over the sequence found without it: taken
 * only when it changes neither the number of lines nor adds a loose line. Where the sequence
 * splits no number, the preference could not change it: nothing is searched again. */
static void
prefer_units(Sums *s, Cost *best, int *from)
{
	const BreakInput *in = s->in;
	Cost *soft;
	int *soft_from;
	if (!splits_unit(in, from))
		return;
	soft = g_new(Cost, in->n + 1);
	soft_from = g_new(int, in->n + 1);
	if (search(s, soft, soft_from) && count_lines(in, soft_from) == count_lines(in, from) &&
	    count_loose(s, soft_from) <= count_loose(s, from)) {
		memcpy(best, soft, sizeof *best * (gsize)(in->n + 1));
		memcpy(from, soft_from, sizeof *from * (gsize)(in->n + 1));
	}
	g_free(soft);
	g_free(soft_from);
}

/* the cost of the two lines [a, b) [b, c); false if either cannot be set */
static bool
pair_cost(const Sums *s, int a, int b, int c, Cost *sum)
{
	Cost x, y;
	if (!breakable(s, b) || !line_cost(s, a, b, &x) || !line_cost(s, b, c, &y))
		return false;
	*sum = (Cost){x.defects + y.defects, x.demerits + y.demerits};
	return true;
}

/* the line [a, b) is stretched by more than 1/4 em per gap */
static bool
loose_line(const Sums *s, int a, int b)
{
	const BreakInput *in = s->in;
	int e = set_end(in, a, b), g = stretch_gaps(s, a, e);
	gint64 slack = avail_for(in, a) - natural(s, a, e);
	return b < in->n && in->align == LB_JUSTIFY && g > 0 && slack > (gint64)g * in->em / 4;
}

/* The soft preference for words kept whole (ICU, through in->splits_word), local and cheap:
 * each chosen break b between lines [a, b) and [b, c) may move one cluster either way when
 * that costs no more than SOFT_INWORD, adds no defect and no loose line, and b splits a word
 * where the new break does not. The segmenter is asked only about such breaks, so the body
 * is not segmented (docs/pipeline.md: that costs four times the shaping). */
static void
prefer_words(const Sums *s, Cost *best, int *from)
{
	const BreakInput *in = s->in;
	int count = count_lines(in, from), *at = g_new(int, count + 1), k = count;
	for (int p = in->n; p > 0; p = from[p])
		at[k--] = p;
	at[0] = 0;
	for (int i = 1; i < count; i++) {
		int a = at[i - 1], b = at[i], c = at[i + 1], move = -1;
		Cost now, alt, pick = {INF, 0};
		if (!pair_cost(s, a, b, c, &now))
			continue;
		for (int d = -1; d <= 1; d += 2) {
			int b2 = b + d;
			if (b2 <= a || b2 >= c || !pair_cost(s, a, b2, c, &alt) ||
			    alt.defects > now.defects ||
			    alt.demerits > now.demerits + SOFT_INWORD ||
			    loose_line(s, a, b2) > loose_line(s, a, b) ||
			    loose_line(s, b2, c) > loose_line(s, b, c) || !cost_less(alt, pick))
				continue;
			pick = alt;
			move = b2;
		}
		if (move < 0 || !in->splits_word(in->word_ctx, b) ||
		    in->splits_word(in->word_ctx, move))
			continue;
		best[in->n].demerits += pick.demerits - now.demerits;
		from[move] = a;
		from[c] = move;
		at[i] = move;
	}
	g_free(at);
}

/* Text other than display text: the search without the soft preference, then with it where it
 * matters, then words kept whole where that costs about nothing. */
static bool
search_text(Sums *s, Cost *best, int *from)
{
	bool ok;
	if (s->in->balance || s->in->prefer_spaces || s->in->keep_words)
		return search_fit(s, best, from);
	s->no_soft = true;
	ok = search(s, best, from);
	s->no_soft = false;
	if (ok)
		prefer_units(s, best, from);
	if (ok && s->in->splits_word)
		prefer_words(s, best, from);
	return ok;
}

/* Display text: the author's spaces as the only breaks, if that fits max_lines and the
 * measure, and leaves no line of one or two characters that other breaks would avoid. */
static bool
search_spaces(Sums *s, Cost *best, int *from)
{
	const BreakInput *in = s->in;
	bool ok;
	if (!in->balance || !has_spaces(in))
		return false;
	s->spaces_only = true;
	ok = search_fit(s, best, from) && best[in->n].defects < D_OVERFULL;
	s->spaces_only = false;
	if (ok && best[in->n].defects > 0) {
		Cost *other = g_new(Cost, in->n + 1);
		int *other_from = g_new(int, in->n + 1);
		ok = !search_fit(s, other, other_from) ||
		     other[in->n].defects >= best[in->n].defects;
		g_free(other);
		g_free(other_from);
	}
	return ok;
}

/* Distribute `amount` over the capacities cap[0..k) proportionally, deterministically:
 * floor shares first, then one unit at a time from the left. */
static void
distribute(gint64 amount, const Len *cap, Len *take, int k)
{
	gint64 total = 0, given = 0;
	for (int i = 0; i < k; i++)
		total += cap[i];
	for (int i = 0; i < k; i++) {
		take[i] = total > 0 ? (Len)(amount * cap[i] / total) : 0;
		given += take[i];
	}
	for (int i = 0; given < amount && total > 0; i = (i + 1) % k)
		if (take[i] < cap[i]) {
			take[i]++;
			given++;
		}
}

/* The last resort of push-in: every justification gap gives up to `tighten`, evenly. */
static void
tighten_gaps(const Sums *s, Line *ln, gint64 need, Len *stretch)
{
	const BreakInput *in = s->in;
	int a = ln->start, k = ln->end - ln->start, g = stretch_gaps(s, a, ln->end), j = 0;
	gint64 take = MIN(need, (gint64)in->tighten * g);
	if (g == 0 || take <= 0)
		return;
	for (int i = 0; i < k - 1; i++)
		if (in->flags[a + i] & LB_STRETCH_AFTER)
			stretch[i] = -(Len)(take / g + (j++ < take % g ? 1 : 0));
	ln->flags |= LINE_TIGHTENED;
}

/* Positions for one line: squeeze (punctuation blanks first, then spacing), or stretch the
 * justification gaps evenly, or align. */
static void
set_line(const Sums *s, Lines *out, Line *ln)
{
	const BreakInput *in = s->in;
	int a = ln->start, e = ln->end, k = e - a;
	Len *cap = g_new0(Len, 2 * k + 1), *take = g_new0(Len, 2 * k + 1);
	Len *gap_take = g_new0(Len, k + 1), *stretch = g_new0(Len, k + 1);
	gint64 d = ln->natural - ln->avail;
	Len x = a == 0 ? in->indent : in->hang_indent, x0;

	if (hangs(in, a, e, ln->natural, ln->avail)) {
		ln->flags |= LINE_HANGING;
		d = ln->natural - in->width[e - 1] - ln->avail;
	}

	if (d > 0) {
		gint64 punct = s->sh[e] - s->sh[a];
		for (int i = 0; i < k; i++) {
			cap[2 * i] = in->shrink_l[a + i];
			cap[2 * i + 1] = in->shrink_r[a + i];
		}
		distribute(MIN(d, punct), cap, take, 2 * k);
		if (d > punct && k > 1) {
			Len *gcap = g_new0(Len, k);
			for (int i = 0; i < k - 1; i++)
				gcap[i] = in->gap_shrink[a + i];
			distribute(MIN(d - punct, s->gs[e - 1] - s->gs[a]), gcap, gap_take, k - 1);
			g_free(gcap);
		}
		ln->flags |= LINE_SQUEEZED;
		if (d > squeezable(s, a, e))
			tighten_gaps(s, ln, d - squeezable(s, a, e), stretch);
		if (d > squeezable(s, a, e) + (gint64)in->tighten * stretch_gaps(s, a, e))
			ln->flags |= LINE_OVERFULL;
	} else if (d < 0 && in->align == LB_JUSTIFY && !(ln->flags & LINE_LAST) && !in->balance) {
		int g = stretch_gaps(s, a, e);
		gint64 extra = -d;
		if (g > 0) {
			int j = 0;
			ln->per_gap = (Len)(extra / g);
			ln->gaps = g;
			for (int i = 0; i < k - 1; i++)
				if (in->flags[a + i] & LB_STRETCH_AFTER)
					stretch[i] = (Len)(extra / g) + (j++ < extra % g ? 1 : 0);
			ln->flags |= LINE_STRETCHED;
			if (ln->per_gap > in->em / 4)
				ln->flags |= LINE_LOOSE;
		}
	} else if (d < 0 && in->align == LB_CENTER) {
		x += (Len)(-d / 2);
	} else if (d < 0 && in->align == LB_RIGHT) {
		x += (Len)-d;
	}
	x0 = x;
	for (int i = 0; i < k; i++) {
		int c = a + i;
		out->shift[c] = -take[2 * i];
		out->adv[c] = in->width[c] - take[2 * i] - take[2 * i + 1];
		out->x[c] = x;
		out->drawn[c] = true;
		x += out->adv[c];
		if (i < k - 1)
			x += in->gap[c] - gap_take[i] + stretch[i];
	}
	ln->width = x - x0; /* the text's own width, without indent or alignment offset */
	g_free(cap);
	g_free(take);
	g_free(gap_take);
	g_free(stretch);
}

static void
collect(const Sums *s, const int *from, Lines *out)
{
	const BreakInput *in = s->in;
	int count = count_lines(in, from);
	bool spaces = in->balance && has_spaces(in);
	out->lines = g_new0(Line, count);
	out->n = count;
	for (int p = in->n, i = count - 1; p > 0; p = from[p], i--) {
		Line *ln = &out->lines[i];
		ln->start = from[p];
		ln->next = p;
		ln->end = set_end(in, ln->start, p);
		ln->natural = (Len)natural(s, ln->start, ln->end);
		ln->avail = avail_for(in, ln->start);
		if (p == in->n)
			ln->flags |= LINE_LAST;
		else if (!(in->flags[p] & LB_BREAK_AFTER) && p + 1 < in->n &&
		         natural(s, ln->start, p + 1) - squeezable(s, ln->start, p + 1) <=
		             ln->avail)
			ln->flags |=
			    LINE_PUSHED_OUT; /* the next character fitted, the rules sent it down */
		if (p < in->n && !allowed(in, p))
			ln->flags |= LINE_FORCED;
		if (p < in->n && spaces && !at_space(in, p))
			out->spaces_missed = true;
		if (spaces && count > 1 && at_space(in, from[p]) && at_space(in, p) &&
		    s->core[ln->end] - s->core[ln->start] == 2)
			out->short_parts++;
		set_line(s, out, ln);
	}
}

/* an empty result for the clusters of in */
static Lines *
lines_new(const BreakInput *in)
{
	Lines *out = g_new0(Lines, 1);
	out->nclusters = in->n;
	out->x = g_new0(Len, in->n + 1);
	out->adv = g_new0(Len, in->n + 1);
	out->shift = g_new0(Len, in->n + 1);
	out->drawn = g_new0(bool, in->n + 1);
	return out;
}

/* a search over in: its sums and the tables of the best cost and the break before each
 * cluster */
typedef struct {
	Sums s;
	Cost *best;
	int *from;
} Search;

static void
search_begin(Search *q, const BreakInput *in)
{
	*q = (Search){0};
	sums_init(&q->s, in);
	mark_forced(&q->s);
	q->best = g_new(Cost, in->n + 1);
	q->from = g_new(int, in->n + 1);
}

/* the sequence the search found, set into out */
static Lines *
search_collect(Search *q, Lines *out)
{
	out->defects = q->best[q->s.in->n].defects;
	out->demerits = q->best[q->s.in->n].demerits;
	collect(&q->s, q->from, out);
	return out;
}

static void
search_end(Search *q)
{
	g_free(q->best);
	g_free(q->from);
	sums_done(&q->s);
}

Lines *
lines_break(const BreakInput *in)
{
	Lines *out = lines_new(in);
	Search q;

	if (in->n == 0)
		return out;
	search_begin(&q, in);
	/* display text that cannot fit max_lines is broken as it can: flowctx_squeeze squeezes */
	if (!search_spaces(&q.s, q.best, q.from) && !search_text(&q.s, q.best, q.from) &&
	    !search(&q.s, q.best, q.from)) {
		q.s.emergency = true;
		search(&q.s, q.best, q.from);
	}
	search_collect(&q, out);
	search_end(&q);
	return out;
}

Lines *
lines_break_exact(const BreakInput *in, int nlines)
{
	Lines *out = NULL;
	Search q;

	if (in->n == 0 || nlines < 1 || nlines > in->n)
		return NULL;
	search_begin(&q, in);
	if (search_counted(&q.s, q.best, q.from, nlines, true) && q.best[in->n].defects == 0)
		out = search_collect(&q, lines_new(in));
	search_end(&q);
	return out;
}

void
lines_free(Lines *l)
{
	if (!l)
		return;
	g_free(l->lines);
	g_free(l->x);
	g_free(l->adv);
	g_free(l->shift);
	g_free(l->drawn);
	g_free(l);
}

int
lines_core_count(const BreakInput *in, const Line *line)
{
	int c = 0;
	for (int i = line->start; i < line->end; i++)
		c += (in->flags[i] & LB_CORE) ? 1 : 0;
	return c;
}

void
lines_dump(const Lines *l, const char *text, const int *cluster_start, const int *cluster_len,
           GString *out)
{
	for (int i = 0; i < l->n; i++) {
		const Line *ln = &l->lines[i];
		int b0 = ln->start < ln->end ? cluster_start[ln->start] : 0;
		int b1 =
		    ln->start < ln->end ? cluster_start[ln->end - 1] + cluster_len[ln->end - 1] : 0;
		g_string_append_printf(out, "  line %d [%d,%d) nat=%.2f set=%.2f avail=%.2f", i,
		                       ln->start, ln->end, len_to_pt(ln->natural),
		                       len_to_pt(ln->width), len_to_pt(ln->avail));
		if (ln->gaps)
			g_string_append_printf(out, " +%.3f*%d", len_to_pt(ln->per_gap), ln->gaps);
		if (ln->inset)
			g_string_append_printf(out, " inset=%.2f", len_to_pt(ln->inset));
		if (ln->flags & LINE_SQUEEZED)
			g_string_append_printf(out, " push-in=%.2f",
			                       len_to_pt(ln->natural - ln->avail));
		if (ln->flags & LINE_LOOSE)
			g_string_append(out, " LOOSE");
		if (ln->flags & LINE_OVERFULL)
			g_string_append(out, " OVERFULL");
		if (ln->flags & LINE_FORCED)
			g_string_append(out, " FORCED");
		if (ln->flags & LINE_PUSHED_OUT)
			g_string_append(out, " push-out");
		if (ln->flags & LINE_HANGING)
			g_string_append(out, " hanging");
		if (ln->flags & LINE_TIGHTENED)
			g_string_append(out, " tightened");
		if (ln->flags & LINE_LAST)
			g_string_append(out, " last");
		g_string_append_printf(out, " \"%.*s\"\n", b1 - b0, text + b0);
	}
}
