// [[purecc::memo]] is an explicit request: what cannot be honoured is an error
// (one not declared [[pure]]: memo-not-declared-pure.cpp).
// RUN: not %purecc rewrite %s -o %t.out.cpp -- -std=c++20 -ferror-limit=0 2>&1 | FileCheck %s
// RUN: not test -e %t.out.cpp

#include <algorithm>
#include <bit>
#include <complex>
#include <cstdint>
#include <cstring>
#include <deque>
#include <functional>
#include <map>
#include <ranges>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'through': parameter 'p': 'const long *' is not a value type [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] long through(const long *p) { return *p; }

// Floating-point types the runtime has no encoding for (adv56 t06: the
// output did not compile): an argument, a result.
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'half': parameter 'x': '_Float16' has no encoding in purecc's runtime [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] long half(_Float16 x) { return long(x * _Float16(100)); }
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'quad': parameter 'x': '__float128' has no encoding in purecc's runtime [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] long quad(__float128 x) { return long(x); }
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'halved': its result: '_Float16' has no encoding in purecc's runtime [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] _Float16 halved(long x) { return _Float16(x) / _Float16(2); }

struct Opaque {
  Opaque() = default;
  long get() const { return v; }

private:
  long v = 0;
};
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'of': parameter 'o': 'Opaque' is not a simple aggregate; specialize 'purecc::codec<Opaque>' for it [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] long of(Opaque o) { return o.get(); }

// A hash container as a result: its order depends on how it was built,
// and a decoded copy would not keep it (memo-unordered.cpp).
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'squares': its result: 'std::unordered_set<long>' iterates in an order that depends on how it was built, which a decoded copy would not keep [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] std::unordered_set<long> squares(long n) {
  std::unordered_set<long> s;
  for (long i = 0; i < n; ++i) s.insert(i * i);
  return s;
}

// A member's type that has no codec: the error names the member.
struct Reading { long when; const double *where; };
struct Log { Reading last; std::deque<long> rest; };
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'of_reading': parameter 'r': 'Reading' has a member 'where', whose type 'const double *' is not a value type [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] long of_reading(Reading r) { return r.when; }
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'of_log': parameter 'l': 'Log' has a member 'last', whose type 'Reading' has a member 'where', whose type 'const double *' is not a value type [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] long of_log(const Log &l) { return l.last.when; }

// One text and one fingerprint would serve both instantiations: equal
// argument bytes of different types would share results.
template <class T>
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'half': it is a template instantiated with several argument lists [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] T half(T n) { return n / 2; }
long use_both() { return half(7L) + half(9); }

// Standard types serialize.h has no codec for: the output would not compile.
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'of_span': parameter 's': 'std::span<const long>' has no 'purecc::codec'; specialize 'purecc::codec<std::span<const long>>' for it [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] long of_span(std::span<const long> s) { return s.empty() ? 0 : s[0]; }
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'of_deque': parameter 'd': 'std::deque<long>' has no 'purecc::codec'; specialize 'purecc::codec<std::deque<long>>' for it [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] long of_deque(const std::deque<long> &d) { return d.empty() ? 0 : d[0]; }
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'of_complex': parameter 'z': 'std::complex<double>' has no 'purecc::codec'; specialize 'purecc::codec<std::complex<double>>' for it [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] double of_complex(std::complex<double> z) { return z.real(); }
// An element type is checked inside a standard container too.
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'of_rows': parameter 'rows': 'std::deque<long>' has no 'purecc::codec'; specialize 'purecc::codec<std::deque<long>>' for it [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] long of_rows(const std::vector<std::deque<long>> &rows) { return long(rows.size()); }
// A string_view keys a call (its characters are written), but a result
// that points into memory the cache does not keep cannot be one.
[[pure]] [[purecc::memo]] long of_view(std::string_view s) { return long(s.size()); }
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'view_of': its result: 'std::string_view' refers to characters it does not own, which a cached copy could not keep [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] std::string_view view_of(long n) { return n > 0 ? "pos" : "neg"; }

