// Tests for purecc/trip_count.h: the iteration counts of counted loops in
// constant steps, checked against the loops themselves.
#include "purecc/trip_count.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace {

std::int64_t countUntil(std::int64_t from, std::int64_t to, std::int64_t step) {
  std::int64_t n = 0;
  for (std::int64_t i = from; i < to; i += step)
    ++n;
  return n;
}

std::int64_t countThrough(std::int64_t from, std::int64_t to, std::int64_t step) {
  std::int64_t n = 0;
  for (std::int64_t i = from; i <= to; i += step)
    ++n;
  return n;
}

static_assert(purecc::trips_until(-5, 10, 3) == 5);
static_assert(purecc::trips_through(0, 10, 5) == 3);
static_assert(purecc::trips_until(4, 4, 2) == 0 && purecc::trips_through(4, 4, 2) == 1);

TEST(TripCount, MatchesTheLoopForEveryStartEndAndStep) {
  for (std::int64_t from = -12; from <= 12; ++from)
    for (std::int64_t to = -12; to <= 12; ++to)
      for (std::int64_t step = 1; step <= 7; ++step) {
        EXPECT_EQ(purecc::trips_until(from, to, step), countUntil(from, to, step))
            << from << " " << to << " " << step;
        EXPECT_EQ(purecc::trips_through(from, to, step), countThrough(from, to, step))
            << from << " " << to << " " << step;
      }
}

TEST(TripCount, EmptyWhenTheEndIsBehindTheStart) {
  EXPECT_EQ(purecc::trips_until(100, -100, 3), 0);
  EXPECT_EQ(purecc::trips_through(100, 99, 1), 0);
}

} // namespace
