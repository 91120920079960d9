// RUN: %purecc check %s -- -std=c++20 -Xclang -verify -ferror-limit=0
//
// R2: a `const` global that refers to mutable memory is not a constant.
// `const long &GREF = gl;`, `long *const GP = &gl;`, `const std::span<long>`,
// `const std::string_view` over a `char[]`, `const std::shared_ptr<long>`:
// const is shallow, and the program may change what they designate between
// two calls (a memoized call would return a stale answer). A read through
// one is a read of its target, with a note at the global. Globals that
// refer to constants (`constexpr std::string_view`, a `const long &` to a
// `constexpr long`, string literals) stay constants, and so does reading
// the pointer or view itself (`GP == nullptr`, `GS.size()`).
#include <array>
#include <functional>
#include <memory>
#include <span>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

long gl = 1;
char gbuf[8] = "abc";
std::vector<long> gv{1, 2, 3};

const long &GREF = gl;          // expected-note {{'GREF' refers to 'gl' here}}
long *const GP = &gl;           // expected-note 2{{'GP' refers to 'gl' here}}
const long *const GCP = &gl;    // expected-note {{'GCP' refers to 'gl' here}}
constexpr long *CP = &gl;       // expected-note {{'CP' refers to 'gl' here}}
const std::span<long> GS(gv);   // expected-note {{'GS' refers to 'gv' here}}
const std::span<const long> GSC(gv); // expected-note {{'GSC' refers to 'gv' here}}
const std::string_view GV(gbuf, 3);  // expected-note 3{{'GV' refers to 'gbuf' here}}
const std::reference_wrapper<long> GR = gl; // expected-note {{'GR' refers to 'gl' here}}
const std::vector<long *> GVP{&gl}; // expected-note 2{{'GVP' refers to 'gl' here}}
const std::tuple<long &> GT{gl};    // expected-note {{'GT' refers to 'gl' here}}
const std::pair<const long &, int> GPR{gl, 1}; // expected-note {{'GPR' refers to 'gl' here}}
struct HasRef { const long &r; };
const HasRef GH{gl};                // expected-note 2{{'GH' refers to 'gl' here}}
struct HasPtr { const long *p; };
constexpr HasPtr GHP{&gl};          // expected-note 4{{'GHP' refers to 'gl' here}}
const std::shared_ptr<long> GSP = std::make_shared<long>(1); // expected-note 3{{'GSP' is 'const', but what it refers to is not known to be constant}}
long *const GNEW = new long(3);     // expected-note {{'GNEW' is 'const', but what it refers to is not known to be constant}}
const long &GREF2 = GREF;           // expected-note {{'GREF2' refers to 'gl' here}}
struct S { static long *const p; };
long *const S::p = &gl;             // expected-note {{'p' refers to 'gl' here}}

[[pure]] long r1() { return GREF; } // expected-note {{'r1' declared pure here}} expected-error {{pure function 'r1' reads mutable global 'gl' [purecc-global-read]}}
[[pure]] long r2() { return *GP; } // expected-note {{'r2' declared pure here}} expected-error {{pure function 'r2' reads mutable global 'gl'}}
[[pure]] long r3() { return *GCP; } // expected-note {{'r3' declared pure here}} expected-error {{pure function 'r3' reads mutable global 'gl'}}
[[pure]] long r4() { return *CP; } // expected-note {{'r4' declared pure here}} expected-error {{pure function 'r4' reads mutable global 'gl'}}
[[pure]] long r5() { return GS[0]; } // expected-note {{'r5' declared pure here}} expected-error {{pure function 'r5' reads mutable global 'gv'}}
[[pure]] long r6() { return GSC[1]; } // expected-note {{'r6' declared pure here}} expected-error {{pure function 'r6' reads mutable global 'gv'}}
[[pure]] long r7() { return GV[0]; } // expected-note {{'r7' declared pure here}} expected-error {{pure function 'r7' reads mutable global 'gbuf'}}
[[pure]] long r8() { return GR.get(); } // expected-note {{'r8' declared pure here}} expected-error {{pure function 'r8' reads mutable global 'gl'}}
// Reported twice (the library call's object, and its result): one line, one fix.
[[pure]] long r9() { return *GVP[0]; } // expected-note 2{{'r9' declared pure here}} expected-error 2{{pure function 'r9' reads mutable global 'gl'}}
[[pure]] long r10() { return std::get<0>(GT); } // expected-note {{'r10' declared pure here}} expected-error {{pure function 'r10' reads mutable global 'gl'}}
[[pure]] long r11() { return GPR.first; } // expected-note {{'r11' declared pure here}} expected-error {{pure function 'r11' reads mutable global 'gl'}}
[[pure]] long r12() { return GH.r; } // expected-note {{'r12' declared pure here}} expected-error {{pure function 'r12' reads mutable global 'gl'}}
[[pure]] long r13() { return *GHP.p; } // expected-note {{'r13' declared pure here}} expected-error {{pure function 'r13' reads mutable global 'gl'}}
[[pure]] long r14() { return *GSP; } // expected-note 2{{'r14' declared pure here}} expected-error 2{{pure function 'r14' reads memory that may change through 'GSP'}}
[[pure]] long r15() { return GSP.use_count(); } // expected-note 2{{'r15' declared pure here}} expected-error {{pure function 'r15' reads memory that may change through 'GSP'}} expected-error {{pure function 'r15' calls 'std::shared_ptr<long>::use_count', which reads the count of owners}}
[[pure]] long r16() { return *GNEW; } // expected-note {{'r16' declared pure here}} expected-error {{pure function 'r16' reads memory that may change through 'GNEW'}}
[[pure]] long r17() { return GREF2 + 1; } // expected-note {{'r17' declared pure here}} expected-error {{pure function 'r17' reads mutable global 'gl'}}
[[pure]] long r18() { return *S::p; } // expected-note {{'r18' declared pure here}} expected-error {{pure function 'r18' reads mutable global 'gl'}}
// Copied into a local first: still a read of what it designates.
[[pure]] long r19() { long *q = GP; return *q; } // expected-note {{'r19' declared pure here}} expected-error {{pure function 'r19' reads mutable global 'gl'}}
// Handed whole to a call that reads what it designates.
[[pure]] long first(std::string_view v) { return v.empty() ? 0 : v[0]; }
[[pure]] long r20() { return (long)GV.find('b'); } // expected-note {{'r20' declared pure here}} expected-error {{pure function 'r20' reads mutable global 'gbuf'}}
[[pure]] long r21() { return first(GV); } // expected-note {{'r21' declared pure here}} expected-error {{pure function 'r21' reads mutable global 'gbuf'}}

