// An array or `&x` given for a pointer to 'const' parameter is a use by
// value, as a 'const' reference is (codegen/ValueUses.h): `mean(a, n)`
// beside `peak(a, n)` runs in parallel (adv121 F1: "'a' is used other than
// by its value in an argument of 'mean', which may change it"). A pointer
// to non-const, and a write between the calls, still keep them in order.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT
#include <cstdio>

[[pure]] double mean(const double *a, int n) {
  double s = 0;
  for (int r = 0; r < 3000; ++r)
    for (int i = 0; i < n; ++i)
      s += a[i] * (r % 3);
  // REMARK: calls-pointer-to-const-arguments.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return s / (3000.0 * n);
}
[[pure]] double peak(const double *a, int n) {
  double m = a[0];
  for (int r = 0; r < 3000; ++r)
    for (int i = 1; i < n; ++i)
      if (a[i] * (r % 5) > m)
        m = a[i] * (r % 5);
  // REMARK: calls-pointer-to-const-arguments.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel reduction of 'm' [purecc-reduction]
  return m;
}
[[pure]] long bits(const void *p, int n) {
  const unsigned char *b = static_cast<const unsigned char *>(p);
  long s = 0;
  for (int r = 0; r < 3000; ++r)
    for (int i = 0; i < n; ++i)
      s += b[i] ^ (r & 7);
  // REMARK: calls-pointer-to-const-arguments.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return s;
}
void zero(double *a) { a[0] = 0; }

int main() {
  double a[4] = {1, 2, 3, 4};
  double m = mean(a, 4);
  double p = peak(a, 4);
  // REMARK: calls-pointer-to-const-arguments.cpp:[[@LINE-2]]:14: remark: calls to 'mean' and 'peak' run in parallel [purecc-parallel-calls]
  double x = 2.5;
  double s = mean(&x, 1) + peak(&a[1], 3);
  // REMARK-DAG: calls-pointer-to-const-arguments.cpp:[[@LINE-1]]:14: remark: calls to 'mean' and 'peak' run in parallel [purecc-parallel-calls]
  long u = bits(a, sizeof a);
  long v = bits(&x, sizeof x);
  double before = mean(a, 4);
  // REMARK-DAG: calls-pointer-to-const-arguments.cpp:[[@LINE-3]]:12: remark: calls to 'bits', 'bits' and 'mean' run in parallel [purecc-parallel-calls]
  zero(a);
  double after = mean(a, 4);
  // REMARK-DAG: calls-pointer-to-const-arguments.cpp:[[@LINE-1]]:18: remark: calls to 'mean' and 'mean' not parallelized: 'zero' between them is not known to be pure: it may write what the call to 'mean' reads [purecc-missed-parallel-calls]
  std::printf("%.6f %.6f %.6f %ld %ld %.6f %.6f\n", m, p, s, u, v, before, after);
  // OUT: 2.500000 16.000000 18.500000 1872000 276000 2.500000 2.250000
}
