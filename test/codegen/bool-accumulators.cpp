// A bool accumulator folding values of another type converts each step's
// result to bool, and that conversion does not wrap as an integer's does
// (2 becomes true): `bool b ^= 2` sets b whatever it was, where the tree's
// combine `true ^ true` clears it, and a rewritten `std::accumulate(b, e,
// true, std::bit_and<>())`, whose leaves convert each element to bool first,
// takes 2 as true where the serial `true & 2` is 0. Both stay serial with
// the reason; bool terms folding into a bool are rewritten.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <functional>
#include <numeric>
#include <vector>

// 2 for most i, 0 for every fifth, 3 for every seventh: no term is 0 or 1.
[[pure]] int term(long i) { return i % 7 == 0 ? 3 : i % 5 == 0 ? 0 : 2; }

[[pure]] bool and_all(const std::vector<int> &v) {
  return std::accumulate(v.begin(), v.end(), true, std::bit_and<>());
  // REMARK: bool-accumulators.cpp:[[@LINE-1]]:10: remark: call to 'std::accumulate' not parallelized: each step converts 'int' to 'bool' (the running total), which the tree order would change [purecc-missed-algorithm]
}
[[pure]] bool xor_all(const std::vector<int> &v) {
  return std::reduce(v.begin(), v.end(), false, std::bit_xor<>());
  // REMARK: bool-accumulators.cpp:[[@LINE-1]]:10: remark: call to 'std::reduce' not parallelized: each step converts 'int' to 'bool' (the running total), which the tree order would change [purecc-missed-algorithm]
}

int main() {
  const long n = 4096;
  bool x = false;
  for (long i = 0; i < n; ++i)
    x ^= term(i);
  // REMARK: bool-accumulators.cpp:[[@LINE-2]]:3: remark: loop not parallelized: each step converts 'int' to 'bool' ('x'), which the tree order would change [purecc-missed-reduction]
  std::printf("xor of ints: %d\n", x);
  // OUT: xor of ints: 1
  bool a = true;
  for (long i = 1; i < n; i += 5)
    a &= term(i);
  // REMARK: bool-accumulators.cpp:[[@LINE-2]]:3: remark: loop not parallelized: each step converts 'int' to 'bool' ('a'), which the tree order would change [purecc-missed-reduction]
  std::printf("and of ints: %d\n", a);
  // OUT-NEXT: and of ints: 0
  bool o = false;
  for (long i = 0; i < n; ++i)
    o |= term(i) == 3;
  // REMARK: bool-accumulators.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'o' [purecc-reduction]
  std::printf("or of bools: %d\n", o);
  // OUT-NEXT: or of bools: 1
  bool p = false;
  for (long i = 0; i < n; ++i)
    p ^= term(i) == 3;
  // REMARK: bool-accumulators.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'p' [purecc-reduction]
  std::printf("xor of bools: %d\n", p);
  // OUT-NEXT: xor of bools: 0

  std::vector<int> v(n);
  for (long i = 0; i < n; ++i)
    v[i] = term(i);
  // REMARK: bool-accumulators.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'v' [purecc-parallel-map]
  std::printf("algorithms: %d %d\n", and_all(v), xor_all(v));
  // REMARK: bool-accumulators.cpp:[[@LINE-1]]:38: remark: calls to 'and_all' and 'xor_all' run in parallel [purecc-parallel-calls]
  // OUT-NEXT: algorithms: 0 0
}
