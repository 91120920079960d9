// RUN: %purecc check %s -- -std=c++20 -Xclang -verify -ferror-limit=0
//
// R2, what a `const` global's dynamic initializer runs besides what it
// writes (ConstIndirection.h): a member's default initializer (also a
// base's, a defaulted constructor's, the elements a standard container
// makes of a class), a default argument, the bodies of the program's
// functions it calls (also handed to the library: a lambda given to
// std::transform, std::invoke(addr), a class the library constructs), and
// an address made from a number (adv104 F1-F3, adv106 F1, F2:
// each was accepted, and two calls run in parallel read the old value).
// The library's containers keep copies of what they are given: a
// `std::map<std::string_view, int>` of string literals, also filled by a
// lambda called on the spot, is a constant (adv104 F4, a false error).
#include <cstdint>
#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <tuple>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <vector>

long gl = 1;
long *addr() { return &gl; }

// What the initializer runs without writing it: default member
// initializers (also a base's, a defaulted constructor's, the elements a
// container makes), default arguments, an address made from a number.
struct A { long *p = addr(); };
struct Der : A {};
struct A4 { long *p = addr(); A4() = default; };
struct A5 { long *p = new long(1); };
const A GA{}; // expected-note {{'GA' refers to 'gl' here}}
const Der GD{}; // expected-note {{'GD' refers to 'gl' here}}
const A4 G4; // expected-note {{'G4' refers to 'gl' here}}
const A5 G5{}; // expected-note {{'G5' is 'const', but what it refers to is not known to be constant}}
const std::vector<A> GVA(2); // expected-note 3{{'GVA' refers to 'gl' here}}
constexpr long *pick(long *p = addr()) { return p; }
long *const PD = pick(); // expected-note {{'PD' refers to 'gl' here}}
const std::uintptr_t ADDR = reinterpret_cast<std::uintptr_t>(&gl);
long *const PI = reinterpret_cast<long *>(ADDR); // expected-note {{'PI' is 'const', but what it refers to is not known to be constant}}

[[pure]] long d1(long x) { return x + *GA.p; } // expected-error {{pure function 'd1' reads mutable global 'gl'}} expected-note {{'d1' declared pure here}}
[[pure]] long d2(long x) { return x + *GD.p; } // expected-error {{pure function 'd2' reads mutable global 'gl'}} expected-note {{'d2' declared pure here}}
[[pure]] long d3(long x) { return x + *G4.p; } // expected-error {{pure function 'd3' reads mutable global 'gl'}} expected-note {{'d3' declared pure here}}
[[pure]] long d4(long x) { return x + *G5.p; } // expected-error {{pure function 'd4' reads memory that may change through 'G5'}} expected-note {{'d4' declared pure here}}
[[pure]] long d5(long x) { return x + *GVA[0].p; } // expected-error 3{{pure function 'd5' reads mutable global 'gl'}} expected-note 3{{'d5' declared pure here}}
[[pure]] long d6(long x) { return x + *PD; } // expected-error {{pure function 'd6' reads mutable global 'gl'}} expected-note {{'d6' declared pure here}}
[[pure]] long d7(long x) { return x + *PI; } // expected-error {{pure function 'd7' reads memory that may change through 'PI'}} expected-note {{'d7' declared pure here}}

// Accepted: the library's containers keep copies of string literals, also
// when a lambda called on the spot fills them.
const std::map<std::string_view, int> M0 = {{"a", 1}};
const std::map<std::string_view, int> M1 = [] { std::map<std::string_view, int> m; m["a"] = 1; return m; }();
const std::unordered_map<std::string_view, int> U0 = {{"a", 1}};
const std::set<std::string_view> S0 = [] { std::set<std::string_view> s; s.insert("a"); return s; }();
struct Safe { const char *name = "x"; long k = 3; };
const std::vector<Safe> VS(2);
[[pure]] long c1(long x) { return x + M0.at("a") + M1.at("a") + U0.at("a") + long(S0.count("a")); }
[[pure]] long c2(long x) { for (const auto &[k, v] : M1) x += v + long(k.size()); return x; }
[[pure]] long c3(long x) { return x + VS[1].name[0] + VS[0].k; }

struct B { long *p; B() { p = &gl; } };

// Callables handed to the library are called there, and classes of the
// program it makes run their constructors (adv106 F1, F2).
const std::vector<long *> GT = [] { // expected-note 2{{'GT' refers to 'gl' here}}
  std::vector<int> a{1};
  std::vector<long *> v(1);
  std::transform(a.begin(), a.end(), v.begin(), [](int) { return &gl; });
  return v;
}();
long *const GI = std::invoke(addr); // expected-note {{'GI' refers to 'gl' here}}
const std::tuple<B> GB; // expected-note 2{{'GB' refers to 'gl' here}}
const std::optional<B> GO = std::make_optional<B>(); // expected-note 3{{'GO' refers to 'gl' here}}
[[pure]] long h1(long x) { return x + *GT[0]; } // expected-error 2{{pure function 'h1' reads mutable global 'gl'}} expected-note 2{{'h1' declared pure here}}
[[pure]] long h2(long x) { return x + *GI; } // expected-error {{pure function 'h2' reads mutable global 'gl'}} expected-note {{'h2' declared pure here}}
[[pure]] long h3(long x) { return x + *std::get<0>(GB).p; } // expected-error 2{{pure function 'h3' reads mutable global 'gl'}} expected-note 2{{'h3' declared pure here}}
[[pure]] long h4(long x) { return x + *GO->p; } // expected-error 3{{pure function 'h4' reads mutable global 'gl'}} expected-note 3{{'h4' declared pure here}}

// Accepted: a lambda that computes values.
const std::vector<long> Squares = [] {
  std::vector<long> v(8);
  std::transform(v.begin(), v.end(), v.begin(), [](long) { return 4L; });
  return v;
}();
[[pure]] long h5(long x) { return x + Squares[3]; }

// An object created const (nothing mutable in it) is no one's to write,
// not even through a `const_cast`: accepted (adv106 F3, a false error).
// One created non-const may be written by whoever casts the const away.
struct Cfg { int k = 3; const char *name = "x"; };
const std::unique_ptr<const Cfg> UC = std::make_unique<const Cfg>();
const std::shared_ptr<const long> SC = std::make_shared<const long>(3);
const long *const NC = new const long(4);
const long &RN = *new long(5); // expected-note {{'RN' is 'const', but what it refers to is not known to be constant}}
[[pure]] long k1(long x) { return x + UC->k + UC->name[0] + *SC + *NC; }
[[pure]] long k2(long x) { return x + RN; } // expected-error {{pure function 'k2' reads memory that may change through 'RN'}} expected-note {{'k2' declared pure here}}

int main() {}
