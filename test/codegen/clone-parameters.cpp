// The dispatch into a function's serial clone hands each parameter on
// without a copy (adv29 W2, C1, C2, C4, C5): a by-value class is moved into
// the clone's parameter (a copy would run a user's copy constructor the
// serial program never runs, at 1 thread only, and a move-only type has
// none), an rvalue reference and a pack are forwarded as declared, an
// `&&`-qualified member is called on an rvalue. A by-value parameter whose
// move runs the user's code gets no clone at all: the serial program
// constructs it once, in place; so does a 'std::any' (what it holds, and
// moves with its own constructor, is known only at run time; adv30 W1) and a
// type whose move constructor is deleted (adv30 C2). A template's clone is
// called with the template's own arguments, which no argument may deduce
// (adv30 C1). A move that is a copy gets no clone either: a class without
// a move constructor, a 'const' by-value class (which a 'std::unique_ptr'
// cannot even be), one with a constructor template (adv31 W1, W2, C4).
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --check-prefix=TEXT
// RUN: %purecc rewrite %s -o /dev/null --dump-after=plan -- -std=c++20 2>&1 | FileCheck %s --check-prefix=PLAN
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <any>
#include <cstdio>
#include <memory>
#include <utility>
#include <vector>

int copies = 0;
struct Box {
  std::vector<long> v;
  explicit Box(long n) : v(n, 3) {}
  Box(const Box &o) : v(o.v) { ++copies; }
};

// PLAN: no-fast-clone {{.*}}boxed: 'b' has a user-provided copy constructor
[[pure]] long boxed(Box b) {
  long s = 0;
  for (long x : b.v)
    s += x * x % 7;
  return s;
}
// TEXT: long boxed(Box b) {
// TEXT-NEXT: long s = 0;

[[pure]] long by_value(std::vector<long> v, long k) {
  long s = 0;
  for (long x : v)
    s += (x + k) % 5;
  return s;
}
// TEXT: long by_value(std::vector<long> v, long k) { if (!::purecc::should_spawn()) return purecc_serial_by_value_{{[0-9]+}}(static_cast<decltype(v) &&>(v), k);

[[pure]] long by_rvalue(std::vector<long> &&v) {
  long s = 0;
  for (long x : v)
    s += x % 3;
  return s;
}
// TEXT: long by_rvalue(std::vector<long> &&v) { if (!::purecc::should_spawn()) return purecc_serial_by_rvalue_{{[0-9]+}}(static_cast<decltype(v) &&>(v));

[[pure]] long move_only(std::vector<std::unique_ptr<long>> v) {
  long s = 0;
  for (const auto &p : v)
    s += *p % 11;
  return s;
}
// TEXT: long move_only(std::vector<std::unique_ptr<long>> v) { if (!::purecc::should_spawn()) return purecc_serial_move_only_{{[0-9]+}}(static_cast<decltype(v) &&>(v));

template <class... Ts> [[pure]] long packed(long n, Ts... ts) {
  long s = 0;
  for (long i = 0; i < n; ++i)
    s += (i + (ts + ...)) % 13;
  return s;
}
// TEXT: long packed(long n, Ts... ts) { if (!::purecc::should_spawn()) return purecc_serial_packed_{{[0-9]+}}<Ts...>(n, static_cast<decltype(ts) &&>(ts)...);

template <class... Ts> [[pure]] long forwarded(const std::vector<long> &v, Ts &&...ts) {
  long s = 0;
  for (long x : v)
    s += (x * (ts + ...)) % 17;
  return s;
}
// TEXT: long forwarded(const std::vector<long> &v, Ts &&...ts) { if (!::purecc::should_spawn()) return purecc_serial_forwarded_{{[0-9]+}}<Ts...>(v, static_cast<decltype(ts) &&>(ts)...);

// PLAN: no-fast-clone {{.*}}held_any: 'a' holds a value of a type known only at run time, which moving it may move with that type's own constructor
[[pure]] long held_any(std::any a, long n) {
  const long *held = std::any_cast<long>(&a);
  long v = held ? *held : 0;
  long s = 0;
  for (long i = 0; i < n; ++i)
    s += (i * v) % 7;
  return s;
}

struct Pinned {
  std::vector<long> v;
  explicit Pinned(long n) : v(n, 2) {}
  Pinned(const Pinned &) = default;
  Pinned(Pinned &&) = delete;
};
// PLAN: no-fast-clone {{.*}}pinned: 'p' cannot be moved
[[pure]] long pinned(Pinned p) {
  long s = 0;
  for (long x : p.v)
    s += x * 3 % 5;
  return s;
}

// Neither T (the result only) nor K (a non-type parameter) is deduced.
template <class T, int K> [[pure]] T converted(long n) {
  T s = 0;
  for (long i = 0; i < n; ++i)
    s += T((i * K) % 9);
  return s;
}
// TEXT: T converted(long n) { if (!::purecc::should_spawn()) return purecc_serial_converted_{{[0-9]+}}<T, K>(n);

