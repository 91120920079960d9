// Tests of purecc::min_element_by_key, max_element_by_key and
// minmax_element_by_key: the position std::min_element (max, minmax) finds
// with comp(a, b) == less(key(a), key(b)), for comparisons that are no
// strict weak ordering (NaN keys, `<=`), -0.0/+0.0 ties, every size from
// empty up, reversed ranges, at 1, 2 and 4 threads; one key per element.
#include "purecc/keyed_selection.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <random>
#include <vector>

#include "purecc/scheduler.h"

namespace {

class KeyedSelectionThreads : public ::testing::TestWithParam<int> {
 protected:
  void SetUp() override { purecc::set_num_threads(GetParam()); }
};

/// Values with many ties, NaNs and zeros of both signs.
std::vector<double> values(std::size_t n, unsigned seed) {
  std::mt19937 gen(seed);
  std::uniform_int_distribution<int> pick(0, 9);
  std::vector<double> v(n);
  for (double& x : v) {
    int k = pick(gen);
    x = k == 0 ? std::numeric_limits<double>::quiet_NaN() : k == 1 ? -0.0 : k == 2 ? 0.0 : k % 4;
  }
  return v;
}

template <class Less>
void expectSerialPositions(const std::vector<double>& v, Less less) {
  auto key = [](double x) { return -x; };
  auto comp = [&](double a, double b) { return less(key(a), key(b)); };
  EXPECT_EQ(purecc::min_element_by_key(v.begin(), v.end(), key, less),
            std::min_element(v.begin(), v.end(), comp));
  EXPECT_EQ(purecc::max_element_by_key(v.begin(), v.end(), key, less),
            std::max_element(v.begin(), v.end(), comp));
  EXPECT_EQ(purecc::minmax_element_by_key(v.begin(), v.end(), key, less),
            std::minmax_element(v.begin(), v.end(), comp));
  EXPECT_EQ(purecc::min_element_by_key(v.rbegin(), v.rend(), key, less),
            std::min_element(v.rbegin(), v.rend(), comp));
  EXPECT_EQ(purecc::minmax_element_by_key(v.data(), v.data() + v.size(), key, less),
            std::minmax_element(v.data(), v.data() + v.size(), comp));
}

TEST_P(KeyedSelectionThreads, FindsTheSerialPositionForEveryComparison) {
  for (std::size_t n : {0, 1, 2, 3, 17, 1000, 10007})
    for (unsigned seed : {1u, 2u, 3u}) {
      std::vector<double> v = values(n, seed);
      expectSerialPositions(v, std::less<>());
      expectSerialPositions(v, std::less_equal<>());
      expectSerialPositions(v, std::greater<>());
      expectSerialPositions(v, std::greater_equal<>());
    }
}

TEST_P(KeyedSelectionThreads, ComputesOneKeyPerElementAndNoneBelowTwo) {
  std::atomic<long> calls{0};
  auto key = [&](long x) {
    calls.fetch_add(1, std::memory_order_relaxed);
    return x % 7;
  };
  std::vector<long> v(5000);
  for (long i = 0; i < 5000; ++i) v[i] = i * 31;
  purecc::minmax_element_by_key(v.begin(), v.end(), key, std::less<>());
  EXPECT_EQ(calls.load(), 5000);
  calls = 0;
  EXPECT_EQ(purecc::min_element_by_key(v.begin(), v.begin() + 1, key, std::less<>()), v.begin());
  EXPECT_EQ(purecc::max_element_by_key(v.begin(), v.begin(), key, std::less<>()), v.begin());
  EXPECT_EQ(calls.load(), 0);
}

INSTANTIATE_TEST_SUITE_P(Threads, KeyedSelectionThreads, ::testing::Values(1, 2, 4));

}  // namespace
