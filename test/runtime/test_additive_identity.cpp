// Tests for purecc/additive_identity.h: the zero a floating-point sum's
// leaves start from leaves every term as it is, bits and signed zeros
// included, in each of the four rounding modes (adv45 t02, t03).
#include "purecc/additive_identity.h"

#include <gtest/gtest.h>

#include <cfenv>
#include <cmath>
#include <complex>
#include <limits>
#include <vector>

namespace {

// The same value, the sign of a zero included (long double's padding bytes
// are no part of it, so no memcmp).
template <class T> bool sameBits(T a, T b) {
  return a == b && std::signbit(a) == std::signbit(b);
}

// The terms a sum may meet; `volatile` keeps the compiler from folding
// `x + zero` in the default rounding mode at compile time.
template <class T> std::vector<T> terms() {
  using L = std::numeric_limits<T>;
  return {T(0), -T(0), T(1), T(-1), L::denorm_min(), -L::denorm_min(), L::max(), L::lowest(),
          L::infinity(), -L::infinity()};
}

template <class T> void expectNeutral(int mode, const char *name) {
  ASSERT_EQ(std::fesetround(mode), 0);
  volatile T zero = purecc::additive_identity<T>();
  for (T x : terms<T>()) {
    volatile T vx = x;
    T left = zero + vx, right = vx + zero;
    EXPECT_TRUE(sameBits(left, x)) << name << ": identity + " << x;
    EXPECT_TRUE(sameBits(right, x)) << name << ": " << x << " + identity";
  }
  volatile T nan = std::numeric_limits<T>::quiet_NaN();
  EXPECT_TRUE(std::isnan(zero + nan)) << name;
  std::fesetround(FE_TONEAREST);
}

struct Mode {
  int mode;
  const char *name;
};
const Mode kModes[] = {{FE_TONEAREST, "to nearest"},
                       {FE_UPWARD, "upward"},
                       {FE_DOWNWARD, "downward"},
                       {FE_TOWARDZERO, "toward zero"}};

TEST(AdditiveIdentity, LeavesEveryTermAsItIsInEveryRoundingMode) {
  for (const Mode &m : kModes) {
    expectNeutral<float>(m.mode, m.name);
    expectNeutral<double>(m.mode, m.name);
    expectNeutral<long double>(m.mode, m.name);
  }
}

TEST(AdditiveIdentity, IsMinusZeroExceptWhenRoundingDown) {
  for (const Mode &m : kModes) {
    ASSERT_EQ(std::fesetround(m.mode), 0);
    double zero = purecc::additive_identity<double>();
    EXPECT_EQ(zero, 0.0);
    EXPECT_EQ(std::signbit(zero), m.mode != FE_DOWNWARD) << m.name;
    std::fesetround(FE_TONEAREST);
  }
}

TEST(AdditiveIdentity, AComplexSumStartsFromItInBothParts) {
  for (const Mode &m : kModes) {
    ASSERT_EQ(std::fesetround(m.mode), 0);
    std::complex<double> zero = purecc::additive_identity<std::complex<double>>();
    volatile double re = zero.real(), im = zero.imag();
    for (double x : terms<double>()) {
      volatile double vx = x;
      EXPECT_TRUE(sameBits(double(re + vx), x)) << m.name;
      EXPECT_TRUE(sameBits(double(im + vx), x)) << m.name;
    }
    std::fesetround(FE_TONEAREST);
  }
}

} // namespace
