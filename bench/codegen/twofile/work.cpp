#include "work.h"

#include <cmath>

// The sum of sin(i) over one block of 1e6 terms.
[[pure]] double work(long block) noexcept {
  double s = 0;
  for (long i = block * 1000000; i < (block + 1) * 1000000; ++i)
    s += std::sin(double(i));
  return s;
}
