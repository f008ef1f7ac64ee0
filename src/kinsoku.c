/* kinsoku.c - CJK character classes and their line-breaking and spacing properties (clreq/jlreq).
 */
#include "kinsoku.h"
#include <stdlib.h>
#include <string.h>

static const char *const class_names[KC_COUNT] = {
    "ideo",   "kana", "small",    "open",    "close", "pause", "stop",    "colon", "excl",
    "middot", "dash", "ellipsis", "connect", "latin", "digit", "numsign", "space", "other",
};

const char *
kinsoku_class_name(KClass k)
{
	return class_names[k];
}

/* The marks with a class of their own (clreq §3.1.4, §3.1.6). */
static const struct {
	KClass cls;
	const char *chars;
} class_sets[] = {
    {KC_OPEN, "（《「『【〈“‘〔［｛〖〘｟"},
    {KC_CLOSE, "）》」』】〉”’〕］｝〗〙｠"},
    {KC_PAUSE, "、，"},
    {KC_STOP, "。．"},
    {KC_COLON, "：；"},
    {KC_EXCL, "！？‼⁇⁈⁉"},
    {KC_MIDDOT, "·・‧"},
    {KC_DASH, "—―─"},
    {KC_ELLIPSIS, "…⋯"},
    {KC_CONNECT, "～〜－‐‑–／/"},
    {KC_SMALL, "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿー"
               "ゝゞヽヾ々〻"},
    {KC_NUMSIGN, ".,:%+-'‰℃°#&_"},
};

typedef struct {
	gunichar c;
	KClass cls;
} ClassEntry;

static ClassEntry *class_table;
static int class_count;

static int
by_char(const void *a, const void *b)
{
	gunichar x = ((const ClassEntry *)a)->c, y = ((const ClassEntry *)b)->c;
	return (x > y) - (x < y);
}

/* the sorted table of the marks above, built once */
static void
build_table(void)
{
	static gsize done = 0;
	if (!g_once_init_enter(&done))
		return;
	for (size_t i = 0; i < G_N_ELEMENTS(class_sets); i++)
		class_count += (int)g_utf8_strlen(class_sets[i].chars, -1);
	class_table = g_new(ClassEntry, class_count);
	class_count = 0;
	for (size_t i = 0; i < G_N_ELEMENTS(class_sets); i++)
		for (const char *p = class_sets[i].chars; *p; p = g_utf8_next_char(p))
			class_table[class_count++] =
			    (ClassEntry){g_utf8_get_char(p), class_sets[i].cls};
	qsort(class_table, (size_t)class_count, sizeof *class_table, by_char);
	g_once_init_leave(&done, 1);
}

KClass
kinsoku_class(gunichar c)
{
	ClassEntry key = {c, KC_OTHER}, *hit;
	if (c >= 0x4e00 && c <= 0x9fff)
		return KC_IDEO; /* the common case first */
	if (c >= '0' && c <= '9')
		return KC_DIGIT;
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		return KC_LATIN;
	if (c == 0x3000)
		return KC_IDEO; /* ideographic space: a blank character cell */
	if (c == 0x00a0)
		return KC_LATIN; /* no-break space joins its neighbours */
	if (c == ' ' || g_unichar_type(c) == G_UNICODE_SPACE_SEPARATOR)
		return KC_SPACE;
	build_table();
	hit = bsearch(&key, class_table, (size_t)class_count, sizeof key, by_char);
	if (hit)
		return hit->cls;
	if ((c >= 0x3040 && c <= 0x309f) || (c >= 0x30a0 && c <= 0x30ff))
		return KC_KANA;
	if (c < 0x2e80 && (g_unichar_isalpha(c) || g_unichar_ismark(c)))
		return KC_LATIN;
	if (c < 0x2e80 && !g_unichar_isspace(c))
		return g_unichar_ispunct(c) ? KC_OTHER : KC_LATIN;
	return KC_IDEO;
}

bool
kinsoku_is_cjk_punct(KClass k)
{
	return k == KC_OPEN || k == KC_CLOSE || k == KC_PAUSE || k == KC_STOP || k == KC_COLON ||
	       k == KC_EXCL || k == KC_MIDDOT;
}

bool
kinsoku_no_start(KClass k, KinsokuLevel level)
{
	if (level == KINSOKU_NONE)
		return false;
	switch (k) {
	case KC_CLOSE:
	case KC_PAUSE:
	case KC_STOP:
	case KC_COLON:
	case KC_EXCL:
	case KC_MIDDOT:
	case KC_CONNECT:
		return true;
	case KC_SMALL:
		return level == KINSOKU_STRICT;
	default:
		return false;
	}
}

