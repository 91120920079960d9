// Tests for purecc/wrapping.h: partial results join, and a leaf's private
// partial takes the user's steps, modulo 2^N with no signed overflow
// (adv46 t14, t21; adv47 t38, t55, t58), for __int128 too (adv47 t08).
#include "purecc/wrapping.h"

#include <gtest/gtest.h>

#include <type_traits>

#include <climits>
#include <cstdint>

namespace {

TEST(Wrapping, AddAndMulWrapInTheUnsignedType) {
  EXPECT_EQ(purecc::wrapping_add(INT_MAX, 1), INT_MIN);
  EXPECT_EQ(purecc::wrapping_mul(65535, 65535), -131071);
  unsigned short a = 65535, b = 65535;
  EXPECT_EQ(purecc::wrapping_mul(a, b), static_cast<unsigned short>(1));
  EXPECT_EQ(purecc::wrapping_add(LONG_MIN, -1L), LONG_MAX);
}

TEST(Wrapping, PartialTakesTheUsersStepsWithoutOverflow) {
  // 3^40 overflows int; the partial keeps 3^40 modulo 2^32.
  purecc::wrapping<int> p = 1;
  std::uint32_t expect = 1;
  for (int k = 0; k < 40; ++k) {
    p *= 3;
    expect *= 3u;
  }
  EXPECT_EQ(static_cast<int>(p), static_cast<int>(expect));
  // Falling past INT_MIN and back, as a leaf's partial of `h -= 250000`.
  purecc::wrapping<int> q = 0;
  for (int k = 0; k < 10000; ++k)
    q -= 250000;
  EXPECT_EQ(static_cast<int>(q), static_cast<int>(0u - 2500000000u));
  q += 2500000000u; // an unsigned step, as `int h; h += 2500000000u;`
  EXPECT_EQ(static_cast<int>(q), 0);
}

TEST(Wrapping, EveryStepShapeAndWiderOperands) {
  purecc::wrapping<short> s = 0;
  ++s;
  s++;
  --s;
  s--;
  s += 40000; // wider than short: reduced modulo 2^16 at the end
  s = s + 30000L;
  s = 2 * s;
  s = s - 7;
  short serial = 0;
  serial = static_cast<short>(serial + 40000);
  serial = static_cast<short>(serial + 30000L);
  serial = static_cast<short>(2 * serial);
  serial = static_cast<short>(serial - 7);
  EXPECT_EQ(static_cast<short>(s), serial);
  purecc::wrapping<long> w = 5;
  w *= LONG_MAX;
  EXPECT_EQ(static_cast<long>(w), static_cast<long>(5ul * static_cast<unsigned long>(LONG_MAX)));
}

#ifdef __SIZEOF_INT128__
TEST(Wrapping, Int128UnderStrictStandard) {
  __extension__ typedef __int128 wide;
  wide big = static_cast<wide>(1) << 126;
  wide sum = purecc::wrapping_add(big, big); // 2^127: wraps to the minimum
  EXPECT_LT(sum, 0);
  purecc::wrapping<wide> p = big;
  p *= 4;
  EXPECT_EQ(static_cast<wide>(p), 0);
  // An __int128 operand takes the wrapping operators too, which strict
  // std::is_integral does not let through (adv48 t25: `p = p * e` with an
  // __int128 e overflowed the partial that starts from 1).
  purecc::wrapping<wide> q = 1;
  wide e = (static_cast<wide>(1) << 70) + 3;
  q = q * e;
  q = e * q;
  q = q + e;
  static_assert(std::is_same_v<decltype(q * e), purecc::wrapping<wide>>);
  using U = unsigned __int128;
  U expect = static_cast<U>(e) * static_cast<U>(e) + static_cast<U>(e);
  EXPECT_EQ(static_cast<U>(static_cast<wide>(q)), expect);
  // An int partial times an __int128 term keeps the int's low bits.
  purecc::wrapping<int> r = 7;
  r = r * e;
  static_assert(std::is_same_v<decltype(r * e), purecc::wrapping<int>>);
  EXPECT_EQ(static_cast<int>(r), static_cast<int>(7u * static_cast<unsigned>(e)));
}
#endif

} // namespace