struct Held {
  std::vector<long> v;
  [[pure]] long total() const && {
    long s = 0;
    for (long x : v)
      s += x * x % 5;
    return s;
  }
  // TEXT: long total() const && { if (!::purecc::should_spawn()) return std::move(*this).purecc_serial_total_{{[0-9]+}}();
};

// A move that is a copy with no code of the user's (adv31 W1): a copied
// vector has no spare capacity, so the clone's 'capacity()' would differ.
struct Reserved {
  std::vector<long> w;
  explicit Reserved(long n) { w.reserve(2 * n); w.assign(n, 5); }
  ~Reserved() = default;
};
// PLAN: no-fast-clone {{.*}}reserved: 'r' has no move constructor (a user-declared destructor or copy operation suppresses it), so moving it copies it
[[pure]] long reserved(Reserved r) {
  long s = 0;
  for (long x : r.w)
    s += x % 3;
  return s + 1000000000 * static_cast<long>(r.w.capacity() == 2 * r.w.size());
}

// PLAN: no-fast-clone {{.*}}constant_vector: 'v' is 'const', so handing it on would copy it
[[pure]] long constant_vector(const std::vector<long> v) {
  long s = 0;
  for (long x : v)
    s += x % 4;
  return s + 1000000000 * static_cast<long>(v.capacity() > v.size());
}

// PLAN: no-fast-clone {{.*}}constant_owner: 'p' is 'const', so handing it on would copy it
[[pure]] long constant_owner(const std::unique_ptr<long> p, long n) {
  long s = 0;
  for (long i = 0; i < n; ++i)
    s += (i * *p) % 7;
  return s;
}

struct Hopping {
  long hops = 0;
  Hopping() = default;
  Hopping(const Hopping &) = default;
  template <class U> Hopping(U &&u) : hops(u.hops + 1) {}
};
// PLAN: no-fast-clone {{.*}}hopping: 'h' has a constructor template, which moving it may call
[[pure]] long hopping(Hopping h, long n) {
  long s = 0;
  for (long i = 0; i < n; ++i)
    s += (i + h.hops) % 3;
  return s + 1000000000 * h.hops;
}

// A friend defined in its class gets no clone: it would be a 'static
// friend' (adv31 C1); nor does a template whose pack is not its last
// parameter: the clone could not be called with the same arguments (C5).
struct Crate {
  std::vector<long> v;
  [[pure]] friend long weight(const Crate &c) {
    long s = 0;
    for (long x : c.v)
      s += x % 9;
    return s;
  }
  // TEXT: {{^}}  /*{{\[\[}}pure{{\]\]}}*/ friend long weight(const Crate &c) {{{$}}
};
template <class... Ts, class U> [[pure]] long leading_pack(U u, Ts... ts) {
  long s = 0;
  for (long i = 0; i < u; ++i)
    s += (i + (0 + ... + ts)) % 11;
  return s;
}
// TEXT: long leading_pack(U u, Ts... ts) {{{$}}

int main(int argc, char **) {
  long n = 100000 + argc;
  long a = boxed(Box(n));
  long b = by_value(std::vector<long>(n, 2), argc);
  long c = by_rvalue(std::vector<long>(n, 4));
  std::vector<std::unique_ptr<long>> owned;
  for (long i = 0; i < n; ++i)
    owned.push_back(std::make_unique<long>(i));
  long d = move_only(std::move(owned));
  long e = packed(n, 1L, 2L, argc);
  std::vector<long> w(n, 6);
  const long two = 2;
  long f = forwarded(w, two, 3L);
  long g = Held{std::vector<long>(n, 7)}.total();
  std::printf("%ld %ld %ld %ld %ld %ld %ld copies=%d\n", a, b, c, d, e, f, g, copies);
  // OUT: 200002 300003 100001 500005 600006 1300013 400004 copies=0
  Pinned p(n);
  long h = held_any(std::any(3L), n), i = pinned(p), j = converted<long, 3>(n);
  std::printf("%ld %ld %ld\n", h, i, j);
  // OUT-NEXT: {{[0-9]+}} 100001 {{[0-9]+}}
  std::vector<long> spare;
  spare.reserve(2 * n);
  spare.assign(n, 6);
  long r = reserved(Reserved(n)), cv = constant_vector(std::move(spare));
  long co = constant_owner(std::make_unique<long>(3), n), hp = hopping(Hopping(), n);
  long wt = weight(Crate{std::vector<long>(n, 10)}), lp = leading_pack(n, 1L, 2L);
  std::printf("%ld %ld %ld %ld %ld %ld\n", r, cv, co, hp, wt, lp);
  // OUT-NEXT: 1000200002 1000200002 300002 100000 100001 500005
  return 0;
}
