// A hash container's iteration order depends on how it was built, and a
// memoized function can observe it: equal sets that iterate differently are
// two calls with two cache entries, not one call's answer for the other (the
// key holds the elements in iteration order, adv32 t01). A set built the
// same way again is the same call: a hit. A function returning one cannot
// be memoized: a decoded copy would not keep its order (memo-errors.cpp).
// RUN: rm -rf %t.cache
// RUN: env PURECC_CACHE_DIR=%t.cache PURECC_MEMO=disk PURECC_MEMO_MIN_MS=0 %e2e %s %t | FileCheck %s
// RUN: env PURECC_CACHE_DIR=%t.cache PURECC_MEMO=disk PURECC_STATS=1 %t.g++-12 2>&1 | FileCheck %s --check-prefixes=CHECK,SECOND

#include <cstdio>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

[[pure]] [[purecc::memo]] long fold(const std::unordered_set<long> &s) {
  long h = 0;
  for (long r = 0; r < 2000; ++r)
    for (long x : s) h = (h * 31 + x + r) % 1000003;
  return h;
}

// Nested in a key part, and a map's pairs.
[[pure]] [[purecc::memo]] long first_key(const std::vector<std::unordered_map<std::string, long>> &v) {
  return v.empty() || v[0].empty() ? -1 : static_cast<long>(v[0].begin()->first.size()) * 1000 + v[0].begin()->second;
}

int main() {
  // 1, 14 and 27 share a bucket of 13: inserted in opposite orders, the
  // sets iterate in opposite orders.
  std::unordered_set<long> a(13), b(13), c(13);
  for (long x : {1L, 14L, 27L}) a.insert(x), c.insert(x);
  for (long x : {27L, 14L, 1L}) b.insert(x);
  for (long x : a) std::printf("%ld ", x);
  std::printf("| ");
  for (long x : b) std::printf("%ld ", x);
  std::printf("| %d %ld %ld %ld\n", static_cast<int>(a == b), fold(a), fold(b), fold(c));
  std::unordered_map<std::string, long> m(13), n(13);
  m["1"] = 10, m["14"] = 20;
  n["14"] = 20, n["1"] = 10;
  std::printf("%ld %ld\n", first_key({m}), first_key({n}));
}
// CHECK:      27 14 1 | 1 14 27 | 1 332597 524136 332597
// CHECK-NEXT: 2020 1010
// The second run: 'a' and 'b' from disk, 'c' (built as 'a' was) from memory.
// SECOND:      {{^}}  fold{{ +}}3{{ +}}1{{ +}}2{{ +}}0{{ }}
// SECOND-NEXT: {{^}}  first_key{{ +}}2{{ +}}0{{ +}}2{{ +}}0{{ }}
