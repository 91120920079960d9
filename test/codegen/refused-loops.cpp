// Loops that must stay serial are left byte-identical, each with a remark
// that says why.
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: FileCheck %s --input-file=%t.out.cpp --strict-whitespace
// RUN: %purecc rewrite --fp-reassoc=off --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=SERIAL
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>

[[pure]] long f(long x) { return x * x % 1000; }
[[pure]] double g(long x) { return 1.0 / (1.0 + x); }
int calls = 0;
long logged(long x) { ++calls; return x; }

int main() {
  long n = 2000;
  long acc = 0;
  for (long i = 0; i < n; ++i)
    acc += f(acc + i);
  // REMARK: refused-loops.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'acc' is written inside the loop body ('acc += f(acc + i)') and read there ('f(acc + i)'): each iteration would read a partial value instead of the one the iterations before it left [purecc-missed-reduction]
  // CHECK: {{^}}  for (long i = 0; i < n; ++i)
  // CHECK-NEXT: {{^}}    acc += f(acc + i);

  long first = 0;
  for (long i = 0; i < n; ++i) {
    first += f(i);
    if (first > 5000)
      break;
  }
  // REMARK: refused-loops.cpp:[[@LINE-5]]:3: remark: loop not parallelized: 'break' leaves the loop body [purecc-missed-reduction]

  long noisy = 0;
  for (long i = 0; i < n; ++i)
    noisy += logged(f(i));
  // REMARK: refused-loops.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'logged' is not known to be pure [purecc-missed-reduction]

  long shrinking = 0, m = n;
  for (long i = 0; i < m; ++i) {
    shrinking += f(i);
    m = m - 1;
  }
  // REMARK: refused-loops.cpp:[[@LINE-4]]:3: remark: loop not parallelized: the bound 'm' changes inside the loop body [purecc-missed-reduction]

  int truncated = 0;
  for (long i = 0; i < n; ++i)
    truncated += g(i);
  // REMARK: refused-loops.cpp:[[@LINE-2]]:3: remark: loop not parallelized: each step converts 'double' to 'int' ('truncated'), which the tree order would change [purecc-missed-reduction]

  // Reproducible in the tree order by default; kept serial with --fp-reassoc=off.
  double harmonic = 0;
  for (long i = 0; i < n; ++i)
    harmonic += g(i);
  // REMARK: refused-loops.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'harmonic' [purecc-reduction]
  // SERIAL: refused-loops.cpp:[[@LINE-3]]:3: remark: floating-point reduction of 'harmonic' kept serial: '--fp-reassoc=off' keeps the left-to-right order [purecc-fp-serial]

  std::printf("%ld %ld %ld %d %ld %d %.9f\n", acc, first, noisy, calls, shrinking, truncated,
              harmonic);
  return 0;
}
// OUT: 997783 5525 923000 2000 461500 1 8.178368104
