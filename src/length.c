/* length.c - parsing lengths written in files: pt, mm, Chinese type sizes (号), numbers. */
#include "length.h"
#include <glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *name;
	double pt;
} hao[] = {
    {"初号", 42},  {"小初", 36},  {"一号", 26},  {"小一", 24}, {"二号", 22},   {"小二", 18},
    {"三号", 16},  {"小三", 15},  {"四号", 14},  {"小四", 12}, {"五号", 10.5}, {"小五", 9},
    {"六号", 7.5}, {"小六", 6.5}, {"七号", 5.5}, {"八号", 5},
};

double
length_hao_pt(const char *s)
{
	for (size_t i = 0; i < G_N_ELEMENTS(hao); i++)
		if (strcmp(s, hao[i].name) == 0)
			return hao[i].pt;
	return 0;
}

int
length_hao_ladder(double *out, int max)
{
	int n = 0;
	for (size_t i = 0; i < G_N_ELEMENTS(hao) && n < max; i++)
		out[n++] = hao[i].pt;
	return n;
}

bool
length_parse_number(const char *s, double lo, double hi, double *out)
{
	char *end = NULL;
	double v;
	if (!s || !*s || g_ascii_isspace(*s))
		return false;
	v = g_ascii_strtod(s, &end);
	if (end == s || *end != '\0' || !isfinite(v) || v < lo || v > hi)
		return false;
	/* reject hex floats and exponents: "1e9", "0x10" are not lengths a designer writes */
	for (const char *p = s; p < end; p++)
		if (!(g_ascii_isdigit(*p) || *p == '.' || *p == '-' || *p == '+'))
			return false;
	*out = v;
	return true;
}

bool
length_parse(const char *s, Len *out)
{
	double v, pt;
	size_t n;
	char num[64];

	if (!s)
		return false;
	if ((pt = length_hao_pt(s)) > 0) {
		*out = len_from_pt(pt);
		return true;
	}
	n = strlen(s);
	if (n < 3 || n >= sizeof num)
		return false;
	memcpy(num, s, n - 2);
	num[n - 2] = '\0';
	if (!length_parse_number(num, 0, 1e5, &v))
		return false;
	if (strcmp(s + n - 2, "pt") == 0)
		pt = v;
	else if (strcmp(s + n - 2, "mm") == 0)
		pt = v * 72.0 / 25.4;
	else
		return false;
	if (pt > 10000.0 * 72.0 / 25.4 + 1e-6) /* 10 m */
		return false;
	*out = len_from_pt(pt);
	return true;
}

bool
length_parse_int(const char *s, int lo, int hi, int *out)
{
	long v = 0;
	if (!s || !*s)
		return false;
	for (const char *p = s; *p; p++) {
		if (!g_ascii_isdigit(*p))
			return false;
		v = v * 10 + (*p - '0');
		if (v > hi)
			return false;
	}
	if (v < lo)
		return false;
	*out = (int)v;
	return true;
}

bool
length_parse_range(const char *s, int lo, int hi, int *a, int *b)
{
	const char *dash;
	char first[32];
	if (!s)
		return false;
	dash = strchr(s, '-');
	if (!dash)
		return length_parse_int(s, lo, hi, a) && (*b = *a, true);
	if ((size_t)(dash - s) >= sizeof first)
		return false;
	memcpy(first, s, (size_t)(dash - s));
	first[dash - s] = '\0';
	return length_parse_int(first, lo, hi, a) && length_parse_int(dash + 1, lo, hi, b) &&
	       *a <= *b;
}

/* a run of at most 9 digits from p to end as a number, or -1 */
static long
digits_value(const char *p, const char *end)
{
	long v = 0;
	if (p == end || end - p > 9)
		return -1;
	for (; p < end; p++) {
		if (!g_ascii_isdigit(*p))
			return -1;
		v = v * 10 + (*p - '0');
	}
	return v;
}

RangeCheck
length_check_range(const char *s, int lo, int hi, int *a, int *b)
{
	const char *dash, *end;
	long va, vb;
	if (!s || !*s)
		return RANGE_SHAPE;
	for (const char *p = s; *p; p++)
		if (g_ascii_isspace(*p))
			return RANGE_SPACE;
	if (length_parse_range(s, lo, hi, a, b))
		return RANGE_OK;
	end = s + strlen(s);
	if (s[0] == '-') /* a negative number */
		return s[1] && strspn(s + 1, "0123456789") == strlen(s + 1) ? RANGE_OUTSIDE
		                                                            : RANGE_SHAPE;
	dash = strchr(s, '-');
	va = digits_value(s, dash ? dash : end);
	vb = dash ? digits_value(dash + 1, end) : va;
	if (va < 0 || vb < 0)
		return strspn(s, "0123456789-") == strlen(s) && (!dash || !strchr(dash + 1, '-')) &&
		               dash != end - 1
		           ? RANGE_OUTSIDE /* more than 9 digits */
		           : RANGE_SHAPE;
	if (va < lo || va > hi || vb < lo || vb > hi)
		return RANGE_OUTSIDE;
	*a = (int)va;
	*b = (int)vb;
	return RANGE_REVERSED;
}
