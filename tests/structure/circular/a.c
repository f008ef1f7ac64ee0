/* a.c - half of a deliberate circle (tests/structure/check-structure.py must find it). */
#include "a.h"
#include "b.h"

int
a_twice(int x)
{
	return x > 0 ? b_half(x - 1) * 2 : 0;
}
