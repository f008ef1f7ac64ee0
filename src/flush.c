/* flush.c - the make-up's plan for a module its text leaves short: the head group, space before
 * inner subheads and labels, and paragraphs pulled up or pushed down a line take the leftover
 * grid lines, so that every column ends on the module's last line. Pure.
 *
 * The leftover U (grid lines the last frame's columns leave empty, filled as they are) is
 * taken, in the layout's order, by:
 *   1. the head group: each grid line it grows by takes one line of every column under it;
 *   2. space before inner subheads and labels: one line each (up to subhead-max each), every
 *      heading the same or none;
 *   3. paragraphs set a line shorter (缩行: the punctuation of its lines pushed in, a short last
 *      line pulled up) or a line longer (拉行: only where that needs no loose line), up to
 *      pull-max per module. A pull gives back a line where the head group took one too many,
 *      so that a story of C columns can end flush whatever its length modulo C.
 * Each candidate (h head lines, s headings, p pulls or pushes) is counted from U, then checked
 * by filling the columns: the plan is the first that ends flush, ordered by fewest paragraphs
 * edited, then the most head lines. When the widow and orphan rules keep the columns from
 * ending level, and the layout says level columns win (level="columns"), the check runs again
 * without them. When no candidate ends flush the plan is the one that leaves the fewest lines,
 * which may be no change at all: the last candidate is the head group and the headings taking
 * what they can without an edit. */
#include "flush.h"
#include <glib.h>
#include <string.h>

#define MAX_CANDIDATES 64

typedef struct {
	int head, subs, pulls, pushes;
} Candidate;

static int
segment_end(const FlushInput *in, int r0)
{
	int r1 = r0 + 1;
	while (r1 < in->nrows && in->para[r1] == in->para[r0])
		r1++;
	return r1;
}

void
flush_grow_column(ColfillColumn *col, Len d, Len pitch)
{
	for (int i = 0; i < col->nholes; i++)
		if (col->hole_top[i] <= col->top &&
		    col->hole_bottom[i] - pitch + d <= col->bottom) {
			col->hole_top[i] += d;
			col->hole_bottom[i] += d;
		}
	col->top += d;
}

ColfillRow *
flush_apply(const ColfillGrid *g, const FlushInput *in, const FlushPlan *plan, ColfillColumn *cols,
            int *nrows)
{
	ColfillRow *out = g_new(ColfillRow, in->nrows + in->npara + 1);
	int n = 0;
	for (int r0 = 0; r0 < in->nrows;) {
		int r1 = segment_end(in, r0), m = r1 - r0, p = in->para[r0];
		int newm = MAX(m + (plan->delta ? plan->delta[p] : 0), 1);
		for (int j = 0; j < newm; j++) {
			ColfillRow row = in->rows[r0 + MIN(j, m - 1)];
			row.line = j;
			row.nlines = newm;
			row.space_before = j == 0 ? in->rows[r0].space_before : 0;
			row.space_after = j == newm - 1 ? in->rows[r1 - 1].space_after : 0;
			if (j == 0 && plan->sub_lines)
				row.space_before += plan->sub_lines[r0] * g->pitch;
			out[n++] = row;
		}
		r0 = r1;
	}
	for (int k = 0; k < in->ncols; k++) {
		cols[k] = in->cols[k];
		if (in->under_head && in->under_head[k])
			flush_grow_column(&cols[k], plan->head * g->pitch, g->pitch);
		cols[k].limit = cols[k].bottom;
	}
	*nrows = n;
	return out;
}

/* grid lines the last frame leaves empty, -1 when not every row is placed */
static int
measure(const ColfillGrid *g, const ColfillRow *rows, int nrows, const ColfillColumn *cols,
        int ncols, int first)
{
	Len *ends = g_new0(Len, ncols + 1);
	int placed = colfill_fill(g, rows, nrows, cols, ncols, ends, NULL), under = 0;
	/* the last frame's columns, and the earlier frames' too: a column the widow rules leave a
	 * line short before the jump is as empty as one at the end */
	for (int k = first > 0 ? 0 : first; placed == nrows && k < ncols; k++)
		under += (int)(MAX(colfill_floor(&cols[k]) - ends[k], 0) / g->pitch);
	g_free(ends);
	return placed == nrows ? under : -1;
}

int
flush_underset(const ColfillGrid *g, const FlushInput *in)
{
	FlushPlan none = {0};
	ColfillColumn *cols = g_new(ColfillColumn, in->ncols + 1);
	int n, under;
	g_autofree ColfillRow *rows = flush_apply(g, in, &none, cols, &n);
	under = measure(g, rows, n, cols, in->ncols, in->first);
	g_free(cols);
	return under;
}

