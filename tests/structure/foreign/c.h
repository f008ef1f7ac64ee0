/* c.h - a fixture for check-structure.py: a header declaring a function of another file. */
#pragma once

int c_one(void);
int d_two(void);
