// A map over a container taken by value reads through a pointer traced to
// storage no caller can have given up (map-value-parameters-own-storage.cpp)
// only if nothing can reseat the pointer where the trace does not look: a
// reference member of an aggregate, a constructor's reference parameter, a
// tuple of references, or a step by a difference of two addresses (adv64
// F1). What is read through it must hold no address of its own: a pointer
// stored in `new` memory or placed into a byte buffer points anywhere
// (F2). Constant views point where their initializers do (F6). A reference
// to const lends the pointer read-only only where no code casts the const
// away (adv65 G1); a lambda's parameter taken by value is such a parameter
// too, and its captures are traced in the function around it (G2). Each
// call below is given a buffer 'g_kept' points into.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <array>
#include <cstdio>
#include <new>
#include <string_view>
#include <tuple>
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
static constexpr std::array<long, 7> kArray = {2, 7, 1, 8, 2, 8, 1};
static constexpr std::string_view kName = "purecc";
using V = std::vector<long>;

struct RefHolder {
  const long *&r;
};
struct Reseat {
  Reseat(const long *&r) { r = g_kept; }
};

V aggregate(V v) {
  const long *t = kTable;
  RefHolder h{t};
  h.r = g_kept;
  long n = static_cast<long>(v.size());
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + t[n - 1 - i];
  // CHECK: map-value-parameters-reseated.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'v' is a parameter taken by value, whose storage its caller may have moved from an object that 't' points into [purecc-missed-map]
  return v;
}

V constructor(V v) {
  const long *t = kTable;
  Reseat s(t);
  long n = static_cast<long>(v.size());
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + t[n - 1 - i];
  // CHECK: map-value-parameters-reseated.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'v' is a parameter taken by value, whose storage its caller may have moved from an object that 't' points into [purecc-missed-map]
  return v;
}

V tuple_of_references(V v) {
  const long *t = kTable;
  std::tuple<const long *&> tp(t);
  std::get<0>(tp) = g_kept;
  long n = static_cast<long>(v.size());
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + t[n - 1 - i];
  // CHECK: map-value-parameters-reseated.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'v' is a parameter taken by value, whose storage its caller may have moved from an object that 't' points into [purecc-missed-map]
  return v;
}

V stepped_by_difference(V v) {
  const long *t = kTable;
  t += g_kept - kTable;
  long n = static_cast<long>(v.size());
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + t[n - 1 - i];
  // CHECK: map-value-parameters-reseated.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'v' is a parameter taken by value, whose storage its caller may have moved from an object that 't' points into [purecc-missed-map]
  return v;
}

V stepped(V v) {
  const long *t = kTable;
  t += 2;
  ++t;
  long n = static_cast<long>(v.size());
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + t[i % 4];
  // CHECK: map-value-parameters-reseated.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'v' [purecc-parallel-map]
  return v;
}

// Through a reference to const, where the code or a helper casts the
// const away (adv65 G1).
void reseat(const long *const &r) { const_cast<const long *&>(r) = g_kept; }

V const_reference_cast_away(V v) {
  const long *t = kTable;
  const long *const &r = t;
  const_cast<const long *&>(r) = g_kept;
  long n = static_cast<long>(v.size());
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + t[n - 1 - i];
  // CHECK: map-value-parameters-reseated.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'v' is a parameter taken by value, whose storage its caller may have moved from an object that 't' points into [purecc-missed-map]
  return v;
}

V helper_casts_const_away(V v) {
  const long *t = kTable;
  reseat(t);
  long n = static_cast<long>(v.size());
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + t[n - 1 - i];
  // CHECK: map-value-parameters-reseated.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'v' is a parameter taken by value, whose storage its caller may have moved from an object that 't' points into [purecc-missed-map]
  return v;
}

// A lambda's parameter taken by value, read through a pointer of the
// function around it, captured by reference or by copy (adv65 G2).
V lambda_by_reference(V x) {
  const long *t = kTable;
  t = g_kept;
  auto g = [&](V v) {
    long n = static_cast<long>(v.size());
    for (long i = 0; i < n; ++i)
      v[i] = work(i) + t[n - 1 - i];
    // CHECK: map-value-parameters-reseated.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'v' is a parameter taken by value, whose storage its caller may have moved from an object that 't' points into [purecc-missed-map]
    return v;
  };
  return g(std::move(x));
}

