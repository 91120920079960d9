// Calls a [[pure]] function defined in another file (ext.cpp).
#include "ext.h"
#include <cstdio>

int main() {
  std::printf("%.6f\n", ext(1.0) * ext(2.0));
  // CHECK: main.cpp:[[@LINE-1]]:25: remark: calls to 'ext' and 'ext' run in parallel [purecc-parallel-calls]
  double t = 0;
  for (int i = 0; i < 200; ++i)
    t += ext(i);
  // CHECK: main.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 't' [purecc-reduction]
  std::printf("%.6f\n", t);
  return 0;
}
