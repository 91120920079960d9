// Loops that store one pure result per element, and std::transform, become
// parallel maps; stores that could collide or alias stay serial.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cstdio>
#include <vector>

[[pure]] int cube(int x) { return static_cast<int>(1L * x * x % 9973 * x % 9973); }

int main() {
  const int n = 5000;
  std::vector<int> out(n);
  int table[4096];
  for (int i = 0; i < n; ++i)
    out[i] = cube(i);
  // CHECK:      {{^}}  ::purecc::parallel_for(0, n, [&](std::int64_t purecc_i0) { int i = static_cast<int>(purecc_i0); {
  // CHECK-NEXT: {{^}}    out[i] = cube(i); } }, ::purecc::leaf_size{2048});
  // REMARK: maps.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel map over 'out' [purecc-parallel-map]
  for (int i = 0; i < 4096; ++i) {
    int c = cube(i + 1);
    table[i] = c - 1;
  }
  // CHECK: {{^}}  ::purecc::parallel_for(0, 4096, [&](std::int64_t purecc_i1) { int i = static_cast<int>(purecc_i1); {
  for (int &x : out)
    x = cube(x);
  // CHECK: {{^}}  ::purecc::parallel_for(0, static_cast<std::int64_t>(out.size()), [&](std::int64_t purecc_k2) { int &x = out[purecc_k2]; {
  std::vector<int> twice(n);
  std::transform(out.begin(), out.end(), twice.begin(), [](int v) { return cube(v) * 2; });
  // CHECK: {{^}}  ::purecc::parallel_for(0, static_cast<std::int64_t>(out.size()), [&, purecc_op = ([](int v) { return cube(v) * 2; })](std::int64_t purecc_k) { twice[static_cast<std::size_t>(purecc_k)] = purecc_op(out[static_cast<std::size_t>(purecc_k)]); });
  // REMARK: maps.cpp:[[@LINE-2]]:3: remark: call to 'std::transform' rewritten as a parallel map [purecc-parallel-algorithm]

  // Each iteration reads its neighbour, which another one writes.
  std::vector<int> shifted(n);
  for (int i = 1; i < n; ++i)
    shifted[i] = cube(shifted[i - 1] + i);
  // REMARK: maps.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop body reads 'shifted[i - 1]', an element of 'shifted' that another iteration may write [purecc-missed-map]
  // Elements of std::vector<bool> share machine words.
  std::vector<bool> odd(n);
  for (int i = 0; i < n; ++i)
    odd[i] = cube(i) % 2 == 1;
  // REMARK: maps.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the elements of 'odd' (a 'std::vector<bool>') share storage [purecc-missed-map]
  // Two iterations store to the same element.
  std::vector<int> buckets(10);
  for (int i = 0; i < n; ++i)
    buckets[i % 10] = cube(i);
  // REMARK: maps.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the element of 'buckets' written is not indexed by the loop variable [purecc-missed-map]

  unsigned long check = 0;
  for (int i = 0; i < n; ++i)
    check = check * 31 + out[i] + twice[i] + shifted[i] + odd[i] + buckets[i % 10] + table[i % 4096];
  std::printf("%lu\n", check);
  return 0;
}
// OUT: {{[0-9]+}}