V lambda_by_copy(V x) {
  const long *t = kTable;
  t = g_kept;
  auto g = [t](V v) {
    long n = static_cast<long>(v.size());
    for (long i = 0; i < n; ++i)
      v[i] = work(i) + t[n - 1 - i];
    // CHECK: map-value-parameters-reseated.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'v' is a parameter taken by value, whose storage its caller may have moved from an object that 't' points into [purecc-missed-map]
    return v;
  };
  return g(std::move(x));
}

V lambda_own_table(V x) {
  const long *t = kTable;
  auto g = [t](V v) {
    long n = static_cast<long>(v.size());
    for (long i = 0; i < n; ++i)
      v[i] = work(i) + t[i % 7];
    // CHECK: map-value-parameters-reseated.cpp:[[@LINE-2]]:5: remark: loop rewritten as a parallel map over 'v' [purecc-parallel-map]
    return v;
  };
  return g(std::move(x));
}

V stored_in_new(V v) {
  const long *const *pp = new const long *(g_kept);
  long n = static_cast<long>(v.size());
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + (*pp)[n - 1 - i];
  // CHECK: map-value-parameters-reseated.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'v' is a parameter taken by value, whose storage its caller may have moved from an object that an address read through 'pp' points into [purecc-missed-map]
  delete pp;
  return v;
}

V reference_to_stored(V v) {
  const long *const &t = *new const long *(g_kept);
  long n = static_cast<long>(v.size());
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + t[n - 1 - i];
  // CHECK: map-value-parameters-reseated.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'v' is a parameter taken by value, whose storage its caller may have moved from an object that an address read through 't' points into [purecc-missed-map]
  delete &t;
  return v;
}

V placed_in_bytes(V v) {
  alignas(const long *) unsigned char buf[sizeof(const long *)];
  const long **pp = new (buf) const long *(g_kept);
  long n = static_cast<long>(v.size());
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + pp[0][n - 1 - i];
  // CHECK: map-value-parameters-reseated.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'v' is a parameter taken by value, whose storage its caller may have moved from an object that an address read through 'pp' points into [purecc-missed-map]
  return v;
}

V bytes_read_as_pointer(V v) {
  alignas(const long *) unsigned char buf[sizeof(const long *)];
  new (buf) const long *(g_kept);
  const unsigned char *b = buf;
  long n = static_cast<long>(v.size());
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + (*reinterpret_cast<const long *const *>(b))[n - 1 - i];
  // CHECK: map-value-parameters-reseated.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'v' is a parameter taken by value, whose storage its caller may have moved from an object that 'b' points into [purecc-missed-map]
  return v;
}

V constant_array(V v) {
  const long *t = kArray.data();
  long n = static_cast<long>(v.size());
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + t[i % 7];
  // CHECK: map-value-parameters-reseated.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'v' [purecc-parallel-map]
  return v;
}

V constant_view(V v) {
  std::string_view name = kName, other = "purecc";
  long n = static_cast<long>(v.size());
  for (long i = 0; i < n; ++i)
    v[i] = work(i) + name[i % 6] - other[(i + 1) % 6];
  // CHECK: map-value-parameters-reseated.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'v' [purecc-parallel-map]
  return v;
}

int main() {
  V (*const calls[])(V) = {aggregate,     constructor,         tuple_of_references,
                           stepped_by_difference, stepped,     stored_in_new,
                           reference_to_stored,   placed_in_bytes, bytes_read_as_pointer,
                           constant_array,        constant_view,   const_reference_cast_away,
                           helper_casts_const_away, lambda_by_reference, lambda_by_copy,
                           lambda_own_table};
  long t = 0;
  for (auto fn : calls) {
    V x(300, 1);
    g_kept = x.data();
    t = t * 7 + digest(fn(std::move(x)));
  }
  // CHECK: map-value-parameters-reseated.cpp:[[@LINE-5]]:3: remark: loop not parallelized: 'digest' is not known to be pure [purecc-missed-map]
  std::printf("%ld\n", t);
}
// OUT: {{^-?[0-9]+$}}
