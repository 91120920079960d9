// An exception thrown in a parallel branch reaches the caller as it would
// have without the rewrite (the leftmost branch's, when several throw), and
// nested parallel constructs (calls, reductions inside them) compose.
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
// REMARK: exception.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]

[[pure]] long halves(long n) { return total(0, n / 2) + total(n / 2, n); }
// REMARK: exception.cpp:[[@LINE-1]]:39: remark: calls to 'total' and 'total' run in parallel [purecc-parallel-calls]

int main() {
  std::printf("%ld\n", halves(12));
  try {
    std::printf("%ld\n", halves(40));
  } catch (const std::domain_error &e) {
    std::printf("caught: %s\n", e.what());
  }
  return 0;
}
// OUT: 132
// OUT-NEXT: caught: unlucky 13
