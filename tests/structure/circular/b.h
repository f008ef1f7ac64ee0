/* b.h - the other half of the circle. */
#pragma once

int b_half(int x);
