// Function templates are rewritten through their instantiations in the
// file: all of them must need the same edits of the one template text (the
// serial clone is a template too). Where a rewrite spells out a type that
// differs between instantiations, the template is explained, not rewritten.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>

// Used with long and with int; both need the same edits.
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
// CHECK: {{^}}  auto [purecc_r0, purecc_r1] = ::purecc::parallel_invoke([&] { return fib(n - 1); }, [&] { return fib<T>(n - 2); }); return purecc_r0 + purecc_r1;
// REMARK: templates.cpp:[[@LINE-3]]:10: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]

// The reduction's accumulator would be 'int' in one instantiation and
// 'long' in the other.
// CHECK: {{^}}  for (T i = 0; i < n; ++i)
template <class T>
[[pure]] T squares(T n) {
  T s = 0;
  for (T i = 0; i < n; ++i)
    s += i * i;
  return s;
}
// REMARK: templates.cpp:[[@LINE-6]]:12: remark: body of 'squares' not rewritten: its instantiations need different rewrites [purecc-not-rewritten]

int main() {
  std::printf("%ld %d\n", fib(25L), fib(20));
  std::printf("%ld %d\n", squares(3000L), squares(1200));
  return 0;
}
// OUT: 75025 6765
// OUT-NEXT: 8995500500 575280200