// A const temporary the global keeps alive, and structured bindings at
// namespace scope (their hidden variable holds the initializer): const is
// shallow there too. A read through a reference to such a temporary is
// reported twice (loading the pointer, then reading through it): one line,
// one fix.
struct Holder { long *p; };
struct RefHolder { const Holder &h; };
struct P2 { long a; long b; };
const Holder &HR = Holder{&gl};      // expected-note 2{{'HR' refers to 'gl' here}}
const auto [sp] = Holder{&gl};       // expected-note {{'sp' refers to 'gl' here}}
const auto &[rb] = Holder{&gl};      // expected-note 2{{'rb' refers to 'gl' here}}
const RefHolder NR{Holder{&gl}};     // expected-note 2{{'NR' refers to 'gl' here}}
const Holder &HRC = true ? Holder{&gl} : Holder{nullptr}; // expected-note 2{{'HRC' refers to 'gl' here}}
long *const &RP = &gl;               // expected-note 2{{'RP' refers to 'gl' here}}
const std::pair<long *, long> &PR = {&gl, 1}; // expected-note 2{{'PR' refers to 'gl' here}}
const Holder HA[2] = {{nullptr}, {&gl}}; // expected-note {{'HA' refers to 'gl' here}}
struct SM { static inline const Holder &ir = Holder{&gl}; }; // expected-note 2{{'ir' refers to 'gl' here}}
template <class T> const Holder VT{&gl}; // expected-note {{'VT<int>' refers to 'gl' here}}
auto [ma, mb] = P2{1, 2};

[[pure]] long t1(long x) { return *HR.p * x; } // expected-note 2{{'t1' declared pure here}} expected-error 2{{pure function 't1' reads mutable global 'gl'}}
[[pure]] long t2(long x) { return *sp * x; } // expected-note {{'t2' declared pure here}} expected-error {{pure function 't2' reads mutable global 'gl'}}
[[pure]] long t3(long x) { return *rb * x; } // expected-note 2{{'t3' declared pure here}} expected-error 2{{pure function 't3' reads mutable global 'gl'}}
[[pure]] long t4() { return *NR.h.p; } // expected-note 2{{'t4' declared pure here}} expected-error 2{{pure function 't4' reads mutable global 'gl'}}
[[pure]] long t5() { return *HRC.p; } // expected-note 2{{'t5' declared pure here}} expected-error 2{{pure function 't5' reads mutable global 'gl'}}
[[pure]] long t6() { return *RP; } // expected-note 2{{'t6' declared pure here}} expected-error 2{{pure function 't6' reads mutable global 'gl'}}
[[pure]] long t7() { return *PR.first; } // expected-note 2{{'t7' declared pure here}} expected-error 2{{pure function 't7' reads mutable global 'gl'}}
[[pure]] long t8() { return *HA[1].p; } // expected-note {{'t8' declared pure here}} expected-error {{pure function 't8' reads mutable global 'gl'}}
[[pure]] long t9() { return *SM::ir.p; } // expected-note 2{{'t9' declared pure here}} expected-error 2{{pure function 't9' reads mutable global 'gl'}}
[[pure]] long t10() { return *VT<int>.p; } // expected-note {{'t10' declared pure here}} expected-error {{pure function 't10' reads mutable global 'gl'}}
// A mutable structured binding is named as written, not '[ma, mb]'.
[[pure]] long t11(long x) { return ma * x; } // expected-note {{'t11' declared pure here}} expected-error {{pure function 't11' reads mutable global 'ma'}}
[[pure]] long t12(long x) { mb += x; return 0; } // expected-note {{'t12' declared pure here}} expected-error {{pure function 't12' writes to global 'mb'}}

