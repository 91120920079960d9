// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// R4: calls nobody wrote as a call are calls too (adv28 W5). Each shape
// below runs a special member or function of the user's that writes a
// global, with no call expression in the pure function's body: the copy
// made by a handler that catches by value, the destructor of the exception
// object, a constructor inherited with `using B::B`, the function that
// `__attribute__((cleanup))` runs at scope exit, and the elements an array
// filler makes (`E a[3] = {E(1)}` default-constructs two more). The
// destructor run by `delete base` is R5's (virtual-call.cpp).
long g_copies = 0;
struct Copied {
  long v = 0;
  Copied() = default;
  Copied(const Copied &o) : v(o.v) { ++g_copies; } // expected-note {{'Copied::Copied' is not pure because it writes to global 'g_copies'}}
};

[[pure]] long catch_by_value(long x) { // expected-note {{'catch_by_value' declared pure here}}
  try {
    if (x < 0)
      throw Copied();
  } catch (Copied c) { // expected-error {{pure function 'catch_by_value' calls 'Copied::Copied', which is not pure [purecc-impure-call]}}
    return c.v;
  }
  return x;
}

long g_dtors = 0;
struct Counted {
  long v = 0;
  ~Counted() { ++g_dtors; } // expected-note 3 {{'Counted::~Counted' is not pure because it writes to global 'g_dtors'}}
};

// The variable a handler catches by value is destroyed when it ends.
[[pure]] long catch_destroyed(long x) { // expected-note {{'catch_destroyed' declared pure here}}
  try {
    if (x < 0)
      throw 1;
  } catch (Counted c) { // expected-error {{pure function 'catch_destroyed' calls 'Counted::~Counted', which is not pure [purecc-impure-call]}}
    return c.v;
  }
  return x;
}

// A copy thrown from an lvalue is the exception object, destroyed by the
// handler: no temporary's destructor stands for it.
[[pure]] long throw_copy(const Counted &c) { // expected-note {{'throw_copy' declared pure here}}
  if (c.v < 0)
    throw c; // expected-error {{pure function 'throw_copy' calls 'Counted::~Counted', which is not pure [purecc-impure-call]}}
  return c.v;
}

long g_made = 0;
struct Base {
  long v;
  Base(long x) : v(x) { ++g_made; } // expected-note {{'Base::Base' is not pure because it writes to global 'g_made'}}
};
struct Derived : Base {
  using Base::Base; // expected-note {{'Derived::Derived' is not pure because it calls 'Base::Base', which is not pure}}
};

[[pure]] long inherited(long x) { // expected-note {{'inherited' declared pure here}}
  Derived d(x); // expected-error {{pure function 'inherited' calls 'Derived::Derived', which is not pure [purecc-impure-call]}}
  return d.v;
}

long g_cleaned = 0;
void count_cleanup(long *) { ++g_cleaned; } // expected-note {{'count_cleanup' is not pure because it writes to global 'g_cleaned'}}
void zero_cleanup(long *p) { *p = 0; }

[[pure]] long cleaned(long x) { // expected-note {{'cleaned' declared pure here}}
  long y __attribute__((cleanup(count_cleanup))) = x; // expected-error {{pure function 'cleaned' calls 'count_cleanup', which is not pure [purecc-impure-call]}}
  return y;
}

long g_defaults = 0;
struct Filled {
  long v;
  Filled() : v(0) { ++g_defaults; } // expected-note 2 {{'Filled::Filled' is not pure because it writes to global 'g_defaults'}}
  Filled(long x) : v(x) {}
};

[[pure]] long filled(long x) { // expected-note 2 {{'filled' declared pure here}}
  Filled a[3] = {Filled(x)}; // expected-error {{pure function 'filled' calls 'Filled::Filled', which is not pure [purecc-impure-call]}}
  Filled b[3]((Filled(x))); // expected-error {{pure function 'filled' calls 'Filled::Filled', which is not pure [purecc-impure-call]}}
  return a[0].v + b[0].v;
}

// Accepted: the same shapes with pure members (catching by reference copies
// nothing; a cleanup function that writes the local it is given), and
// arrays whose every element is named.
struct Quiet {
  long v = 0;
  Quiet() = default;
  Quiet(long x) : v(x) {}
  Quiet(const Quiet &o) : v(o.v) {}
  ~Quiet() {}
};
struct QuietDerived : Quiet {
  using Quiet::Quiet;
};

// A reference declared in the body destroys nothing it binds to: a
// parameter's object is the caller's to destroy. A temporary it extends is
// destroyed at the end of the scope, by its own destructor.
[[pure]] long bound(const Counted &c) {
  const Counted &r = c;
  auto &[v] = r;
  return r.v + v;
}
[[pure]] long extended(long x) { // expected-note {{'extended' declared pure here}}
  const Counted &t = Counted{x}; // expected-error {{pure function 'extended' calls 'Counted::~Counted', which is not pure [purecc-impure-call]}}
  return t.v;
}

[[pure]] long quiet(long x) {
  long y __attribute__((cleanup(zero_cleanup))) = x;
  try {
    if (x < 0)
      throw Quiet(x);
    if (x > 100)
      throw 2;
  } catch (Quiet q) {
    return q.v;
  } catch (const Counted &c) {
    return c.v;
  }
  QuietDerived d(x);
  Quiet qs[2] = {Quiet(1)};
  Filled fs[2] = {Filled(1), Filled(2)};
  return y + d.v + qs[1].v + fs[1].v;
}

// The destructor of a static or thread_local local runs at exit, for the
// call that made it (adv87 F12: a result served from the memo cache made
// no such call, and the program printed one line less).
#include <cstdio>
struct Banner { long id; constexpr Banner(long i) : id(i) {} ~Banner() { std::printf("released\n"); } }; // expected-note 2 {{'Banner::~Banner' is not pure because it calls 'std::printf', which performs I/O}}
[[pure]] long banner(long x) { static const Banner t{7}; return x + t.id; } // expected-error {{pure function 'banner' calls 'Banner::~Banner', which is not pure [purecc-impure-call]}} expected-note {{'banner' declared pure here}}
[[pure]] long banner_tl(long x) { thread_local const Banner t{7}; return x + t.id; } // expected-error {{pure function 'banner_tl' calls 'Banner::~Banner', which is not pure [purecc-impure-call]}} expected-note {{'banner_tl' declared pure here}}
struct Hushed { long id; constexpr Hushed(long i) : id(i) {} ~Hushed() { id = 0; } };
[[pure]] long hushed(long x) { static const Hushed t{7}; return x + t.id; }
