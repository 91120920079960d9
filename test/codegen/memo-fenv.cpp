// A memoized function whose result depends on the rounding mode, called with
// the same arguments under FE_TONEAREST, FE_UPWARD, FE_DOWNWARD and again
// FE_TONEAREST: each call gets the value the serial program computes under
// the caller's mode — never one cached under another mode, neither from
// memory nor from the disk store of the first run (purecc/memo_fenv.h). The
// sums call it from the parallel reduction's worker threads, which run under
// the spawner's mode (purecc/branch_fenv.h).
// RUN: rm -rf %t.cache
// RUN: env PURECC_CACHE_DIR=%t.cache PURECC_MEMO=disk PURECC_MEMO_MIN_MS=0 %e2e %s %t | FileCheck %s
// RUN: env PURECC_CACHE_DIR=%t.cache PURECC_MEMO=disk %t.g++-12 | FileCheck %s
// RUN: env PURECC_CACHE_DIR=%t.cache PURECC_MEMO=disk %t.clang++-19 | FileCheck %s

#include <bit>
#include <cfenv>
#include <cstdint>
#include <cstdio>

[[pure]] [[purecc::memo]] double third(double x) { return x / 3.0; }

// The low bits of a rounded value: they move with the mode, and a sum of
// integers is exact, so the parallel reduction's order cannot change it. The
// inner loop makes the terms heavy enough for the outer loop to become a
// parallel reduction.
[[pure]] long term(long k) {
  double t = third(1.0 / double(k));
  for (long j = 1; j <= 200; ++j)
    t += 1.0 / double(k * j);
  return static_cast<long>(std::bit_cast<std::uint64_t>(t) & 0xFFFFu);
}

static void show(const char *mode, double one) {
  long s = 0;
  for (long k = 1; k <= 2000; ++k)
    s += term(k);
  std::printf("%s %a %ld\n", mode, third(one), s);
}

int main() {
  volatile double seed = 1.0; // not a constant: the division happens at run time
  const double one = seed;
  show("nearest", one);
  std::fesetround(FE_UPWARD);
  show("upward", one);
  std::fesetround(FE_DOWNWARD);
  show("downward", one);
  std::fesetround(FE_TONEAREST);
  show("nearest", one);
  return 0;
}
// CHECK:      nearest 0x1.5555555555555p-2 63304791
// CHECK-NEXT: upward 0x1.5555555555556p-2 63483548
// CHECK-NEXT: downward 0x1.5555555555555p-2 63135737
// CHECK-NEXT: nearest 0x1.5555555555555p-2 63304791
