// A memoized function whose text names an alias, a typedef and enumerators
// from a header: editing the header changes what the same text computes.
#include "defs.h"
#include <cstdio>

[[pure, purecc::memo]] double scaled(int n) {
  real third = real(n) / 3;
  return double(third) * int(N) + int(Mode::B) * 1000 + double(sizeof(index_type)) * 100000;
}

int main() { std::printf("scaled = %.17g\n", scaled(1)); }
