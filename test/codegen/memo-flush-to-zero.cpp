// A memoized call made under flush-to-zero / denormals-are-zero (MXCSR's FTZ
// and DAZ bits, as numeric codes set them with _mm_setcsr to avoid slow
// subnormals) computes 0 where the same call without them computes a
// subnormal: the memo key holds those bits (purecc/memo_fenv.h), so neither
// answers the other, from memory or from the disk store of the first run
// (adv32 t03).
// (x86-64 only, as the project: <xmmintrin.h>.)
// RUN: rm -rf %t.cache
// RUN: env PURECC_CACHE_DIR=%t.cache PURECC_MEMO=disk PURECC_MEMO_MIN_MS=0 %e2e %s %t | FileCheck %s
// RUN: env PURECC_CACHE_DIR=%t.cache PURECC_MEMO=disk %t.g++-12 | FileCheck %s
// RUN: env PURECC_CACHE_DIR=%t.cache PURECC_MEMO=disk %t.clang++-19 | FileCheck %s

#include <cstdio>
#include <xmmintrin.h>

[[pure]] [[purecc::memo]] double tiny(double x) {
  double s = 0;
  for (int r = 0; r < 20000; ++r)
    s = x * 0x1p-1000 + s * 0.0;
  return s * 0x1p-70;
}

int main(int argc, char **) {
  volatile double vx = 1.5 * argc; // 1.5, unknown to the compiler
  const double before = tiny(vx);
  const unsigned saved = _mm_getcsr();
  _mm_setcsr(saved | 0x8040); // FTZ | DAZ
  const double flushed = tiny(vx);
  _mm_setcsr(saved);
  const double after = tiny(vx);
  std::printf("%a %a %a\n", before, flushed, after);
}
// CHECK: 0x0.0000000000018p-1022 0x0p+0 0x0.0000000000018p-1022
