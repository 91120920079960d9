// 2-D maps written with range-for loops: `for (auto &row : g) for (auto &x
// : row) x = f(x);` and `for (auto &r : g) for (j ...) r[j] = f(j);` are
// maps over the rows of 'g' (each iteration owns its row; the inner loop is
// part of the map, no remark of its own), also over jagged rows, with
// 'continue' and a count-down inner loop. An inner loop over a row taken by
// reference has a bound that only a resize changes: writing elements does
// not (the old remarks said "the loop bound may change", false). True
// reasons otherwise: another row read, 'g' read, rows that are views, a row
// resized in the body, rows reached through 'std::reference_wrapper'.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <functional>
#include <span>
#include <array>
#include <vector>

[[pure]] long heavy(long x) {
  long s = 0;
  for (long k = 0; k < 300; ++k)
    s += (x * k + 3) % 7;
  return s + x % 5;
}

[[pure]] long digest(const std::vector<std::vector<long>> &g) {
  long h = 0;
  for (const auto &r : g)
    for (long x : r)
      h = h * 31 + x;
  return h;
}

int main() {
  std::vector<std::vector<long>> g(40, std::vector<long>(30, 1));
  // REMARK: map-rows-rangefor.cpp:[[@LINE+1]]:3: remark: loop rewritten as a parallel map over 'g' [purecc-parallel-map]
  for (auto &row : g)
    for (auto &x : row)
      x = heavy(x);
  // CHECK:      {{^}}  ::purecc::parallel_for(0, static_cast<std::int64_t>(g.size()), [&](std::int64_t purecc_k0) { auto &row = g[purecc_k0]; {
  // CHECK-NEXT: {{^}}    for (auto &x : row)
  // CHECK-NEXT: {{^}}      x = heavy(x); } });
  long c = 7;
  // REMARK: map-rows-rangefor.cpp:[[@LINE+1]]:3: remark: loop rewritten as a parallel map over 'g' [purecc-parallel-map]
  for (auto &row : g)
    for (auto &x : row)
      x = heavy(x) + c;
  // REMARK: map-rows-rangefor.cpp:[[@LINE+1]]:3: remark: loop not parallelized: the loop body reads 'g[0][0]', an element of 'g' that another iteration may write [purecc-missed-map]
  for (auto &row : g)
    // REMARK: map-rows-rangefor.cpp:[[@LINE+1]]:5: remark: loop not parallelized: 'row' is not a local array or standard container, so it may alias what the loop reads [purecc-missed-map]
    for (auto &x : row)
      x = heavy(x) + g[0][0];
  // REMARK: map-rows-rangefor.cpp:[[@LINE+1]]:3: remark: loop not parallelized: 'g' is read inside the loop body [purecc-missed-map]
  for (auto &row : g)
    // REMARK: map-rows-rangefor.cpp:[[@LINE+1]]:5: remark: loop not parallelized: 'row' is not a local array or standard container, so it may alias what the loop reads [purecc-missed-map]
    for (auto &x : row)
      x = heavy(x) + long(g.size());
  std::printf("A %ld\n", digest(g));
  // OUT: A 376879365992725050
  // REMARK: map-rows-rangefor.cpp:[[@LINE+1]]:3: remark: loop rewritten as a parallel map over 'g' [purecc-parallel-map]
  for (auto &r : g)
    for (std::size_t j = 0; j < r.size(); ++j)
      r[j] = heavy(long(j)) + r[j];
  // CHECK:      {{^}}  ::purecc::parallel_for(0, static_cast<std::int64_t>(g.size()), [&](std::int64_t purecc_k2) { auto &r = g[purecc_k2]; {
  // CHECK-NEXT: {{^}}    for (std::size_t j = 0; j < r.size(); ++j)
  // CHECK-NEXT: {{^}}      r[j] = heavy(long(j)) + r[j]; } });
  {
    auto &row3 = g[3];
    // REMARK: map-rows-rangefor.cpp:[[@LINE+1]]:5: remark: loop not parallelized: 'row3' is not a local array or standard container, so it may alias what the loop reads [purecc-missed-map]
    for (auto &x : row3)
      x = heavy(x) + 2;
  }
  std::printf("B %ld\n", digest(g));
  // OUT: B 4169546044918512294
  // Jagged rows, continue, count-down.
  std::vector<std::vector<long>> jag(50);
  for (std::size_t i = 0; i < jag.size(); ++i)
    jag[i].assign(i % 7, long(i));
  // REMARK: map-rows-rangefor.cpp:[[@LINE+1]]:3: remark: loop rewritten as a parallel map over 'jag' [purecc-parallel-map]
  for (auto &r : jag)
    for (auto &x : r) {
      if (x % 3 == 0)
        continue;
      x = heavy(x) * 2;
    }
  // REMARK: map-rows-rangefor.cpp:[[@LINE+1]]:3: remark: loop rewritten as a parallel map over 'jag' [purecc-parallel-map]
  for (auto &r : jag)
    for (std::size_t j = r.size(); j-- > 0;)
      r[j] = heavy(r[j]) - long(j);
  std::printf("C %ld\n", digest(jag));
  // OUT: C 1685526446339929662
  // A row resized in the body.
  // REMARK: map-rows-rangefor.cpp:[[@LINE+1]]:3: remark: loop not parallelized: 'r' is used inside the loop body other than by appending to it [purecc-missed-reduction]
  for (auto &r : jag) {
    r.push_back(3);
    // REMARK: map-rows-rangefor.cpp:[[@LINE+1]]:5: remark: loop not parallelized: 'r' is not a local array or standard container, so it may alias what the loop reads [purecc-missed-map]
    for (auto &x : r)
      x = heavy(x);
  }
  // REMARK: map-rows-rangefor.cpp:[[@LINE+1]]:3: remark: loop not parallelized: 'r' is used inside the loop body other than by appending to it [purecc-missed-reduction]
  for (auto &r : jag)
    // REMARK: map-rows-rangefor.cpp:[[@LINE+1]]:5: remark: loop not parallelized: the bound 'r' changes inside the loop body [purecc-missed-map]
    for (std::size_t j = 0; j < r.size(); ++j) {
      r[j] = heavy(long(j));
      if (j == 2)
        r.push_back(1);
    }
  std::printf("D %ld\n", digest(jag));
  // OUT: D 950735602371846198
  // Rows that share storage.
  std::vector<long> shared(20, 1);
  std::vector<std::span<long>> spans(10, std::span<long>(shared));
  // REMARK: map-rows-rangefor.cpp:[[@LINE+1]]:3: remark: loop not parallelized: the rows of 'spans' ('sp') are of type 'std::span<long>', which does not own its elements: two rows may share storage, so two iterations may write one element [purecc-missed-map]
  for (auto &sp : spans)
    // REMARK: map-rows-rangefor.cpp:[[@LINE+1]]:5: remark: loop not parallelized: 'sp' is not a local array or standard container, so it may alias what the loop reads [purecc-missed-map]
    for (auto &x : sp)
      x = heavy(x) + x;
  std::vector<std::reference_wrapper<std::vector<long>>> refs(10, std::ref(shared));
  // REMARK: map-rows-rangefor.cpp:[[@LINE+1]]:3: remark: loop not parallelized: 'x' writes through 'r.get()', a pointer or reference that an element holds: which object it refers to is not followed, and two elements may refer to one [purecc-missed-reduction]
  for (auto &r : refs)
    // REMARK: map-rows-rangefor.cpp:[[@LINE+1]]:5: remark: loop not parallelized: the range is not a named array or random-access standard container [purecc-missed-reduction]
    for (auto &x : r.get())
      x = heavy(x) + x;
  long h = 0;
  for (long v : shared)
    h = h * 31 + v;
  std::printf("E %ld\n", h);
  // OUT: E 1552122727912508864
}
