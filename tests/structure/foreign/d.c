/* d.c - defines d_two, which c.h declares: check-structure.py must report it. */
#include "c.h"

int
d_two(void)
{
	return c_one() + 1;
}