// Accepted: globals that refer to constants, owning containers, and the
// pointer or view itself.
constexpr long kBase = 4;
const long kTen = 10;
const long &kRef = kBase;
const long &kTenRef = kTen;
const long *const kPtr = &kBase;
constexpr std::string_view kName = "abc";
const std::string_view kName2 = "xyz";
constexpr std::array<long, 3> kArr{1, 2, 3};
static constexpr const char *kNames[] = {"a", "b"};
const char *const kGreeting = "hello";
const std::vector<long> kTable = {1, 2, 3};
constexpr std::span<const long> kArrView(kArr);
const std::tuple<const long &> kTup{kBase};
const long &kTemp = 5;
struct Node { long v; const Node *next; };
const Holder &kNullRef = Holder{nullptr};
constexpr long kSeven = 7;
const long *const &kRefToPtr = &kSeven;
const auto [kA, kB] = P2{1, 2};
const auto &[kC] = Holder{nullptr};
constexpr Node kN2{2, nullptr};
constexpr Node kN1{1, &kN2};

[[pure]] long a1() { return kRef + kTenRef + *kPtr; }
[[pure]] long a2() { return (long)kName.size() + kName[0] + kName2[1]; }
[[pure]] long a3() { return kArr[1] + kNames[1][0] + kGreeting[0]; }
[[pure]] long a4() { return kTable[2] + kArrView[0] + std::get<0>(kTup) + kTemp; }
[[pure]] long a5() { return kN1.next->v; }
[[pure]] bool a6() { return GP == nullptr; }
[[pure]] long a7() { return (long)GS.size() + (long)GV.size(); }
[[pure]] bool a8() { return GSP != nullptr; }
[[pure]] long a9() { return first(kName) + first(kName2); }
[[pure]] long a10() { return (kNullRef.p == nullptr) + *kRefToPtr + kA + kB + (kC == nullptr); }

// A const global's pointer handed by value to a user function that reads
// through it, also as a default argument (adv24 S3): judged at the
// argument, where the caller hands the mutable memory over. A user function
// named like a library accessor (`get`, `size`) reads what it likes.
long gl3 = 1;
long *const GP3 = &gl3;              // expected-note 3{{'GP3' refers to 'gl3' here}}
constexpr long *CP3 = &gl3;          // expected-note {{'CP3' refers to 'gl3' here}}
[[pure]] long get(const long *p) { return *p; }
[[pure]] long size(const long *p) { return *p; }
[[pure]] long viaDefault(const long *p = GP3) { return *p; } // expected-error {{pure function 'u3' reads mutable global 'gl3'}}
[[pure]] long u1(long x) { return get(GP3) * x; } // expected-note {{'u1' declared pure here}} expected-error {{pure function 'u1' reads mutable global 'gl3'}}
[[pure]] long u2(long x) { return get(CP3) * x; } // expected-note {{'u2' declared pure here}} expected-error {{pure function 'u2' reads mutable global 'gl3'}}
[[pure]] long u3(long x) { return viaDefault() * x; } // expected-note {{'u3' declared pure here}} expected-note {{in the default argument of parameter 'p', used here}}
[[pure]] long u4(long x) { return size(GP3) * x; } // expected-note {{'u4' declared pure here}} expected-error {{pure function 'u4' reads mutable global 'gl3'}}
[[pure]] long u5(long x) { return get(GHP.p) * x; } // expected-note {{'u5' declared pure here}} expected-error {{pure function 'u5' reads mutable global 'gl'}}

