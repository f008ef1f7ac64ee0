/* length.h - parsing lengths written in files: pt, mm, Chinese type sizes (号), numbers. */
#pragma once

#include "units.h"
#include <stdbool.h>

/* "9pt", "3.5mm", "小五", "五号", "初号". Returns false on anything else, negative, NaN or
 * larger than 10 m. A bare number is rejected: units are required. */
bool length_parse(const char *s, Len *out);
/* a decimal number such as "2", "0.25", "-0.05" within [lo, hi]; false otherwise */
bool length_parse_number(const char *s, double lo, double hi, double *out);
/* a positive integer within [lo, hi] */
bool length_parse_int(const char *s, int lo, int hi, int *out);
/* "a" or "a-b" with lo <= a <= b <= hi */
bool length_parse_range(const char *s, int lo, int hi, int *a, int *b);
/* What is wrong with a range "a" or "a-b" (length_check_range) */
typedef enum {
	RANGE_OK,
	RANGE_SPACE,    /* white space in it (values are taken as written) */
	RANGE_SHAPE,    /* not a number or two joined by "-" */
	RANGE_OUTSIDE,  /* a number outside [lo, hi] */
	RANGE_REVERSED, /* a > b: *a and *b are set */
} RangeCheck;
/* length_parse_range, saying what is wrong when it fails */
RangeCheck length_check_range(const char *s, int lo, int hi, int *a, int *b);
/* the size of a Chinese 号 name in pt, or 0 */
double length_hao_pt(const char *s);
/* the named sizes (号) in points, largest (初号) first, at most max of them; returns how many */
int length_hao_ladder(double *out, int max);
