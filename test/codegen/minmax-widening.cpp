// A max/min reduction whose terms are of a narrower type than the
// accumulator: each step compares and stores the term converted to the
// accumulator's type. Where that conversion is exact and keeps the order of
// every value (`unsigned short` into `unsigned`, `int` into `long` or
// `double`, `float` into `double`: NaN stays NaN, -0.0 stays -0.0), the max
// of the converted terms is the converted max, and the tree over the
// accumulator's type picks the same term as the loop. A conversion that
// changes values (signed into unsigned, `long` or `int` into a floating
// type without the digits, any narrowing) stays serial with a remark.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s --strict-whitespace
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cmath>
#include <cstdio>

#pragma GCC diagnostic ignored "-Wsign-compare"

[[pure]] unsigned short word(long i) {
  long s = 0;
  for (long k = 0; k < 30; ++k)
    s += (i * 7 + k * 13) % 1000;
  return static_cast<unsigned short>(s * 3 + (i == 2917 ? 40000 : 0));
}
[[pure]] int small(long i) { return static_cast<int>((i * 7919) % 20011) - 10000 - (i == 4321 ? 2000000000 : 0); }
// NaN, -0.0, +0.0, -inf and ordinary values, in float.
[[pure]] float odd(long i) {
  switch (i % 7) {
  case 0: return -0.0f;
  case 1: return std::sqrt(-1.0f - static_cast<float>(i % 2)); // NaN
  case 2: return 0.0f;
  case 3: return -std::numeric_limits<float>::infinity();
  case 4: return i == 4 ? std::numeric_limits<float>::max() : -static_cast<float>(i % 100);
  default: return -0.0f;
  }
}
[[pure]] float zeros(long i) { return i % 3 == 1 ? 0.0f : -0.0f; }
[[pure]] long big(long i) { return (1L << 53) + 1 - (i % 2); }

int main() {
  const long n = 5003;
  unsigned hi = 0;
  for (long i = 0; i < n; ++i) {
    unsigned short w = word(i);
    if (w > hi)
      hi = w;
  }
  // CHECK: {{^}}  hi = (std::max)(hi, ::purecc::parallel_reduce(0, n, std::numeric_limits<unsigned int>::lowest(), [&](std::int64_t i) -> unsigned int { unsigned int purecc_acc_{{[0-9]+}} = std::numeric_limits<unsigned int>::lowest(); {
  // REMARK: minmax-widening.cpp:[[@LINE-6]]:3: remark: loop rewritten as a parallel reduction of 'hi' [purecc-reduction]
  std::printf("unsigned short into unsigned: %u\n", hi);
  // OUT: unsigned short into unsigned: 65535

  long lo = 0;
  for (long i = 0; i < n; ++i)
    lo = std::min<long>(lo, small(i));
  // REMARK: minmax-widening.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'lo' [purecc-reduction]
  double dlo = HUGE_VAL;
  for (long i = 0; i < n; ++i)
    if (small(i) < dlo)
      dlo = small(i);
  // REMARK: minmax-widening.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 'dlo' [purecc-reduction]
  std::printf("int into long: %ld, into double: %.1f\n", lo, dlo);
  // OUT-NEXT: int into long: -1999990800, into double: -1999990800.0

  // Floats into doubles: a NaN term is skipped by `e > m` (the tree's
  // combine skips it the same way), the first or last of the equal zeros is
  // kept as each step keeps it.
  double first = -HUGE_VAL, last = -HUGE_VAL, least = HUGE_VAL;
  for (long i = 0; i < n; ++i) {
    float e = odd(i);
    if (e > first)
      first = e;
    if (e <= least)
      least = e;
  }
  // REMARK: minmax-widening.cpp:[[@LINE-7]]:3: remark: loop rewritten as a parallel reduction of 'first' and 'least' [purecc-reduction]
  for (long i = 0; i < n; ++i)
    if (zeros(i) >= last)
      last = zeros(i);
  // REMARK: minmax-widening.cpp:[[@LINE-3]]:3: remark: loop rewritten as a parallel reduction of 'last' [purecc-reduction]
  double firstz = -HUGE_VAL;
  for (long i = 0; i < n; ++i)
    firstz = std::max(firstz, static_cast<double>(zeros(i)));
  // REMARK: minmax-widening.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'firstz' [purecc-reduction]
  std::printf("float into double: %a %a, zeros: first %a last %a\n", first, least, firstz, last);
  // OUT-NEXT: float into double: 0x1.fffffep+127 -inf, zeros: first -0x0p+0 last 0x0p+0

  // Conversions that change values stay serial.
  unsigned uhi = 0;
  for (long i = 0; i < n; ++i)
    if (small(i) > uhi)
      uhi = small(i);
  // REMARK: minmax-widening.cpp:[[@LINE-3]]:3: remark: loop not parallelized: each step converts 'int' to 'unsigned int' ('uhi'), which the tree order would change [purecc-missed-reduction]
  unsigned short shi = 0;
  for (long i = 0; i < n; ++i) {
    short e = static_cast<short>(small(i));
    if (e > shi)
      shi = e;
  }
  // REMARK: minmax-widening.cpp:[[@LINE-5]]:3: remark: loop not parallelized: each step converts 'short' to 'unsigned short' ('shi'), which the tree order would change [purecc-missed-reduction]
  double dhi = 0;
  for (long i = 0; i < n; ++i)
    if (big(i) > dhi)
      dhi = big(i);
  // REMARK: minmax-widening.cpp:[[@LINE-3]]:3: remark: loop not parallelized: each step converts 'long' to 'double' ('dhi'), which the tree order would change [purecc-missed-reduction]
  float fhi = 0;
  for (long i = 0; i < n; ++i)
    if (small(i) > fhi)
      fhi = small(i);
  // REMARK: minmax-widening.cpp:[[@LINE-3]]:3: remark: loop not parallelized: each step converts 'int' to 'float' ('fhi'), which the tree order would change [purecc-missed-reduction]
  short nhi = 0;
  for (long i = 0; i < n; ++i)
    if (small(i) > nhi)
      nhi = small(i);
  // REMARK: minmax-widening.cpp:[[@LINE-3]]:3: remark: loop not parallelized: each step converts 'int' to 'short' ('nhi'), which the tree order would change [purecc-missed-reduction]
  std::printf("serial: %u %u %.1f %.1f %d\n", uhi, shi, dhi, fhi, nhi);
  // OUT-NEXT: serial: 4294967295 9996 9007199254740992.0 9996.0 9996
}
