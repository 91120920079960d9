// A memoized function that reads through a const global referring to a
// mutable one (a lifetime-extended temporary holding a pointer, or a
// structured binding at namespace scope) is not pure: with the target a
// mutable global the checker refuses it, so no cache can serve the answer
// from before `gl = 5` (adv24 S1: it returned 10 after the write). With the
// target a constant the same shapes are accepted.
// RUN: not %purecc rewrite %s -o %t.bad.cpp -- -std=c++20 -DTARGET=gl 2>&1 | FileCheck %s --check-prefix=ERR --implicit-check-not=error:
// With constant targets, the reference is memoized and answers as the
// serial program does. The structured bindings are refused for another
// reason: clang++ 19 crashes (a segfault) on a lambda that names a
// structured binding at namespace scope under -fopenmp, and the memoized
// body goes into a lambda (codegen/PlaceNames.h, globalBindingReason).
// RUN: not %purecc rewrite %s -o %t.const.cpp -- -std=c++20 2>&1 | FileCheck %s --check-prefix=CONST --implicit-check-not=error:
// RUN: env E2E_CPPFLAGS=-DNO_BINDINGS %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>

#ifndef TARGET
#define TARGET kc
#endif

long gl = 1;
constexpr long kc = 2;
struct Holder { const long *p; };
const Holder &HR = Holder{&TARGET};
#ifndef NO_BINDINGS
const auto [sp] = Holder{&TARGET};
const auto &[rb] = Holder{&TARGET};
#endif

// ERR-COUNT-2: memo-const-indirection.cpp:[[@LINE+1]]:{{[0-9]+}}: error: pure function 'm1' reads mutable global 'gl' [purecc-global-read]
[[pure, purecc::memo]] long m1(long x) { return *HR.p * x; }
#ifndef NO_BINDINGS
// ERR: memo-const-indirection.cpp:[[@LINE+2]]:{{[0-9]+}}: error: pure function 'm2' reads mutable global 'gl' [purecc-global-read]
// CONST: memo-const-indirection.cpp:[[@LINE+1]]:{{[0-9]+}}: error: cannot memoize 'm2': its body uses 'sp', a structured binding at namespace scope, which clang++ 19 cannot name inside a lambda under '-fopenmp' [purecc-memo-unsupported]
[[pure, purecc::memo]] long m2(long x) { return *sp * x; }
// ERR-COUNT-2: memo-const-indirection.cpp:[[@LINE+2]]:{{[0-9]+}}: error: pure function 'm3' reads mutable global 'gl' [purecc-global-read]
// CONST: memo-const-indirection.cpp:[[@LINE+1]]:{{[0-9]+}}: error: cannot memoize 'm3': its body uses 'rb', a structured binding at namespace scope, which clang++ 19 cannot name inside a lambda under '-fopenmp' [purecc-memo-unsupported]
[[pure, purecc::memo]] long m3(long x) { return *rb * x; }
#else
long m2(long x) { return x * 2; }
long m3(long x) { return x * 2; }
#endif

int main() {
  long a1 = m1(10), a2 = m2(10), a3 = m3(10);
  gl = 5;
  long b1 = m1(10), b2 = m2(10), b3 = m3(10);
  std::printf("%ld %ld %ld / %ld %ld %ld\n", a1, a2, a3, b1, b2, b3);
}
// OUT: 20 20 20 / 20 20 20
