// Never silent about sibling calls whose results are not stored into a
// local variable the function owns: a run of calls stores its results after
// every call has returned, into locals (ParallelStatements.h). A store into
// an element or a member, or a reference bound to the result, says so; the
// locals next to them still run in parallel.
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>

[[pure]] long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
// CHECK: remark-sibling-stores.cpp:[[@LINE-1]]:48: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]

struct P {
  long a, b;
};

int main() {
  long arr[2];
  arr[0] = fib(25);
  // CHECK: remark-sibling-stores.cpp:[[@LINE-1]]:12: remark: calls to 'fib' and 'fib' not parallelized: the result of 'fib' is stored into 'arr[0]', not into a variable: only a result stored into a local variable joins a run of calls [purecc-missed-parallel-calls]
  arr[1] = fib(24);
  P p{0, 0};
  p.a = fib(25);
  // CHECK: remark-sibling-stores.cpp:[[@LINE-1]]:9: remark: calls to 'fib' and 'fib' not parallelized: the result of 'fib' is stored into 'p.a', not into a variable: only a result stored into a local variable joins a run of calls [purecc-missed-parallel-calls]
  p.b = fib(24);
  // CHECK: remark-sibling-stores.cpp:[[@LINE-1]]:9: remark: calls to 'fib' and 'fib' not parallelized: the result of 'fib' is stored into 'p.b', not into a variable: only a result stored into a local variable joins a run of calls [purecc-missed-parallel-calls]
  long w = fib(23);
  long x = fib(22);
  const long &cr = fib(21);
  // CHECK: remark-sibling-stores.cpp:[[@LINE-1]]:20: remark: calls to 'fib' and 'fib' not parallelized: 'cr' is a reference bound to the result of 'fib': only a result stored into a local variable joins a run of calls [purecc-missed-parallel-calls]
  // CHECK: remark-sibling-stores.cpp:[[@LINE-4]]:12: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
  long y = fib(20);
  std::printf("%ld %ld %ld %ld %ld %ld %ld %ld\n", arr[0], arr[1], p.a, p.b, w, x, cr, y);
  return 0;
}
// OUT: 75025 46368 75025 46368 28657 17711 10946 6765
