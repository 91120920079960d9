// A function template instantiated once in the file is rewritten through
// that instantiation: its serial clone is a template too. One instantiated
// with several argument lists could need different rewrites: explained,
// not rewritten.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>

// (Remarks about templates come before those about rewrites.)
template <class T>
[[pure]] T twice(T x) { return x + x; }
// REMARK: templates.cpp:[[@LINE-1]]:12: remark: body of 'twice' not rewritten: it is a template instantiated with several argument lists [purecc-not-rewritten]

// CHECK:      {{^}}#line [[#@LINE+9]] "{{.*}}templates.cpp"
// CHECK-NEXT: {{^}}template <class T> static T purecc_serial_fib_2(T n) {
// CHECK-NEXT: {{^}}  if (n < 2)
// CHECK-NEXT: {{^}}    return n;
// CHECK-NEXT: {{^}}  return purecc_serial_fib_2(n - 1) + purecc_serial_fib_2<T>(n - 2);
// CHECK-NEXT: {{^}}}
// CHECK-NEXT: {{^}}#line [[#@LINE+2]] "{{.*}}templates.cpp"
// CHECK-NEXT: {{^}}template <class T>
template <class T>
[[pure]] T fib(T n) {
  if (n < 2)
    return n;
  return fib(n - 1) + fib<T>(n - 2);
}
// CHECK: {{^}}  auto [purecc_r0, purecc_r1] = purecc::parallel_invoke([&] { return fib(n - 1); }, [&] { return fib<T>(n - 2); }); return purecc_r0 + purecc_r1;
// REMARK: templates.cpp:[[@LINE-3]]:10: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]

int main() {
  std::printf("%ld %d %ld\n", fib(25L), twice(21), twice(8L));
  return 0;
}
// OUT: 75025 42 16
