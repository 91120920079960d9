// An in-place map `v[i] = g(v[i])`: the body reads the container it writes
// only at the element its own iteration stores (the same index, written the
// same way), which no other iteration touches. Any other read of the
// container (another index, its size, an alias) keeps the loop serial and
// names it.
// RUN: %purecc rewrite --remarks %s -o %t.out.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <vector>

[[pure]] long g(long x) {
  long s = x;
  for (int k = 0; k < 40; ++k)
    s = (s * 7 + k) % 1000003;
  return s;
}

long total(const std::vector<long> &r) {
  long t = 0;
  for (long x : r)
    t = t * 31 + x;
  return t;
}

int main(int argc, char **) {
  long n = 3000 + argc;
  std::vector<long> v(n);
  long a[3001];
  for (long i = 0; i < n; ++i)
    v[i] = i - 7;
  // REMARK: map-inplace.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'v' [purecc-parallel-map]
  for (long i = 0; i < 3001; ++i)
    a[i] = 3 * i;
  for (long i = 0; i < n; ++i)
    v[i] = g(v[i]);
  // REMARK: map-inplace.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'v' [purecc-parallel-map]
  for (long i = 0; i < 3001; ++i)
    a[i] = g(a[i]) + a[i] % 5;
  // REMARK: map-inplace.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'a' [purecc-parallel-map]
  for (long i = 0; i < n; ++i) {
    if (v[i] % 3 == 0)
      continue;
    v[n - 1 - i] = g(v[n - 1 - i]);
  }
  // REMARK: map-inplace.cpp:[[@LINE-5]]:3: remark: loop not parallelized: the loop body reads 'v[i]', an element of 'v' that another iteration may write [purecc-missed-map]
  for (long i = 0; i < n; ++i) {
    if (v[n - 1 - i] % 3 == 0)
      continue;
    v[n - 1 - i] = g(v[n - 1 - i]);
  }
  // REMARK: map-inplace.cpp:[[@LINE-5]]:3: remark: loop rewritten as a parallel map over 'v' [purecc-parallel-map]
  for (long i = 0; i < n - 1; ++i)
    v[i] = g(v[i + 1]);
  // REMARK: map-inplace.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop body reads 'v[i + 1]', an element of 'v' that another iteration may write [purecc-missed-map]
  for (long i = 0; i < n; ++i)
    v[i] = g(v[n - 1 - i]);
  // REMARK: map-inplace.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop body reads 'v[n - 1 - i]', an element of 'v' that another iteration may write [purecc-missed-map]
  for (long i = 0; i < n; ++i)
    v[i] = g(v[i]) + long(v.size());
  // REMARK: map-inplace.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'v' is read inside the loop body [purecc-missed-map]
  for (long i = n; i-- > 0;)
    v[i] = g(v[i] + 1);
  // REMARK: map-inplace.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'v' [purecc-parallel-map]
  std::vector<long> &w = v;
  for (long i = 0; i < n; ++i)
    v[i] = g(w[i]);
  // REMARK: map-inplace.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'v' is read inside the loop body (through 'w', declared on line [[@LINE-3]]) [purecc-missed-map]
  long s = 0;
  for (long i = 0; i < 3001; ++i)
    s += a[i];
  std::printf("%ld %ld\n", total(v), s);
  // OUT: 6896623928477313419 1500056310
}
