// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
// RUN: %purecc check --remarks %s -- -std=c++20 -Xclang -verify
//
// Clang's own annotation, `__attribute__((annotate("purecc::pure")))` or
// `[[clang::annotate("purecc::pure")]]`, is a spelling of purecc's
// attributes (for builds where a plain Clang compiles the same source and
// would warn on an unknown `[[pure]]`). Sema attaches it in every unit, so
// `check`, which keeps purecc's own attributes in a table, did not see it:
// only `--remarks` checked these functions.
int g = 0;

__attribute__((annotate("purecc::pure"))) int gnu(int x) { return x + g; } // expected-error {{pure function 'gnu' reads mutable global 'g'}} \
                                                                              expected-note {{'gnu' declared pure here}}

[[clang::annotate("purecc::pure")]] int scoped(int x) { return x + g; } // expected-error {{pure function 'scoped' reads mutable global 'g'}} \
                                                                           expected-note {{'scoped' declared pure here}}

__attribute__((annotate("purecc::pure"))) int fine(int x) { return x * 2; }

// On a declaration before the definition.
__attribute__((annotate("purecc::pure"))) int declared(int x); // expected-note {{'declared' declared pure here}}
int declared(int x) { return x - g; } // expected-error {{pure function 'declared' reads mutable global 'g'}}

// Trusted, as [[purecc::assume_pure]] is.
__attribute__((annotate("purecc::assume_pure"))) int vouched(int x);
[[pure]] int callsVouched(int x) { return vouched(x) + fine(x); }

// Carried to each instantiation of a template.
template <class T> __attribute__((annotate("purecc::pure"))) T twice(T x) { return x + T(g); } // expected-error {{pure function 'twice<long>' reads mutable global 'g'}} \
                                                                                                  expected-note {{'twice<long>' declared pure here}}

// Another annotation is not purecc's.
__attribute__((annotate("pure"))) int other(int x) { return x + g; }
[[pure]] int callsOther(int x) { return other(x); } // expected-error {{pure function 'callsOther' calls 'other', which is not pure}} \
                                                       expected-note {{'callsOther' declared pure here}}
// expected-note@-3 {{'other' is not pure because it reads mutable global 'g'}}

int use() {
  return gnu(1) + scoped(1) + declared(1) + callsVouched(1) + int(twice(2L)) + callsOther(1); // expected-note {{in instantiation of function template specialization 'twice<long>' requested here}}
}
