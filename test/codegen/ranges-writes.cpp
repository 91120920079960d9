// A loop body that writes an outer local through a library call that takes
// it by forwarding reference, or through a view made for the call, stays
// serial (adv81 A1-A3: each ran as a parallel reduction and printed another
// value at 2 threads): std::forward_as_tuple makes references to what it is
// given (`std::forward_as_tuple(h) = t` writes 'h'), std::ranges::swap
// swaps its arguments, and a std::ranges algorithm that writes its range
// writes what a view given to it designates (`std::views::counted(&x, 1)`,
// `std::views::all(v)`, `std::ranges::subrange(b, e)`).
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <concepts>
#include <cstdio>
#include <optional>
#include <ranges>
#include <span>
#include <tuple>
#include <vector>

[[pure]] long f(long i) noexcept {
  long x = i;
  for (long k = 0; k < 200; ++k)
    x = (x * 31 + k) % 1000003;
  return x;
}

int main() {
  long s = 0;
  unsigned long h = 0;
  for (long i = 0; i < 4000; ++i) {
    // REMARK: [[@LINE-1]]:3: remark: loop not parallelized: 'h' is written inside the loop body [purecc-missed-reduction]
    s += f(i) % 13;
    std::forward_as_tuple(h) = std::make_tuple(h * 31 + f(i) % 7);
  }
  std::printf("%ld %lu\n", s, h);
  long c = 1, d = 2, t = 0;
  for (long i = 0; i < 4000; ++i) {
    // REMARK: [[@LINE-1]]:3: remark: loop not parallelized: 'c' is written inside the loop body [purecc-missed-reduction]
    t += f(i) * c;
    std::ranges::swap(c, d);
  }
  std::printf("%ld %ld\n", t, c);
  long prev = 0, u = 0;
  for (long i = 0; i < 4000; ++i) {
    // REMARK: [[@LINE-1]]:3: remark: loop not parallelized: the loop body writes through a pointer or reference [purecc-missed-reduction]
    u += f(i) + prev;
    std::ranges::fill(std::views::counted(&prev, 1), i);
  }
  std::printf("%ld %ld\n", u, prev);
  long arr[1] = {0}, w = 0;
  for (long i = 0; i < 4000; ++i) {
    // REMARK: [[@LINE-1]]:3: remark: loop not parallelized: the loop body writes through a pointer or reference [purecc-missed-reduction]
    w += f(i) + arr[0];
    std::ranges::fill(std::views::all(arr), i);
  }
  std::printf("%ld %ld\n", w, arr[0]);
  std::vector<long> vec{1, 2, 3};
  long x = 0;
  for (long i = 0; i < 4000; ++i) {
    // REMARK: [[@LINE-1]]:3: remark: loop not parallelized: the loop body writes through a pointer or reference [purecc-missed-reduction]
    x += f(i) * vec[0];
    std::ranges::reverse(std::views::all(vec));
  }
  std::printf("%ld %ld\n", x, vec[0]);
  long y = 0;
  for (long i = 0; i < 4000; ++i) {
    // REMARK: [[@LINE-1]]:3: remark: loop not parallelized: the loop body writes through a pointer or reference [purecc-missed-reduction]
    y += f(i) * vec[0];
    std::ranges::fill(std::ranges::subrange(vec.begin(), vec.end()), i);
  }
  std::printf("%ld %ld\n", y, vec[0]);
  long z = 0;
  for (long i = 0; i < 4000; ++i) {
    // REMARK: [[@LINE-1]]:3: remark: loop not parallelized: the loop body writes through a pointer or reference [purecc-missed-reduction]
    z += f(i) + prev;
    std::ranges::replace(std::views::counted(&prev, 1), prev, i);
  }
  std::printf("%ld %ld\n", z, prev);
  // A view of the iteration's own array is written through too: the view
  // is not followed to its array, so the loop stays serial (conservative).
  long q = 0;
  for (long i = 0; i < 4000; ++i) {
    // REMARK: [[@LINE-1]]:3: remark: loop not parallelized: the loop body writes through a pointer or reference [purecc-missed-reduction]
    long own[2] = {f(i), 0};
    std::ranges::fill(std::views::counted(own + 1, 1), own[0]);
    auto pr = std::make_pair(own[1], i);
    q += pr.first % 11;
  }
  std::printf("%ld\n", q);
}
// OUT: 24032 1652444484108929692
// OUT-NEXT: 2992483809 1
// OUT-NEXT: 2003017429 3999
// OUT-NEXT: 2003017429 3999
// OUT-NEXT: 3989944190 1
// OUT-NEXT: 3972390191091 3999
// OUT-NEXT: 2003021428 3999
// OUT-NEXT: 20011
