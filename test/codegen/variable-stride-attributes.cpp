// purecc's attributes written inside a loop whose step is a variable (a
// `[[pure]]` lambda, a block-scope declaration) are hidden in the serial copy
// of the loop as everywhere in the output, and so in a pure function's
// serial clone: a copied `[[pure]]` made g++ warn ("'pure' attribute
// directive ignored"), a broken build under -Werror.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>

[[pure]] long heavy(long i) {
  long s = 0;
  for (long k = 0; k < 40; ++k)
    s += (i * 31 + k) % 11 - 5;
  return s * (i % 13 + 1) + i % 7;
}
// CHECK: {{^}}/*{{\[\[}}pure]]*/ long heavy(long i) {

long strided(long b, long n, long k) {
  long s = 0;
  for (long i = b; i < n; i += k) {
    [[pure]] long heavy(long);
    auto twice = [] [[pure]] (long x) { return 2 * heavy(x); };
    s += twice(i);
  }
  // CHECK:      {{^}}for (long i = b; i < n; i += k) {
  // CHECK-NEXT: {{^}}    /*{{\[\[}}pure]]*/ long heavy(long);
  // CHECK-NEXT: {{^}}    auto twice = [] /*{{\[\[}}pure]]*/ (long x) { return 2 * heavy(x); };
  // CHECK:      {{^}}else { s = ::purecc::wrapping_add<long>(s, ::purecc::parallel_reduce(
  // CHECK-NEXT: {{^}}    /*{{\[\[}}pure]]*/ long heavy(long);
  // CHECK-NEXT: {{^}}    auto twice = [] /*{{\[\[}}pure]]*/ (long x) { return 2 * heavy(x); };
  return s;
}

// A pure function whose loop is rewritten gets a serial clone of its body.
[[pure]] long total(long n) {
  long s = 0;
  for (long i = 0; i < n; ++i) {
    auto thrice = [] [[pure]] (long x) { return 3 * heavy(x); };
    s += thrice(i);
  }
  // CHECK:      {{^}}static long purecc_serial_total_{{[0-9]+}}(long n) {
  // CHECK:      {{^}}    auto thrice = [] /*{{\[\[}}pure]]*/ (long x) { return 3 * heavy(x); };
  // CHECK:      {{^}}/*{{\[\[}}pure]]*/ long total(long n) {
  // CHECK:      {{^}}    auto thrice = [] /*{{\[\[}}pure]]*/ (long x) { return 3 * heavy(x); };
  return s;
}

int main(int argc, char **) {
  std::printf("%ld %ld %ld\n", strided(0, 3000 + argc, argc + 2), strided(5, 50, 3 * argc),
              total(2000 + argc));
  // OUT: {{^}}6006 -282 18000
}
