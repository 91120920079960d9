// Arguments that name a variable other than by its value but cannot change
// it: iterators from `a.begin()` (and `+ n`) that only reach a standard
// container's range constructor, `std::vector<int>(a.begin(), a.begin() +
// mid)`, and a `std::span<const T>` made from a vector. Sibling calls given
// them run in parallel (user49 f14: merge-sort halves and Karatsuba were
// told "'a' is used other than by its value in an argument of 'work', which
// may change it"). Move iterators still count as possible writes.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <iterator>
#include <numeric>
#include <span>
#include <vector>

[[pure]] long work(std::vector<int> v) {
  long s = 0;
  for (int r = 0; r < 50; ++r)
    for (int x : v)
      s += x % (r + 3);
  // REMARK: calls-read-only-arguments.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return s;
}
[[pure]] long view(std::span<const int> v) {
  long s = 0;
  for (int r = 0; r < 50; ++r)
    for (int x : v)
      s += x % (r + 5);
  // REMARK: calls-read-only-arguments.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return s;
}
[[pure]] long halves(std::vector<int> a) {
  std::size_t mid = a.size() / 2;
  long l = work(std::vector<int>(a.begin(), a.begin() + mid));
  long r = work(std::vector<int>(a.begin() + long(mid), a.end()));
  // REMARK: calls-read-only-arguments.cpp:[[@LINE-2]]:12: remark: calls to 'work' and 'work' run in parallel [purecc-parallel-calls]
  return l + r;
}
[[pure]] long views(std::vector<int> a) {
  long l = view(a);
  long r = work(a);
  // REMARK: calls-read-only-arguments.cpp:[[@LINE-2]]:12: remark: calls to 'view' and 'work' run in parallel [purecc-parallel-calls]
  return l + r;
}
[[pure]] long moved(std::vector<int> a) {
  std::size_t mid = a.size() / 2;
  long l = work(std::vector<int>(std::make_move_iterator(a.begin()),
                                 std::make_move_iterator(a.begin() + long(mid))));
  long r = work(a);
  // REMARK: calls-read-only-arguments.cpp:[[@LINE-1]]:12: remark: calls to 'work' and 'work' not parallelized: 'a' is used other than by its value in an argument of 'work', which may change it, and the call to 'work' reads it [purecc-missed-parallel-calls]
  return l + r;
}
int main() {
  std::vector<int> v(20000);
  std::iota(v.begin(), v.end(), 0);
  std::printf("%ld %ld %ld\n", halves(v), views(v), moved(v));
  // REMARK: calls-read-only-arguments.cpp:[[@LINE-1]]:32: remark: calls to 'halves', 'views' and 'moved' run in parallel [purecc-parallel-calls]
  // OUT: 13246022 27491382 19867349
  return 0;
}
