// An address escapes only if it can be used while the loop runs. A part
// handed out by `std::get` and used in the same full-expression, a member
// store `t[1].first = x`, and a reference local whose scope ended before
// the loop (`{ auto &e = t[2]; e.first = 3; }`) are gone by then: the maps
// and reductions over t after them are rewritten. A reference still alive
// while the loop runs keeps the container's address out of the loop's
// control, whether the loop reads it or not, and so does a pointer kept in
// a static; those loops stay serial.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <tuple>
#include <utility>
#include <vector>

[[pure]] long f(long i) {
  long s = i;
  for (int k = 0; k < 40; ++k)
    s = (s * 31 + k) % 1000003;
  return s;
}

long *kept;

int main(int argc, char **) {
  const long n = 5000 + argc;
  std::vector<std::pair<long, long>> t(n);
  std::get<0>(t[0]) = 1;
  t[1].first = 2;
  {
    auto &e = t[2];
    e.first = 3;
  }
  for (long i = 0; i < n; ++i)
    t[i].second = f(i) + t[i].first;
  // REMARK: escapes-scoped-references.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 't' [purecc-parallel-map]
  long sum = 0;
  for (long i = 0; i < n; ++i)
    sum += f(t[i].second);
  // REMARK: escapes-scoped-references.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'sum' [purecc-reduction]

  std::vector<std::tuple<long, long>> u(n);
  for (long r = 0; r < 3; ++r) {
    // REMARK: escapes-scoped-references.cpp:[[@LINE-1]]:3: remark: loop not parallelized: the element of 'u' written is not indexed by the loop variable [purecc-missed-map]
    // Bound again on every round, and gone before the loop below.
    for (long k = 0; k < 3; ++k) {
      auto &e = std::get<1>(u[k]);
      e += r;
    }
    for (long i = 0; i < n; ++i)
      std::get<0>(u[i]) = f(i + r) + std::get<1>(u[i]);
    // REMARK: escapes-scoped-references.cpp:[[@LINE-2]]:5: remark: loop rewritten as a parallel map over 'u' [purecc-parallel-map]
  }

  // Alive while the loop runs: the loop does not read it, but it is the
  // container's address in hands the loop does not control.
  std::vector<long> w(n);
  auto &first = w[0];
  for (long i = 0; i < n; ++i)
    w[i] = f(i);
  // REMARK: escapes-scoped-references.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'w' escapes ('w[0]' on line [[@LINE-3]]) [purecc-missed-map]
  first += 1;

  // The reference's scope ended, but it gave the address to a static.
  std::vector<long> v(n);
  {
    auto &e = v[0];
    kept = &e;
  }
  for (long i = 0; i < n; ++i)
    v[i] = f(i) + *kept;
  // REMARK: escapes-scoped-references.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'v' escapes ('kept = &e' on line [[@LINE-4]]) [purecc-missed-map]

  long check = 0;
  for (long i = 0; i < n; ++i)
    check = (check * 7 + std::get<0>(u[i]) + w[i] + v[i] + t[i].second) % 1000000007;
  std::printf("%ld %ld %ld\n", sum, check, first);
  // OUT: 2494119362 805260691 165985
}
