// Throws a loop's body hides from a first look, found by adv19: each loop
// below throws at index 10 and never ends from index 900 on, and each was
// rewritten as parallel and hung at 2 and 4 threads. A `catch (...)` that
// rethrows with `throw;`, a member's or a base's (a virtual one too)
// `noexcept(false)` destructor (run after the destructor's own body,
// nowhere in the AST), a range-for's copy of each element into its loop
// variable, and an algorithm's copy of each element into a by-value
// parameter; and (adv24 H2) the `get<I>` a tuple-like structured binding
// calls for each name, in hidden variables no statement names. Each stays
// serial, and the program ends with the serial output.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: env E2E_TIMEOUT=120 %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

// Counts 1, 2, 3, ... and wraps from 10^9 back to 1: never ends for a <= 0.
[[pure]] long endless(long a) {
  long s = 0, i = 1;
  while (i != a) {
    s += i % 7;
    i = i < 1000000000 ? i + 1 : 1;
  }
  return s;
}

[[pure]] long heavy(long i, long bad) {
  long s = 0;
  for (long k = 0; k < 300; ++k)
    s += (k * k + i) % 7;
  return i >= 900 ? s + endless(bad - i) : s;
}

[[pure]] long work(long i, long bad) {
  if (i == bad)
    throw std::runtime_error("bad input at " + std::to_string(i));
  return heavy(i, bad);
}

[[pure]] long guarded(long i, long bad) {
  try {
    return work(i, bad);
  } catch (...) {
    throw;
  }
}

struct Inner {
  long v, bad;
  ~Inner() noexcept(false) {
    if (v == bad)
      throw std::runtime_error("inner " + std::to_string(v));
  }
};
struct Outer { // its implicit destructor destroys 'in'
  Inner in;
  long w;
};
struct Derived : Inner {
  ~Derived() noexcept(false) {}
};

[[pure]] long member_term(long i, long bad) {
  Outer o{{i, bad}, i};
  return heavy(o.w, bad);
}

[[pure]] long base_term(long i, long bad) {
  Derived d;
  d.v = i;
  d.bad = bad;
  return heavy(d.v, bad);
}

// A direct virtual base: destroyed once, after the destructor's body.
struct Shared : virtual Inner {
  ~Shared() noexcept(false) {}
};

[[pure]] long virtual_base_term(long i, long bad) {
  Shared d;
  d.v = i;
  d.bad = bad;
  return heavy(d.v, bad);
}

struct Item {
  long v;
  explicit Item(long x) : v(x) {}
  Item(const Item &o) : v(o.v) {
    if (o.v == 10)
      throw std::runtime_error("copy of 10");
  }
  Item &operator=(const Item &) = default;
};

[[pure]] long score(const Item &it, long bad) { return heavy(it.v, bad); }

// A tuple-like type whose free `get` throws for one value.
struct Tup {
  long a, b;
};
template <std::size_t I> long get(const Tup &t) {
// REMARK: loop-may-throw-hidden.cpp:[[@LINE-1]]:31: remark: body of 'get' not rewritten: it is a function template not declared '{{\[\[}}pure]]': a template is rewritten only when it is declared '{{\[\[}}pure]]' (one text serves every instantiation) [purecc-not-rewritten]
  if (t.a == t.b)
    throw std::runtime_error("get of " + std::to_string(t.a));
  return I == 0 ? t.a : t.b;
}
template <> struct std::tuple_size<Tup> : std::integral_constant<std::size_t, 2> {};
template <std::size_t I> struct std::tuple_element<I, Tup> {
  using type = long;
};
[[pure]] long unpacked(long i, long bad) {
  auto [a, b] = Tup{i, bad};
  return heavy(a, b);
}

