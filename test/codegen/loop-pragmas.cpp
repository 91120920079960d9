// A loop right after a pragma that applies to it (`#pragma GCC unroll`,
// `#pragma omp simd`, `#pragma omp parallel for`) stays as written: the
// rewritten statement is no loop, and the compilers reject such a pragma
// before it. Blank and comment lines between them do not matter; a pragma
// continued over several lines is named by its first line. The operator
// form, `_Pragma("...")` on the loop's line or through a macro, is the same
// pragma (adv33 t01: the output did not compile).
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <vector>

#define UNROLL _Pragma("GCC unroll 4")

[[pure]] long f(long i) {
  long r = i;
  for (int k = 0; k < 30; ++k)
    r = (r * 2654435761L + k) % 1000003;
  return r;
}

int main(int argc, char **) {
  long n = 3000 + argc;
  long s = 0, s2 = 0, s3 = 0, s4 = 0;
#pragma GCC unroll 4
  for (long i = 0; i < n; ++i)
    s += f(i);
  // REMARK: loop-pragmas.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop follows '#pragma GCC unroll 4', which must stand before a loop: loops under a pragma are left as written [purecc-missed-reduction]
  std::vector<long> out(n);
#pragma GCC unroll 8

  // a comment between them
  for (long i = 0; i < n; ++i)
    out[i] = f(i);
  // REMARK: loop-pragmas.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop follows '#pragma GCC unroll 8', which must stand before a loop: loops under a pragma are left as written [purecc-missed-map]
#pragma omp parallel for \
    reduction(+ : s2)
  for (long i = 0; i < n; ++i)
    s2 += f(i);
  // REMARK: loop-pragmas.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop follows '#pragma omp parallel for', which must stand before a loop: loops under a pragma are left as written [purecc-missed-reduction]
  // A pragma before another statement leaves the loop after it alone.
#pragma GCC unroll 2
  for (int k = 0; k < 2; ++k)
    s4 += k;
  for (long i = 0; i < n; ++i)
    s3 += f(i);
  // REMARK: loop-pragmas.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's3' [purecc-reduction]
  std::printf("%ld %ld %ld %ld %ld\n", s, out[9], s2, s3, s4);
  // OUT: 1499987993 819435 1499987993 1499987993 1
  long s5 = 0, s6 = 0;
  UNROLL
  for (long i = 0; i < n; ++i)
    s5 += f(i);
  // REMARK: loop-pragmas.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop follows 'UNROLL', which must stand before a loop: loops under a pragma are left as written [purecc-missed-reduction]
  _Pragma("GCC unroll 2") for (long i = 0; i < n; ++i) s6 += f(i);
  // REMARK: loop-pragmas.cpp:[[@LINE-1]]:27: remark: loop not parallelized: the loop follows '_Pragma("GCC unroll 2")', which must stand before a loop: loops under a pragma are left as written [purecc-missed-reduction]
  std::printf("%ld %ld\n", s5, s6);
  // OUT-NEXT: 1499987993 1499987993
}
