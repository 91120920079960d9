// Parallel work runs under the floating-point environment of the thread that
// started it. Here the runtime's workers are started by a first parallel loop
// while the program rounds to nearest; then the program rounds upward. A max,
// an xor of bits and an integer sum over a rounding-dependent pure function
// must print what the serial program prints (before the fix: the workers'
// terms were rounded to nearest, ...b05p-5 where serial prints ...b07p-5),
// and a division by zero on a worker raises FE_DIVBYZERO where the serial
// program's fetestexcept after the loop sees it.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cfenv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

// A few rounded operations; the last bits depend on the rounding mode.
[[pure]] double fd(long i) {
  const double x = 1.0 / (3.0 + double(i));
  double s = 0.0;
  for (int k = 1; k <= 60; ++k)
    s += x / k;
  return s;
}
[[pure]] std::uint64_t bits(long i) {
  const double v = fd(i);
  std::uint64_t b = 0;
  std::memcpy(&b, &v, sizeof b);
  return b;
}
// 1 - (1 + a tiny term): -0x1p-52 rounding upward, 0 rounding to nearest
// (plus 0 * fd(i), to make the term worth sharing).
[[pure]] double shortfall(long i) {
  const double a = 1.0 + 1e-17 * double(1 + i % 7);
  return (1.0 - a) + 0.0 * fd(i);
}
// 1/0 at i == 5 (the left half of the range, which the spawner hands out).
[[pure]] double inverse(long i) { return fd(i) / double(i - 5); }

int main() {
  const long n = 20000;
  long warm = 0;
  for (long i = 0; i < n; ++i)
    warm += static_cast<long>(bits(i) & 1u);
  // REMARK: fenv-rounding.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'warm' [purecc-reduction]
  std::printf("nearest: %ld\n", warm);

  std::fesetround(FE_UPWARD);
  double m = -INFINITY;
  for (long i = 0; i < n; ++i)
    m = std::max(m, shortfall(i));
  // REMARK: fenv-rounding.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'm' [purecc-reduction]
  std::uint64_t h = 0;
  for (long i = 0; i < n; ++i)
    h ^= bits(i);
  // REMARK: fenv-rounding.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'h' [purecc-reduction]
  long s = 0;
  for (long i = 0; i < n; ++i)
    s += shortfall(i) < 0.0 ? 1 : 0;
  // REMARK: fenv-rounding.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 's' [purecc-reduction]
  std::printf("upward: max %a xor %llx sum %ld\n", m, static_cast<unsigned long long>(h), s);
  std::fesetround(FE_TONEAREST);

  std::feclearexcept(FE_ALL_EXCEPT);
  long positive = 0;
  for (long i = 0; i < n; ++i)
    positive += inverse(i) > 0 ? 1 : 0;
  // REMARK: fenv-rounding.cpp:[[@LINE-2]]:3: remark: loop rewritten as a parallel reduction of 'positive' [purecc-reduction]
  std::printf("positive %ld divbyzero %d\n", positive, std::fetestexcept(FE_DIVBYZERO) != 0);
  return 0;
}
// OUT: nearest: {{[0-9]+}}
// OUT-NEXT: upward: max -0x1p-52 xor {{[0-9a-f]+}} sum 20000
// OUT-NEXT: positive 19995 divbyzero 1
