// RUN: %purecc check %s -- -std=c++23 -Xclang -verify
//
// Callables passed to C++23 operators whose object is not a parameter
// (`static operator()`, `static operator[]`, a static lambda) or is their
// first one (an explicit object parameter, `this const E &`): each is
// matched to its own parameter (adv122 F1: the argument before it was,
// and an impure function passed second was accepted;
// indirect-call-parameters.cpp).
int counter = 0;
double twice(double x) { return 2 * x; }
double counted(double x) { ++counter; return x; } // expected-note 5 {{'counted' is not pure because it writes to global 'counter'}}

struct Static {
  static double operator()(double (*g)(double), double (*h)(double), double a) { return h(a); } // expected-note 2 {{'Static::operator()' calls its parameter 'h' here}}
};
struct Subscript {
  static double operator[](double (*g)(double), double (*h)(double)) { return h(1); } // expected-note {{'Subscript::operator[]' calls its parameter 'h' here}}
};
struct Explicit {
  double operator()(this const Explicit &, double (*g)(double), double (*h)(double), double a) { return h(a); } // expected-note {{'Explicit::operator()' calls its parameter 'h' here}}
};

[[pure]] double static_call(double a) { return Static{}(counted, twice, a); }
[[pure]] double static_call_impure(double a) { // expected-note {{'static_call_impure' declared pure here}}
  return Static{}(twice, counted, a); // expected-error {{pure function 'static_call_impure' calls 'counted', which is not pure [purecc-impure-call]}}
}
[[pure]] double static_named(double a) { // expected-note {{'static_named' declared pure here}}
  Static s;
  return s(twice, counted, a); // expected-error {{pure function 'static_named' calls 'counted', which is not pure [purecc-impure-call]}}
}
[[pure]] double static_subscript(double) { // expected-note {{'static_subscript' declared pure here}}
  Subscript s;
  return s[twice, counted]; // expected-error {{pure function 'static_subscript' calls 'counted', which is not pure [purecc-impure-call]}}
}
[[pure]] double static_lambda(double a) { // expected-note {{'static_lambda' declared pure here}}
  auto l = [](double (*g)(double), double (*h)(double), double x) static { return h(x); }; // expected-note {{'lambda at line 36' calls its parameter 'h' here}}
  return l(twice, counted, a); // expected-error {{pure function 'static_lambda' calls 'counted', which is not pure [purecc-impure-call]}}
}
[[pure]] double explicit_object(double a) { Explicit e; return e(counted, twice, a); }
[[pure]] double explicit_object_impure(double a) { // expected-note {{'explicit_object_impure' declared pure here}}
  Explicit e;
  return e(twice, counted, a); // expected-error {{pure function 'explicit_object_impure' calls 'counted', which is not pure [purecc-impure-call]}}
}
