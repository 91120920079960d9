// A pragma inside a loop body would apply to the rewritten body, not to the
// loop as written: a '#pragma omp task shared(tot)' or 'omp atomic' names
// the user's accumulator while the body adds into a renamed private one
// (adv66 F1: 0 instead of the sum; 'omp atomic' on the private copy did not
// compile), and an inner 'omp parallel for reduction(+ : s)' left the
// renamed accumulator shared by its team (a data race). Such loops stay as
// written, with a remark; a pragma that only shapes an inner loop ('GCC
// unroll') or sets warnings is no obstacle, but a selection whose block a
// 'GCC diagnostic' push/pop encloses keeps the block in the leaves (one
// pass), not after the loop, past the 'pop' (F6: the output did not
// compile).
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>

[[pure]] long work(long i) {
  long r = i;
  for (int k = 0; k < 30; ++k)
    r = (r * 2654435761L + k) % 1000003;
  return r;
}

[[pure]] double dist(long i) { return double((work(i) + 17 * i) % 5003); }

int main() {
  long tot = 0;
  for (long i = 0; i < 4000; ++i) {
    // CHECK: pragmas-in-body.cpp:[[@LINE-1]]:3: remark: loop not parallelized: the loop body holds '#pragma omp task shared(tot)', which would apply to the rewritten body (its accumulators renamed, its blocks moved) rather than to the loop as written: loops with a pragma inside are left as written [purecc-missed-reduction]
#pragma omp task shared(tot)
    tot += work(i);
  }
  long at = 0;
  for (long i = 0; i < 4000; ++i) {
    // CHECK: pragmas-in-body.cpp:[[@LINE-1]]:3: remark: loop not parallelized: the loop body holds '#pragma omp atomic', {{.*}} [purecc-missed-reduction]
#pragma omp atomic
    at += work(i);
  }
  long s = 0;
  for (long i = 0; i < 40; ++i) {
    // CHECK: pragmas-in-body.cpp:[[@LINE-1]]:3: remark: loop not parallelized: the loop body holds '#pragma omp parallel for reduction(+ : s)', {{.*}} [purecc-missed-reduction]
#pragma omp parallel for reduction(+ : s)
    for (long j = 0; j < 200; ++j)
      // CHECK: pragmas-in-body.cpp:[[@LINE-1]]:5: remark: loop not parallelized: the loop follows '#pragma omp parallel for reduction(+ : s)', which must stand before a loop: loops under a pragma are left as written [purecc-missed-reduction]
      s += work(i * 200 + j);
  }
  long u = 0;
  for (long i = 0; i < 4000; ++i) {
    // CHECK: pragmas-in-body.cpp:[[@LINE-1]]:3: remark: loop not parallelized: the loop body holds '_Pragma("omp critical")', {{.*}} [purecc-missed-reduction]
    _Pragma("omp critical") u += work(i);
  }
  double best = 1e300;
  long arg = -1;
  for (long i = 0; i < 5000; ++i) {
    // CHECK: pragmas-in-body.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel selection of 'best' with 'arg' (the first of equal values kept, as in the loop) [purecc-selection]
    double d = dist(i);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wparentheses"
    if (d < best) { best = d; arg = i & 3 | 4; }
#pragma GCC diagnostic pop
  }
  long inner = 0;
  for (long i = 0; i < 40; ++i) {
    // CHECK: pragmas-in-body.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel reduction of 'inner' [purecc-reduction]
#pragma GCC unroll 4
    for (long j = 0; j < 100; ++j)
      inner += work(i * 100 + j);
  }
  std::printf("%ld %ld %ld %ld\n", tot, at, s, u);
  std::printf("%g %ld %ld\n", best, arg, inner);
}
// OUT: 1999507596 1999507596 3999102217 1999507596
// OUT-NEXT: 2 7 1999507596