/* an inset photo at the top of the column's text: a line more of head group costs the column no
 * line of text (the photo moves down with it, or the text already starts under it) */
static bool
top_in_hole(const ColfillColumn *col)
{
	for (int i = 0; i < col->nholes; i++)
		if (col->hole_top[i] <= col->top && col->hole_bottom[i] > col->top)
			return true;
	return false;
}

static int
under_head_cols(const FlushInput *in)
{
	int n = 0;
	/* in a story that jumps the head group's columns are in the first frame: what a line of it
	 * takes there goes on into the last */
	for (int k = 0; in->under_head && k < in->ncols; k++)
		n += in->under_head[k] && !top_in_hole(&in->cols[k]) ? 1 : 0;
	return n;
}

static int
count_true(const bool *a, int n)
{
	int c = 0;
	for (int i = 0; a && i < n; i++)
		c += a[i] ? 1 : 0;
	return c;
}

/* the candidates that take exactly U lines by count, in the order they are tried */
static int
candidates(const FlushInput *in, const FlushRules *rules, int under, Candidate *out)
{
	int nhd = count_true(in->heading, in->nrows), nh = under_head_cols(in),
	    nsub = nhd * rules->sub_max;
	int npull = MIN(count_true(in->pull, in->npara), rules->pull_max);
	int npush = MIN(count_true(in->push, in->npara), rules->pull_max);
	int n = 0;
	for (int h = 0; h <= (nh > 0 ? rules->head_max : 0) && n < MAX_CANDIDATES; h++) {
		int s = under - h * nh;
		Candidate c = {h, 0, 0, 0};
		if (s >= 0) {
			/* every heading the same space, or none: one brief item set off by a blank
			 * line and the next not reads as a mistake */
			c.subs = MIN(s, nsub) / MAX(nhd, 1) * nhd;
			c.pushes = s - c.subs;
			if (c.pushes > npush)
				continue;
		} else {
			c.pulls = -s;
			if (c.pulls > npull)
				break; /* more head lines only need more pulls */
		}
		out[n++] = c;
	}
	/* fewest paragraphs edited first, then the most head lines */
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0; j--) {
			Candidate a = out[j - 1], b = out[j];
			int ea = a.pulls + a.pushes, eb = b.pulls + b.pushes;
			if (eb < ea || (eb == ea && b.head > a.head)) {
				out[j - 1] = b;
				out[j] = a;
			}
		}
	/* last, what takes as much as it can without edits, when nothing ends flush */
	if (n < MAX_CANDIDATES) {
		Candidate c = {nh > 0 ? MIN(rules->head_max, under / nh) : 0, 0, 0, 0};
		c.subs = MIN(under - c.head * nh, nsub);
		out[n++] = c;
	}
	return n;
}

/* the k cheapest paragraphs that can take the edit (ties to the earlier one) */
static void
choose_paras(const FlushInput *in, const bool *can, int k, int d, int *delta)
{
	for (int taken = 0; taken < k; taken++) {
		int best = -1;
		for (int p = 0; p < in->npara; p++)
			if (can[p] && delta[p] == 0 &&
			    (best < 0 || in->edit_cost[p] < in->edit_cost[best]))
				best = p;
		if (best < 0)
			return;
		delta[best] = d;
	}
}

/* headings to give space to: those not at the top of a column as filled now first (space at a
 * column's top is dropped), in reading order */
static void
choose_headings(const ColfillGrid *g, const FlushInput *in, const FlushRules *rules, int subs,
                int *sub_lines)
{
	ColfillSpot *spots = g_new0(ColfillSpot, in->nrows + 1);
	Len *ends = g_new0(Len, in->ncols + 1);
	int placed = colfill_fill(g, in->rows, in->nrows, in->cols, in->ncols, ends, spots);
	for (int pass = 0; pass < 2 && subs > 0; pass++)
		for (int each = 0; each < rules->sub_max && subs > 0; each++)
			for (int r = 0; r < in->nrows && subs > 0; r++) {
				bool at_top =
				    r >= placed || spots[r].y <= in->cols[spots[r].col].top;
				if (!in->heading[r] || (pass == 0 && at_top) ||
				    (pass == 1 && !at_top) || sub_lines[r] != each)
					continue;
				sub_lines[r]++;
				subs--;
			}
	g_free(spots);
	g_free(ends);
}

static int
try_plan(const ColfillGrid *g, const FlushInput *in, const FlushPlan *plan)
{
	ColfillColumn *cols = g_new(ColfillColumn, in->ncols + 1);
	int n, under;
	g_autofree ColfillRow *rows = flush_apply(g, in, plan, cols, &n);
	under = measure(g, rows, n, cols, in->ncols, in->first);
	g_free(cols);
	return under;
}

