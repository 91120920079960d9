// A run may start at a statement with a label, a 'case' or 'default':
// a jump there arrives before the calls, as in the serial program (adv26
// d7, d8). A label on a later statement ends the run: a jump there would
// skip the calls before it. A later 'case' keeps the run serial (the
// declaration of the results may not be jumped over). Sibling calls in one
// statement under a label, a 'case' or an attribute run in parallel too,
// in braces (adv37 t01: they were skipped, with no remark).
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>

[[pure]] long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
// CHECK: statements-labels.cpp:[[@LINE-1]]:48: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]

long after_default(long k, int m) {
  long x = 0, y = 0;
  switch (m) {
  case 0:
    return 0;
  default:
    x = fib(k);
    // CHECK: statements-labels.cpp:[[@LINE-1]]:9: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
    y = fib(k - 1);
    break;
  }
  return x * 100000 + y;
}
long after_label(long k, int m) {
  long x = 0, y = 0;
  int rounds = 0;
again:
  x = fib(k + rounds);
  // CHECK: statements-labels.cpp:[[@LINE-1]]:7: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
  y = fib(k - 1);
  if (++rounds < m + 1)
    goto again;
  return x * 100000 + y;
}
long before_case(long k, int m) {
  long x = 0, y = 0;
  switch (m) {
  case 1:
    x = fib(k);
    // CHECK: statements-labels.cpp:[[@LINE-1]]:9: remark: calls to 'fib' and 'fib' not parallelized: a label or 'case' after them may be reached by a jump from before them, which may not cross the declaration of their results [purecc-missed-parallel-calls]
    y = fib(k - 1);
    [[fallthrough]];
  case 2:
    x += 1;
    break;
  default:
    break;
  }
  return x * 100000 + y;
}
long label_inside(long k, int m) {
  long x = 0, y = 0;
  if (m > 5)
    goto inside;
  x = fib(k);
inside:
  y = fib(k - 1);
  // CHECK: statements-labels.cpp:[[@LINE-1]]:7: remark: calls to 'fib' and 'fib' not parallelized: a label stands before the call to 'fib', where a jump would arrive without the calls before it [purecc-missed-parallel-calls]
  return x * 100000 + y;
}
long one_statement(long k, int m) {
  long y = 0;
  switch (m) {
  case 1:
    y += fib(k) * fib(k - 1);
    // CHECK: statements-labels.cpp:[[@LINE-1]]:10: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
    break;
  default:
    break;
  }
  switch (m) {
  default:
    y += fib(k - 2) * fib(k - 3);
    // CHECK: statements-labels.cpp:[[@LINE-1]]:10: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
  }
  if (m > 0) [[likely]]
    y += fib(k - 1) * fib(k - 4);
  // CHECK: statements-labels.cpp:[[@LINE-1]]:10: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
  long r = 0;
again:
  y += fib(k - 3 + r) * fib(k - 5);
  // CHECK: statements-labels.cpp:[[@LINE-1]]:8: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
  if (++r < 3)
    goto again;
  return y;
}
int main(int argc, char **) {
  long k = 20 + argc;
  std::printf("%ld %ld %ld %ld\n", after_default(k, argc), after_label(k, argc),
              before_case(k, argc), label_inside(k, argc));
  // OUT: 1094606765 1771106765 1094706765 1094606765
  std::printf("%ld\n", one_statement(k, argc));
  // OUT-NEXT: 109011209
}
