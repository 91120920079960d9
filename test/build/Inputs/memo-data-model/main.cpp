// Memoizes twice(), which calls ext() of another file.
#include "ext.h"

#include <cstdio>

[[pure, purecc::memo]] long twice(long x) { return 2 * ext(x); }

int main() {
  volatile long v = 7;
  std::printf("%ld\n", twice(v));
}
