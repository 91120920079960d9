// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// Compiler builtins that everyday libraries use in pure functions (fmt's
// `assume`, double-conversion's overflow checks: adv111 F1): hints to the
// optimizer have no effect, `__builtin_launder` and
// `__builtin_assume_aligned` hand back the pointer they are given (what is
// written through it is judged by where it points), and the overflow
// builtins store their result through their last argument, a write of
// what it points to.
#include <new>

long g = 0;
struct S {
  long v;
};

[[pure]] int assumed(int x) {
  __builtin_assume(x > 0);
  return x / 2;
}
[[pure]] int constant(int x) { return __builtin_constant_p(x) ? 1 : x; }
[[pure]] int added(int x) {
  int r;
  if (__builtin_add_overflow(x, 1, &r))
    return 0;
  return r;
}
[[pure]] int multiplied(int x) {
  int r;
  if (__builtin_mul_overflow(x, 3, &r))
    return 0;
  return r;
}
// The typed forms, and Clang's add and subtract with carry, which store
// the carry out through their last argument (dragonbox's 128-bit
// `operator+=`: adv120 F2).
[[pure]] long typed(long x) {
  long r = 0;
  unsigned long long u = 0;
  return __builtin_saddl_overflow(x, 1, &r) + __builtin_umulll_overflow(3, 5, &u) + r + long(u);
}
[[pure]] unsigned long long carried(unsigned long long a, unsigned long long b) {
  unsigned long long c1, c2;
  unsigned long long s = __builtin_addcll(a, b, 0, &c1);
  unsigned long long d = __builtin_subcll(a, b, 0, &c2);
  unsigned c3;
  return s + d + c1 + c2 + __builtin_addc(1u, 2u, 0u, &c3) + c3;
}
unsigned long long carry_out = 0;
[[pure]] unsigned long long carry_into_global(unsigned long long a) { // expected-note {{'carry_into_global' declared pure here}}
  return __builtin_addcll(a, a, 0, &carry_out); // expected-error {{pure function 'carry_into_global' writes to global 'carry_out' [purecc-global-write]}}
}
[[pure]] long hinted(long x) {
  __builtin_prefetch(&x);
  return __builtin_expect_with_probability(x, 1, 0.9) + __builtin_unpredictable(x);
}
[[pure]] long aligned(long x) {
  long *p = static_cast<long *>(__builtin_assume_aligned(&x, 8));
  return *p;
}
[[pure]] long laundered(long x) {
  S s{x};
  return std::launder(&s)->v + __builtin_launder(&s)->v;
}

[[pure]] long overflow_into_global(long x) { // expected-note {{'overflow_into_global' declared pure here}}
  __builtin_sub_overflow(x, 1, &g); // expected-error {{pure function 'overflow_into_global' writes to global 'g' [purecc-global-write]}}
  return x;
}
[[pure]] long overflow_into_param(long *p) { // expected-error {{pure function 'overflow_into_param' takes parameter 'p' by pointer to non-const [purecc-param-indirection]}} expected-note 2 {{'overflow_into_param' declared pure here}}
  long r = 0;
  __builtin_sub_overflow(r, 1, p); // expected-error {{pure function 'overflow_into_param' writes through parameter 'p' [purecc-param-write]}}
  return r;
}
[[pure]] long aligned_param(long *p) { // expected-error {{pure function 'aligned_param' takes parameter 'p' by pointer to non-const [purecc-param-indirection]}} expected-note 2 {{'aligned_param' declared pure here}}
  *static_cast<long *>(__builtin_assume_aligned(p, 8)) = 1; // expected-error {{pure function 'aligned_param' writes through parameter 'p' [purecc-param-write]}}
  return 0;
}
[[pure]] long laundered_param(S *p) { // expected-error {{pure function 'laundered_param' takes parameter 'p' by pointer to non-const [purecc-param-indirection]}} expected-note 2 {{'laundered_param' declared pure here}}
  std::launder(p)->v = 1; // expected-error {{pure function 'laundered_param' writes through parameter 'p' [purecc-param-write]}}
  return 0;
}
