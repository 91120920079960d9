// [[purecc::memo]] on a function not declared [[pure]]: the checker never
// verified it, so its results are not cached. Both 'purecc check' and
// 'purecc rewrite' say so, with a fix-it that adds [[pure]] (user41 t07:
// the error said "is not pure" of a pure function, and check said nothing).
// RUN: not %purecc check %s -- -std=c++20 2>&1 | FileCheck %s
// RUN: not %purecc rewrite %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s
// RUN: not test -e %t.out.cpp

// CHECK: memo-not-declared-pure.cpp:[[@LINE+3]]:3: error: 'partitions' is marked 'purecc::memo' but is not declared '{{\[\[}}pure{{\]\]}}' [purecc-memo-not-pure]
// CHECK-NEXT: {{\[\[}}purecc::memo{{\]\]}} long partitions(int n, int max_part) {
// CHECK: {{^}}      |                  {{\[\[}}pure{{\]\]}} {{$}}
[[purecc::memo]] long partitions(int n, int max_part) {
  if (n == 0)
    return 1;
  if (n < 0 || max_part == 0)
    return 0;
  return partitions(n - max_part, max_part) + partitions(n, max_part - 1);
}

// A template: one error for its instantiations.
// CHECK: memo-not-declared-pure.cpp:[[@LINE+1]]:22: error: 'scaled' is marked 'purecc::memo' but is not declared '{{\[\[}}pure{{\]\]}}' [purecc-memo-not-pure]
template <class T> [[purecc::memo]] T scaled(T x) { return x * 3; }

// Declared pure: no error.
[[pure, purecc::memo]] long checked(long n) { return n < 2 ? n : checked(n - 1) + checked(n - 2); }

int main() { return static_cast<int>(partitions(30, 30) + scaled(2) + scaled(2.0) + checked(20)) & 1; }
// CHECK-NOT: error:
