// Memoizes twice(), which calls ext() and scale() of another file.
#include "ext.h"

#include <cstdio>

[[pure, purecc::memo]] double twice(long x) { return double(2 * ext(x)) + scale(3.0); }

int main() {
  volatile long v = 7;
  std::printf("%.17g\n", twice(v));
}
