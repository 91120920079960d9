// A selection or an if-form maximum written with a branch hint:
// `[[likely]]`/`[[unlikely]]` on the branch, `__builtin_expect` (or the
// kernel's `unlikely()` macro) around the comparison. The hint says how
// often the branch is taken, not whether; the comparison under it decides
// (BranchHints.h; it was "'best' is overwritten in the loop body", adv63
// F15). The rewritten code keeps the hint. In the macro, the comparison
// names the selected variable inside the macro's argument, which the
// rewrite cannot rename: that loop stays serial with that reason.
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>

#define unlikely(x) __builtin_expect(!!(x), 0)

[[pure]] long val(long i) {
  long s = 0;
  for (int k = 0; k < 300; ++k)
    s += (i * 7 + k) % 13;
  return s % 50;
}

struct Best {
  long d, i;
};

int main() {
  long best = 1000, arg = -1;
  for (long i = 0; i < 3000; ++i) {
    long d = val(i);
    if (d < best) [[unlikely]] {
      best = d;
      arg = i;
    }
  }
  // CHECK: argminmax-branch-hints.cpp:[[@LINE-7]]:3: remark: loop rewritten as a parallel selection of 'best' with 'arg' (the first of equal values kept, as in the loop) [purecc-selection]
  long low = 1000, at = -1;
  for (long i = 0; i < 3000; ++i) {
    long d = val(i);
    if (__builtin_expect(d <= low, 0)) {
      low = d;
      at = i;
    }
  }
  // CHECK: argminmax-branch-hints.cpp:[[@LINE-7]]:3: remark: loop rewritten as a parallel selection of 'low' with 'at' (the last of equal values kept, as in the loop) [purecc-selection]
  long low2 = 1000, at2 = -1;
  for (long i = 0; i < 3000; ++i) {
    long d = val(i);
    if (unlikely(d <= low2)) {
      low2 = d;
      at2 = i;
    }
  }
  // CHECK: argminmax-branch-hints.cpp:[[@LINE-7]]:3: remark: loop not parallelized: 'low2' is written in a macro in the loop body, where its private copy cannot be given a name of its own [purecc-missed-reduction]
  long m = -1;
  for (long i = 0; i < 3000; ++i) {
    long d = val(i);
    if (d > m) [[likely]]
      m = d;
  }
  // CHECK: argminmax-branch-hints.cpp:[[@LINE-5]]:3: remark: loop rewritten as a parallel reduction of 'm' [purecc-reduction]
  Best b{1000, -1};
  for (long i = 0; i < 3000; ++i) {
    long d = val(i) + i % 5;
    if (__builtin_expect_with_probability(d < b.d, 0, 0.1)) [[unlikely]]
      b = {d, i};
  }
  // CHECK: argminmax-branch-hints.cpp:[[@LINE-5]]:3: remark: loop rewritten as a parallel selection of 'b' (the first of equal values kept, as in the loop) [purecc-selection]
  std::printf("%ld %ld %ld %ld %ld %ld %ld %ld %ld\n", best, arg, low, at, low2, at2, m, b.d, b.i);
}
// OUT: 0 12 0 2989 0 2989 49 0 25