bool
kinsoku_no_end(KClass k, KinsokuLevel level)
{
	return level != KINSOKU_NONE && k == KC_OPEN;
}

bool
kinsoku_is_word(KClass k)
{
	return k == KC_LATIN || k == KC_DIGIT || k == KC_NUMSIGN;
}

bool
kinsoku_is_han(KClass k)
{
	return k == KC_IDEO || k == KC_KANA || k == KC_SMALL;
}

bool
kinsoku_can_break(KClass a, KClass b, KinsokuLevel level)
{
	if (b == KC_SPACE)
		return false; /* break after the space, not before it */
	if (a == KC_SPACE)
		return !kinsoku_no_start(b, level);
	if ((a == KC_DASH && b == KC_DASH) || (a == KC_ELLIPSIS && b == KC_ELLIPSIS))
		return false; /* —— and …… never split */
	if (kinsoku_is_word(a) && (kinsoku_is_word(b) || b == KC_CONNECT))
		return false; /* a Latin word or a number with its signs */
	if (a == KC_CONNECT && kinsoku_is_word(b))
		return false;
	if (a == KC_MIDDOT || b == KC_MIDDOT)
		return false; /* · joins the parts of a name */
	if (level == KINSOKU_NONE)
		return true;
	if (kinsoku_no_start(b, level) || kinsoku_no_end(a, level))
		return false;
	/* strict: a wrapped line does not start with —— or …… */
	if (level == KINSOKU_STRICT && (b == KC_DASH || b == KC_ELLIPSIS))
		return false;
	return true;
}

/* ICU puts a word boundary between 628 and 米 (UAX #29: a number and an ideograph are two
 * words); the classes say they belong together, as a preference, not a rule. */
bool
kinsoku_binds_unit(KClass a, KClass b)
{
	return a == KC_DIGIT && b == KC_IDEO;
}

/* ---- half-width punctuation normalization ---- */

static bool
is_cjk_context(gunichar c)
{
	KClass k = kinsoku_class(c);
	return kinsoku_is_han(k) || kinsoku_is_cjk_punct(k) || k == KC_DASH || k == KC_ELLIPSIS;
}

/* the nearest character before/after position i that is not a space, or 0 */
static gunichar
neighbour(const gunichar *u, glong n, glong i, int dir)
{
	for (glong j = i + dir; j >= 0 && j < n; j += dir)
		if (u[j] != ' ')
			return u[j];
	return 0;
}

static gunichar
full_width(gunichar c)
{
	switch (c) {
	case ',':
		return 0xff0c;
	case ';':
		return 0xff1b;
	case ':':
		return 0xff1a;
	case '!':
		return 0xff01;
	case '?':
		return 0xff1f;
	case '(':
		return 0xff08;
	case ')':
		return 0xff09;
	default:
		return 0;
	}
}

static bool
should_convert(const gunichar *u, glong n, glong i, const bool *open_converted, int depth)
{
	gunichar c = u[i], prev = neighbour(u, n, i, -1), next = neighbour(u, n, i, +1);
	bool digits =
	    i > 0 && i + 1 < n && g_unichar_isdigit(u[i - 1]) && g_unichar_isdigit(u[i + 1]);

	if (c == ')')
		return depth > 0 ? open_converted[depth - 1]
		                 : is_cjk_context(prev) || is_cjk_context(next);
	if (c == '(')
		return is_cjk_context(prev) || is_cjk_context(next);
	if (digits)
		return false; /* 1,000  23:00 */
	if (c == ':' && i + 2 < n && u[i + 1] == '/' && u[i + 2] == '/')
		return false;                                /* a URL */
	return is_cjk_context(prev) || is_cjk_context(next); /* 23:00,记者 -> 23:00，记者 */
}

char *
kinsoku_normalize(const char *text)
{
	glong n = 0;
	gunichar *u = g_utf8_to_ucs4_fast(text, -1, &n);
	bool open_converted[64] = {0};
	int depth = 0;
	GString *out = g_string_sized_new(strlen(text) + 16);

	for (glong i = 0; i < n; i++) {
		gunichar f = full_width(u[i]);
		bool conv = f && should_convert(u, n, i, open_converted, depth);
		if (u[i] == '(' && depth < 64)
			open_converted[depth++] = conv;
		else if (u[i] == ')' && depth > 0)
			depth--;
		if (!conv) {
			g_string_append_unichar(out, u[i]);
			continue;
		}
		while (out->len > 0 && out->str[out->len - 1] == ' ')
			g_string_truncate(out, out->len - 1);
		g_string_append_unichar(out, f);
		while (i + 1 < n && u[i + 1] == ' ')
			i++;
	}
	g_free(u);
	return g_string_free(out, FALSE);
}
