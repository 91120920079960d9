// A local read through another local that holds its address (a const
// reference, a std::cref, a view) is read all the same: a reduction whose
// body reads its accumulator that way stays serial (the remark names the
// holder), so do a selection and a concatenation, a run of statements does
// not start a call reading what an earlier one stores, and calls are not
// hoisted above a write through a view of what they read. Maps:
// map-views.cpp.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cstdio>
#include <functional>
#include <span>
#include <vector>

[[pure]] long f(long x) {
  long s = x;
  for (int k = 0; k < 2000; ++k)
    s = (s * 7 + k) % 10007;
  return s;
}

[[pure]] long work(long x) {
  long s = x;
  for (long k = 0; k < 200000; ++k)
    s = (s * 7 + k) % 10007;
  return s;
}

int main() {
  long s = 1;
  const long &cs = s;
  for (long i = 0; i < 3000; ++i)
    s += f(cs + i);
  // REMARK: reads-through-holders.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 's' is read inside the loop body (through 'cs', declared on line [[@LINE-3]]) [purecc-missed-reduction]
  long t = 1;
  auto ct = std::cref(t);
  for (long i = 0; i < 3000; ++i)
    t += f(ct.get() + i);
  // REMARK: reads-through-holders.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 't' is read inside the loop body (through 'ct', declared on line [[@LINE-3]]) [purecc-missed-reduction]
  // A reference to another local keeps the reduction.
  long u = 1;
  const long &other = s;
  for (long i = 0; i < 3000; ++i)
    u += f(other + i);
  // REMARK: reads-through-holders.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'u' [purecc-reduction]
  std::printf("%ld %ld %ld\n", s, t, u);
  // OUT: 14727125 14727125 15021685
  // The same for a selection and a concatenation.
  long best = 0;
  const auto &[rb] = std::tie(best);
  for (long i = 0; i < 3000; ++i)
    best = std::max(best, f(i + rb % 3));
  // REMARK: reads-through-holders.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'best' is read inside the loop body (through 'rb', declared on line [[@LINE-3]]) [purecc-missed-reduction]
  std::vector<long> out;
  const std::vector<long> &ro = out;
  for (long i = 0; i < 3000; ++i)
    out.push_back(f(i + static_cast<long>(ro.size() % 5)));
  // REMARK: reads-through-holders.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'out' is read inside the loop body (through 'ro', declared on line [[@LINE-3]]) [purecc-missed-reduction]
  std::printf("%ld %ld\n", best, out.back());
  // OUT-NEXT: 10005 8694

  long a = 1;
  const long &ra = a;
  // CHECK: {{^}}  a = work(5);
  // CHECK-NEXT: {{^}}  long b = work(ra);
  a = work(5);
  long b = work(ra);
  std::printf("%ld %ld\n", a, b);
  // OUT-NEXT: 3501 1193

  std::vector<long> v(4, 1);
  std::span<long> sv(v);
  long x = (std::fill(sv.begin(), sv.end(), 3), work(v[0]) + work(v[1]));
  // REMARK: reads-through-holders.cpp:[[@LINE-1]]:49: remark: calls to 'work' and 'work' not parallelized: 'fill' may write 'v' through 'sv' [purecc-missed-parallel-calls]
  long z = (sv[0] = 9, work(v[0]) + work(v[1]));
  // REMARK: reads-through-holders.cpp:[[@LINE-1]]:24: remark: calls to 'work' and 'work' not parallelized: the expression may write 'v' through 'sv' [purecc-missed-parallel-calls]
  std::printf("%ld %ld\n", x, z);
  // OUT-NEXT: 1692 9657
}
