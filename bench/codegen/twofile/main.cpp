// main.cpp — sums work(b) over 64 blocks, work() being defined in work.cpp.
// Prints "<result> <seconds>".
#include "work.h"

#include <chrono>
#include <cstdio>

int main() {
  auto t0 = std::chrono::steady_clock::now();
  double t = 0;
  for (long b = 0; b < 64; ++b)
    t += work(b);
  std::chrono::duration<double> dt = std::chrono::steady_clock::now() - t0;
  std::printf("%.9g %.6f\n", t, dt.count());
  return 0;
}
