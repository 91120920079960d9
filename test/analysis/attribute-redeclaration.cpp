// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
// RUN: %purecc check --remarks %s -- -std=c++20 -Xclang -verify
// RUN: not %purecc check %s -- -std=c++20 2>&1 | FileCheck %s --check-prefix=TEXT --implicit-check-not='must precede'
// RUN: not %purecc check --remarks %s -- -std=c++20 2>&1 | FileCheck %s --check-prefix=TEXT --implicit-check-not='must precede'
// TEXT: attribute-redeclaration.cpp:[[@LINE+14]]:3: error: 'pure' attribute on a declaration after the definition of 'f' is ignored; put it on the definition or on a declaration before it [purecc-attribute-after-definition]
// TEXT: attribute-redeclaration.cpp:[[@LINE+12]]:5: note: 'f' is defined here
//
// One of purecc's attributes on a declaration after the function's
// definition. Clang drops an attribute attached there ("attribute
// declaration must precede definition", unless the definition has another
// annotation), while `check` kept it in its table and checked the function:
// the two attribute modes disagreed. In both it is now an error at the
// attribute, and the attribute is not applied: the function is not checked
// against it, nor trusted, nor memoized.
int g = 0;

int f(int);
int f(int x) { return x + g; } // expected-note {{'f' is defined here}}
[[pure]] int f(int); // expected-error {{'pure' attribute on a declaration after the definition of 'f' is ignored; put it on the definition or on a declaration before it}}

// Not trusted either. (A unit with an error is not checked further, as
// with any compile error: what the attribute would have meant is moot.)
int h(int x) { return x + g; } // expected-note {{'h' is defined here}}
[[purecc::assume_pure]] int h(int); // expected-error {{'purecc::assume_pure' attribute on a declaration after the definition of 'h' is ignored; put it on the definition or on a declaration before it}}

int m(int x) { return x * 2; } // expected-note {{'m' is defined here}}
[[purecc::memo]] int m(int); // expected-error {{'purecc::memo' attribute on a declaration after the definition of 'm' is ignored; put it on the definition or on a declaration before it}}

// A definition with an annotation of its own: Clang kept the later one.
[[purecc::assume_pure]] int q(int x) { return x + g; } // expected-note {{'q' is defined here}}
[[purecc::pure]] int q(int); // expected-error {{'purecc::pure' attribute on a declaration after the definition of 'q' is ignored; put it on the definition or on a declaration before it}}

// A function template.
template <class T> T t(T x) { return x + g; } // expected-note {{'t' is defined here}}
template <class T> [[pure]] T t(T); // expected-error {{'pure' attribute on a declaration after the definition of 't' is ignored; put it on the definition or on a declaration before it}}

namespace ns {
int n(int x) { return x + g; } // expected-note {{'n' is defined here}}
[[pure]] int n(int); // expected-error {{'pure' attribute on a declaration after the definition of 'n' is ignored; put it on the definition or on a declaration before it}}
} // namespace ns

// Before the definition, and a plain redeclaration after it: no error
// (test/analysis/attribute-lookup.cpp checks that it is applied).
[[pure]] int before(int);
int before(int x) { return x * 2; }
int before(int);

// Repeating an attribute the definition has changes nothing: no error
// (test/codegen/variable-stride-attributes.cpp declares it at block scope).
[[pure]] int again(int x) { return x * 3; }
[[pure]] int again(int);
int blockScope(int x) {
  [[pure]] int again(int);
  return again(x);
}

// An overload with another signature is another function.
int over(int x) { return x + g; }
[[pure]] int over(long x);
[[pure]] int over(long x) { return int(x); }

int use() { return f(1) + h(1) + m(1) + q(1) + t(1) + ns::n(1) + before(1) + over(1) + over(1L); }

// A deduced return type.
auto deduced(int x) { return x + g; } // expected-note {{'deduced' is defined here}}
[[pure]] auto deduced(int); // expected-error {{'pure' attribute on a declaration after the definition of 'deduced' is ignored; put it on the definition or on a declaration before it}}

// Internal linkage, inherited by the redeclaration.
static int internal(int x) { return x + g; } // expected-note {{'internal' is defined here}}
[[pure]] int internal(int); // expected-error {{'pure' attribute on a declaration after the definition of 'internal' is ignored; put it on the definition or on a declaration before it}}
int useMore() { return deduced(1) + internal(1); }
