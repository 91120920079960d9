// sumsin.cpp — the sum of sin(i) for i < n (n = 1e8): a flat reduction of
// ~10-20 ns items. Floating point: parallel variants associate the additions
// differently, so the runner compares them to serial with a tolerance. The
// serial original of the suite's sumsin.
#include <cmath>

#include "suite.h"

[[pure]] double sum_sin(long n) {
  double s = 0;
  for (long i = 0; i < n; ++i) s += std::sin(static_cast<double>(i));
  return s;
}

#ifndef PURECC_SUITE_VARIANT
int main(int argc, char** argv) {
  long n = suite::size_arg(argc, argv, 100'000'000);
  suite::timer t;
  double r = sum_sin(n);
  suite::report(r, t);
}
#endif
