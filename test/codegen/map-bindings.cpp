// A range-for over a container whose element is bound by reference to a
// structured binding (`for (auto &[k, v] : kv) v = f(k);`) writes a member
// of its own element: a parallel map, like `for (auto &x : v) x = f(x)`,
// under the same rule that the body reads the container only through its
// own element (`kv[0].second`, `kv.front()` and an alias keep it serial).
// A binding made by a user's tuple protocol may refer to anything.
// RUN: %purecc rewrite %s -o - -- -std=c++20 -I%S/Inputs | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 -I%S/Inputs 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <tuple>
#include <utility>
#include <vector>

#include "digest.h" // bits: an FNV-1a hash of a double's bits

[[pure]] double g(long k) {
  if (k % 9 == 4)
    return std::nan("");
  if (k % 10 == 7)
    return -0.0;
  double s = double(k) * 0.5;
  for (int r = 0; r < 30; ++r)
    s = s * 0.875 + r;
  return s;
}

[[pure]] double risky(long k) {
  if (k > 1000000)
    throw std::domain_error("too big");
  return g(k);
}

struct KV {
  long k;
  double v;
};

// A tuple protocol of its own: `get<1>` hands out one shared cell.
double shared_cell = 0;
struct Odd {
  long k = 0;
  template <std::size_t I> auto &get() {
    if constexpr (I == 0)
      return k;
    else
      return shared_cell;
  }
};
template <> struct std::tuple_size<Odd> : std::integral_constant<std::size_t, 2> {};
template <> struct std::tuple_element<0, Odd> { using type = long; };
template <> struct std::tuple_element<1, Odd> { using type = double; };

int main(int argc, char **) {
  long n = 3000 + argc;
  std::vector<std::pair<long, double>> kv(static_cast<std::size_t>(n));
  for (long i = 0; i < n; ++i)
    kv[static_cast<std::size_t>(i)].first = i * 3 - 100;
  // REMARK: map-bindings.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'kv' [purecc-parallel-map]
  for (auto &[k, v] : kv)
    v = g(k);
  // CHECK:      {{^}}  ::purecc::parallel_for(0, static_cast<std::int64_t>(kv.size()), [&](std::int64_t purecc_k0) { auto &[k, v] = kv[purecc_k0]; {
  // CHECK-NEXT: {{^}}    v = g(k); } });
  // REMARK: map-bindings.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel map over 'kv' [purecc-parallel-map]
  std::uint64_t h = 1;
  for (const auto &[k, v] : kv)
    h = bits(v, h) + static_cast<std::uint64_t>(k);
  std::printf("kv %llu\n", (unsigned long long)h);
  // OUT: kv 17744878901638634950

  // A struct's members, with a `continue`.
  std::vector<KV> s(static_cast<std::size_t>(n));
  for (std::size_t i = 0; i < s.size(); ++i)
    s[i].k = static_cast<long>(i) - 50;
  // REMARK: map-bindings.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 's' [purecc-parallel-map]
  for (auto &&[k, v] : s) {
    if (k % 4 == 0)
      continue;
    v = g(k) * 2.0;
    k = -k;
  }
  // REMARK: map-bindings.cpp:[[@LINE-6]]:3: remark: loop rewritten as a parallel map over 's' [purecc-parallel-map]
  h = 1;
  for (const KV &e : s)
    h = bits(e.v, h) + static_cast<std::uint64_t>(e.k);
  std::printf("s %llu\n", (unsigned long long)h);
  // OUT: s 3851359901233918251

  // Tuples and arrays bind through std::get: members of the element.
  std::vector<std::tuple<long, double, double>> t(static_cast<std::size_t>(n));
  for (std::size_t i = 0; i < t.size(); ++i)
    t[i] = {static_cast<long>(i), 0.0, 0.0};
  // REMARK: map-bindings.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 't' [purecc-parallel-map]
  for (auto &[a, b, c] : t) {
    b = g(a);
    c = -b;
  }
  // REMARK: map-bindings.cpp:[[@LINE-4]]:3: remark: loop rewritten as a parallel map over 't' [purecc-parallel-map]
  std::vector<std::array<double, 2>> pts(static_cast<std::size_t>(n), {1.5, 0.0});
  for (auto &[x, y] : pts)
    y = g(static_cast<long>(x * 4));
  // REMARK: map-bindings.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'pts' [purecc-parallel-map]
  h = 1;
  for (const auto &[a, b, c] : t)
    h = bits(c, bits(b, h)) + static_cast<std::uint64_t>(a);
  for (const auto &[x, y] : pts)
    h = bits(y, bits(x, h));
  std::printf("t %llu\n", (unsigned long long)h);
  // OUT: t 446437780504008641

  // Reads of the container other than through the element.
  for (auto &[k, v] : kv)
    v = g(k) + kv[0].second;
  // REMARK: map-bindings.cpp:[[@LINE-2]]:3: remark: loop not parallelized: the loop body reads 'kv[0]', an element of 'kv' that another iteration may write [purecc-missed-map]
  for (auto &[k, v] : kv)
    v = g(k + static_cast<long>(kv.front().first));
  // REMARK: map-bindings.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'kv' is read inside the loop body [purecc-missed-map]
  const auto &alias = kv;
  for (auto &[k, v] : kv)
    v = g(k) - alias.back().second;
  // REMARK: map-bindings.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'kv' is read inside the loop body (through 'alias', declared on line [[@LINE-3]]) [purecc-missed-map]
  h = 1;
  for (const auto &[k, v] : kv)
    h = bits(v, h) + static_cast<std::uint64_t>(k);
  std::printf("reads %llu\n", (unsigned long long)h);
  // OUT: reads 13092093492256751415

  // The speculation rule: a body that may throw stays serial.
  try {
    for (auto &[k, v] : kv)
      v = risky(k * 1000);
  } catch (const std::domain_error &e) {
    std::printf("caught %s\n", e.what());
  }
  // REMARK: map-bindings.cpp:[[@LINE-5]]:5: remark: loop not parallelized: 'risky' may throw, and the serial loop does not run the later iterations then [purecc-missed-map]
  h = 1;
  for (const auto &[k, v] : kv)
    h = bits(v, h) + static_cast<std::uint64_t>(k);
  std::printf("risky %llu\n", (unsigned long long)h);
  // OUT: caught too big
  // OUT: risky 10102183438293265387

  // A user's tuple protocol: every `v` is one shared cell.
  std::vector<Odd> odd(static_cast<std::size_t>(n));
  for (std::size_t i = 0; i < odd.size(); ++i)
    odd[i].k = static_cast<long>(i);
  // REMARK: map-bindings.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel map over 'odd' [purecc-parallel-map]
  for (auto &[k, v] : odd)
    v = v + g(k);
  // REMARK: map-bindings.cpp:[[@LINE-2]]:3: remark: loop not parallelized: 'v' is bound through the tuple protocol of 'Odd' (its 'get'), which may refer to anything, not only to the element [purecc-missed-map]
  std::printf("odd %llu\n", (unsigned long long)bits(shared_cell, 1));
  // OUT: odd 8243840217413321139
}
