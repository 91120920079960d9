// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// What the program writes inside namespace std -- its own specialization of
// a library template, function or member -- is judged by its body, as the
// rest of the program is (adv83 F3: `std::hash<K>{}(k)` of a specialization
// that counts its calls in a global was trusted as the library's hash).
#include <cstddef>
#include <functional>
#include <unordered_set>
#include <utility>

long g_calls = 0;
struct K { long v = 0; bool operator==(const K &) const = default; };
template <> struct std::hash<K> {
  std::size_t operator()(const K &k) const noexcept { return std::size_t(k.v * ++g_calls); } // expected-note 2 {{'std::hash<K>::operator()' is not pure because it writes to global 'g_calls'}}
};
struct L { long v = 0; };
template <> struct std::less<L> {
  bool operator()(const L &a, const L &b) const { ++g_calls; return a.v < b.v; } // expected-note {{'std::less<L>::operator()' is not pure because it writes to global 'g_calls'}}
};
struct S { long v = 0; };
template <> void std::swap<S>(S &a, S &b) noexcept { ++g_calls; long t = a.v; a.v = b.v; b.v = t; } // expected-note {{'std::swap<S>' is not pure because it writes to global 'g_calls'}}

[[pure]] long hashed(long x) { // expected-note {{'hashed' declared pure here}}
  return long(std::hash<K>{}(K{x})); // expected-error {{pure function 'hashed' calls 'std::hash<K>::operator()', which is not pure}}
}
[[pure]] bool less_l(long a, long b) { // expected-note {{'less_l' declared pure here}}
  return std::less<L>{}(L{a}, L{b}); // expected-error {{pure function 'less_l' calls 'std::less<L>::operator()', which is not pure}}
}
[[pure]] long swapped(long a, long b) { // expected-note {{'swapped' declared pure here}}
  S x{a}, y{b};
  std::swap(x, y); // expected-error {{pure function 'swapped' calls 'std::swap<S>', which is not pure}}
  return x.v;
}
[[pure]] long in_set(long x) { // expected-note {{'in_set' declared pure here}}
  std::unordered_set<K> s;
  return long(s.count(K{x})); // expected-error {{pure function 'in_set' calls 'std::hash<K>::operator()', which is not pure [purecc-impure-call]}} expected-note {{'std::unordered_set<K>::count' calls 'std::hash<K>::operator()' here}}
}
// The library's own are still the library's.
[[pure]] long library_hash(long x) { return long(std::hash<long>{}(x)) + std::less<long>{}(x, 3); }
