// What ext computes depends on -fwrapv ('x + 1 > x' is true unless signed
// overflow wraps) and on g++'s -fsingle-precision-constant ('1.1' a float).
#include "ext.h"

[[pure]] long ext(long x) { return x + 1 > x ? 1 : 0; }
[[pure]] double scale(double a) { return a * 1.1; }
