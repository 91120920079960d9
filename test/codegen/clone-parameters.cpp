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
// (adv30 C1).
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
// TEXT: long by_value(std::vector<long> v, long k) { if (!purecc::should_spawn()) return purecc_serial_by_value_{{[0-9]+}}(static_cast<decltype(v) &&>(v), k);

[[pure]] long by_rvalue(std::vector<long> &&v) {
  long s = 0;
  for (long x : v)
    s += x % 3;
  return s;
}
// TEXT: long by_rvalue(std::vector<long> &&v) { if (!purecc::should_spawn()) return purecc_serial_by_rvalue_{{[0-9]+}}(static_cast<decltype(v) &&>(v));

[[pure]] long move_only(std::vector<std::unique_ptr<long>> v) {
  long s = 0;
  for (const auto &p : v)
    s += *p % 11;
  return s;
}
// TEXT: long move_only(std::vector<std::unique_ptr<long>> v) { if (!purecc::should_spawn()) return purecc_serial_move_only_{{[0-9]+}}(static_cast<decltype(v) &&>(v));

template <class... Ts> [[pure]] long packed(long n, Ts... ts) {
  long s = 0;
  for (long i = 0; i < n; ++i)
    s += (i + (ts + ...)) % 13;
  return s;
}
// TEXT: long packed(long n, Ts... ts) { if (!purecc::should_spawn()) return purecc_serial_packed_{{[0-9]+}}<Ts...>(n, static_cast<decltype(ts) &&>(ts)...);

template <class... Ts> [[pure]] long forwarded(const std::vector<long> &v, Ts &&...ts) {
  long s = 0;
  for (long x : v)
    s += (x * (ts + ...)) % 17;
  return s;
}
// TEXT: long forwarded(const std::vector<long> &v, Ts &&...ts) { if (!purecc::should_spawn()) return purecc_serial_forwarded_{{[0-9]+}}<Ts...>(v, static_cast<decltype(ts) &&>(ts)...);

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
// TEXT: T converted(long n) { if (!purecc::should_spawn()) return purecc_serial_converted_{{[0-9]+}}<T, K>(n);

struct Held {
  std::vector<long> v;
  [[pure]] long total() const && {
    long s = 0;
    for (long x : v)
      s += x * x % 5;
    return s;
  }
  // TEXT: long total() const && { if (!purecc::should_spawn()) return std::move(*this).purecc_serial_total_{{[0-9]+}}();
};

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
  return 0;
}
