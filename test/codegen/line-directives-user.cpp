// A file with '#line' directives of its own (a generated parser's '#line
// 500 "gram.y"'): the directives purecc writes after an edit that moves
// lines (the serial clone, a guarded loop) put the lines back where the
// user's directive put them, not in the physical file (adv56 t11:
// '__FILE__' and '__LINE__' after the clone named the physical file and
// line).
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#line 500 "gram.y"
[[pure]] long fib(long n) { if (n < 2) return n; return fib(n - 1) + fib(n - 2); }
// CHECK: {{^}}#line 500 "gram.y"
// CHECK-NEXT: {{^}}#line 500 "gram.y"
// CHECK-NEXT: {{^}}static long purecc_serial_fib_{{[0-9]+}}(long n) {
// CHECK-NEXT: {{^}}#line 500 "gram.y"
// CHECK-NEXT: {{^}}/*{{\[\[}}pure]]*/ long fib(long n) {
[[pure]] long f(long x) { long r = 0; for (long k = 0; k < 300; ++k) r += (x + k) % 7; return r + x; }
int main() {
  long s = 0;
  for (long i = 0; i < 3000; ++i)
    s += f(i);
  std::printf("%ld %ld %s %d\n", fib(27), s, __FILE__, __LINE__);
}
// OUT: 196418 7198503 gram.y 511
