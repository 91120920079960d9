// A generic lambda given to the library keeps what it is given only when
// an instance the library made may store it (Escapes.cpp, bodyMayKeep):
// `std::for_each(w.begin(), w.end(), [](auto &x) { x = 3; })` keeps no
// address, as the same lambda with `long &x` does not, so the loop after it
// is a map (adv61 F6; issue 15). An instance has no summary of its
// parameters (its body is not in the function around), so one that stores
// through a pointer, writes a capture that can hold an address, throws an
// address, or moves storage out of what it is given makes the local
// escape: the loops below read, through what it kept, the element an
// earlier iteration wrote, and must stay serial.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <type_traits>
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

// Written through the instance's reference parameter only: a map.
long writer(long n) {
  std::vector<long> w(n);
  std::for_each(w.begin(), w.end(), [](auto &x) { x = 3; });
  for (long i = 0; i < n; ++i)
    w[i] = work(i) + w[i];
  // CHECK: escapes-generic-lambdas.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'w' [purecc-parallel-map]
  return digest(w);
}

// The capture 'cp' keeps the address of the last element.
long capturedPointer(long n) {
  std::vector<long> w(n, 1);
  long *cp = nullptr;
  std::for_each(w.begin(), w.end(), [&cp](auto &x) { cp = &x; });
  for (long i = 0; i < n; ++i)
    w[i] = work(i) + cp[0];
  // CHECK: escapes-generic-lambdas.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'w' escapes (on line [[@LINE-3]]) [purecc-missed-map]
  return digest(w);
}

// Stored through a pointer it captured by value.
long storedThrough(long n) {
  std::vector<long> w(n, 1);
  long *kept = nullptr;
  long **sink = &kept;
  std::for_each(w.begin(), w.begin() + 1, [sink](auto &x) { *sink = &x; });
  for (long i = n - 1; i >= 0; --i)
    w[i] = work(i) + kept[0];
  // CHECK: escapes-generic-lambdas.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'w' escapes (on line [[@LINE-3]]) [purecc-missed-map]
  return digest(w);
}

// Thrown, and kept by the handler.
long thrown(long n) {
  std::vector<long> w(n, 1);
  long *caught = nullptr;
  try {
    std::for_each(w.begin(), w.end(), [](auto &x) {
      if (x == 1)
        throw &x;
    });
  } catch (long *p) {
    caught = p;
  }
  for (long i = n - 1; i >= 0; --i)
    w[i] = work(i) + caught[0];
  // CHECK: escapes-generic-lambdas.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'w' escapes (on line [[@LINE-9]]) [purecc-missed-map]
  return digest(w);
}

// Made for two types, one instance keeps: the escape counts.
long twoInstances(long n) {
  std::vector<long> w(n, 1);
  std::vector<double> d(4, 1.0);
  double *dp = nullptr;
  long *lp = nullptr;
  auto touch = [&](auto &x) {
    if constexpr (std::is_same_v<std::remove_reference_t<decltype(x)>, long>)
      lp = &x;
    else
      dp = &x;
  };
  std::for_each(d.begin(), d.end(), touch);
  std::for_each(w.begin(), w.end(), touch);
  for (long i = 0; i < n; ++i)
    w[i] = work(i) + lp[0] + static_cast<long>(dp[0]);
  // CHECK: escapes-generic-lambdas.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'w' escapes ('std::for_each(w.begin(), w.end(), touch)' on line [[@LINE-3]]) [purecc-missed-map]
  return digest(w);
}

// An address turned into a number leaves by a way no type says holds one
// (adv62 t07, t10, t04): written through the parameter, into a capture, or
// returned into the algorithm's output. (The same with `long &x` keeps too.)
long asNumber(long n) {
  std::vector<long> w(n, 1);
  std::for_each(w.begin(), w.end(), [](auto &x) { x = reinterpret_cast<long>(&x); });
  long *first = reinterpret_cast<long *>(w[0]);
  for (long i = n - 1; i >= 0; --i)
    w[i] = work(i) + (*first == reinterpret_cast<long>(first));
  // CHECK: escapes-generic-lambdas.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'w' escapes (on line [[@LINE-4]]) [purecc-missed-map]
  return digest(w);
}

long intoCapture(long n) {
  std::vector<long> w(n, 1);
  long addr = 0;
  std::for_each(w.begin(), w.end(), [&addr](long &x) {
    if (!addr)
      addr = reinterpret_cast<long>(&x);
  });
  long *q = reinterpret_cast<long *>(addr);
  for (long i = n - 1; i >= 0; --i)
    w[i] = work(i) + q[0];
  // CHECK: escapes-generic-lambdas.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'w' escapes (on line [[@LINE-7]]) [purecc-missed-map]
  return digest(w);
}

long transformed(long n) {
  std::vector<long> w(n, 1);
  std::vector<std::uintptr_t> addr(static_cast<std::size_t>(n));
  std::transform(w.begin(), w.end(), addr.begin(),
                 [](auto &x) { return reinterpret_cast<std::uintptr_t>(&x); });
  // CHECK: escapes-generic-lambdas.cpp:[[@LINE-2]]:3: remark: call to 'std::transform' not parallelized: the function applied is not known to be pure [purecc-missed-algorithm]
  for (long i = 0; i < n; ++i)
    w[i] = work(i) + *reinterpret_cast<long *>(addr[(i + n - 1) % n]);
  // CHECK: escapes-generic-lambdas.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'w' escapes (on line [[@LINE-5]]) [purecc-missed-map]
  return digest(w);
}

// ... or into bytes: a pointer read through an `unsigned char` view of it
// (AddressData.h).
long asBytes(long n) {
  std::vector<long> w(n, 2);
  unsigned long bits = 0;
  std::for_each(w.begin(), w.end(), [&bits](long &x) {
    long *p = &x;
    const unsigned char *b = reinterpret_cast<const unsigned char *>(&p);
    unsigned long v = 0;
    for (int k = static_cast<int>(sizeof p) - 1; k >= 0; --k)
      v = v * 256 + b[k];
    if (!bits)
      bits = v;
  });
  for (long i = 0; i < n; ++i)
    w[i] = work(i) + reinterpret_cast<long *>(bits)[(i + 1) % n];
  // CHECK: escapes-generic-lambdas.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the address of 'w' escapes (on line [[@LINE-11]]) [purecc-missed-map]
  return digest(w);
}

int main() {
  std::printf("%ld %ld %ld %ld %ld\n", writer(300), capturedPointer(300), storedThrough(300), thrown(300),
              twoInstances(300));
  std::printf("%ld %ld %ld %ld\n", asNumber(300), intoCapture(300), transformed(300), asBytes(300));
}
// OUT: {{^-?[0-9]+ -?[0-9]+ -?[0-9]+ -?[0-9]+ -?[0-9]+$}}
// OUT-NEXT: {{^-?[0-9]+ -?[0-9]+ -?[0-9]+ -?[0-9]+$}}
