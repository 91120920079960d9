// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
// RUN: %purecc check --remarks %s -- -std=c++20 -Xclang -verify
//
// Where the checker finds an attribute. `check` keeps the unit's attributes
// in a table beside the AST instead of on the declarations, which Clang
// would copy onto every declaration instantiated from them (the first RUN);
// `--remarks` plans, and planning reads them off the declarations (the
// second). Both must find [[pure]] on the same functions.
int g = 0;

// An explicit specialization is held to its primary template's [[pure]].
template <class T> [[pure]] T next(T x) { return x + 1; } // expected-note {{'next<int>' declared pure here}}
template <> int next<int>(int x) { return x + g; } // expected-error {{pure function 'next<int>' reads mutable global 'g'}}

template <class T> struct Holder {
  // Declared pure in the class, defined outside it.
  [[pure]] T get(T x) const; // expected-note {{'Holder<int>::get' declared pure here}}
  // A member template of a class template.
  template <class U> [[pure]] U conv(U u) const { return u + U(g); } // expected-error {{pure function 'Holder<int>::conv<long>' reads mutable global 'g'}} \
                                                                        expected-note {{'Holder<int>::conv<long>' declared pure here}}
  [[pure]] T plain(T x) const { return x; } // expected-note {{'Holder<int>::plain' declared pure here}}
};
template <class T> T Holder<T>::get(T x) const { return x * g; } // expected-error {{pure function 'Holder<int>::get' reads mutable global 'g'}}
// An explicit specialization of a member: held to the member's [[pure]].
template <> int Holder<int>::plain(int x) const { return x + g; } // expected-error {{pure function 'Holder<int>::plain' reads mutable global 'g'}}

// A generic lambda in a function template: its call operator is
// instantiated twice over (the function, then the call).
template <class T> T viaLambda(T x) {
  auto twice = [] [[pure]] (auto y) { return y + g; }; // expected-error {{pure function 'lambda at line 30' reads mutable global 'g'}} \
                                                          expected-note {{'lambda at line 30' declared pure here}}
  return twice(x);
}

// [[pure]] on a later redeclaration only.
int later(int x);
[[pure]] int later(int x); // expected-note {{'later' declared pure here}}
int later(int x) { return x + g; } // expected-error {{pure function 'later' reads mutable global 'g'}}

int use() {
  Holder<int> h;
  return next(1) + h.get(1) + int(h.conv(2L)) + h.plain(3) + viaLambda(4) + later(5); // expected-note {{in instantiation of member function 'Holder<int>::get' requested here}} \
    expected-note {{in instantiation of function template specialization 'Holder<int>::conv<long>' requested here}}
}

// A member specialization of a member template carries its own [[pure]]
// (the table lookup climbed past it to the unmarked primary member template
// and checked nothing: found by an adversary, 2026-11-30).
template <class T> struct Spec {
  template <class U> static U f(U u) { return u; }
  struct In {
    template <class U> static U f(U u) { return u; }
  };
  template <class U> static U h(U u) { return u + U(g); }
};
template <> template <class U> [[pure]] U Spec<int>::f(U u) { return u + U(g); } // expected-error {{pure function 'Spec<int>::f<long>' reads mutable global 'g'}} \
                                                                                    expected-note {{'Spec<int>::f<long>' declared pure here}}
template <> template <class U> [[pure]] U Spec<int>::In::f(U u) { return u + U(g); } // expected-error {{pure function 'Spec<int>::In::f<long>' reads mutable global 'g'}} \
                                                                                        expected-note {{'Spec<int>::In::f<long>' declared pure here}}
// ... and its [[purecc::assume_pure]] vouches for it.
template <> template <class U> [[purecc::assume_pure]] U Spec<int>::h(U u) { return u + U(g); }
[[pure]] long useSpec(long x) { return Spec<int>::f(x) + Spec<int>::In::f(x) + Spec<int>::h(x); } // expected-note 2 {{in instantiation of function template specialization}}
