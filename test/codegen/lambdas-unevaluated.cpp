// A lambda named only in an operand that is never evaluated (`sizeof` in a
// static_assert, the `noexcept` and concept checks the library's
// constrained algorithms make of a callable) is not constant-evaluated:
// its body is rewritten like any other (user52 k01: "it is evaluated in a
// constant expression" of every lambda given to std::ranges::count_if,
// and step's parallel calls lost).
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cstdio>
#include <vector>

[[pure]] long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
// REMARK: lambdas-unevaluated.cpp:[[@LINE-1]]:48: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]

// main's own calls are planned before the lambdas in it:
// REMARK: lambdas-unevaluated.cpp:[[@LINE+9]]:15: remark: call to 'std::ranges::count_if' not parallelized: purecc rewrites the standard algorithms in their iterator form ('std::count_if(v.begin(), v.end(), ...)'), not the std::ranges ones [purecc-missed-algorithm]
int main(int argc, char **) {
  auto step = [](long n) { return fib(n - 1) + fib(n - 2); };
  // REMARK: lambdas-unevaluated.cpp:[[@LINE-1]]:35: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
  static_assert(sizeof(step(3)) == sizeof(long));
  static_assert(noexcept(step(3)) == false);
  std::vector<long> xs{20, 21, 22, 23, 24 + argc};
  auto pair = [](long n) { return fib(n) + fib(n + 1) > 20000; };
  // REMARK: lambdas-unevaluated.cpp:[[@LINE-1]]:35: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
  long hits = std::ranges::count_if(xs, pair);
  std::printf("%ld %ld\n", step(24 + argc), hits);
  // OUT: 75025 4
}
