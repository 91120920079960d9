// The rounding mode as a task message carries it (purecc/shipped_rounding.h):
// the four modes map to fixed codes and back, anything else is refused on
// either side, and a worker's scope restores its own mode after the task,
// also when the task throws.
#include "purecc/shipped_rounding.h"

#include "default_fenv.h"

#include <gtest/gtest.h>

#include <cfenv>
#include <cstdint>
#include <stdexcept>

namespace {

using purecc::decode_rounding;
using purecc::encode_rounding;
using purecc::rounding_code;

TEST(ShippedRounding, EveryModeRoundTripsThroughItsFixedCode) {
  // The codes are the protocol: a worker built elsewhere reads the same byte.
  const struct {
    int mode;
    rounding_code code;
    std::uint8_t byte;
  } modes[] = {{FE_TONEAREST, rounding_code::to_nearest, 0},
               {FE_UPWARD, rounding_code::upward, 1},
               {FE_DOWNWARD, rounding_code::downward, 2},
               {FE_TOWARDZERO, rounding_code::toward_zero, 3}};
  for (const auto &m : modes) {
    ASSERT_EQ(encode_rounding(m.mode), m.code) << m.mode;
    EXPECT_EQ(static_cast<std::uint8_t>(m.code), m.byte);
    EXPECT_EQ(decode_rounding(m.byte), m.mode);
  }
}

TEST(ShippedRounding, UnknownModesAndBytesAreRefused) {
  // fegetround's -1 (no mode) or a value no <cfenv> mode has: not shipped.
  EXPECT_EQ(encode_rounding(-1), std::nullopt);
  EXPECT_EQ(encode_rounding(FE_UPWARD | FE_DOWNWARD | FE_TOWARDZERO | 0x12345), std::nullopt);
  // A byte that is no code: the task fails instead of running under a guess.
  for (int byte = 4; byte < 256; ++byte)
    ASSERT_EQ(decode_rounding(static_cast<std::uint8_t>(byte)), std::nullopt) << byte;
}

TEST(ShippedRounding, TheScopeRunsUnderTheModeAndRestoresTheThreadsOwn) {
  DefaultFenv restore;
  // 1/3 rounds down to nearest, 1/10 up: each moves under the other mode.
  volatile double one = 1.0, three = 3.0, ten = 10.0;
  const double nearest = one / three, tenth = one / ten;
  {
    purecc::rounding_scope under(FE_UPWARD);
    EXPECT_EQ(std::fegetround(), FE_UPWARD);
    EXPECT_GT(one / three, nearest);
  }
  EXPECT_EQ(std::fegetround(), FE_TONEAREST);
  // Also when the task throws: the next task starts from the worker's mode.
  try {
    purecc::rounding_scope under(FE_DOWNWARD);
    EXPECT_LT(one / ten, tenth);
    throw std::runtime_error("task failed");
  } catch (const std::runtime_error &) {
  }
  EXPECT_EQ(std::fegetround(), FE_TONEAREST);
  // A worker that happens to run under another mode gets it back.
  std::fesetround(FE_TOWARDZERO);
  {
    purecc::rounding_scope under(FE_TONEAREST);
    EXPECT_EQ(one / three, nearest);
  }
  EXPECT_EQ(std::fegetround(), FE_TOWARDZERO);
}

} // namespace
