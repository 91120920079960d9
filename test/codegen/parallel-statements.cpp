// Consecutive statements whose pure calls do not feed each other run in
// parallel, each call on its original line; so do calls nested as siblings
// (`f(g(x), h(y))`, `std::max(a(x), b(y))`).
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cstdio>
#include <vector>

[[pure]] long sum(const std::vector<long> &v, int lo, int hi) {
  long s = 0;
  for (int i = lo; i < hi; ++i)
    s = s + v[i] % 7;
  return s;
}
[[pure]] long merge(long l, long r) { return l * 3 + r; }

// CHECK:      {{^}}  auto [purecc_r2, purecc_r3] = ::purecc::parallel_invoke([&] { return ::sum(v, 0, mid); },
// CHECK-NEXT: {{^}}  [&] { return ::sum(v, mid, n); }); long l = purecc_r2; auto r = purecc_r3;
// CHECK-NEXT: {{^}}  return merge(l, r);
[[pure]] long solve(const std::vector<long> &v, int n) {
  int mid = n / 2;
  long l = sum(v, 0, mid);
  auto r = sum(v, mid, n);
  return merge(l, r);
}
// REMARK: parallel-statements.cpp:[[@LINE-4]]:12: remark: calls to 'sum' and 'sum' run in parallel [purecc-parallel-calls]

// The second call reads what the first stores: they stay in order.
// CHECK:      {{^}}  long a = ::sum(v, 0, n);
// CHECK-NEXT: {{^}}  long b = ::sum(v, 0, static_cast<int>(a % 5));
[[pure]] long chained(const std::vector<long> &v, int n) {
  long a = sum(v, 0, n);
  long b = sum(v, 0, static_cast<int>(a % 5));
  return a + b;
}

// A loop makes a call worth a task (docs/codegen.md, "Cost").
[[pure]] long times(long x, int k) {
  long s = 0;
  while (k-- > 0)
    s += x;
  return s;
}
[[pure]] long twice(long x) { return times(x, 2); }
[[pure]] long thrice(long x) { return times(x, 3); }

// CHECK: {{^}}/*{{\[\[}}pure]]*/ long nested(long x) { if (!::purecc::should_spawn()) return purecc_serial_nested_7(x); auto [purecc_r5, purecc_r6] = ::purecc::parallel_invoke([&] { return twice(x); }, [&] { return thrice(x + 1); }); return merge(::purecc::take_result(purecc_r5), ::purecc::take_result(purecc_r6)); }
[[pure]] long nested(long x) { return merge(twice(x), thrice(x + 1)); }
// CHECK: {{^}}/*{{\[\[}}pure]]*/ long larger(long x) { if (!::purecc::should_spawn()) return purecc_serial_larger_10(x); auto [purecc_r8, purecc_r9] = ::purecc::parallel_invoke([&] { return twice(x); }, [&] { return thrice(x); }); return std::max(::purecc::take_result(purecc_r8), ::purecc::take_result(purecc_r9)); }
[[pure]] long larger(long x) { return std::max(twice(x), thrice(x)); }

// Short-circuit and conditional operands are not always evaluated: the calls
// of the right operand of && run in parallel inside it, after 'x > 0'.
// CHECK: {{^}}/*{{\[\[}}pure]]*/ bool guarded(long x) { if (!::purecc::should_spawn()) return purecc_serial_guarded_13(x); return x > 0 && [&] { auto [purecc_r11, purecc_r12] = ::purecc::parallel_invoke([&] { return twice(x); }, [&] { return thrice(x - 1); }); return purecc_r11 > purecc_r12; }(); }
[[pure]] bool guarded(long x) { return x > 0 && twice(x) > thrice(x - 1); }
// REMARK: parallel-statements.cpp:[[@LINE-1]]:49: remark: calls to 'twice' and 'thrice' run in parallel [purecc-parallel-calls]

// CHECK: {{^}}  std::printf("%ld\n", twice(x) + thrice(*p) + static_cast<long>(std::printf("-")));
// CHECK-NEXT: {{^}}  auto [purecc_r14, purecc_r15, purecc_r16, purecc_r17, purecc_r18] = ::purecc::parallel_invoke([&] { return ::solve(v, 1000); }, [&] { return ::chained(v, 1000); }, [&] { return nested(7); }, [&] { return larger(-3); }, [&] { return guarded(4); }); std::printf("%ld %ld %ld %ld %d\n", purecc_r14, purecc_r15, purecc_r16, purecc_r17,
// CHECK-NEXT: {{^}}              purecc_r18);
int main() {
  std::vector<long> v;
  for (long i = 0; i < 1000; ++i)
    v.push_back(i * i);
  long x = 5;
  long *p = &x;
  // `x` escapes through `p`, and `std::printf` is not pure.
  std::printf("%ld\n", twice(x) + thrice(*p) + static_cast<long>(std::printf("-")));
  std::printf("%ld %ld %ld %ld %d\n", solve(v, 1000), chained(v, 1000), nested(7), larger(-3),
              guarded(4));
  return 0;
}
// REMARK: parallel-statements.cpp:[[@LINE-5]]:24: remark: calls to 'twice' and 'thrice' not parallelized: 'printf' may write the memory their arguments read [purecc-missed-parallel-calls]
// REMARK: parallel-statements.cpp:[[@LINE-5]]:39: remark: calls to 'solve', 'chained', 'nested', 'larger' and 'guarded' run in parallel [purecc-parallel-calls]
// OUT: -26
// OUT-NEXT: 3999 2001 66 -6 0