// The memoized body runs in a lambda, whose '__func__' is "operator()".
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'named': its body uses '__func__', which names the function it is written in [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] long named(long n) { return n + long(std::strlen(__func__)); }

// The key holds a container's elements, not what else a function may read
// of it (adv33 t04): equal elements with another capacity, bucket count or
// comparison object would share one entry. Through a helper too, with a
// note at the read. What the function owns is its own business.
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'spare': it reads 'v.capacity()', which its memo key does not hold (the key holds a container's elements, not its 'capacity()') [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] long spare(const std::vector<long> &v) { return long(v.capacity() - v.size()); }
// CHECK: memo-errors.cpp:[[@LINE-1]]:82: note: 'v.capacity()' is read here
[[pure]] long buckets_of(const std::unordered_set<long> &s) { return long(s.bucket_count()); }
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'buckets': it reads 's.bucket_count()', which its memo key does not hold (the key holds a container's elements, not its 'bucket_count()') [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] long buckets(std::unordered_set<long> s) { return buckets_of(s) + long(s.size()); }
// CHECK: memo-errors.cpp:[[@LINE-3]]:77: note: 's.bucket_count()' is read here
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'room': it reads 's.capacity()', which its memo key does not hold (the key holds a container's elements, not its 'capacity()') [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] long room(std::string s) { return long(s.capacity()); }
// CHECK: memo-errors.cpp:[[@LINE-1]]:68: note: 's.capacity()' is read here
[[pure]] [[purecc::memo]] long own_room(long n) {
  std::vector<long> mine(static_cast<unsigned long>(n), 1L);
  return long(mine.capacity());
}
// A hash container's bucket interface is its bucket count's (adv54 t21),
// and a local copy, or one assigned or swapped from the argument, has the
// argument's buckets (t22: libstdc++ copies the bucket count).
[[pure]] [[purecc::memo]] long in_bucket0(const std::unordered_set<long> &s) {
  long c = 0;
  for (auto it = s.begin(0); it != s.end(0); ++it)
    ++c;
  return c;
}
// CHECK: memo-errors.cpp:[[@LINE-6]]:12: error: cannot memoize 'in_bucket0': it reads 's.begin(0)', which its memo key does not hold (the key holds a container's elements, not its buckets) [purecc-memo-unsupported]
// CHECK: memo-errors.cpp:[[@LINE-5]]:20: note: 's.begin(0)' is read here
[[pure]] [[purecc::memo]] long copied_buckets(const std::unordered_set<long> &s) {
  auto t = s;
  return long(t.bucket_count());
}
// CHECK: memo-errors.cpp:[[@LINE-4]]:12: error: cannot memoize 'copied_buckets': it reads 't.bucket_count()', which its memo key does not hold (the key holds a container's elements, not its 'bucket_count()') [purecc-memo-unsupported]
// CHECK: memo-errors.cpp:[[@LINE-3]]:17: note: 't.bucket_count()' is read here
[[pure]] [[purecc::memo]] long swapped_buckets(std::unordered_map<long, long> m) {
  std::unordered_map<long, long> t;
  std::swap(t, m);
  return long(t.load_factor() * 1000);
}
// CHECK: memo-errors.cpp:[[@LINE-5]]:12: error: cannot memoize 'swapped_buckets': it reads 't.load_factor()', which its memo key does not hold (the key holds a container's elements, not its 'load_factor()') [purecc-memo-unsupported]
// CHECK: memo-errors.cpp:[[@LINE-3]]:17: note: 't.load_factor()' is read here
// Read through a local pointer, through a pointer to the member, or of a
// local that took a parameter's storage over by a move (adv64 F4); a copy's
// capacity is made from its size.
[[pure]] [[purecc::memo]] long spare_through_pointer(const std::vector<long> &v) {
  const std::vector<long> *pv = &v;
  return long(pv->capacity());
}
// CHECK: memo-errors.cpp:[[@LINE-4]]:12: error: cannot memoize 'spare_through_pointer': it reads 'pv->capacity()', which its memo key does not hold (the key holds a container's elements, not its 'capacity()') [purecc-memo-unsupported]
// CHECK: memo-errors.cpp:[[@LINE-3]]:19: note: 'pv->capacity()' is read here
[[pure]] [[purecc::memo]] long spare_invoked(const std::vector<long> &v) {
  return long(std::invoke(&std::vector<long>::capacity, v));
}
// CHECK: memo-errors.cpp:[[@LINE-3]]:12: error: cannot memoize 'spare_invoked': it reads 'std::vector<long>::capacity', which its memo key does not hold (the key holds a container's elements, not its 'capacity()') [purecc-memo-unsupported]
// CHECK: memo-errors.cpp:[[@LINE-3]]:28: note: 'std::vector<long>::capacity' is read here
[[pure]] [[purecc::memo]] long buckets_through_pointer(const std::unordered_set<long> &s) {
  const std::unordered_set<long> *ps = &s;
  return long(ps->bucket_count());
}
// CHECK: memo-errors.cpp:[[@LINE-4]]:12: error: cannot memoize 'buckets_through_pointer': it reads 'ps->bucket_count()', which its memo key does not hold (the key holds a container's elements, not its 'bucket_count()') [purecc-memo-unsupported]
// CHECK: memo-errors.cpp:[[@LINE-3]]:19: note: 'ps->bucket_count()' is read here
[[pure]] [[purecc::memo]] long moved_room(std::string s) {
  std::string t = std::move(s);
  return long(t.capacity());
}
// CHECK: memo-errors.cpp:[[@LINE-4]]:12: error: cannot memoize 'moved_room': it reads 't.capacity()', which its memo key does not hold (the key holds a container's elements, not its 'capacity()') [purecc-memo-unsupported]
// CHECK: memo-errors.cpp:[[@LINE-3]]:17: note: 't.capacity()' is read here
[[pure]] [[purecc::memo]] long move_assigned_spare(std::vector<long> v) {
  std::vector<long> w;
  w = std::move(v);
  return long(w.capacity());
}
// CHECK: memo-errors.cpp:[[@LINE-5]]:12: error: cannot memoize 'move_assigned_spare': it reads 'w.capacity()', which its memo key does not hold (the key holds a container's elements, not its 'capacity()') [purecc-memo-unsupported]
// CHECK: memo-errors.cpp:[[@LINE-3]]:17: note: 'w.capacity()' is read here
// A parameter's storage moved into anything else (an aggregate, a pair,
// `std::exchange`'s result): what any local then reads of its capacity may
// be the caller's (adv65 G5).
struct Holder {
  std::vector<long> w;
};
[[pure]] [[purecc::memo]] long moved_into_aggregate(std::vector<long> v) {
  Holder h{std::move(v)};
  return long(h.w.capacity());
}
// CHECK: memo-errors.cpp:[[@LINE-4]]:12: error: cannot memoize 'moved_into_aggregate': it reads 'h.w.capacity()', which its memo key does not hold (the key holds a container's elements, not its 'capacity()') [purecc-memo-unsupported]
// CHECK: memo-errors.cpp:[[@LINE-3]]:19: note: 'h.w.capacity()' is read here
[[pure]] [[purecc::memo]] long exchanged(std::vector<long> v) {
  auto w = std::exchange(v, {});
  return long(w.capacity());
}
// CHECK: memo-errors.cpp:[[@LINE-4]]:12: error: cannot memoize 'exchanged': it reads 'w.capacity()', which its memo key does not hold (the key holds a container's elements, not its 'capacity()') [purecc-memo-unsupported]
// CHECK: memo-errors.cpp:[[@LINE-3]]:17: note: 'w.capacity()' is read here
// An element inserted into a hash container the caller filled lands where
// its buckets say: the order it is then iterated in is not the key's (G7).
[[pure]] [[purecc::memo]] long inserted(std::unordered_set<long> s) {
  s.insert(7);
  long h = 0;
  for (long e : s)
    h = h * 31 + e;
  return h;
}
// CHECK: memo-errors.cpp:[[@LINE-7]]:12: error: cannot memoize 'inserted': it inserts with 's.insert(7)' into a hash container its caller filled: the container's buckets, which its memo key does not hold, decide where the element lands in its order [purecc-memo-unsupported]
// CHECK: memo-errors.cpp:[[@LINE-7]]:5: note: 's.insert(7)' is read here
[[pure]] [[purecc::memo]] long inserted_in_copy(const std::unordered_map<long, long> &m) {
  auto t = m;
  t[7] = 1;
  long h = 0;
  for (const auto &[k, v] : t)
    h = h * 31 + k + v;
  return h;
}
// CHECK: memo-errors.cpp:[[@LINE-8]]:12: error: cannot memoize 'inserted_in_copy': it inserts with 't[7]' into a hash container its caller filled: the container's buckets, which its memo key does not hold, decide where the element lands in its order [purecc-memo-unsupported]
// CHECK: memo-errors.cpp:[[@LINE-7]]:3: note: 't[7]' is read here
[[pure]] [[purecc::memo]] long inserted_in_own(const std::vector<long> &v) {
  std::unordered_set<long> t(v.begin(), v.end());
  t.insert(7);
  long h = 0;
  for (long e : t)
    h = h * 31 + e;
  return h;
}
[[pure]] [[purecc::memo]] long copied_room(const std::string &s) {
  std::string t = s;
  return long(t.capacity());
}
[[pure]] [[purecc::memo]] long own_buckets(const std::unordered_set<long> &s) {
  std::unordered_set<long> t(s.begin(), s.end());
  return long(t.bucket_count());
}
// A view's key holds its characters, and 'data()' reaches past them (adv50
// t60: views of "xyz" and "xyw" cut to "xy" shared one entry; the other
// ways to reach past them: memo-keyed-access.cpp).
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'past': its code uses the view 's' in 's.data()', which may reach past the view's elements, and its memo key holds only the elements [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] long past(std::string_view s) { return long(std::strlen(s.data())); }
// CHECK: memo-errors.cpp:[[@LINE-1]]:85: note: 's.data()' is read here
// So do its iterators and the address of an element (adv51 t21); the
// begin() and end() of a range-for stay within it ('walk' is memoized).
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'after': its code uses the view 's' in 's.back()', which may reach past the view's elements, and its memo key holds only the elements [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] long after(std::string_view s) { return *(&s.back() + 1); }
// CHECK: memo-errors.cpp:[[@LINE-1]]:72: note: 's.back()' is read here
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'at_end': its code uses the view 's' in 's.end()', which may reach past the view's elements, and its memo key holds only the elements [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] long at_end(std::string_view s) { return *s.end(); }
// CHECK: memo-errors.cpp:[[@LINE-1]]:71: note: 's.end()' is read here
[[pure]] [[purecc::memo]] long walk(std::string_view s) {
  long h = 0;
  for (char c : s)
    h = h * 31 + c;
  return h;
}
struct Order {
  bool reverse;
  bool operator()(long a, long b) const { return reverse ? a > b : a < b; }
};
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'lowest': parameter 'm': 'std::map<long, long, Order>' compares its keys with an object of type 'Order', whose state a memo key does not hold [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] long lowest(const std::map<long, long, Order> &m) { return m.lower_bound(3)->first; }
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'ordered': its result: 'std::set<long, bool (*)(long, long)>' compares its keys with an object of type 'bool (*)(long, long)', whose state a memo key does not hold [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] std::set<long, bool (*)(long, long)> ordered(long n) {
  std::set<long, bool (*)(long, long)> s([](long a, long b) { return a > b; });
  for (long i = 0; i < n; ++i) s.insert(i);
  return s;
}
struct Less {
  bool operator()(long a, long b) const { return a < b; }
};
[[pure]] [[purecc::memo]] long first(const std::set<long, Less> &s) { return s.empty() ? -1 : *s.begin(); }

// An address converted to an integer, in the body, in a callee, or in the
// initializer of a global it reads (adv42 t01: the distance between two
// globals changed with the size of a third, which no fingerprint holds, and
// the disk cache served the first build's answer): where objects lie in
// memory differs between builds and, with address-space randomization,
// between runs.
char first_byte[8] = {1};
long last_word = 1;
const long Spread = static_cast<long>(reinterpret_cast<std::uintptr_t>(&last_word) -
                                      reinterpret_cast<std::uintptr_t>(&first_byte[0]));
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'spread': its code converts an address to an integer ('reinterpret_cast<std::uintptr_t>(&last_word)'), and where objects lie in memory may differ between builds and runs [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] long spread(long x) { return x + Spread; }
// CHECK: memo-errors.cpp:[[@LINE-4]]:39: note: where an object lies in memory is used as a value here
[[pure]] long aligned(const long &x) { return static_cast<long>(reinterpret_cast<std::uintptr_t>(&x) % 64); }
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'offset': its code converts an address to an integer ('reinterpret_cast<std::uintptr_t>(&x)'), and where objects lie in memory may differ between builds and runs [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] long offset(long x) { return aligned(x); }
// CHECK: memo-errors.cpp:[[@LINE-3]]:65: note: where an object lies in memory is used as a value here
// The library's order of addresses (adv43 t01: which of two globals comes
// first swapped between builds).
const long lower_half[4] = {1, 2, 3, 4};
const long upper_half[4] = {1, 2, 3, 4};
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'placed': its code orders or hashes addresses ('std::less<const long *>{}(&lower_half[0], &upper_half[0])'), and where objects lie in memory may differ between builds and runs [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] long placed(long n) {
  return n + (std::less<const long *>{}(&lower_half[0], &upper_half[0]) ? 1 : 0);
  // CHECK: memo-errors.cpp:[[@LINE-1]]:15: note: where an object lies in memory is used as a value here
}
// The library's own '<' and hash of addresses (adv53): an algorithm, an
// algorithm object, a container keyed by pointers.
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'higher': its code orders or hashes addresses ('std::max(&lower_half[0], &upper_half[0])'), and where objects lie in memory may differ between builds and runs [purecc-memo-unsupported]
[[pure]] [[purecc::memo]] long higher(long n) { return n + *std::max(&lower_half[0], &upper_half[0]); }
// CHECK: memo-errors.cpp:[[@LINE-1]]:61: note: where an object lies in memory is used as a value here
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'sorted_pointers': its code orders or hashes addresses ('std::sort(ps.begin(), ps.end())'), {{.*}}
[[pure]] [[purecc::memo]] long sorted_pointers(long n) {
  std::vector<const long *> ps{&upper_half[0], &lower_half[0]};
  std::sort(ps.begin(), ps.end());
  // CHECK: memo-errors.cpp:[[@LINE-1]]:3: note: where an object lies in memory is used as a value here
  return n + *ps[0];
}
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'ranges_sorted': its code orders or hashes addresses ('std::ranges::sort(ps)'), {{.*}}
[[pure]] [[purecc::memo]] long ranges_sorted(long n) {
  std::vector<const long *> ps{&upper_half[0], &lower_half[0]};
  std::ranges::sort(ps);
  // CHECK: memo-errors.cpp:[[@LINE-1]]:3: note: where an object lies in memory is used as a value here
  return n + *ps[0];
}
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'pointer_set': its code orders or hashes addresses ('std::set<const long *>'), {{.*}}
[[pure]] [[purecc::memo]] long pointer_set(long n) {
  std::set<const long *> s{&upper_half[n % 4], &lower_half[0]};
  // CHECK: memo-errors.cpp:[[@LINE-1]]:26: note: where an object lies in memory is used as a value here
  return n + **s.begin();
}
// Composites that hold addresses, a projection that yields them, and an
// address's bytes (adv54 t06, t08, t09, t20, t23).
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'sorted_pairs': its code orders or hashes addresses ('std::sort(ps.begin(), ps.end())'), {{.*}}
[[pure]] [[purecc::memo]] long sorted_pairs(long n) {
  std::vector<std::pair<const long *, long>> ps{{&upper_half[0], 0}, {&lower_half[0], 1}};
  std::sort(ps.begin(), ps.end());
  // CHECK: memo-errors.cpp:[[@LINE-1]]:3: note: where an object lies in memory is used as a value here
  return n + ps[0].second;
}
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'projected_sort': its code orders or hashes addresses, {{.*}}
[[pure]] [[purecc::memo]] long projected_sort(long n) {
  std::vector<const long *> ps{&upper_half[0], &lower_half[0]};
  std::ranges::sort(ps, std::ranges::less{}, [](const long *p) { return p; });
  // CHECK: memo-errors.cpp:[[@LINE-1]]:3: note: where an object lies in memory is used as a value here
  return n + *ps[0];
}
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'pair_keys': its code orders or hashes addresses ('std::map<std::pair<const long *, int>, int>'), {{.*}}
[[pure]] [[purecc::memo]] long pair_keys(long n) {
  std::map<std::pair<const long *, int>, int> m{{{&upper_half[0], 0}, 1}, {{&lower_half[0], 0}, 2}};
  // CHECK: memo-errors.cpp:[[@LINE-1]]:47: note: where an object lies in memory is used as a value here
  return n + m.begin()->second;
}
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'address_bits': its code converts an address to an integer ('std::bit_cast<std::uintptr_t>(&upper_half[0])'), {{.*}}
[[pure]] [[purecc::memo]] long address_bits(long n) { return n + long(std::bit_cast<std::uintptr_t>(&upper_half[0]) % 64); }
// CHECK: memo-errors.cpp:[[@LINE-1]]:71: note: where an object lies in memory is used as a value here
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'address_bytes': its code converts an address to an integer ('std::memcpy(&u, &p, sizeof u)'), {{.*}}
[[pure]] [[purecc::memo]] long address_bytes(long n) {
  const long *p = &upper_half[0];
  std::uintptr_t u = 0;
  std::memcpy(&u, &p, sizeof u);
  // CHECK: memo-errors.cpp:[[@LINE-1]]:3: note: where an object lies in memory is used as a value here
  return n + long(u % 64);
}
// An address's bytes compared, viewed as characters, or read through a
// union (adv54 t29).
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'same_bytes': its code reads the bytes of an address ('&pa'), {{.*}}
[[pure]] [[purecc::memo]] long same_bytes(const long &a, const long &b) {
  const long *pa = &a, *pb = &b;
  return a + (std::memcmp(&pa, &pb, sizeof pa) == 0);
  // CHECK: memo-errors.cpp:[[@LINE-1]]:27: note: where an object lies in memory is used as a value here
}
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'char_view': its code reads the bytes of an address ('reinterpret_cast<const char *>(&pa)'), {{.*}}
[[pure]] [[purecc::memo]] long char_view(const long &a) {
  const long *pa = &a;
  return long(std::string_view(reinterpret_cast<const char *>(&pa), sizeof pa)[0]);
  // CHECK: memo-errors.cpp:[[@LINE-1]]:32: note: where an object lies in memory is used as a value here
}
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'union_pun': its code reads the bytes of an address ('x.u'), {{.*}}
[[pure]] [[purecc::memo]] long union_pun(const long &a) {
  union {
    const long *p;
    std::uintptr_t u;
  } x{&a};
  return long(x.u % 64);
  // CHECK: memo-errors.cpp:[[@LINE-1]]:17: note: where an object lies in memory is used as a value here
}
// CHECK: memo-errors.cpp:[[@LINE+1]]:12: error: cannot memoize 'pointer_hash_set': its code orders or hashes addresses ('std::unordered_set<const long *>'), {{.*}}
[[pure]] [[purecc::memo]] long pointer_hash_set(long n) {
  std::unordered_set<const long *> s;
  // CHECK: memo-errors.cpp:[[@LINE-1]]:36: note: where an object lies in memory is used as a value here
  s.insert(&upper_half[n % 4]);
  return n + long(s.size());
}
// CHECK-NOT: error:
