// Sibling pure calls in a parameter's default argument stay serial, and a
// remark says why (never silent, adv56 t12): each call that leaves the
// argument out evaluates it where the call is, and purecc rewrites function
// bodies. A default member initializer is the constructors' code: its calls
// run in parallel.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>

[[pure]] long f(long x) {
  long r = 0;
  for (long k = 0; k < 30000; ++k)
    r += (x + k) % 7;
  return r + x;
}
// REMARK-DAG: default-argument-calls.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel reduction of 'r' [purecc-reduction]
constexpr long K = 3;

long h(long a = f(1) + f(K)) { return a; }
// REMARK-DAG: default-argument-calls.cpp:[[@LINE-1]]:17: remark: calls to 'f' and 'f' not parallelized: they are in the default argument of parameter 'a', which each call leaving it out evaluates where the call is: purecc rewrites function bodies, not default arguments [purecc-missed-parallel-calls]
struct S {
  long v;
  S(long b = f(2) * f(3)) : v(b) {}
  // REMARK-DAG: default-argument-calls.cpp:[[@LINE-1]]:14: remark: calls to 'f' and 'f' not parallelized: they are in the default argument of parameter 'b', which each call leaving it out evaluates where the call is: purecc rewrites function bodies, not default arguments [purecc-missed-parallel-calls]
};
struct T {
  long w = f(4) - f(5);
  // REMARK-DAG: default-argument-calls.cpp:[[@LINE-1]]:12: remark: calls to 'f' and 'f' run in parallel [purecc-parallel-calls]
};

int main() {
  S s;
  T t;
  std::printf("%ld %ld %ld\n", h(), s.v, t.w);
}
// OUT: {{^[0-9 -]+$}}