static int
edits(const FlushPlan *p, const FlushInput *in)
{
	int n = 0;
	for (int k = 0; k < in->npara; k++)
		n += p->delta[k] != 0 ? 1 : 0;
	return n;
}

/* A candidate counted from U does not always fill as counted: the widow and orphan rules, or
 * text that moves on from a first frame into the last, shift lines. Its result is corrected a
 * paragraph at a time, within pull-max: one more pushed while lines are left, one more pulled
 * while it does not fit. Returns the underset of the plan as corrected (-1: overset). */
static int
refine(const ColfillGrid *g, const FlushInput *in, const FlushRules *rules, FlushPlan *trial)
{
	int under = try_plan(g, in, trial);
	while (under != 0 && edits(trial, in) < rules->pull_max) {
		const bool *can = under > 0 ? in->push : in->pull;
		int d = under > 0 ? +1 : -1, best = -1, best_under = under;
		/* each paragraph that can take the edit, the cheapest that helps most */
		for (int p = 0; can && p < in->npara; p++) {
			int next;
			if (!can[p] || trial->delta[p] != 0)
				continue;
			trial->delta[p] = d;
			next = try_plan(g, in, trial);
			trial->delta[p] = 0;
			/* better: fewer lines left, or no longer overset */
			if (next >= 0 && (best_under < 0 || next < best_under ||
			                  (next == best_under && best >= 0 &&
			                   in->edit_cost[p] < in->edit_cost[best]))) {
				best = p;
				best_under = next;
			}
		}
		if (best < 0 || (under >= 0 && best_under >= under))
			break;
		trial->delta[best] = d;
		under = best_under;
	}
	return under;
}

static void
plan_reset(FlushPlan *p, const FlushInput *in)
{
	p->head = 0;
	p->level = false;
	memset(p->sub_lines, 0, sizeof *p->sub_lines * (gsize)(in->nrows + 1));
	memset(p->delta, 0, sizeof *p->delta * (gsize)(in->npara + 1));
}

static void
plan_copy(FlushPlan *dst, const FlushPlan *src, const FlushInput *in)
{
	dst->head = src->head;
	dst->level = src->level;
	dst->underset = src->underset;
	dst->fits = src->fits;
	memcpy(dst->sub_lines, src->sub_lines, sizeof *dst->sub_lines * (gsize)(in->nrows + 1));
	memcpy(dst->delta, src->delta, sizeof *dst->delta * (gsize)(in->npara + 1));
}

FlushPlan *
flush_plan(const ColfillGrid *g, const FlushInput *in, const FlushRules *rules)
{
	FlushPlan *best = g_new0(FlushPlan, 1), trial = {0};
	Candidate cand[MAX_CANDIDATES];
	int n;

	best->sub_lines = g_new0(int, in->nrows + 1);
	best->delta = g_new0(int, in->npara + 1);
	best->underset = best->underset_was = flush_underset(g, in);
	best->fits = best->underset >= 0;
	if (best->underset <= 0) /* flush already, or overset: nothing to plan */
		return best;
	trial.sub_lines = g_new0(int, in->nrows + 1);
	trial.delta = g_new0(int, in->npara + 1);
	n = candidates(in, rules, best->underset, cand);
	for (int i = 0; i < n && best->underset > 0; i++) {
		int *initial;
		plan_reset(&trial, in);
		trial.head = cand[i].head;
		choose_headings(g, in, rules, cand[i].subs, trial.sub_lines);
		if (in->pull)
			choose_paras(in, in->pull, cand[i].pulls, -1, trial.delta);
		if (in->push)
			choose_paras(in, in->push, cand[i].pushes, +1, trial.delta);
		initial = g_memdup2(trial.delta, sizeof *trial.delta * (gsize)(in->npara + 1));
		for (int level = 0; level <= (rules->level ? 1 : 0); level++) {
			ColfillGrid gl = *g;
			if (level) /* refined afresh: the same candidate without the widow rules */
				memcpy(trial.delta, initial,
				       sizeof *initial * (gsize)(in->npara + 1));
			gl.level = level;
			trial.level = level;
			trial.underset = refine(&gl, in, rules, &trial);
			trial.fits = trial.underset >= 0;
			if (trial.fits && trial.underset < best->underset)
				plan_copy(best, &trial, in);
			if (best->underset == 0)
				break;
		}
		g_free(initial);
	}
	g_free(trial.sub_lines);
	g_free(trial.delta);
	return best;
}

void
flush_plan_free(FlushPlan *p)
{
	if (!p)
		return;
	g_free(p->sub_lines);
	g_free(p->delta);
	g_free(p);
}
