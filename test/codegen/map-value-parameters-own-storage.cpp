// A map over a container taken by value may read through a pointer or a
// reference that points only into storage no caller can have given up: a
// constant table, a string literal, an array or a scalar of the function's
// own frame (adv62 t33). Where the pointer points is traced through its
// initializer and every assignment to it (AddressRoots.h). A pointer that
// may also point elsewhere (assigned the kept pointer on one path, through
// a reference, in a lambda, by memcpy or std::swap, or made from a number)
// may reach the buffer the caller moved in, and the map stays serial: each
// call below is given a buffer 'g_kept' points into.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <bit>
#include <cstdint>
#include <cstdio>
#include <cstring>
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

const long *g_kept = nullptr;
static const long kTable[7] = {3, 1, 4, 1, 5, 9, 2};
using V = std::vector<long>;

V table(V v) {
  const long *t = kTable;
  long n = static_cast<long>(v.size());
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + t[i % 7];
  // CHECK: map-value-parameters-own-storage.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'v' [purecc-parallel-map]
  return v;
}

V literal(V v) {
  const char *name = "purecc";
  long n = static_cast<long>(v.size());
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + name[i % 6];
  // CHECK: map-value-parameters-own-storage.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'v' [purecc-parallel-map]
  return v;
}

V frame(V v) {
  long local[7] = {3, 1, 4, 1, 5, 9, 2};
  const long *t = local;
  const long &x = local[1];
  long n = static_cast<long>(v.size());
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + t[i % 7] + x;
  // CHECK: map-value-parameters-own-storage.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'v' [purecc-parallel-map]
  return v;
}

V one_path(V v) {
  const long *t = kTable;
  if (v.size() > 5)
    t = g_kept;
  long n = static_cast<long>(v.size());
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + t[(i + 1) % n];
  // CHECK: map-value-parameters-own-storage.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'v' is a parameter taken by value, whose storage its caller may have moved from an object that 't' points into [purecc-missed-map]
  return v;
}

V through_reference(V v) {
  const long *t = kTable;
  const long *&r = t;
  r = g_kept;
  long n = static_cast<long>(v.size());
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + t[(i + 1) % n];
  // CHECK: map-value-parameters-own-storage.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'v' is a parameter taken by value, whose storage its caller may have moved from an object that 't' points into [purecc-missed-map]
  return v;
}

V in_lambda(V v) {
  const long *t = kTable;
  [&r = t] { r = g_kept; }();
  auto set = [&t] { t = g_kept; };
  set();
  long n = static_cast<long>(v.size());
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + t[(i + 1) % n];
  // CHECK: map-value-parameters-own-storage.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'v' is a parameter taken by value, whose storage its caller may have moved from an object that 't' points into [purecc-missed-map]
  return v;
}

V copied_bytes(V v) {
  const long *t = kTable;
  std::memcpy(&t, &g_kept, sizeof t);
  long n = static_cast<long>(v.size());
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + t[(i + 1) % n];
  // CHECK: map-value-parameters-own-storage.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'v' is a parameter taken by value, whose storage its caller may have moved from an object that 't' points into [purecc-missed-map]
  return v;
}

V swapped(V v) {
  const long *t = kTable, *u = g_kept;
  std::swap(t, u);
  long n = static_cast<long>(v.size());
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + t[(i + 1) % n];
  // CHECK: map-value-parameters-own-storage.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'v' is a parameter taken by value, whose storage its caller may have moved from an object that 't' points into [purecc-missed-map]
  return v;
}

V from_number(V v) {
  std::uintptr_t a = reinterpret_cast<std::uintptr_t>(g_kept);
  const long *t = reinterpret_cast<const long *>(a);
  const long *u = std::bit_cast<const long *>(a);
  long n = static_cast<long>(v.size());
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + t[(i + 1) % n] + u[(i + 2) % n];
  // CHECK: map-value-parameters-own-storage.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'v' is a parameter taken by value, whose storage its caller may have moved from an object that 't' points into [purecc-missed-map]
  return v;
}

int main() {
  V (*const calls[])(V) = {table, literal, frame, one_path, through_reference, in_lambda, copied_bytes,
                           swapped, from_number};
  long t = 0;
  for (auto fn : calls) {
    V x(300, 1);
    g_kept = x.data();
    t = t * 7 + digest(fn(std::move(x)));
  }
  // CHECK: map-value-parameters-own-storage.cpp:[[@LINE-5]]:3: remark: loop not parallelized: 'digest' is not known to be pure [purecc-missed-map]
  std::printf("%ld\n", t);
}
// OUT: {{^-?[0-9]+$}}
