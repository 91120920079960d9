// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// R1 through a callee's `T *&` parameter: assigning the parameter writes
// the caller's pointer itself, not what it points to (adv53 t26: a lambda
// that reseats a local pointer 'p' was reported as writing through the
// parameter 'p' pointed to). A pointer reseated where purecc cannot follow
// (by a function of the program, or through its address) may point
// anywhere afterwards: a write through it is a write to memory of no known
// owner. The library's `std::swap(p, q)` points it where 'q' pointed.
#include <tuple>
#include <utility>

[[pure]] long reseat_by_value(const long *a, const long *b) {
  const long *p = a;
  auto setp = [](const long *&q, const long *r) { q = r; };
  setp(p, b);
  return *p;
}

[[pure]] long reseat_to_reference(const long &a, const long &b) {
  const long *p = &a;
  auto setp = [](const long *&q, const long &r) { q = &r; };
  setp(p, b);
  return *p;
}

[[pure]] long advance(const long *a, const long *b) {
  const long *p = a;
  auto bump = [](const long *&q) { ++q; };
  bump(p);
  return *p + *b;
}

// What the callee writes through the pointer still counts: 'p' may point
// anywhere once a function of the program was given it to reseat.
[[pure]] long through_reference(long *a) { // expected-note 2 {{'through_reference' declared pure here}}
  // expected-error@-1 {{pure function 'through_reference' takes parameter 'a' by pointer to non-const [purecc-param-indirection]}}
  long *p = a;
  auto clear = [](long *&q) { *q = 0; }; // expected-note {{'lambda at line 39' writes through its parameter 'q' here}}
  clear(p); // expected-error {{pure function 'through_reference' writes through pointer 'p' that may point to memory it does not own [purecc-nonlocal-write]}}
  return *p;
}

long g;
// Reseated by code purecc does not follow: anywhere (here, a global).
[[pure]] long reseated_anywhere() { // expected-note 4 {{'reseated_anywhere' declared pure here}}
  long x = 0;
  long *p = &x;
  auto to_global = [](long *&q) { q = &g; }; // expected-note {{'lambda at line 49' is not pure because it reads mutable global 'g'}}
  to_global(p); // expected-error {{pure function 'reseated_anywhere' calls 'lambda at line 49', which is not pure [purecc-impure-call]}}
  *p = 5; // expected-error {{pure function 'reseated_anywhere' writes through pointer 'p' that may point to memory it does not own [purecc-nonlocal-write]}}
  long *r = &x;
  long **rr = &r;
  *rr = &g; // expected-error {{pure function 'reseated_anywhere' reads mutable global 'g' [purecc-global-read]}}
  *r = 6; // expected-error {{pure function 'reseated_anywhere' writes through pointer 'r' that may point to memory it does not own [purecc-nonlocal-write]}}
  return x;
}

// Reseated through a reference to it, a library holder of references, or
// an assignable conditional: anywhere (adv54 t01-t03).
[[pure]] long reseated_by_alias(long k) { // expected-note 6 {{'reseated_by_alias' declared pure here}}
  long x = 0, y = 0, z = 0;
  long *p = &x, *q = &y, *s = &z;
  long *&rp = p;
  rp = &g; // expected-error {{pure function 'reseated_by_alias' reads mutable global 'g' [purecc-global-read]}}
  *p = k; // expected-error {{pure function 'reseated_by_alias' writes through pointer 'p' that may point to memory it does not own [purecc-nonlocal-write]}}
  long v = 0;
  std::tie(q, v) = std::make_tuple(&g, 0L); // expected-error {{pure function 'reseated_by_alias' reads mutable global 'g' [purecc-global-read]}}
  *q = k; // expected-error {{pure function 'reseated_by_alias' writes through pointer 'q' that may point to memory it does not own [purecc-nonlocal-write]}}
  (k > 0 ? s : p) = &g; // expected-error {{pure function 'reseated_by_alias' reads mutable global 'g' [purecc-global-read]}}
  *s = k; // expected-error {{pure function 'reseated_by_alias' writes through pointer 's' that may point to memory it does not own [purecc-nonlocal-write]}}
  return x + y + z + v;
}

// Advanced, compared, read: still local.
[[pure]] long local_pointer_uses(long k) {
  long a[4] = {1, 2, 3, 4}, b[4] = {};
  long *p = a, *q = b;
  *p += k;
  p += 2;
  ++q;
  *q = *p + (p != q);
  return a[0] + b[1];
}

// Two local buffers swapped by the library stay local.
[[pure]] long double_buffer(long n) {
  long a[8] = {}, b[8] = {};
  long *cur = a, *next = b;
  for (long step = 0; step < n; ++step) {
    for (int i = 0; i < 8; ++i)
      next[i] = cur[i] + i;
    std::swap(cur, next);
  }
  return cur[7];
}

#include <algorithm>

// The pointer std::max or std::min of a braced list returns is one of the
// pointers listed (adv54 t25: the write through it was taken for a local
// one, and the calls ran in parallel).
struct Holder {
  long *p;
};
[[pure]] long max_of_list(const Holder &n) { // expected-note {{'max_of_list' declared pure here}}
  long x = 0;
  long *p = std::max({&x, n.p});
  *p = 1; // expected-error {{pure function 'max_of_list' writes through pointer member 'p' that may point to memory it does not own [purecc-nonlocal-write]}}
  return x;
}

[[pure]] long max_of_locals() {
  long x = 0, y = 0;
  long *p = std::min({&x, &y});
  *p = 1;
  return x + y;
}
