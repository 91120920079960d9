// An exception thrown in a parallel branch reaches the caller as it would
// have without the rewrite (a group's only call that may throw is its last
// one: operands-may-throw.cpp), and nested parallel constructs (calls,
// reductions inside them) compose.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <stdexcept>

[[pure]] long checked(long x) {
  if (x == 13)
    throw std::domain_error("unlucky " + std::to_string(x));
  return x * 2;
}

[[pure]] long total(long lo, long hi) {
  long s = 0;
  for (long i = lo; i < hi; ++i)
    s += checked(i);
  return s;
}
// REMARK: exception.cpp:[[@LINE-4]]:3: remark: loop not parallelized: 'checked' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]

// Cannot throw.
[[pure]] long doubled(long lo, long hi) {
  long s = 0;
  for (long i = lo; i < hi; ++i)
    s += i * 2;
  return s;
}
// REMARK: exception.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]

// Only the last call may throw: the two run in parallel.
[[pure]] long halves(long n) { return doubled(0, n / 2) + total(n / 2, n); }
// REMARK: exception.cpp:[[@LINE-1]]:39: remark: calls to 'doubled' and 'total' run in parallel [purecc-parallel-calls]
// Both may throw: the second is a call the serial program does not make
// when the first throws (docs/codegen.md, "Speculation").
[[pure]] long both(long n) { return total(0, n / 2) + total(n / 2, n); }
// REMARK: exception.cpp:[[@LINE-1]]:37: remark: calls to 'total' and 'total' not parallelized: the call to 'total' comes after another call to 'total', which may throw [purecc-missed-parallel-calls]

int main() {
  std::printf("%ld\n", halves(12));
  try {
    std::printf("%ld\n", halves(20));
  } catch (const std::domain_error &e) {
    std::printf("caught: %s\n", e.what());
  }
  try {
    std::printf("%ld\n", both(40));
  } catch (const std::domain_error &e) {
    std::printf("caught: %s\n", e.what());
  }
  return 0;
}
// OUT: 132
// OUT-NEXT: caught: unlucky 13
// OUT-NEXT: caught: unlucky 13
