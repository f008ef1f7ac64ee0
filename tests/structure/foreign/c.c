/* c.c - defines c_one; d_two, declared in c.h too, is d.c's. */
#include "c.h"

int
c_one(void)
{
	return 1;
}
