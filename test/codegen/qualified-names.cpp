// Remarks name functions as the user qualifies them: two functions called
// `weight`, one in a namespace and one in a class, never read alike. Unwritten
// scopes (an anonymous namespace) are left out, as are the standard
// library's internal ones.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>

namespace geo {
[[pure]] long weight(long n) {
  long s = 0;
  for (long i = 0; i < n; ++i)
    s += i % 7;
  // CHECK: qualified-names.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return s;
}
} // namespace geo

struct Box {
  [[pure]] static long weight(long n) {
    long s = 0;
    for (long i = 0; i < n; ++i)
      s += i % 5;
    // CHECK: qualified-names.cpp:[[@LINE-2]]:5: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
    return s;
  }
  static long noisy(long n) {
    std::printf("%ld\n", n);
    return n;
  }
};

namespace {
[[pure]] long helper(long n) { return geo::weight(n) - 1; }
} // namespace

int main() {
  long both = geo::weight(100000) + Box::weight(200000);
  // CHECK: qualified-names.cpp:[[@LINE-1]]:15: remark: calls to 'geo::weight' and 'Box::weight' run in parallel [purecc-parallel-calls]
  long more = helper(3000) * Box::weight(3000);
  // CHECK: qualified-names.cpp:[[@LINE-1]]:15: remark: calls to 'helper' and 'Box::weight' run in parallel [purecc-parallel-calls]
  long t = 0;
  for (long i = 0; i < 3; ++i)
    t += Box::noisy(i) + geo::weight(i);
  // CHECK: qualified-names.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'Box::noisy' is not known to be pure [purecc-missed-reduction]
  std::printf("%ld %ld %ld\n", both, more, t);
}
// OUT: 0
// OUT-NEXT: 1
// OUT-NEXT: 2
// OUT-NEXT: 699995 53958000 4
