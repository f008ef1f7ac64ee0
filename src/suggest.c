/* suggest.c - "did you mean": the known name closest to a mistyped one, by Damerau-Levenshtein
 * distance over characters, with a threshold relative to the names' length. */
#include "suggest.h"
#include "i18n.h"
#include <string.h>

/* the characters of s, ASCII letters folded to lower case; NULL when longer than the limit or
 * not UTF-8 */
static gunichar *
chars_of(const char *s, glong *n)
{
	gunichar *u;
	if (!g_utf8_validate(s, -1, NULL))
		return NULL;
	*n = g_utf8_strlen(s, -1);
	if (*n > SUGGEST_MAX_CHARS)
		return NULL;
	u = g_utf8_to_ucs4_fast(s, -1, NULL);
	for (glong i = 0; i < *n; i++)
		if (u[i] < 0x80)
			u[i] = (gunichar)g_ascii_tolower((gchar)u[i]);
	return u;
}

/* The optimal string alignment distance over three rows of the dynamic programme: row i holds
 * the distances from a's first i characters to each prefix of b. */
static int
osa(const gunichar *a, glong n, const gunichar *b, glong m)
{
	int rows[3][SUGGEST_MAX_CHARS + 1];
	int *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
	for (glong j = 0; j <= m; j++)
		prev[j] = (int)j;
	for (glong i = 1; i <= n; i++) {
		cur[0] = (int)i;
		for (glong j = 1; j <= m; j++) {
			int cost = a[i - 1] == b[j - 1] ? 0 : 1;
			int d = MIN(MIN(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
				d = MIN(d, prev2[j - 2] + 1);
			cur[j] = d;
		}
		{
			int *t = prev2;
			prev2 = prev;
			prev = cur;
			cur = t;
		}
	}
	return prev[m];
}

int
suggest_distance(const char *a, const char *b)
{
	glong n = 0, m = 0;
	g_autofree gunichar *ua = chars_of(a, &n);
	g_autofree gunichar *ub = ua ? chars_of(b, &m) : NULL;
	if (!ua || !ub)
		return G_MAXINT;
	return osa(ua, n, ub, m);
}

const char *
suggest_best(const char *word, const char *const *known)
{
	const char *best = NULL;
	int best_d = G_MAXINT;
	glong wn = g_utf8_validate(word, -1, NULL) ? g_utf8_strlen(word, -1) : 0;
	if (wn == 0 || wn > SUGGEST_MAX_CHARS)
		return NULL;
	for (int k = 0; known[k]; k++) {
		glong kn = g_utf8_strlen(known[k], -1);
		int d = suggest_distance(word, known[k]);
		int limit = (int)MAX(1, MAX(wn, kn) / 3);
		if (d > limit || d >= MIN(wn, kn))
			continue;
		if (d < best_d) {
			best = known[k];
			best_d = d;
		}
	}
	return best;
}

char *
suggest_hint(const char *word, const char *const *known, const char *rest)
{
	const char *best = suggest_best(word, known);
	if (best && rest)
		return g_strdup_printf(_("did you mean '%s'? %s"), best, rest);
	if (best)
		return g_strdup_printf(_("did you mean '%s'?"), best);
	return g_strdup(rest);
}

char *
suggest_list(const char *const *known)
{
	return g_strjoinv(", ", (char **)known);
}