// The lvalue of a const global's target carried further before the read
// (adv24 S9): a local reference or pointer, `&`, `?:`, the library handing
// its argument back, a function returning it. Each reads the target.
long gl4 = 1;
const long &GREF4 = gl4;             // expected-note 11{{'GREF4' refers to 'gl4' here}}
long *const GP4 = &gl4;              // expected-note 4{{'GP4' refers to 'gl4' here}}
[[pure]] const long &getref() { return GREF4; }
[[pure]] const long *getptr() { return GP4; }
[[pure]] const long &same(const long &r) { return r; }
[[pure]] long v1(long x) { const long &loc = GREF4; return loc * x; } // expected-note {{'v1' declared pure here}} expected-error {{pure function 'v1' reads mutable global 'gl4'}}
[[pure]] long v2(long x) { const long *p = &GREF4; return *p * x; } // expected-note {{'v2' declared pure here}} expected-error {{pure function 'v2' reads mutable global 'gl4'}}
[[pure]] long v3(long x) { auto *const *pp = &GP4; return **pp * x; } // expected-note {{'v3' declared pure here}} expected-error {{pure function 'v3' reads mutable global 'gl4'}}
[[pure]] long v4(long x) { return *std::addressof(GREF4) * x; } // expected-note {{'v4' declared pure here}} expected-error {{pure function 'v4' reads mutable global 'gl4'}}
[[pure]] long v5(long x) { return std::cref(GREF4).get() * x; } // expected-note {{'v5' declared pure here}} expected-error {{pure function 'v5' reads mutable global 'gl4'}}
[[pure]] long v6(long x) { decltype(auto) r = (GREF4); return r * x; } // expected-note {{'v6' declared pure here}} expected-error {{pure function 'v6' reads mutable global 'gl4'}}
[[pure]] long v7(long x) { const long &a = x > 0 ? GREF4 : x; return a * x; } // expected-note {{'v7' declared pure here}} expected-error {{pure function 'v7' reads mutable global 'gl4'}}
[[pure]] long v8(long x) { return getref() * x; } // expected-note {{'v8' declared pure here}} expected-error {{pure function 'v8' reads mutable global 'gl4'}}
[[pure]] long v9(long x) { return *getptr() * x; } // expected-note {{'v9' declared pure here}} expected-error {{pure function 'v9' reads mutable global 'gl4'}}
[[pure]] long v10(long x) { const long &r = getref(); return r * x; } // expected-note {{'v10' declared pure here}} expected-error {{pure function 'v10' reads mutable global 'gl4'}}
[[pure]] long v11(long x) { auto &&r = GREF4; return same(r) * x; } // expected-note {{'v11' declared pure here}} expected-error {{pure function 'v11' reads mutable global 'gl4'}}
[[pure]] long v12(long x) { const long *const &q = GP4; return *q * x; } // expected-note {{'v12' declared pure here}} expected-error {{pure function 'v12' reads mutable global 'gl4'}}
[[pure]] long v13(long x) { const long *p = x > 0 ? GP4 : &x; return p[0] * x; } // expected-note {{'v13' declared pure here}} expected-error {{pure function 'v13' reads mutable global 'gl4'}}
[[pure]] long v14(long x) { return same(GREF4) * x; } // expected-note {{'v14' declared pure here}} expected-error {{pure function 'v14' reads mutable global 'gl4'}}
[[pure]] long v15(long x) { return *std::addressof(std::as_const(GREF4)) * x; } // expected-note {{'v15' declared pure here}} expected-error {{pure function 'v15' reads mutable global 'gl4'}}
// A const struct holding the pointer or reference, reached through a local.
[[pure]] long v16(long x) { const HasPtr &h = GHP; return *h.p * x; } // expected-note {{'v16' declared pure here}} expected-error {{pure function 'v16' reads mutable global 'gl'}}
[[pure]] long v17(long x) { auto p = &GHP; return *p->p * x; } // expected-note {{'v17' declared pure here}} expected-error {{pure function 'v17' reads mutable global 'gl'}}
[[pure]] long v18(long x) { const HasRef &h = GH; return h.r * x; } // expected-note {{'v18' declared pure here}} expected-error {{pure function 'v18' reads mutable global 'gl'}}

// Accepted: the same shapes over constants, and a pure function handing
// back (a reference to) its own argument.
const long *const kPtr3 = &kSeven;
const long &kRef3 = kSeven;
[[pure]] long viaConst(const long *p = kPtr3) { return *p; }
[[pure]] const long &kref() { return kRef3; }
[[pure]] long b1(long x) { return get(kPtr3) * x + get(&kSeven) + viaConst() + size(kPtr3); }
[[pure]] long b2(long x) { const long &loc = kSeven; const long &loc2 = kRef3; return loc * loc2 * x; }
[[pure]] long b3(long x) { const long *p = &kRef3; auto *const *pp = &kPtr3; return *p + **pp + x; }
[[pure]] long b4(long x) { return same(x) + same(kSeven) + kref() + *std::addressof(kRef3); }
[[pure]] long b5(long x) { const long &a = x > 0 ? kRef3 : x; return a + std::cref(kRef3).get(); }
[[pure]] long b6(long x) { return (GP4 != nullptr) + (&GREF4 == &x) + x; }

int main() {}
