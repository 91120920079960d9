// A structured binding at namespace scope, named in code that would move
// into a lambda: clang++ 19 crashes (a segfault) compiling such a lambda
// under -fopenmp, so the loop stays as written, with the reason; a local
// binding is fine (found by gref24).
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>

struct Pair {
  long a, b;
};
const auto [base, step] = Pair{3, 4};

[[pure]] long heavy(long i) {
  long x = i;
  for (long k = 0; k < 300; ++k)
    x = (x * 31 + k) % 1000003;
  return x;
}

int main() {
  long s = 0;
  for (long i = 0; i < 3000; ++i)
    s += heavy(i) + base;
  // REMARK: namespace-bindings.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop body uses 'base', a structured binding at namespace scope, which clang++ 19 cannot name inside a lambda under '-fopenmp' [purecc-missed-reduction]
  const auto [lo, hi] = Pair{1, 2};
  long t = 0;
  for (long i = 0; i < 3000; ++i)
    t += heavy(i) * lo + hi;
  // REMARK: namespace-bindings.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 't' [purecc-reduction]
  std::printf("%ld %ld %ld\n", s, t, step);
  return 0;
}
// OUT: 1501951535 1501948535 4
