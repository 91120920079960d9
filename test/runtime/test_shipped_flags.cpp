// The floating-point flags as a result message carries them
// (purecc/shipped_flags.h): each standard exception maps to a fixed code
// bit and back, sets of them travel together, and a byte with bits no
// flag has is refused.
#include "purecc/shipped_flags.h"

#include <gtest/gtest.h>

#include <cfenv>
#include <cstdint>

namespace {

using purecc::decode_fp_flags;
using purecc::encode_fp_flags;
namespace code = purecc::fp_flag_code;

TEST(ShippedFlags, EveryFlagRoundTripsThroughItsFixedCode) {
  // The codes are the protocol: a worker built elsewhere reads the same bits.
  const struct {
    int fe;
    std::uint8_t bit;
  } flags[] = {{FE_INVALID, code::invalid},
               {FE_DIVBYZERO, code::divbyzero},
               {FE_OVERFLOW, code::overflow},
               {FE_UNDERFLOW, code::underflow},
               {FE_INEXACT, code::inexact}};
  for (const auto &f : flags) {
    EXPECT_EQ(encode_fp_flags(f.fe), f.bit) << f.fe;
    EXPECT_EQ(decode_fp_flags(f.bit), f.fe) << int{f.bit};
  }
  EXPECT_EQ(code::invalid, 1);
  EXPECT_EQ(code::inexact, 16);
}

TEST(ShippedFlags, SetsTravelTogetherAndNothingIsNothing) {
  EXPECT_EQ(encode_fp_flags(0), 0);
  EXPECT_EQ(decode_fp_flags(0), 0);
  EXPECT_EQ(encode_fp_flags(FE_ALL_EXCEPT), code::all);
  EXPECT_EQ(decode_fp_flags(code::all), FE_ALL_EXCEPT);
  EXPECT_EQ(decode_fp_flags(encode_fp_flags(FE_OVERFLOW | FE_INEXACT)), FE_OVERFLOW | FE_INEXACT);
}

TEST(ShippedFlags, BitsNoFlagHasAreRefused) {
  // A malformed message: its result is refused, not read with guessed flags.
  for (int byte = 32; byte < 256; ++byte)
    ASSERT_EQ(decode_fp_flags(static_cast<std::uint8_t>(byte)), std::nullopt) << byte;
}

TEST(ShippedFlags, WhatATaskRaisedIsWhatTravels) {
  // As a worker measures a task: cleared before, read after.
  volatile double one = 1.0, zero = 0.0;
  std::feclearexcept(FE_ALL_EXCEPT);
  volatile double q = one / zero;
  (void)q;
  EXPECT_EQ(encode_fp_flags(std::fetestexcept(FE_ALL_EXCEPT)), code::divbyzero);
  std::feclearexcept(FE_ALL_EXCEPT);
}

} // namespace
