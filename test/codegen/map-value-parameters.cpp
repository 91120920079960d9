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

// A local that takes such a parameter's storage over holds the same buffer
// (and so does one of an rvalue-reference parameter), however it takes it.
std::vector<long> moved(std::vector<long> v) {
  std::vector<long> w = std::move(v);
  long n = static_cast<long>(w.size());
  for (long i = 0; i < n; ++i)
    w[i] = work(i) + g_kept[(i + n - 1) % n];
  // CHECK: map-value-parameters.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'w' holds the storage of 'v', a parameter taken by value, which its caller may have moved from an object that 'g_kept' points into [purecc-missed-map]
  return w;
}

std::vector<long> swapped(std::vector<long> v) {
  std::vector<long> a, w;
  a = std::exchange(v, {});
  std::swap(w, a);
  long n = static_cast<long>(w.size());
  for (long i = 0; i < n; ++i)
    w[i] = work(i) + g_kept[(i + n - 1) % n];
  // CHECK: map-value-parameters.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'w' holds the storage of 'v', a parameter taken by value, which its caller may have moved from an object that 'g_kept' points into [purecc-missed-map]
  return w;
}

std::vector<long> taken(std::vector<long> &&v) {
  std::vector<long> w;
  w = std::move(v);
  long n = static_cast<long>(w.size());
  for (long i = 0; i < n; ++i)
    w[i] = work(i) + g_kept[(i + n - 1) % n];
  // CHECK: map-value-parameters.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'w' holds the storage of 'v', an rvalue-reference parameter, which its caller may have moved from an object that 'g_kept' points into [purecc-missed-map]
  return w;
}

struct Batch {
  std::vector<long> v;
};
std::vector<long> unpacked(Batch b) {
  std::vector<long> w(std::move(b.v));
  long n = static_cast<long>(w.size());
  for (long i = 0; i < n; ++i)
    w[i] = work(i) + g_kept[(i + n - 1) % n];
  // CHECK: map-value-parameters.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'w' holds the storage of 'b', a parameter taken by value, which its caller may have moved from an object that 'g_kept' points into [purecc-missed-map]
  return w;
}

// Handed over by a lambda, or by std::exchange (adv62 t14, t16).
std::vector<long> byLambda(std::vector<long> v) {
  auto w = [&] { return std::move(v); }();
  long n = static_cast<long>(w.size());
  for (long i = 0; i < n; ++i)
    w[i] = work(i) + g_kept[(i + n - 1) % n];
  // CHECK: map-value-parameters.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'w' holds the storage of 'v', a parameter taken by value, which its caller may have moved from an object that 'g_kept' points into [purecc-missed-map]
  return w;
}

std::vector<long> exchanged(std::vector<long> v) {
  std::vector<long> w;
  (void)std::exchange(w, std::move(v));
  long n = static_cast<long>(w.size());
  for (long i = 0; i < n; ++i)
    w[i] = work(i) + g_kept[(i + n - 1) % n];
  // CHECK: map-value-parameters.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'w' holds the storage of 'v', a parameter taken by value, which its caller may have moved from an object that 'g_kept' points into [purecc-missed-map]
  return w;
}

// The parameter's own pointer member, and a reference to an element
// (adv62 t24, t23, t32).
struct Job {
  std::vector<long> v;
  const long *hint;
};
std::vector<long> hinted(Job job) {
  std::vector<long> w = std::move(job.v);
  long n = static_cast<long>(w.size());
  for (long i = 0; i < n; ++i)
    w[i] = work(i) + job.hint[(i + n - 1) % n];
  // CHECK: map-value-parameters.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'w' holds the storage of 'job', a parameter taken by value, which its caller may have moved from an object that an address in 'job' points into [purecc-missed-map]
  return w;
}

std::vector<long> offset(std::vector<long> v, const long &x) {
  long n = static_cast<long>(v.size());
  for (long i = n - 1; i >= 0; --i)
    v[i] = work(i) + x;
  // CHECK: map-value-parameters.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'v' is a parameter taken by value, whose storage its caller may have moved from an object whose element 'x' refers to [purecc-missed-map]
  return v;
}

// A local made from the parameter, reading containers only: a map.
std::vector<long> local(std::vector<long> v) {
  std::vector<long> w = std::move(v);
  long n = static_cast<long>(w.size());
  for (long i = 0; i < n; ++i)
    w[i] = work(i + w[i]);
  // CHECK: map-value-parameters.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'w' [purecc-parallel-map]
  return w;
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
  // Each keeps a pointer into the buffer it hands over.
  long t = 0;
  for (int k = 0; k < 5; ++k) {
    std::vector<long> x(300, k + 1);
    g_kept = x.data();
    Batch bx{{}};
    if (k == 3) {
      bx.v = std::move(x);
      g_kept = bx.v.data();
    }
    std::vector<long> r = k == 0   ? moved(std::move(x))
                          : k == 1 ? swapped(std::move(x))
                          : k == 2 ? taken(std::move(x))
                          : k == 3 ? unpacked(std::move(bx))
                                   : local(std::move(x));
    t = t * 7 + digest(r);
  }
  std::printf("%ld\n", t);
  for (int k = 0; k < 4; ++k) {
    std::vector<long> x(300, k + 1);
    g_kept = x.data();
    const long &first = x[0];
    std::vector<long> r = k == 0   ? byLambda(std::move(x))
                          : k == 1 ? exchanged(std::move(x))
                          : k == 2 ? hinted(Job{std::move(x), g_kept})
                                   : offset(std::move(x), first);
    t = t * 7 + digest(r);
  }
  std::printf("%ld\n", t);
}
// OUT: {{^-?[0-9]+ -?[0-9]+ -?[0-9]+$}}
// OUT-NEXT: {{^-?[0-9]+$}}
// OUT-NEXT: {{^-?[0-9]+$}}
