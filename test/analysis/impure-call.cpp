// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// R4: everything a pure function calls must be pure, including the calls
// nobody wrote (destructors, copies, operators, default arguments), and
// the chain of notes says why a callee is not.
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <stdexcept>
#include <tuple>
#include <typeinfo>

struct Noisy {
  int v;
  ~Noisy() { std::printf("bye\n"); } // expected-note {{'Noisy::~Noisy' is not pure because it calls 'std::printf', which performs I/O}}
};

[[pure]] int use_noisy(int x) { // expected-note {{'use_noisy' declared pure here}}
  Noisy n{x}; // expected-error {{pure function 'use_noisy' calls 'Noisy::~Noisy', which is not pure [purecc-impure-call]}}
  return n.v;
}

int g_copies = 0;
struct Tracked {
  int v;
  Tracked(int v) : v(v) {}
  Tracked(const Tracked &o) : v(o.v) { ++g_copies; } // expected-note {{'Tracked::Tracked' is not pure because it writes to global 'g_copies'}}
};

[[pure]] int copy_it(const Tracked &t) { // expected-note {{'copy_it' declared pure here}}
  Tracked c = t; // expected-error {{pure function 'copy_it' calls 'Tracked::Tracked', which is not pure}}
  return c.v;
}

int g_adds = 0;
struct Money { int cents; };
Money operator+(Money a, Money b) { ++g_adds; return {a.cents + b.cents}; } // expected-note {{'operator+' is not pure because it writes to global 'g_adds'}}

[[pure]] Money total(Money a, Money b) { // expected-note {{'total' declared pure here}}
  return a + b; // expected-error {{pure function 'total' calls 'operator+', which is not pure}}
}

int g_next = 0;
int next_default() { return ++g_next; } // expected-note {{'next_default' is not pure because it writes to global 'g_next'}}
int add_default(int x, int y = next_default()) { return x + y; } // expected-error {{pure function 'with_default' calls 'next_default', which is not pure}}

[[pure]] int with_default(int x) { // expected-note {{'with_default' declared pure here}}
  return add_default(x); // expected-note {{in the default argument of parameter 'y', used here}}
}

[[pure]] int roll() { // expected-note {{'roll' declared pure here}}
  return std::rand() % 6; // expected-error {{pure function 'roll' calls 'std::rand', which returns a different value on every call [purecc-impure-library]}}
}

int external(int); // expected-note {{'external' is not pure because it has no definition in this translation unit}}

[[pure]] int use_external(int x) { // expected-note {{'use_external' declared pure here}}
  return external(x); // expected-error {{pure function 'use_external' calls 'external', which is not pure}}
}

[[pure]] int apply_ptr(int (*f)(int), int x) { // expected-note {{'apply_ptr' declared pure here}}
  return f(x); // expected-error {{pure function 'apply_ptr' calls through a function pointer [purecc-indirect-call]}}
}

// A template parameter is the fix, but a function passed by name arrives as
// a pointer all the same: the note says so (adv75 F5); a lambda that calls it
// is a direct call.
template <class F>
[[pure]] int apply_deduced(F f, int x) { // expected-note {{'apply_deduced<int (*)(int)>' declared pure here}} expected-note {{'f' is deduced as 'int (*)(int)': a function passed by name arrives as a pointer; pass a lambda that calls it ('[](auto x) { return f(x); }') and the call is direct}}
  return f(x); // expected-error {{pure function 'apply_deduced<int (*)(int)>' calls through a function pointer [purecc-indirect-call]}}
}
[[pure]] int twice(int x) { return 2 * x; }
int use_deduced() {
  return apply_deduced(twice, 1) + // expected-note {{in instantiation of function template specialization 'apply_deduced<int (*)(int)>' requested here}}
         apply_deduced([](int v) { return twice(v); }, 2);
}

[[pure]] int apply_fn(const std::function<int(int)> &f, int x) { // expected-note {{'apply_fn' declared pure here}}
  return f(x); // expected-error {{pure function 'apply_fn' calls through 'std::function'}}
}

// Mutual recursion through an impure function: the whole cycle is impure.
int g_depth = 0;
int is_odd(int n);
int is_even(int n) { return n == 0 ? 1 : is_odd(n - 1); } // expected-note {{'is_even' is not pure because it calls 'is_odd', which is not pure}}
int is_odd(int n) { ++g_depth; return n == 0 ? 0 : is_even(n - 1); } // expected-note {{'is_odd' is not pure because it writes to global 'g_depth'}}

