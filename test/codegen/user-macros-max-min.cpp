// A file that defines function-like macros 'max' and 'min' (as <windows.h>
// does) before its loops: the rewrite's own 'numeric_limits<T>::max()' and
// 'std::max(a, b)' expanded them (adv66 F8: "macro 'max' requires 2
// arguments, but only 1 given"). The generated code writes '(...max)()',
// which a function-like macro leaves alone.
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: FileCheck %s --check-prefix=CODE < %t.out.cpp
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>

[[pure]] long work(long i) {
  long r = i;
  for (int k = 0; k < 30; ++k)
    r = (r * 2654435761L + k) % 1000003;
  return r;
}

#define max(a, b) ((a) > (b) ? (a) : (b))
#define min(a, b) ((a) < (b) ? (a) : (b))

int main(int argc, char **) {
  long n = 5000 + argc;
  long lo = 1L << 40, hi = -1;
  for (long i = 0; i < n; ++i) {
    // CHECK: user-macros-max-min.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel reduction of 'lo' and 'hi' [purecc-reduction]
    long e = work(i) + i;
    if (e < lo) lo = e;
    if (e > hi) hi = e;
  }
  // CODE: (std::numeric_limits<long>::max)()
  // CODE: (std::max)(
  long s = 0;
  for (long i = 0; i < n; i += 3)
    // CHECK: user-macros-max-min.cpp:[[@LINE-1]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
    s += work(i);
  std::printf("%ld %ld %ld %ld\n", lo, hi, s, max(lo, 2L));
  // OUT: 1118 1002972 833352858 1118
}
