// A token right after a backslash-newline starts, for clang, at the
// backslash: the rewrite must still replace the token the user wrote, not
// the splice before it (adv29 C3: `fib(n - 1) + \` then `fib(n - 2)` on the
// next line came out as `purecc_serial_fib_2ib(n - 2)`). A splice inside a
// token purecc would edit leaves that token where it is (adv30 C5: a
// function named `tot\` then `al` got a broken clone), and one inside the
// '[[' of '[[pure]]' keeps the clone out of the attribute (adv30 C4).
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --check-prefix=TEXT
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>

[[pure]] long fib(long n) { return n < 2 ? n : fib(n - 1) + \
fib(n - 2); }
// TEXT: static long purecc_serial_fib_{{[0-9]+}}(long n) { return n < 2 ? n : purecc_serial_fib_{{[0-9]+}}(n - 1) + {{\\}}
// TEXT-NEXT: {{^}}purecc_serial_fib_{{[0-9]+}}(n - 2); }
// TEXT: return purecc_r0 + {{\\}}
// TEXT-NEXT: {{^}}purecc_r1; }(); }

[[pure]] long spliced_sum(long n) {
  long s = 0;
  for (long i = 0; i < n; ++i)
    s += fib(i % 16) \
         * 2;
  return s;
}

[[pure]] long sq(long x) {
  long s = 0;
  for (long i = 0; i < 200; ++i)
    s += (x * i) % 7;
  return s;
}
[[pure]] long tot\
al(long n) {
  long s = 0;
  for (long i = 0; i < n; ++i)
    s += s\
q(i);
  return s;
}
[[\
pure]] long two(long n) { return fib(n) + fib(n - 1); }

int main(int argc, char **) {
  long a = fib(22 + argc), b = spliced_sum(1000 + argc), c = total(1000 + argc), d = two(20 + argc);
  std::printf("%ld %ld %ld %ld\n", a, b, c, d);
  // OUT: 28657 {{[0-9]+}} {{[0-9]+}} 17711
  return 0;
}