[[pure]] int parity(int n) { // expected-note {{'parity' declared pure here}}
  return is_even(n); // expected-error {{pure function 'parity' calls 'is_even', which is not pure}}
}

// Accepted: trusted declarations (also on a redeclaration), pure recursion
// and pure mutual recursion, and callees inferred pure from their bodies.
[[purecc::assume_pure]] int trusted(int);
int vendor_hash(int);
[[purecc::assume_pure]] int vendor_hash(int);

int ev(int n);
int od(int n) { return n == 0 ? 0 : ev(n - 1); }
int ev(int n) { return n == 0 ? 1 : od(n - 1); }

[[pure]] int fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }

[[pure]] int combined(int n) {
  return trusted(n) + vendor_hash(n) + ev(n) + fact(n & 7);
}

// An exception type's destructor defined in another file is trusted (the
// cross-file contract, docs/purity.md); one with a body here is judged.
struct ParseError : std::runtime_error {
  explicit ParseError(const char *m) : std::runtime_error(m) {}
  ~ParseError() override;
};
[[pure]] int parse_digit(char c) {
  if (c < '0' || c > '9')
    throw ParseError("not a digit");
  return c - '0';
}
int g_errors = 0;
struct CountedError : std::runtime_error {
  explicit CountedError(const char *m) : std::runtime_error(m) {}
  ~CountedError() override { ++g_errors; } // expected-note {{'CountedError::~CountedError' is not pure because it writes to global 'g_errors'}}
};
[[pure]] int parse_sign(char c) { // expected-note {{'parse_sign' declared pure here}}
  if (c != '+' && c != '-')
    throw CountedError("not a sign"); // expected-error {{pure function 'parse_sign' calls 'CountedError::~CountedError', which is not pure [purecc-impure-call]}}
  return c == '-' ? -1 : 1;
}
// Not an exception type: its destructor without a body is not trusted.
struct Handle {
  ~Handle(); // expected-note {{'Handle::~Handle' is not pure because it has no definition in this translation unit}}
};
[[pure]] int with_handle(int x) { // expected-note {{'with_handle' declared pure here}}
  Handle h; // expected-error {{pure function 'with_handle' calls 'Handle::~Handle', which is not pure [purecc-impure-call]}}
  return x;
}
// A tuple-like structured binding calls `get<I>` for each name, in hidden
// variables no statement names: a member `get` and a free one.
long g_gets = 0;
struct Tup { long a, b; template <std::size_t I> long get() const { ++g_gets; return I ? b : a; } }; // expected-note {{'Tup::get<0UL>' is not pure because it writes to global 'g_gets'}}
template <> struct std::tuple_size<Tup> : std::integral_constant<std::size_t, 2> {};
template <std::size_t I> struct std::tuple_element<I, Tup> { using type = long; };
struct Tup2 { long a, b; };
long g_free_gets = 0;
template <std::size_t I> long get(const Tup2 &t) { ++g_free_gets; return I ? t.b : t.a; } // expected-note {{'get<0UL>' is not pure because it writes to global 'g_free_gets'}} expected-note {{'get<1UL>' is not pure because it writes to global 'g_free_gets'}}
template <> struct std::tuple_size<Tup2> : std::integral_constant<std::size_t, 2> {};
template <std::size_t I> struct std::tuple_element<I, Tup2> { using type = long; };
struct Plain { long a, b; };
[[pure]] long by_member(long x) { auto [a, b] = Tup{x, 2}; return a + b; } // expected-error {{pure function 'by_member' calls 'Tup::get<0UL>', which is not pure [purecc-impure-call]}} expected-note {{'by_member' declared pure here}}
[[pure]] long by_free(long x) { const auto &[a, b] = Tup2{x, 2}; return a + b; } // expected-error {{pure function 'by_free' calls 'get<0UL>', which is not pure [purecc-impure-call]}} expected-error {{pure function 'by_free' calls 'get<1UL>', which is not pure [purecc-impure-call]}} expected-note 2 {{'by_free' declared pure here}}
[[pure]] long by_std(long x) { auto [a, b] = std::tuple<long, long>{x, 2}; return a + b; }
[[pure]] long by_plain(long x) { auto [a, b] = Plain{x, 2}; return a + b; }

