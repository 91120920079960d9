// A memoized function that reads a mutable global through a const global
// that designates it, where the pointer or reference is carried before the
// read: passed by value to a user function (or as its default argument),
// bound to a local reference, its address taken, handed back by
// `std::addressof`/`std::cref`, a `?:`, or a pure function returning it
// (adv24 S3/S9: each returned 10 after `gl = 5` from the memo cache). With
// the target the mutable 'gl' the checker refuses every one, at the
// argument or read that reaches 'gl'; with the target a constant the same
// shapes are accepted, and the memoized program prints what the serial one
// does.
// RUN: not %purecc rewrite %s -o %t.bad.cpp -- -std=c++20 -DTARGET=gl 2>&1 | FileCheck %s --check-prefix=ERR --implicit-check-not=error:
// RUN: rm -rf %t.cache
// RUN: env PURECC_CACHE_DIR=%t.cache PURECC_MEMO_MIN_MS=0 %e2e %s %t | FileCheck %s

#include <cstdio>
#include <functional>
#include <memory>

#ifndef TARGET
#define TARGET kc
#endif

long gl = 1;
constexpr long kc = 2;
const long &GREF = TARGET;
const long *const GP = &TARGET;
constexpr const long *CP = &TARGET;

[[pure]] long get(const long *p) { return *p; }
[[pure]] long g2(const long *p = GP) { return *p; }
[[pure]] const long &getref() { return GREF; }
[[pure]] const long *getptr() { return GP; }

// By value to a user function, and as its default argument (S3).
// ERR: memo-const-indirection-2.cpp:[[@LINE+1]]:{{[0-9]+}}: error: pure function 'p1' reads mutable global 'gl' [purecc-global-read]
[[pure, purecc::memo]] long p1(long x) { return get(GP) * x; }
// Reported at g2's default argument, with a note at the call.
// ERR: memo-const-indirection-2.cpp:[[#@LINE-8]]:{{[0-9]+}}: error: pure function 'p2' reads mutable global 'gl' [purecc-global-read]
[[pure, purecc::memo]] long p2(long x) { return g2() * x; }
// ERR: memo-const-indirection-2.cpp:[[@LINE+1]]:{{[0-9]+}}: error: pure function 'p3' reads mutable global 'gl' [purecc-global-read]
[[pure, purecc::memo]] long p3(long x) { return get(CP) * x; }
// Carried by a local, `&`, the library, `?:` or a returned reference (S9).
// ERR: memo-const-indirection-2.cpp:[[@LINE+1]]:{{[0-9]+}}: error: pure function 'c1' reads mutable global 'gl' [purecc-global-read]
[[pure, purecc::memo]] long c1(long x) { const long &loc = GREF; return loc * x; }
// ERR: memo-const-indirection-2.cpp:[[@LINE+1]]:{{[0-9]+}}: error: pure function 'c2' reads mutable global 'gl' [purecc-global-read]
[[pure, purecc::memo]] long c2(long x) { auto *const *pp = &GP; return **pp * x; }
// ERR: memo-const-indirection-2.cpp:[[@LINE+1]]:{{[0-9]+}}: error: pure function 'c3' reads mutable global 'gl' [purecc-global-read]
[[pure, purecc::memo]] long c3(long x) { const long *p = &GREF; return *p * x; }
// ERR: memo-const-indirection-2.cpp:[[@LINE+1]]:{{[0-9]+}}: error: pure function 'c4' reads mutable global 'gl' [purecc-global-read]
[[pure, purecc::memo]] long c4(long x) { return getref() * x; }
// ERR: memo-const-indirection-2.cpp:[[@LINE+1]]:{{[0-9]+}}: error: pure function 'c5' reads mutable global 'gl' [purecc-global-read]
[[pure, purecc::memo]] long c5(long x) { return *getptr() * x; }
// ERR: memo-const-indirection-2.cpp:[[@LINE+1]]:{{[0-9]+}}: error: pure function 'c6' reads mutable global 'gl' [purecc-global-read]
[[pure, purecc::memo]] long c6(long x) { return *std::addressof(GREF) * x; }
// ERR: memo-const-indirection-2.cpp:[[@LINE+1]]:{{[0-9]+}}: error: pure function 'c7' reads mutable global 'gl' [purecc-global-read]
[[pure, purecc::memo]] long c7(long x) { return std::cref(GREF).get() * x; }
// ERR: memo-const-indirection-2.cpp:[[@LINE+1]]:{{[0-9]+}}: error: pure function 'c8' reads mutable global 'gl' [purecc-global-read]
[[pure, purecc::memo]] long c8(long x) { const long &a = x > 0 ? GREF : x; return a * x; }

void show() {
  long r[11] = {p1(10), p2(10), p3(10), c1(10), c2(10), c3(10),
                c4(10), c5(10), c6(10), c7(10), c8(10)};
  for (long v : r)
    std::printf("%ld ", v);
  std::printf("\n");
}

int main() {
  show();
  gl = 5;
  show();
}
// CHECK: 20 20 20 20 20 20 20 20 20 20 20
// CHECK-NEXT: 20 20 20 20 20 20 20 20 20 20 20
