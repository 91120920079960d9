// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
//
// R5: the library runs a user's virtual operator through a reference
// (`__a < __b` in std::max, std::less<B>, std::equal_to<>): the dynamic
// type's override runs, which no instantiation names, a virtual call as
// one written in the function is (adv110 F2). A class that is `final`, or
// a base operator declared [[pure]] (whose overrides must be), is fine.
#include <algorithm>
#include <functional>

long g_calls = 0;
struct B {
  long v;
  explicit B(long x) : v(x) {}
  virtual bool operator<(const B &o) const noexcept { return v < o.v; } // expected-note 3 {{'B::operator<' has a pure body; declare it '[[pure]]'}}
  virtual bool operator==(const B &o) const noexcept { return v == o.v; } // expected-note {{'B::operator==' has a pure body; declare it '[[pure]]'}}
  virtual ~B() = default;
};
struct D : B {
  using B::B;
  bool operator<(const B &) const noexcept override { return ++g_calls % 2 == 0; }
};

[[pure]] long larger(const B &a, const B &b, long i) { return std::max(a, b).v * i; } // expected-error {{pure function 'larger' makes a virtual call to 'B::operator<', which is not declared '[[pure]]' [purecc-virtual-call]}} expected-note {{'std::max' calls 'B::operator<' here}} expected-note {{'larger' declared pure here}}
[[pure]] long less_than(const B &a, const B &b) { return std::less<B>{}(a, b); } // expected-error {{pure function 'less_than' makes a virtual call to 'B::operator<', which is not declared '[[pure]]' [purecc-virtual-call]}} expected-note {{'std::less<B>::operator()' calls 'B::operator<' here}} expected-note {{'less_than' declared pure here}}
[[pure]] long equal(const B &a, const B &b) { return std::equal_to<>{}(a, b); } // expected-error {{pure function 'equal' makes a virtual call to 'B::operator==', which is not declared '[[pure]]' [purecc-virtual-call]}} expected-note {{'std::equal_to<>::operator()' calls 'B::operator==' here}} expected-note {{'equal' declared pure here}}
[[pure]] long clamped(const B &a, const B &b) { return std::clamp(a, b, b).v; } // expected-error {{pure function 'clamped' makes a virtual call to 'B::operator<', which is not declared '[[pure]]' [purecc-virtual-call]}} expected-note {{'std::clamp' calls 'B::operator<' here}} expected-note {{'clamped' declared pure here}}

struct F final {
  long v;
  bool operator<(const F &o) const { return v < o.v; }
};
[[pure]] long larger_final(const F &a, const F &b) { return std::max(a, b).v; }

struct P {
  long v;
  [[pure]] virtual bool operator<(const P &o) const noexcept { return v < o.v; }
  virtual ~P() = default;
};
[[pure]] long larger_pure(const P &a, const P &b) { return std::max(a, b).v; }
