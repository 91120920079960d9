// A token right after a backslash-newline starts, for clang, at the
// backslash: the rewrite must still replace the token the user wrote, not
// the splice before it (adv29 C3: `fib(n - 1) + \` then `fib(n - 2)` on the
// next line came out as `purecc_serial_fib_2ib(n - 2)`).
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

int main(int argc, char **) {
  std::printf("%ld %ld\n", fib(22 + argc), spliced_sum(1000 + argc));
  // OUT: 28657 {{[0-9]+}}
  return 0;
}
