// A function the user vouches for with [[purecc::assume_pure]] is a pure
// call to the rewriter too: loops over it are parallelized in main and in
// a [[pure]] function, sibling calls of it run in parallel (adv118 F3: such
// loops stayed serial without a remark, or with "'inl' is not known to be
// pure").
// RUN: %purecc rewrite --remarks %s -o %t.cpp -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT
#include <cstdio>

[[purecc::assume_pure]] double inl(double x) noexcept {
  double s = 0;
  for (int k = 0; k < 2000; ++k)
    s += x / (k + 1);
  return s;
}

[[pure]] double t(int i) {
  double s = 0;
  for (int o = 0; o < 300; ++o)
    s += inl(i + o);
  // CHECK: assume-pure-calls.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return s;
}

int main() {
  long c = 0;
  for (int i = 0; i < 300; ++i)
    c += static_cast<long>(inl(i));
  // CHECK-DAG: assume-pure-calls.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'c' [purecc-reduction]
  double a = t(1);
  double b = inl(2.5);
  // CHECK-DAG: assume-pure-calls.cpp:[[@LINE-2]]:14: remark: calls to 't' and 'inl' run in parallel [purecc-parallel-calls]
  std::printf("%ld %.3f\n", c, a + b);
}
// OUT: 366650 369273.766
