// Calls in two statements with an early exit between them: the serial
// program does not make the later call when it leaves, so the calls stay
// where they are, and the remark names the exit. A later call that reads
// what the earlier statement stores is no sibling of it at all: no remark
// blames the exit then (user49 f03: `H h = march(x); if (!h.hit) return
// 0.0; double s = shade(h.t);` was said to be kept serial by the 'return').
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>

struct Hit {
  bool hit;
  double t;
};

[[pure]] Hit march(double x) {
  double t = 0;
  for (int i = 0; i < 1000; ++i)
    t += 1e-3 * x;
  return {t > 0.5, t};
}
[[pure]] double shade(double t) {
  double s = 0;
  for (int i = 0; i < 1000; ++i)
    s += t * 1e-3;
  return s;
}

[[pure]] double dependent(double x) {
  Hit h = march(x);
  if (!h.hit)
    return 0.0;
  double s = shade(h.t);
  return s;
}
[[pure]] double independent(double x) {
  double a = shade(x);
  if (a > 100)
    return a;
  double b = shade(x + 1);
  // REMARK: statements-early-exits.cpp:[[@LINE-1]]:14: remark: calls to 'shade' and 'shade' not parallelized: the statement on line [[@LINE-3]] between them may leave the block, and the serial program does not make the later call then [purecc-missed-parallel-calls]
  return a + b;
}

int main() {
  std::printf("%.6f %.6f %.6f\n", dependent(0.7), dependent(0.3), independent(0.5));
  // REMARK: statements-early-exits.cpp:[[@LINE-1]]:35: remark: calls to 'dependent', 'dependent' and 'independent' run in parallel [purecc-parallel-calls]
  return 0;
}
// OUT: 0.700000 0.000000 2.000000
