// Sibling calls that are the operands of a comma operator still run, in
// parallel; the left operand's value is thrown away, and its result variable
// there gets a '(void)' (a plain variable is "left operand of comma operator
// has no effect" to g++ and clang++, where the call was not).
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>

// REMARK: [[@LINE+1]]:48: remark: calls to 'fib' and 'fib' run in parallel
[[pure]] long fib(long k) { return k < 2 ? k : fib(k - 1) + fib(k - 2); }

int main(int argc, char **) {
  long k = 20 + argc;
  // REMARK: [[@LINE+2]]:13: remark: calls to 'fib' and 'fib' run in parallel
  // CHECK: long z = ((void)purecc_r{{[0-9]+}}, purecc_r{{[0-9]+}});
  long z = (fib(k), fib(k - 1));
  // REMARK: [[@LINE+2]]:14: remark: calls to 'fib', 'fib' and 'fib' run in parallel
  // CHECK: long y = (((void)purecc_r{{[0-9]+}}), (void)purecc_r{{[0-9]+}}, purecc_r{{[0-9]+}} + 1);
  long y = ((fib(k)), fib(k - 2), fib(k - 3) + 1);
  std::printf("%ld %ld\n", z, y);
  // OUT: {{^}}6765 2585{{$}}
}
