// A map may not read the container it writes anywhere but at the element it
// stores: another iteration may already have written what it reads. The
// range-for form gets the same check as the index form, aliases included.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <vector>

[[pure]] long f(long x) {
  long s = x;
  for (int k = 0; k < 20; ++k)
    s = (s * 7 + k) % 1000003;
  return s;
}

[[pure]] long sum_all(const std::vector<long> &v) {
  long s = 0;
  for (long x : v)
    s += x % 1000;
  // REMARK: map-reads-container.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  return s;
}

long total(const std::vector<long> &r) {
  long t = 0;
  for (long x : r)
    t = t * 31 + x;
  return t;
}

int main() {
  std::vector<long> r(3000);
  for (long i = 0; i < 3000; ++i)
    r[i] = i + 1;
  for (long &x : r)
    x = f(x) + r[0];
  // REMARK: map-reads-container.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop body reads 'r[0]', an element of 'r' that another iteration may write [purecc-missed-map]
  for (long &x : r)
    x = f(x) + r.front();
  // REMARK: map-reads-container.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'r' is read inside the loop body [purecc-missed-map]
  for (long &x : r)
    x = f(x) - r.back();
  // REMARK: map-reads-container.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'r' is read inside the loop body [purecc-missed-map]
  const std::vector<long> &alias = r;
  for (long &x : r)
    x = f(x) + alias[2999];
  // REMARK: map-reads-container.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'r' is read inside the loop body (through 'alias', declared on line [[@LINE-3]]) [purecc-missed-map]
  const long &first = r[0];
  for (long i = 0; i < 3000; ++i)
    r[i] = f(i) + first;
  // REMARK: map-reads-container.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'r' is read inside the loop body (through 'first', declared on line [[@LINE-3]]) [purecc-missed-map]
  // Reading only the element itself is a map.
  for (long &x : r)
    x = f(x);
  // REMARK: map-reads-container.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'r' [purecc-parallel-map]
  // Handed whole to a pure function by const reference: read, not resized
  // (adv100 F1 was told "the bound 'v' changes inside the loop body").
  std::vector<long> v(500, 1);
  for (std::size_t i = 0; i < v.size(); ++i)
    v[i] = sum_all(v) + long(i);
  // REMARK: map-reads-container.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'v' is read inside the loop body [purecc-missed-map]
  std::printf("%ld %ld\n", total(r), total(v));
  // OUT: 7706157562815804476 {{-?[0-9]+}}
}
