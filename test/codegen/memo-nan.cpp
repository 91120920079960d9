// Memo keys hold floating-point arguments by their exact bits: f(+NaN),
// f(-NaN), NaNs with other payloads, +0.0 and -0.0 are different calls, so a
// memoized function that looks at signbit or at a NaN's payload gets its own
// argument's answer; results keep their bits through the memory and disk
// tiers (a cached -NaN comes back as -NaN). Every run after the first finds
// the results on disk.
// RUN: rm -rf %t.cache
// RUN: env PURECC_CACHE_DIR=%t.cache PURECC_MEMO=disk PURECC_MEMO_MIN_MS=0 %e2e %s %t | FileCheck %s
// RUN: env PURECC_CACHE_DIR=%t.cache PURECC_MEMO=disk PURECC_STATS=1 %t.g++-12 2>&1 | FileCheck %s --check-prefixes=CHECK,SECOND

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>

[[pure]] [[purecc::memo]] int sign_of(double x) { return std::signbit(x) ? -1 : 1; }

[[pure]] [[purecc::memo]] int sign_of_float(float x) { return std::signbit(x) ? -1 : 1; }

[[pure]] [[purecc::memo]] int sign_of_long(long double x) { return std::signbit(x) ? -1 : 1; }

// The payload: the low mantissa bits.
[[pure]] [[purecc::memo]] unsigned long payload(double x) {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &x, sizeof bits);
  return static_cast<unsigned long>(bits & 0xFFFFu);
}

[[pure]] [[purecc::memo]] double negate(double x) { return -x; }

static double with_bits(std::uint64_t bits) {
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

int main() {
  const double q = std::numeric_limits<double>::quiet_NaN();
  const double nans[] = {q, -q, with_bits(0x7ff8000000000001u), with_bits(0xfff800000000002au)};
  for (int round = 0; round < 2; ++round) {
    for (double x : nans)
      std::printf("%d:%lu ", sign_of(x), payload(x));
    std::printf("| %d %d | %d %d | %d %d |", sign_of(0.0), sign_of(-0.0),
                sign_of_float(std::numeric_limits<float>::quiet_NaN()),
                sign_of_float(-std::numeric_limits<float>::quiet_NaN()),
                sign_of_long(-std::numeric_limits<long double>::quiet_NaN()),
                sign_of_long(std::numeric_limits<long double>::quiet_NaN()));
    // The result's own sign: -(+NaN) is -NaN, -(-NaN) is +NaN, also when cached.
    std::printf(" %d %d %d\n", std::signbit(negate(q)) ? 1 : 0, std::signbit(negate(-q)) ? 1 : 0,
                std::signbit(negate(-0.0)) ? 1 : 0);
  }
  return 0;
}
// CHECK: 1:0 -1:0 1:1 -1:42 | 1 -1 | 1 -1 | -1 1 | 1 0 0
// CHECK-NEXT: 1:0 -1:0 1:1 -1:42 | 1 -1 | 1 -1 | -1 1 | 1 0 0
// The second process computed nothing.
// SECOND:      {{^}}  sign_of{{ +}}12{{ +}}6{{ +}}6{{ +}}0{{ }}
