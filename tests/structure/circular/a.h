/* a.h - a deliberately circular fixture for check-structure.py: a.c calls b.c, b.c calls a.c. */
#pragma once

int a_twice(int x);