// Operands the program never evaluates call nothing (analysis/Unevaluated.h):
// `sizeof`, `noexcept`, `decltype`, `typeid` of a non-polymorphic value. The
// bound of a variable-length array type is evaluated, even under `sizeof`
// (a GNU extension in C++), and `typeid` of a polymorphic lvalue reads it.
long g_counted = 0;
long count_up(long n) { ++g_counted; return n; } // expected-note {{'count_up' is not pure because it writes to global 'g_counted'}}
struct Poly { virtual ~Poly() = default; };
const Poly &poly_at(const Poly &p, long n) { g_counted += n; return p; } // expected-note {{'poly_at' is not pure because it writes to global 'g_counted'}}
[[pure]] long never_run(long n) {
  return long(sizeof(count_up(n))) + noexcept(count_up(n)) + sizeof(decltype(count_up(n))) +
         long(typeid(count_up(n)).name() != nullptr);
}
[[pure]] long vla_bound(long n) { // expected-note {{'vla_bound' declared pure here}} expected-note 2 {{declared here}}
  return long(sizeof(char[count_up(n) + 1])); // expected-note 2 {{function parameter 'n' with unknown value cannot be used in a constant expression}} expected-error {{pure function 'vla_bound' calls 'count_up', which is not pure [purecc-impure-call]}} expected-warning 2 {{variable length arrays in C++ are a Clang extension}}
}
[[pure]] bool dynamic_type(const Poly &p, long n) { // expected-note {{'dynamic_type' declared pure here}}
  return typeid(poly_at(p, n)) == typeid(Poly) && typeid(count_up(n)) == typeid(long); // expected-error {{pure function 'dynamic_type' calls 'poly_at', which is not pure [purecc-impure-call]}} expected-warning {{expression with side effects will be evaluated despite being used as an operand to 'typeid'}}
}

// A weak definition is a hook another file may replace at link time: the
// body here is not the code that runs (adv87 F13).
__attribute__((weak)) long scale_hook(long x) { return x; } // expected-note {{'scale_hook' is not pure because it is a weak definition, which another may replace at link time}}
[[pure]] long scaled(long x) { return scale_hook(x) * 2; } // expected-error {{pure function 'scaled' calls 'scale_hook', which is not pure [purecc-impure-call]}} expected-note {{'scaled' declared pure here}}
__attribute__((weak)) long declared_weak(long x);
long declared_weak(long x) { return x + 1; } // expected-note {{'declared_weak' is not pure because it is a weak definition, which another may replace at link time}}
[[pure]] long uses_declared_weak(long x) { return declared_weak(x); } // expected-error {{pure function 'uses_declared_weak' calls 'declared_weak', which is not pure [purecc-impure-call]}} expected-note {{'uses_declared_weak' declared pure here}}
// Written after the definition, Clang drops the attribute and g++ makes the
// symbol weak all the same (adv91 F8).
long weak_after(long x) { return x + 2; } // expected-note {{'weak_after' is not pure because it is a weak definition, which another may replace at link time}} expected-note {{previous definition is here}}
long weak_after(long x) __attribute__((weak)); // expected-warning {{attribute declaration must precede definition}}
[[pure]] long uses_weak_after(long x) { return weak_after(x); } // expected-error {{pure function 'uses_weak_after' calls 'weak_after', which is not pure [purecc-impure-call]}} expected-note {{'uses_weak_after' declared pure here}}
// A pure function that is weak: its callers trust a contract that another
// file's strong definition may break at link time (adv92 F4).
[[pure]] __attribute__((weak)) long weak_pure(long x) { return x; } // expected-error {{pure function 'weak_pure' is a weak definition, which another may replace at link time [purecc-weak-definition]}} expected-note {{'weak_pure' declared pure here}}
[[pure]] long weak_pure_after(long x) { return x; } // expected-error {{pure function 'weak_pure_after' is a weak definition, which another may replace at link time [purecc-weak-definition]}} expected-note {{'weak_pure_after' declared pure here}} expected-note {{previous definition is here}}
long weak_pure_after(long x) __attribute__((weak)); // expected-warning {{attribute declaration must precede definition}}
