#include <cstdio>

#include "series.h"

[[pure]] long twice(long v) { return 2 * v; }

int main() {
  std::printf("fib(24) = %ld, twice = %ld\n", fib(24), twice(fib(20)));
  return 0;
}
