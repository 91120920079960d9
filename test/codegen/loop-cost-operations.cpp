// Whether a loop of loop-free work is worth sharing is decided by its work,
// iterations times the operations one iteration runs (codegen/
// OperationCount.h), not by its trip count: 2000 iterations of `x * x + 1`
// ran 6.4 times slower shared (adv115 r02) and stay serial; 1000
// iterations of ten opaque math calls are shared, in leaves of about 16384
// operations. A rarely taken heavy branch does not count (adv119 F3), nor
// does a division by a constant count as a divider's (adv119 F5). A loop
// whose count is not a constant gets the leaf size of its operations.
// RUN: %purecc rewrite --remarks %s -o %t.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: FileCheck %s --check-prefix=LEAF < %t.cpp
// RUN: %e2e %s %t --fp-reassoc=off | FileCheck %s --check-prefix=OUT
#include <cmath>
#include <cstdio>
#include <vector>

[[pure]] float sq(float x) { return x * x + 1.0f; }

[[pure]] double heavy(double x) {
  return std::sin(x) + std::cos(x) + std::exp(x * 1e-3) + std::log(x + 2) + std::atan(x) +
         std::sinh(x * 1e-3) + std::cosh(x * 1e-3) + std::tanh(x) + std::cbrt(x) + std::erf(x);
}

[[pure]] unsigned digits(unsigned x) { return x / 7 + x % 13 + x / 3 + x % 10; }

int main(int argc, char **) {
  std::vector<float> o(2000);
  for (int i = 0; i < 2000; ++i)
    o[i] = sq(float(i));
  // REMARK: loop-cost-operations.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 2000 iterations of loop-free work (about {{[0-9]+}} operations each) are too little to share [purecc-missed-map]

  std::vector<double> h(1000);
  for (int i = 0; i < 1000; ++i)
    h[i] = heavy(i);
  // REMARK: loop-cost-operations.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'h' [purecc-parallel-map]
  // LEAF: {{^}}    h[i] = heavy(i); } }, ::purecc::leaf_size{[[HEAVY:[0-9]+]]});

  std::vector<double> r(2048, 1.0);
  for (int i = 0; i < 2048; ++i)
    r[i] = i == argc ? heavy(i) : r[i] + 1.0;
  // REMARK: loop-cost-operations.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 2048 iterations of loop-free work (about {{[0-9]+}} operations each) are too little to share [purecc-missed-map]

  std::vector<unsigned> d(1024);
  for (unsigned i = 0; i < 1024; ++i)
    d[i] = digits(i);
  // REMARK: loop-cost-operations.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 1024 iterations of loop-free work (about {{[0-9]+}} operations each) are too little to share [purecc-missed-map]

  long n = 3000 + argc;
  std::vector<float> v(n);
  for (long i = 0; i < n; ++i)
    v[i] = sq(float(i));
  // REMARK: loop-cost-operations.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'v' [purecc-parallel-map]
  // LEAF: {{^}}    v[i] = sq(float(i)); } }, ::purecc::leaf_size{2048});

  double s = 0;
  for (int i = 0; i < 1000; ++i)
    s += o[2 * i] + h[i] + r[2 * i] + d[i] + v[3 * i];
  std::printf("%.6f\n", s);
}
// OUT: 4327107499.142758
