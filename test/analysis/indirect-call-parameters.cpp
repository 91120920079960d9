// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// A helper that calls through a function pointer (or reference) parameter
// it only reads is judged at each call with what the call passes (adv118
// F1: glm's element-wise functions go through `functor1<...>::call(R
// (*Func)(T), v)`, and every one was "calls through a function pointer").
// The call is as pure as the function passed, which is judged as the
// caller's own call; the caller's own parameter passed on is judged at the
// caller's calls; anything else stays an indirect call.
#include <cmath>
#include <utility>

template <typename R, typename T> struct functor1 {
  static R call(R (*Func)(T x), T const &a, T const &b) { return Func(a) + Func(b); } // expected-note {{'functor1<double, double>::call' calls its parameter 'Func' here}}
};
template <typename T> T byref(T (&Func)(T), T v) { return Func(v) * 2; } // expected-note {{'byref<double>' calls its parameter 'Func' here}}

double twice(double x) { return 2 * x; }
template <typename T> T mabs(T x) { return x < 0 ? -x : x; }
int counter = 0;
double counted(double x) { ++counter; return x; } // expected-note 6 {{'counted' is not pure because it writes to global 'counter'}}

// A function named, a template's specialization, the library's, a lambda
// made a pointer, an address taken: each is judged as called here.
[[pure]] double named(double a, double b) { return functor1<double, double>::call(twice, a, b); }
[[pure]] double specialization(double a, double b) { return functor1<double, double>::call(mabs, a, b); }
[[pure]] double library(double a, double b) { return functor1<double, double>::call(std::floor, a, b); }
[[pure]] double lambda(double a) { return functor1<double, double>::call(+[](double x) { return x * 3; }, a, a); }
[[pure]] double address(double a) { return functor1<double, double>::call(&twice, a, a); }
[[pure]] double reference(double a) { return byref(twice, a); }

[[pure]] double impure_passed(double a, double b) { // expected-note {{'impure_passed' declared pure here}}
  return functor1<double, double>::call(counted, a, b); // expected-error {{pure function 'impure_passed' calls 'counted', which is not pure [purecc-impure-call]}}
}
[[pure]] double impure_by_reference(double a) { // expected-note {{'impure_by_reference' declared pure here}}
  return byref(counted, a); // expected-error {{pure function 'impure_by_reference' calls 'counted', which is not pure [purecc-impure-call]}}
}

// Passed on: what `fwd` calls, its callers pass.
double fwd(double (*h)(double), double a) { return functor1<double, double>::call(h, a, a); } // expected-note 2 {{'fwd' calls its parameter 'h' here}}
[[pure]] double forwarded(double a) { return fwd(twice, a); }
[[pure]] double forwarded_impure(double a) { // expected-note {{'forwarded_impure' declared pure here}}
  return fwd(counted, a); // expected-error {{pure function 'forwarded_impure' calls 'counted', which is not pure [purecc-impure-call]}}
}

// A [[pure]] function's callers trust it whatever they pass: calling
// through its own parameter, directly or through a helper, is an error.
[[pure]] double own(double (*h)(double), double a) { // expected-note {{'own' declared pure here}}
  return h(a); // expected-error {{pure function 'own' calls through a function pointer [purecc-indirect-call]}}
}
[[pure]] double own_passed_on(double (*h)(double), double a) { // expected-note {{'own_passed_on' declared pure here}}
  return fwd(h, a); // expected-error {{pure function 'own_passed_on' calls through a function pointer [purecc-indirect-call]}}
}

// A helper that changes its parameter calls what it was changed to.
double reseat(double (*h)(double), double a) {
  h = counted;
  return h(a); // expected-note {{'reseat' is not pure because it calls through a function pointer}}
}
[[pure]] double reseated(double a) { // expected-note {{'reseated' declared pure here}}
  return reseat(twice, a); // expected-error {{pure function 'reseated' calls 'reseat', which is not pure [purecc-impure-call]}}
}

// A pointer the caller does not name: not known.
[[pure]] double unnamed(double a, bool c) { // expected-note {{'unnamed' declared pure here}}
  double (*table[2])(double) = {twice, mabs<double>};
  return fwd(table[c], a); // expected-error {{pure function 'unnamed' calls 'fwd', which is not pure [purecc-impure-call]}}
  // expected-note@40 {{'fwd' is not pure because it calls through a function pointer}}
}

// A helper that never calls what it is given: an impure function passed
// is not called.
bool is_twice(double (*h)(double)) { return h == twice; }
[[pure]] bool compared(double) { return is_twice(counted); }

// Recursion through the helper, passing its parameter on to itself.
double repeat(double (*h)(double), double a, int n) { return n == 0 ? a : repeat(h, h(a), n - 1); } // expected-note {{'repeat' calls its parameter 'h' here}}
[[pure]] double repeated(double a) { return repeat(twice, a, 3); }
[[pure]] double repeated_impure(double a) { // expected-note {{'repeated_impure' declared pure here}}
  return repeat(counted, a, 3); // expected-error {{pure function 'repeated_impure' calls 'counted', which is not pure [purecc-impure-call]}}
}

// A lambda in the helper calling the parameter it captured: the lambda's
// call is judged on its own, where nothing says what the pointer holds.
double in_lambda(double (*h)(double), double a) {
  auto l = [h](double x) { return h(x); }; // expected-note {{'lambda at line 86' is not pure because it calls through a function pointer}}
  return l(a); // expected-note {{'in_lambda' is not pure because it calls 'lambda at line 86', which is not pure}}
}
[[pure]] double via_lambda(double a) { // expected-note {{'via_lambda' declared pure here}}
  return in_lambda(twice, a); // expected-error {{pure function 'via_lambda' calls 'in_lambda', which is not pure [purecc-impure-call]}}
}

// A function passed by name to a forwarding reference (`F &&f` deduced as
// a function reference) and called or passed on as `std::forward<F>(f)`:
// tl::expected's `and_then(half)` (adv123 F2).
template <class F> double forward1(F &&f, double x) { return std::forward<F>(f)(x); } // expected-note {{'forward1<double (&)(double)>' calls its parameter 'f' here}}
template <class F> double forward2(F &&f, double x) { return forward1(std::forward<F>(f), x) + 1; } // expected-note {{'forward2<double (&)(double)>' calls its parameter 'f' here}}
[[pure]] double forwarded_by_name(double a) { return forward1(twice, a) + forward2(twice, a); }
[[pure]] double forwarded_impure_by_name(double a) { // expected-note 2 {{'forwarded_impure_by_name' declared pure here}}
  return forward1(counted, a) + forward2(counted, a); // expected-error 2 {{pure function 'forwarded_impure_by_name' calls 'counted', which is not pure [purecc-impure-call]}}
}
