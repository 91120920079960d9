// Sibling calls inside one branch of '?:', in a condition, or under a
// non-block declaration run in parallel inside the branch: the serial program
// evaluates only the branch it picks, so only that branch's calls are made.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cmath>
#include <cstdio>
#include <limits>

// The usual way to write fib: the taken branch becomes an immediately invoked
// lambda, and the function still gets its serial clone.
// CHECK:      {{^}}static long purecc_serial_fib_{{[0-9]+}}(int n) { return n < 2 ? n : purecc_serial_fib_{{[0-9]+}}(n - 1) + purecc_serial_fib_{{[0-9]+}}(n - 2); }
// CHECK:      {{^}}/*{{\[\[}}pure]]*/ long fib(int n) { if (!::purecc::should_spawn()) return purecc_serial_fib_{{[0-9]+}}(n); return n < 2 ? n : [&] { auto [purecc_r0, purecc_r1] = ::purecc::parallel_invoke([&] { return fib(n - 1); }, [&] { return fib(n - 2); }); return purecc_r0 + purecc_r1; }(); }
[[pure]] long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
// REMARK: conditional-calls.cpp:[[@LINE-1]]:47: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]

// Nested '?:' and both branches: each branch gets its own group.
// CHECK: {{^}}  return n < 2 ? n : n % 2 ? [&] { auto [purecc_r{{[0-9]+}}, purecc_r{{[0-9]+}}] = ::purecc::parallel_invoke([&] { return fib(n - 1); }, [&] { return fib(n - 3); }); return purecc_r{{[0-9]+}} * purecc_r{{[0-9]+}}; }() : [&] { auto [purecc_r{{[0-9]+}}, purecc_r{{[0-9]+}}] = ::purecc::parallel_invoke([&] { return fib(n - 2); }, [&] { return fib(n - 4); }); return purecc_r{{[0-9]+}} - purecc_r{{[0-9]+}}; }();
[[pure]] long mixed(int n) {
  return n < 2 ? n : n % 2 ? fib(n - 1) * fib(n - 3) : fib(n - 2) - fib(n - 4);
}
// REMARK: conditional-calls.cpp:[[@LINE-2]]:30: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
// REMARK: conditional-calls.cpp:[[@LINE-3]]:56: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]

// A condition: evaluated every time the `if` is.
// CHECK: {{^}}  if ([&] { auto [purecc_r{{[0-9]+}}, purecc_r{{[0-9]+}}] = ::purecc::parallel_invoke([&] { return fib(a); }, [&] { return fib(b); }); return purecc_r{{[0-9]+}} > purecc_r{{[0-9]+}}; }())
[[pure]] int larger(int a, int b) {
  if (fib(a) > fib(b))
    return a;
  return b;
}
// REMARK: conditional-calls.cpp:[[@LINE-4]]:7: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]

// A branch that is an lvalue stays: the lambda would return a copy.
[[pure]] long pick(bool c, long x) {
  long z = 0;
  return (c ? x : (fib(20), fib(21), z)) + 1;
}
// REMARK: conditional-calls.cpp:[[@LINE-2]]:20: remark: calls to 'fib' and 'fib' not parallelized: the expression around them is not a value [purecc-missed-parallel-calls]

// constexpr and const objects cannot be written by anyone, not even printf.
[[pure]] int nan_sign(double x) { return std::signbit(x) ? -1 - (int)fib(20) % 2 : 1 + (int)fib(21) % 2; }
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();
double mutableNaN = std::numeric_limits<double>::quiet_NaN();

int main() {
  std::printf("%ld %ld %d %d %ld\n", fib(25), mixed(22), larger(20, 21), larger(21, 19), pick(true, 4));
  // REMARK: conditional-calls.cpp:[[@LINE-1]]:38: remark: calls to 'fib', 'mixed', 'larger', 'larger' and 'pick' run in parallel [purecc-parallel-calls]
  std::printf("%d %d %d %d\n", nan_sign(kNaN), nan_sign(-kNaN), nan_sign(kInf), nan_sign(-kInf));
  // REMARK: conditional-calls.cpp:[[@LINE-1]]:32: remark: calls to 'nan_sign', 'nan_sign', 'nan_sign' and 'nan_sign' run in parallel [purecc-parallel-calls]
  // The 'printf' around the calls runs only once they have returned
  // (user49 f02); one beside them may write a mutable global first.
  std::printf("%d %d\n", nan_sign(mutableNaN), nan_sign(-mutableNaN));
  // REMARK: conditional-calls.cpp:[[@LINE-1]]:26: remark: calls to 'nan_sign' and 'nan_sign' run in parallel [purecc-parallel-calls]
  // CHECK: {{^}}  std::printf("%d %d %d\n", nan_sign(mutableNaN), nan_sign(-mutableNaN), std::printf(" "));
  std::printf("%d %d %d\n", nan_sign(mutableNaN), nan_sign(-mutableNaN), std::printf(" "));
  // REMARK: conditional-calls.cpp:[[@LINE-1]]:29: remark: calls to 'nan_sign' and 'nan_sign' not parallelized: 'printf' may write the memory their arguments read [purecc-missed-parallel-calls]
  // NAN is `__builtin_nanf("")`: it reads through a pointer, but only into
  // a string literal, which nothing can write.
  std::printf("%d %d\n", nan_sign(NAN), nan_sign(-NAN));
  // REMARK: conditional-calls.cpp:[[@LINE-1]]:26: remark: calls to 'nan_sign' and 'nan_sign' run in parallel [purecc-parallel-calls]
  long t = fib(1) < 0 ? 0 : fib(22) + fib(23);
  // REMARK: conditional-calls.cpp:[[@LINE-1]]:29: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
  std::printf("%ld\n", t);
  return 0;
}
// OUT: 75025 4181 21 21 5
// OUT-NEXT: 1 -2 1 -2
// OUT-NEXT: 1 -2
// OUT-NEXT:  1 -2 1
// OUT-NEXT: 1 -2
// OUT-NEXT: 46368
