// A container taken by value owns its storage only as far as its caller
// gave it up: `fill(std::move(g))` hands over g's buffer, which a pointer
// the caller kept before the call (`g_kept = g.data()`) still reaches, and
// the function sees neither. A map over such a parameter whose body reads
// through an address other than its own containers' stays serial; one
// that reads only containers (by value or by reference: two owning
// containers never share a buffer, a moved-from one is empty) is a map.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <utility>
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

long *g_kept;

// The loop reads, through 'g_kept', the element the previous iteration
// wrote: the caller moved the buffer 'g_kept' points into.
std::vector<long> fill(std::vector<long> v) {
  long n = static_cast<long>(v.size());
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + g_kept[(i + n - 1) % n];
  // CHECK: map-value-parameters.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'v' is a parameter taken by value, whose storage its caller may have moved from an object that 'g_kept' points into [purecc-missed-map]
  return v;
}

// The same through a pointer parameter.
std::vector<long> shift(std::vector<long> v, const long *from) {
  long n = static_cast<long>(v.size());
  for (long i = 1; i < n; ++i)
    v[i] = work(i) + from[i - 1];
  // CHECK: map-value-parameters.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'v' is a parameter taken by value, whose storage its caller may have moved from an object that 'from' points into [purecc-missed-map]
  return v;
}

// Containers only: a map.
std::vector<long> scaled(std::vector<long> v, const std::vector<long> &w) {
  long n = static_cast<long>(v.size());
  for (long i = 0; i < n; ++i)
    v[i] = work(v[i]) + w[i];
  // CHECK: map-value-parameters.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'v' [purecc-parallel-map]
  return v;
}

int main() {
  std::vector<long> g(300, 1);
  g_kept = g.data();
  std::vector<long> a = fill(std::move(g));
  std::vector<long> h(300, 2);
  const long *hp = h.data();
  std::vector<long> b = shift(std::move(h), hp);
  std::vector<long> w(300, 3);
  std::vector<long> c = scaled(w, w);
  std::printf("%ld %ld %ld\n", digest(a), digest(b), digest(c));
}
// OUT: {{^-?[0-9]+ -?[0-9]+ -?[0-9]+$}}
