// Generated names shadow nothing the user wrote, so a `-Wshadow -Werror`
// build of the rewritten program works (the %e2e harness compiles it with
// -Wall -Wextra -Wshadow -Werror). A reduction's leaf keeps the body
// verbatim but renames its references to the accumulator to a private one
// of its own (`purecc_acc_<n>`, numbered per unit: leaves nest); a combine
// lambda's parameters are `purecc_lhs`/`purecc_rhs`, or fresh names when
// the file uses those (this one uses `purecc_lhs`). An accumulator written inside a macro cannot be
// renamed: that loop stays serial with a remark.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <numeric>
#include <vector>

[[pure]] long heavy(long i) {
  long h = i;
  for (int k = 0; k < 50; ++k)
    h = (h * 1103515245 + 12345) % 2147483647;
  return h % 1000;
}

// The accumulator is a parameter.
[[pure]] long fold(long s, long n) {
  for (long i = 0; i < n; ++i)
    s += heavy(i);
  return s;
}
// CHECK: long fold(long s, long n) {
// CHECK-NEXT: {{^}}  s = ::purecc::wrapping_add<long>(s, ::purecc::parallel_reduce(0, n, long{}, [&](std::int64_t i) -> long { ::purecc::wrapping<long> [[FOLD:purecc_acc_[0-9]+]] = long{};
// CHECK-NEXT: {{^}}    [[FOLD]] += heavy(i); } return [[FOLD]]; }, [](long [[L1:purecc_lhs[0-9]+]], long purecc_rhs) { return ::purecc::wrapping_add([[L1]], purecc_rhs); }));

#define M m

int main(int argc, char **) {
  // Locals named like the combine's old parameters, and like its new ones.
  long a = 0, b = 0, purecc_lhs = argc;
  const long n = 3000 + argc;
  for (long i = 0; i < n; ++i) {
    a += heavy(i);
    b ^= heavy(i + 1);
  }
  // CHECK: {{^}}  { auto [{{.*}}] = ::purecc::parallel_reduce(0, n, std::tuple<long, long>{long{}, long{}}, [&](std::int64_t i) -> std::tuple<long, long> { ::purecc::wrapping<long> [[A:purecc_acc_[0-9]+]] = long{}; long [[B:purecc_acc_[0-9]+]] = long{}; {
  // CHECK-NEXT: {{^}}    [[A]] += heavy(i);
  // CHECK-NEXT: {{^}}    [[B]] ^= heavy(i + 1);
  // CHECK-NEXT: {{^}}  } return std::tuple<long, long>{[[A]], [[B]]}; }, [](const std::tuple<long, long> &[[L:purecc_lhs[0-9]+]], const std::tuple<long, long> &[[R:purecc_rhs]]) { return std::tuple<long, long>{::purecc::wrapping_add(std::get<0>([[L]]), std::get<0>([[R]])), std::get<1>([[L]]) ^ std::get<1>([[R]])}; }); a = ::purecc::wrapping_add<long>(a, {{.*}}); b ^= {{.*}}; }

  // Nested reductions: the inner leaf's accumulator lives in the outer
  // leaf.
  long total = 0;
  for (long i = 0; i < 200 + argc; ++i) {
    long row = 0;
    for (long j = 0; j < 40 + argc; ++j)
      row += heavy(i * 40 + j);
    total += row;
  }
  // CHECK: {{^}}  total = ::purecc::wrapping_add<long>(total, ::purecc::parallel_reduce(0, 200 + argc, long{}, [&](std::int64_t i) -> long { ::purecc::wrapping<long> [[T:purecc_acc_[0-9]+]] = long{}; {
  // CHECK-NEXT: {{^}}    long row = 0;
  // CHECK-NEXT: {{^}}    row = ::purecc::wrapping_add<long>(row, ::purecc::parallel_reduce(0, 40 + argc, long{}, [&](std::int64_t j) -> long { ::purecc::wrapping<long> [[ROW:purecc_acc_[0-9]+]] = long{};
  // CHECK-NEXT: {{^}}      [[ROW]] += heavy(i * 40 + j); } return [[ROW]]; }
  // CHECK-NEXT: {{^}}    [[T]] += row;
  // CHECK-NEXT: {{^}}  } return [[T]]; }

  // An accumulator of std::accumulate's rewrite has no name; its combine
  // shadows nothing either.
  std::vector<long> v(5000);
  for (long i = 0; i < 5000; ++i)
    v[i] = i * i % 977;
  long sum = std::accumulate(v.begin(), v.end(), 0L);

  // Written in a macro: stays serial, said why.
  long m = 0;
  for (long i = 0; i < n; ++i)
    M += heavy(i);
  // REMARK: shadow-free.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'm' is written in a macro in the loop body, where its private copy cannot be given a name of its own [purecc-missed-reduction]

  std::printf("%ld %ld %ld %ld %ld %ld %ld\n", fold(7, n), a, b, total, sum, m, purecc_lhs);
  // OUT: 1498755 1498748 263 4113854 2432871 1498748 1
}
