// A project header found through -I or -isystem and included with angle
// brackets; its [[pure]] attribute must send the compile through purecc.
#pragma once
#include <proj/detail.h>

[[pure]] inline long binary_ones(long x) { return x == 0 ? 0 : (x & 1) + binary_ones(x >> 1); }
