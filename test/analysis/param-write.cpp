// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// R3: no mutable indirection in a pure function's interface; R1: no writes
// through what parameters refer to, including through a pointer member of a
// const object (const is shallow) and through const_cast.
#include <algorithm>
#include <span>
#include <vector>

[[pure]] int bump_ref(int &x) { // expected-note 2 {{'bump_ref' declared pure here}}
  // expected-error@-1 {{pure function 'bump_ref' takes parameter 'x' by non-const reference [purecc-param-indirection]}}
  return ++x; // expected-error {{pure function 'bump_ref' writes through parameter 'x' [purecc-param-write]}}
}

[[pure]] int clear_first(int *p) { // expected-note 2 {{'clear_first' declared pure here}}
  // expected-error@-1 {{pure function 'clear_first' takes parameter 'p' by pointer to non-const}}
  p[0] = 0; // expected-error {{pure function 'clear_first' writes through parameter 'p'}}
  return 1;
}

[[pure]] int first(std::span<int> s) { // expected-note {{'first' declared pure here}}
  // expected-error@-1 {{pure function 'first' takes parameter 's' by mutable view}}
  return s.empty() ? 0 : s[0];
}

[[pure]] int &pick(const std::vector<int> &v) { // expected-note {{'pick' declared pure here}}
  // expected-error@-1 {{pure function 'pick' returns a non-const reference into memory it does not own [purecc-return-indirection]}}
  return const_cast<int &>(v[0]);
}

struct Node {
  int *p;
  int value;
};

// `n` is const, but the int that n.p points to is not: const is shallow.
[[pure]] int poke(const Node &n) { // expected-note {{'poke' declared pure here}}
  *n.p = 1; // expected-error {{pure function 'poke' writes through pointer member 'p' that may point to memory it does not own [purecc-nonlocal-write]}}
  return n.value;
}

[[pure]] int cast_away(const int &x) { // expected-note {{'cast_away' declared pure here}}
  const_cast<int &>(x) = 5; // expected-error {{pure function 'cast_away' writes to memory it does not own through 'const_cast' [purecc-cast-write]}}
  return x;
}

// Accepted: by value, by const reference, pointer to const, rvalue
// references, and writes to by-value copies.
[[pure]] int sum(const std::vector<int> &v, const int *extra, int scale) {
  int s = 0;
  for (int e : v)
    s += e;
  scale *= 2;
  return s * scale + (extra ? *extra : 0);
}

[[pure]] std::vector<int> sorted(std::vector<int> &&v) {
  std::vector<int> out = static_cast<std::vector<int> &&>(v);
  return out;
}

// A library algorithm that writes through its iterators writes the
// parameter's elements when the iterators are not const.
[[pure]] std::vector<int> sort_in_place(std::vector<int> &&v, std::span<int> out) { // expected-note 3 {{'sort_in_place' declared pure here}}
  // expected-error@-1 {{pure function 'sort_in_place' takes parameter 'out' by mutable view}}
  std::fill(out.begin(), out.end(), 0); // expected-error {{pure function 'sort_in_place' writes through parameter 'out' [purecc-param-write]}}
  std::copy(v.cbegin(), v.cend(), out.begin()); // expected-error {{pure function 'sort_in_place' writes through parameter 'out' [purecc-param-write]}}
  return v;
}
