// A range algorithm of the library given the container itself
// (`std::ranges::sort(w)`, `std::ranges::for_each(w, f)`) refers to it only
// for the call, as `std::sort(w.begin(), w.end())` does through its
// iterators: the loop after it is a map (adv62 t29). What it hands back (an
// iterator, a `minmax_element` result, a `for_each` result's iterator) and
// what the callable it runs keeps are followed as for the iterator forms:
// the loops that read through them, or through a global or a capture the
// callable filled, read the element another iteration writes and stay
// serial.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cstdio>
#include <vector>

[[pure]] long work(long i) {
  long s = 0;
  for (int k = 0; k < 150; ++k)
    s += (i * 31 + k * 7) % 13;
  return s;
}

long digest(const std::vector<long> &v) {
  long t = 0;
  for (long x : v)
    t = t * 3 + x;
  return t;
}

long *g_p = nullptr;
std::vector<long>::iterator g_it;

// The range given to the algorithm, nothing kept: maps.
long for_each_generic(long n) {
  std::vector<long> w(n, 2);
  std::ranges::for_each(w, [](auto &x) { x += 1; });
  for (long i = 0; i < n; ++i)
    w[i] = work(i) + w[i];
  // CHECK: escapes-range-algorithms.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'w' [purecc-parallel-map]
  return digest(w);
}

long for_each_typed(long n) {
  std::vector<long> w(n, 2);
  std::ranges::for_each(w, [](long &x) { x += 1; });
  for (long i = 0; i < n; ++i)
    w[i] = work(i) + w[i];
  // CHECK: escapes-range-algorithms.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'w' [purecc-parallel-map]
  return digest(w);
}

long sorted(long n) {
  std::vector<long> w(n);
  for (long i = 0; i < n; ++i)
    w[i] = (i * 37) % 11;
  // CHECK: escapes-range-algorithms.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'w' [purecc-parallel-map]
  std::ranges::sort(w, [](const auto &x, const auto &y) { return x % 7 < y % 7; });
  std::ranges::sort(w);
  for (long i = 0; i < n; ++i)
    w[i] = work(i) + w[i];
  // CHECK: escapes-range-algorithms.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'w' [purecc-parallel-map]
  return digest(w);
}

// `std::ranges::max(w)` returns the value, not a reference into 'w'.
long largest(long n) {
  std::vector<long> w(n, 2);
  w[5] = 9;
  auto &&m = std::ranges::max(w);
  for (long i = 0; i < n; ++i)
    w[i] = work(i) + m;
  // CHECK: escapes-range-algorithms.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'w' [purecc-parallel-map]
  return digest(w);
}

// The callable keeps an element's address in a global.
long kept_in_global(long n) {
  std::vector<long> w(n, 2);
  std::ranges::for_each(w, [](long &x) {
    x += 1;
    if (!g_p)
      g_p = &x;
  });
  for (long i = 0; i < n; ++i)
    w[i] = work(i) + g_p[1];
  // CHECK: escapes-range-algorithms.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'w' escapes (on line [[@LINE-7]]) [purecc-missed-map]
  g_p = nullptr;
  return digest(w);
}

// ... in a capture, by a generic lambda.
long kept_in_capture(long n) {
  std::vector<long> w(n, 2);
  long *cp = nullptr;
  std::ranges::for_each(w, [&cp](auto &x) {
    if (!cp)
      cp = &x;
  });
  for (long i = 0; i < n; ++i)
    w[i] = work(i) + cp[1];
  // CHECK: escapes-range-algorithms.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'w' escapes (on line [[@LINE-6]]) [purecc-missed-map]
  return digest(w);
}

// An iterator the algorithm returns.
long found(long n) {
  std::vector<long> w(n, 2);
  auto it = std::ranges::find(w, 2);
  for (long i = 0; i < n; ++i)
    w[i] = work(i) + it[1];
  // CHECK: escapes-range-algorithms.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'w' is read inside the loop body (through 'it', declared on line [[@LINE-3]]) [purecc-missed-map]
  return digest(w);
}

long for_each_result(long n) {
  std::vector<long> w(n, 2);
  auto r = std::ranges::for_each(w, [](long &x) { x += 1; });
  for (long i = 0; i < n; ++i)
    w[i] = work(i) + r.in[-1];
  // CHECK: escapes-range-algorithms.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'w' is read inside the loop body (through 'r', declared on line [[@LINE-3]]) [purecc-missed-map]
  return digest(w);
}

long bounds(long n) {
  std::vector<long> w(n, 2);
  w[5] = 9;
  auto [lo, hi] = std::ranges::minmax_element(w);
  // CHECK: escapes-range-algorithms.cpp:[[@LINE-1]]:19: remark: call to 'std::ranges::minmax_element' not parallelized: purecc rewrites the standard algorithms in their iterator form ('std::minmax_element(v.begin(), v.end(), ...)'), not the std::ranges ones [purecc-missed-algorithm]
  for (long i = 0; i < n; ++i)
    w[i] = work(i) + *hi;
  // CHECK: escapes-range-algorithms.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'w' is read inside the loop body (through '[lo, hi]', declared on line [[@LINE-4]]) [purecc-missed-map]
  return digest(w);
}

// An iterator the algorithm returns, stored in a global.
long smallest_in_global(long n) {
  std::vector<long> w(n, 2);
  g_it = std::ranges::min_element(w);
  // CHECK: escapes-range-algorithms.cpp:[[@LINE-1]]:10: remark: call to 'std::ranges::min_element' not parallelized: purecc rewrites the standard algorithms in their iterator form ('std::min_element(v.begin(), v.end(), ...)'), not the std::ranges ones [purecc-missed-algorithm]
  for (long i = 0; i < n; ++i)
    w[i] = work(i) + g_it[0];
  // CHECK: escapes-range-algorithms.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'w' escapes ('g_it = std::ranges::min_element(w)' on line [[@LINE-4]]) [purecc-missed-map]
  return digest(w);
}

int main() {
  std::printf("%ld %ld %ld %ld\n", for_each_generic(300), for_each_typed(300), sorted(300), largest(300));
  std::printf("%ld %ld %ld %ld %ld %ld\n", kept_in_global(300), kept_in_capture(300), found(300),
              for_each_result(300), bounds(300), smallest_in_global(300));
}
// OUT: {{^-?[0-9]+ -?[0-9]+ -?[0-9]+ -?[0-9]+$}}
// OUT-NEXT: {{^-?[0-9]+ -?[0-9]+ -?[0-9]+ -?[0-9]+ -?[0-9]+ -?[0-9]+$}}