int main(int argc, char **) {
  const long n = 1000, bad = 9 + argc; // throws at index 10
  try {
    long s = 0;
    for (long i = 0; i < n; ++i)
      s += guarded(i, bad);
    // REMARK: loop-may-throw-hidden.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'guarded' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
    std::printf("rethrow %ld\n", s);
  } catch (const std::exception &e) {
    std::printf("rethrow: %s\n", e.what());
  }
  try {
    std::vector<long> out(n);
    for (long i = 0; i < n; ++i) {
      try {
        out[std::size_t(i)] = work(i, bad);
      } catch (...) {
        throw;
      }
    }
    // REMARK: loop-may-throw-hidden.cpp:[[@LINE-7]]:5: remark: loop not parallelized: 'work' may throw, and the serial loop does not run the later iterations then [purecc-missed-map]
    std::printf("rethrow map %ld\n", out[0]);
  } catch (const std::exception &e) {
    std::printf("rethrow map: %s\n", e.what());
  }
  try {
    long s = 0;
    for (long i = 0; i < n; ++i)
      s += member_term(i, bad);
    // REMARK: loop-may-throw-hidden.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'member_term' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
    std::printf("member %ld\n", s);
  } catch (const std::exception &e) {
    std::printf("member: %s\n", e.what());
  }
  try {
    long s = 0;
    for (long i = 0; i < n; ++i)
      s += base_term(i, bad);
    // REMARK: loop-may-throw-hidden.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'base_term' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
    std::printf("base %ld\n", s);
  } catch (const std::exception &e) {
    std::printf("base: %s\n", e.what());
  }
  try {
    long s = 0;
    for (long i = 0; i < n; ++i)
      s += virtual_base_term(i, bad);
    // REMARK: loop-may-throw-hidden.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'virtual_base_term' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
    std::printf("virtual base %ld\n", s);
  } catch (const std::exception &e) {
    std::printf("virtual base: %s\n", e.what());
  }

  try {
    long s = 0;
    for (long i = 0; i < n; ++i)
      s += unpacked(i, bad);
    // REMARK: loop-may-throw-hidden.cpp:[[@LINE-2]]:5: remark: loop not parallelized: 'unpacked' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
    std::printf("binding %ld\n", s);
  } catch (const std::exception &e) {
    std::printf("binding: %s\n", e.what());
  }

  std::vector<Item> items;
  items.reserve(std::size_t(n));
  for (long i = 0; i < n; ++i)
    items.emplace_back(i);
  try {
    long s = 0;
    for (Item it : items)
      s += score(it, bad);
    // REMARK: loop-may-throw-hidden.cpp:[[@LINE-2]]:5: remark: loop not parallelized: the construction of a 'Item' may throw, and the serial loop does not run the later iterations then [purecc-missed-reduction]
    std::printf("range-for %ld\n", s);
  } catch (const std::exception &e) {
    std::printf("range-for: %s\n", e.what());
  }
  try {
    std::vector<long> out(static_cast<std::size_t>(n));
    std::transform(items.begin(), items.end(), out.begin(),
                   [bad](Item it) { return heavy(it.v, bad); });
    // REMARK: loop-may-throw-hidden.cpp:[[@LINE-2]]:5: remark: call to 'std::transform' not parallelized: the function applied takes the element by value, whose copy may throw, and the serial algorithm does not copy the later elements then [purecc-missed-algorithm]
    std::printf("transform %ld\n", out[3]);
  } catch (const std::exception &e) {
    std::printf("transform: %s\n", e.what());
  }
  try {
    long c = std::count_if(items.begin(), items.end(),
                           [bad](Item it) { return heavy(it.v, bad) % 2 == 0; });
    // REMARK: loop-may-throw-hidden.cpp:[[@LINE-2]]:14: remark: call to 'std::count_if' not parallelized: the predicate takes the element by value, whose copy may throw, and the serial algorithm does not copy the later elements then [purecc-missed-algorithm]
    std::printf("count %ld\n", c);
  } catch (const std::exception &e) {
    std::printf("count: %s\n", e.what());
  }
  return 0;
}
// OUT:      rethrow: bad input at 10
// OUT-NEXT: rethrow map: bad input at 10
// OUT-NEXT: member: inner 10
// OUT-NEXT: base: inner 10
// OUT-NEXT: virtual base: inner 10
// OUT-NEXT: binding: get of 10
// OUT-NEXT: range-for: copy of 10
// OUT-NEXT: transform: copy of 10
// OUT-NEXT: count: copy of 10
