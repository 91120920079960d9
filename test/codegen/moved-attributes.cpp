// purecc's attributes inside code a transformation moves (a call moved into a
// task of 'parallel_invoke' with a '[] [[pure]] (...)' argument, a
// sum of two calls hoisted into tasks) are hidden as everywhere in
// the output: kept as written, g++ warned "'pure' attribute directive
// ignored", a broken build under -Werror (adv75 F4, from
// TheAlgorithms/C-Plus-Plus math/integral_approximation.cpp).
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>

template <class F>
[[pure]] double integrate(double lb, double ub, F func) {
  double r = 0;
  for (long i = 0; i < 400000; i++)
    r += func(lb + (ub - lb) * double(i) / 400000.0);
  return r;
}

template <class F>
[[pure]] long apply(long n, F f) {
  long s = 0;
  for (long k = 0; k < n; ++k)
    s += f(k) * (k % 3);
  return s;
}

int main() {
  double a = integrate(0.0, 1.0, [] [[pure]] (double x) { return x * x; });
  double b = integrate(0.0, 2.0, [] [[pure]] (double x) { return x + 1; });
  // CHECK: ::purecc::parallel_invoke([&] { return integrate(0.0, 1.0, [] /*{{\[\[}}pure]]*/ (double x) { return x * x; }); },
  // CHECK-NEXT: [&] { return integrate(0.0, 2.0, [] /*{{\[\[}}pure]]*/ (double x) { return x + 1; }); });
  long c = apply(400000, [] [[pure]] (long v) { return v % 7; }) +
           apply(300000, [] [[pure]] (long v) { return v % 5; });
  // CHECK: return apply(400000, [] /*{{\[\[}}pure]]*/ (long v) { return v % 7; }); },
  // CHECK: return apply(300000, [] /*{{\[\[}}pure]]*/ (long v) { return v % 5; }); });
  // CHECK-NOT: {{[^*]\[\[}}pure]]
  std::printf("%.6f %.6f %ld\n", a, b, c);
  // OUT: 133332.833334 799999.000000 1799993
}
