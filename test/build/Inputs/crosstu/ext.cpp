#include "ext.h"

// Enough work for a task: a loop.
[[pure]] double ext(double x) noexcept {
  double s = 0;
  for (int i = 1; i <= 20000; ++i)
    s += x / (i * (double)i);
  return s;
}
