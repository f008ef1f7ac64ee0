/* units.h - Len, the one integer length of huozi (1/1024 pt, the Pango unit at 72 dpi). */
#pragma once

#include <math.h>
#include <stdint.h>

/* All lengths inside the engine are Len: 1/1024 of a PostScript point. The PDF device
 * unit is the point and Pango's unit is 1/1024 of a device unit, so shaped advances are
 * Len without conversion. Conversions happen only at the edges (parsing, dumps, cairo). */
typedef int32_t Len;

#define LEN_PER_PT 1024
#define LEN_MAX    INT32_MAX

static inline Len
len_from_pt(double pt)
{
	return (Len)lround(pt * LEN_PER_PT);
}

static inline Len
len_from_mm(double mm)
{
	return (Len)lround(mm * 72.0 / 25.4 * LEN_PER_PT);
}

static inline double
len_to_pt(Len l)
{
	return (double)l / LEN_PER_PT;
}

/* y moved down to the next multiple of pitch from top (y itself when on one or above top) */
static inline Len
len_snap_down_to_grid(Len top, Len pitch, Len y)
{
	Len off = y - top;
	if (off <= 0)
		return y;
	return top + (off + pitch - 1) / pitch * pitch;
}

/* a fraction of an em: em * num / den, rounded to nearest */
static inline Len
len_em(Len em, int num, int den)
{
	int64_t v = (int64_t)em * num;
	return (Len)(v >= 0 ? (v + den / 2) / den : -((-v + den / 2) / den));
}

#define LEN_MIN2(a, b) ((a) < (b) ? (a) : (b))
#define LEN_MAX2(a, b) ((a) > (b) ? (a) : (b))
