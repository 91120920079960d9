// RUN: %purecc check %s -- -std=c++20 -Xclang -verify -ferror-limit=0
//
// R2, the elements of a `const` global that refers to mutable memory:
// reached by a range-for, an iterator, a local copy of a pointer, or
// through a local reference, they are still what the global designates
// (adv101 F1: `for (long *p : GA) x += *p` was accepted, and a memoized
// function over a `const std::vector<long *>` answered with a stale sum).
// A block a `std::unique_ptr` owns is its object's, but not when the object
// is a const global's element: the program may write it (`*GU[0] = 100`).
// A dynamic initializer is followed into the program's `constexpr`
// functions it calls, lambdas called on the spot included (adv101 F2:
// `long *const LP = [] { return addr(); }();` was taken for a constant).
// Globals over constants stay constants.
#include <map>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

long gl = 1;
long garr[3] = {1, 2, 3};
char gbuf[4] = "abc";
long *addr() { return &gl; }
std::vector<std::unique_ptr<long>> make();

long *const GA[] = {&gl}; // expected-note 2{{'GA' refers to 'gl' here}}
const std::vector<long *> GVP = {&gl}; // expected-note 7{{'GVP' refers to 'gl' here}}
const std::map<int, long *> GM = {{1, &gl}}; // expected-note 3{{'GM' refers to 'gl' here}}
const std::span<long> GS(garr); // expected-note {{'GS' refers to 'garr' here}}
const std::string_view GV(gbuf, 3); // expected-note {{'GV' refers to 'gbuf' here}}
const std::vector<std::unique_ptr<long>> GU = make(); // expected-note 5{{'GU' is 'const', but what it refers to is not known to be constant}}
const std::vector<std::shared_ptr<long>> GSH = {std::make_shared<long>(1)}; // expected-note 3{{'GSH' is 'const', but what it refers to is not known to be constant}}

[[pure]] long e1(long x) { for (long *p : GA) x += *p; return x; } // expected-error {{pure function 'e1' reads mutable global 'gl'}} expected-note {{'e1' declared pure here}}
[[pure]] long e2(long x) { for (long *p : GVP) x += *p; return x; } // expected-error 2{{pure function 'e2' reads mutable global 'gl'}} expected-note 2{{'e2' declared pure here}}
[[pure]] long e3(long x) { const auto &r = GVP; for (long *p : r) x += *p; return x; } // expected-error 2{{pure function 'e3' reads mutable global 'gl'}} expected-note 2{{'e3' declared pure here}}
[[pure]] long e4(long x) { for (auto [k, p] : GM) x += k + *p; return x; } // expected-error {{pure function 'e4' reads mutable global 'gl'}} expected-note {{'e4' declared pure here}}
[[pure]] long e5(long x) { for (const auto &kv : GM) x += *kv.second; return x; } // expected-error 2{{pure function 'e5' reads mutable global 'gl'}} expected-note 2{{'e5' declared pure here}}
[[pure]] long e6(long x) { for (long v : GS) x += v; return x; } // expected-error {{pure function 'e6' reads mutable global 'garr'}} expected-note {{'e6' declared pure here}}
[[pure]] long e7(long x) { for (char c : GV) x += c; return x; } // expected-error {{pure function 'e7' reads mutable global 'gbuf'}} expected-note {{'e7' declared pure here}}
[[pure]] long e8(long x) { for (const auto &p : GU) x += *p; return x; } // expected-error 3{{pure function 'e8' reads memory that may change through 'GU'}} expected-note 3{{'e8' declared pure here}}
[[pure]] long e9(long x) { for (const auto &p : GSH) x += *p; return x; } // expected-error 3{{pure function 'e9' reads memory that may change through 'GSH'}} expected-note 3{{'e9' declared pure here}}
[[pure]] long e10(long x) { long *p = GA[0]; return x + *p; } // expected-error {{pure function 'e10' reads mutable global 'gl'}} expected-note {{'e10' declared pure here}}
[[pure]] long e11(long x) { long *p = GVP.front(); return x + *p; } // expected-error 3{{pure function 'e11' reads mutable global 'gl'}} expected-note 3{{'e11' declared pure here}}
[[pure]] long e12(long x) { const auto &r = GU; return x + *r[0]; } // expected-error 2{{pure function 'e12' reads memory that may change through 'GU'}} expected-note 2{{'e12' declared pure here}}

long *const LP = [] { return addr(); }(); // expected-note {{'LP' refers to 'gl' here}}
long *const LN = [] { return new long(1); }(); // expected-note {{'LN' is 'const', but what it refers to is not known to be constant}}
const std::vector<long *> LV = [] { std::vector<long *> v; v.push_back(new long(2)); return v; }(); // expected-note 2{{'LV' is 'const', but what it refers to is not known to be constant}}
constexpr long *pick(bool b) { return b ? nullptr : addr(); }
long *const PK = pick(false); // expected-note {{'PK' refers to 'gl' here}}

[[pure]] long i1(long x) { return x + *LP; } // expected-error {{pure function 'i1' reads mutable global 'gl'}} expected-note {{'i1' declared pure here}}
[[pure]] long i2(long x) { return x + *LN; } // expected-error {{pure function 'i2' reads memory that may change through 'LN'}} expected-note {{'i2' declared pure here}}
[[pure]] long i3(long x) { return x + *LV[0]; } // expected-error 2{{pure function 'i3' reads memory that may change through 'LV'}} expected-note 2{{'i3' declared pure here}}
[[pure]] long i4(long x) { return x + *PK; } // expected-error {{pure function 'i4' reads mutable global 'gl'}} expected-note {{'i4' declared pure here}}

constexpr long kSeven = 7;
const long K2 = 2;
constexpr const char *kNames[] = {"ab", "c"};
const std::vector<long> CV = {1, 2};
const std::string_view SV = "abc";
const long *const KP[] = {&kSeven, &K2};
const std::vector<const char *> VN = {"q", "rr"};

[[pure]] long c1(long x) { for (const char *s : kNames) x += s[0]; return x; }
[[pure]] long c2(long x) { for (long v : CV) x += v; return x; }
[[pure]] long c3(long x) { for (char c : SV) x += c; return x; }
[[pure]] long c4(long x) { for (const long *p : KP) x += *p; return x; }
[[pure]] long c5(long x) { for (const char *s : VN) x += s[0]; return x; }
[[pure]] long c6(long x) { const auto &r = CV; return x + r[0]; }

int main() {}
