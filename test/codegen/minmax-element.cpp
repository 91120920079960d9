// std::min_element, std::max_element and std::minmax_element that stay
// serial scans, with a remark saying why. Over elements a loop or
// std::transform has computed, the scan's steps are single comparisons: the
// work worth sharing is computing the elements, which runs in parallel. A
// comparator (or a class's operator<) is the user's: the serial scan
// compares each element with the best so far, and a tree of partial scans
// finds the same element (the first smallest for min_element, the first
// largest for max_element, the last largest for minmax_element; a NaN first
// element is kept, later NaNs never chosen) only for a strict weak ordering,
// which purecc cannot check. Only a lambda comparing one key of each
// argument is computed in parallel, exactly (minmax-element-keyed.cpp).
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

struct P {
  double x, y;
  bool operator<(const P &o) const { return x < o.x; }
};

[[pure]] double f(long i) {
  double s = 0;
  for (long k = 0; k < 50; ++k)
    s += std::sin(double(i * 50 + k));
  // REMARK: minmax-element.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 50 iterations of loop-free work (about 24 operations each) are too little to share [purecc-missed-reduction]
  return i % 1000 == 7 ? std::sqrt(-1.0) : std::floor(s);
}
// Runs a loop: not a cheap comparison.
[[pure]] bool closer(double a, double b) {
  double s = 0;
  for (int k = 0; k < 3; ++k)
    s += a - b;
  return s < 0;
}

int main() {
  const long n = 3001;
  std::vector<double> d(n);
  for (long i = 0; i < n; ++i)
    d[i] = f(i);
  // REMARK: minmax-element.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'd' [purecc-parallel-map]
  auto lo = std::min_element(d.begin(), d.end());
  // REMARK: minmax-element.cpp:[[@LINE-1]]:13: remark: call to 'std::min_element' not parallelized: each step is one comparison of 'double' elements, too little work to share: the work worth sharing is computing the elements [purecc-missed-algorithm]
  auto hi = std::max_element(d.begin(), d.end());
  // REMARK: minmax-element.cpp:[[@LINE-1]]:13: remark: call to 'std::max_element' not parallelized: each step is one comparison of 'double' elements, too little work to share: the work worth sharing is computing the elements [purecc-missed-algorithm]
  auto [a, b] = std::minmax_element(d.begin(), d.end());
  // REMARK: minmax-element.cpp:[[@LINE-1]]:17: remark: call to 'std::minmax_element' not parallelized: each step is one comparison of 'double' elements, too little work to share: the work worth sharing is computing the elements [purecc-missed-algorithm]
  std::printf("min %g at %ld, max %g at %ld, minmax %ld %ld\n", *lo, long(lo - d.begin()), *hi,
              long(hi - d.begin()), long(a - d.begin()), long(b - d.begin()));
  // OUT: min -1 at 10, max 0 at 0, minmax 10 2991

  // A NaN first element is what min_element returns.
  d[0] = std::sqrt(-1.0);
  long at = long(std::min_element(d.begin(), d.end(), [](double x, double y) { return x < y; }) - d.begin());
  // REMARK: minmax-element.cpp:[[@LINE-1]]:18: remark: call to 'std::min_element' not parallelized: each step is one call of a comparator that runs no loop, too little work to share: the work worth sharing is computing the elements [purecc-missed-algorithm]
  long far = long(std::max_element(d.begin(), d.end(), closer) - d.begin());
  // REMARK: minmax-element.cpp:[[@LINE-1]]:19: remark: call to 'std::max_element' not parallelized: the comparator is not a lambda comparing one arithmetic key of each argument ('return key(a) < key(b);'), and a tree of partial scans finds the serial scan's element only for a strict weak ordering, which purecc cannot check [purecc-missed-algorithm]
  std::printf("NaN first: %ld, with a comparator: %ld\n", at, far);
  // OUT-NEXT: NaN first: 0, with a comparator: 0

  std::vector<P> ps(n);
  for (long i = 0; i < n; ++i)
    ps[i] = P{f(i), double(i)};
  // REMARK: minmax-element.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'ps' [purecc-parallel-map]
  const P *first = &*std::min_element(ps.begin(), ps.end());
  // REMARK: minmax-element.cpp:[[@LINE-1]]:22: remark: call to 'std::min_element' not parallelized: 'operator<' of the elements need not be a strict weak ordering, and a tree of partial scans finds the serial scan's element only when it is one [purecc-missed-algorithm]
  std::printf("struct: %g %g\n", first->x, first->y);
  // OUT-NEXT: struct: -1 10
}
