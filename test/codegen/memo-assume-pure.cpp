// [[purecc::memo]] on a function the user vouches for with
// [[purecc::assume_pure]] but does not declare [[pure]]: calls to it are
// pure calls (they run in parallel), but only a function the checker
// verified is cached, so 'purecc rewrite' refuses it as for any unchecked
// function (memo-not-declared-pure.cpp), and 'purecc check' says the same
// (docs/diagnostics.md, purecc-memo-not-pure).
// RUN: not %purecc rewrite %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s
// RUN: not test -e %t.out.cpp
// RUN: not %purecc check %s -- -std=c++20 2>&1 | FileCheck %s

// CHECK: memo-assume-pure.cpp:[[@LINE+1]]:24: error: 'slow' is marked 'purecc::memo' but is not declared '{{\[\[}}pure{{\]\]}}' [purecc-memo-not-pure]
[[purecc::assume_pure, purecc::memo]] long slow(long x) {
  long s = 0;
  for (long k = 0; k < x; ++k)
    s += k % 7;
  return s;
}

int main() { return static_cast<int>(slow(100000) + slow(100001)) & 1; }
// CHECK-NOT: error:
