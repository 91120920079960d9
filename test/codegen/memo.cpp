// A [[purecc::memo]] function's body becomes the compute callback of the
// runtime's memo cache, keyed by its fingerprint and arguments; user
// aggregates get a generated codec. The second run of the program finds the
// results on disk.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: rm -rf %t.cache
// RUN: env PURECC_CACHE_DIR=%t.cache PURECC_MEMO=disk PURECC_MEMO_MIN_MS=0 PURECC_STATS=1 %e2e %s %t | FileCheck %s --check-prefix=OUT
// RUN: env PURECC_CACHE_DIR=%t.cache PURECC_MEMO=disk PURECC_STATS=1 %t.g++-12 2>&1 | FileCheck %s --check-prefix=SECOND

#include <cstdio>
#include <vector>

struct Point {
  long x, y;
};

[[pure]] long weight(long v) { return v % 97; }

// CHECK:      {{^}}/*{{\[\[}}pure]]*/ /*{{\[\[}}purecc::memo]]*/ long slow(int n) { static const ::purecc::MemoSite purecc_site2{"slow", 0x{{[0-9a-f]+}}ULL, 0x{{[0-9a-f]+}}ULL}; return ::purecc::memoize(purecc_site2, [&]() -> long {
// CHECK-NEXT: {{^}}  long s = 0;
// CHECK:      {{^}}  return s;
// CHECK-NEXT: {{^}}}, n); }
[[pure]] [[purecc::memo]] long slow(int n) {
  long s = 0;
  for (long i = 0; i < 20000; ++i)
    s += weight(i * n);
  return s;
}
// REMARK: memo.cpp:[[@LINE-6]]:32: remark: calls to 'slow' are memoized (fingerprint 0x{{[0-9a-f]+}}:0x{{[0-9a-f]+}}) [purecc-memo]

// CHECK: {{^}}template <> struct purecc::codec<Point> : ::purecc::fields<&Point::x, &Point::y> {}; /*{{\[\[}}pure]]*/ /*{{\[\[}}purecc::memo]]*/ Point mid(Point a, const std::vector<long> &w) { static const ::purecc::MemoSite purecc_site3{"mid", 0x{{[0-9a-f]+}}ULL, 0x{{[0-9a-f]+}}ULL}; return ::purecc::memoize(purecc_site3, [&]() -> Point {
[[pure]] [[purecc::memo]] Point mid(Point a, const std::vector<long> &w) {
  return Point{(a.x + w[0]) / 2, (a.y + w[1]) / 2};
}

int main() {
  Point p = mid(Point{4, 8}, {10, 20});
  std::printf("%ld %ld %ld %ld\n", slow(3), slow(3), p.x, p.y);
  return 0;
}
// OUT: 959595 959595 7 14
// A later run finds both results on disk: no miss, nothing recomputed.

// SECOND: 959595 959595 7 14
// SECOND: {{^}}  mid{{ +}}1{{ +}}0{{ +}}1{{ +}}0{{ }}
// SECOND: {{^}}  slow{{ +}}2{{ +}}1{{ +}}1{{ +}}0{{ }}
