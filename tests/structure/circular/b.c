/* b.c - the other half of a deliberate circle: calls back into a.c. */
#include "b.h"
#include "a.h"

int
b_half(int x)
{
	return a_twice(x) / 2;
}
