// Sibling calls in one full-expression run as parallel tasks; the statement
// keeps its line and everything else is byte-identical.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>

// CHECK:      {{^}}#include <purecc/purecc.h>
// CHECK-NEXT: {{^}}#line 7 "{{.*}}parallel-calls-fib.cpp"
// CHECK-NEXT: {{^}}#include <cstdio>
// The original function stays, renamed, as the path taken when no worker
// is idle; `#line` maps it to the same lines.
// CHECK:      {{^}}#line 26 "{{.*}}parallel-calls-fib.cpp"
// CHECK-NEXT: {{^}}static long purecc_serial_fib_2(int n) {
// CHECK-NEXT: {{^}}  if (n < 2)
// CHECK-NEXT: {{^}}    return n;
// CHECK-NEXT: {{^}}  return purecc_serial_fib_2(n - 1) + purecc_serial_fib_2(n - 2);
// CHECK-NEXT: {{^}}}
// CHECK-NEXT: {{^}}#line 26 "{{.*}}parallel-calls-fib.cpp"
// CHECK-NEXT: {{^}}/*{{\[\[}}pure]]*/ long fib(int n) { if (!::purecc::should_spawn()) return purecc_serial_fib_2(n);
// CHECK-NEXT: {{^}}  if (n < 2)
// CHECK-NEXT: {{^}}    return n;
// CHECK-NEXT: {{^}}  auto [purecc_r0, purecc_r1] = ::purecc::parallel_invoke([&] { return fib(n - 1); }, [&] { return fib(n - 2); }); return purecc_r0 + purecc_r1;
// CHECK-NEXT: {{^}}}
[[pure]] long fib(int n) {
  if (n < 2)
    return n;
  return fib(n - 1) + fib(n - 2);
}
// REMARK: parallel-calls-fib.cpp:[[@LINE-2]]:10: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]

// A braceless branch gets a block of its own.
// CHECK: {{^}}  if (n > 1) { auto [purecc_r3, purecc_r4] = ::purecc::parallel_invoke([&] { return fib(n); }, [&] { return fib(n - 1); }); return purecc_r3 * purecc_r4; }
[[pure]] long product(int n) {
  if (n > 1) return fib(n) * fib(n - 1);
  return 0;
}

// `main` is not pure, but these arguments are constants: nothing can write them.
// CHECK: {{^}}  auto [purecc_r6, purecc_r7] = ::purecc::parallel_invoke([&] { return fib(20); }, [&] { return product(15); }); std::printf("%ld %ld\n", purecc_r6, purecc_r7); auto [purecc_r8, purecc_r9] = ::purecc::parallel_invoke([&] { return fib(21); }, [&] { return fib(22); }); std::printf("%ld\n", purecc_r8 + purecc_r9);
int main() {
  std::printf("%ld %ld\n", fib(20), product(15)); std::printf("%ld\n", fib(21) + fib(22));
  return 0;
}
// OUT: 6765 229970
// OUT-NEXT: 28657
