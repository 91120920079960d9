// Tests of purecc::parallel_for: every index exactly once, empty and
// one-element ranges, real parallelism, exceptions, nesting, leaf sizes.
#include "purecc/parallel_for.h"

#include <gtest/gtest.h>

#include "wait_for.h"

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "purecc/invoke.h"
#include "purecc/scheduler.h"

namespace {

class ParallelForThreads : public ::testing::TestWithParam<int> {
 protected:
  void SetUp() override { purecc::set_num_threads(GetParam()); }
};

TEST_P(ParallelForThreads, VisitsEveryIndexExactlyOnce) {
  for (std::int64_t leaf : {1, 7, 1024}) {
    std::vector<std::atomic<int>> hits(10007);
    purecc::parallel_for(0, 10007, [&](std::int64_t i) { hits[i].fetch_add(1); },
                         purecc::leaf_size{leaf});
    for (std::size_t i = 0; i < hits.size(); ++i) ASSERT_EQ(hits[i].load(), 1) << i;
  }
}

TEST_P(ParallelForThreads, EmptyAndOneElementRanges) {
  int calls = 0;
  purecc::parallel_for(3, 3, [&](std::int64_t) { ++calls; });
  purecc::parallel_for(3, 1, [&](std::int64_t) { ++calls; });
  EXPECT_EQ(calls, 0);
  std::int64_t seen = -1;
  purecc::parallel_for(-4, -3, [&](std::int64_t i) { seen = i; });
  EXPECT_EQ(seen, -4);
}

TEST_P(ParallelForThreads, LeftmostThrowingIndexWinsOnceNothingRuns) {
  std::atomic<int> running{0};
  std::atomic<int> done{0};
  try {
    purecc::parallel_for(0, 64, [&](std::int64_t i) {
      running += 1;
      std::this_thread::sleep_for(std::chrono::microseconds(200));
      running -= 1;
      if (i == 5 || i == 40) throw std::runtime_error(std::to_string(i));
      done += 1;
    });
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "5");
    EXPECT_EQ(running.load(), 0);
    EXPECT_GE(done.load(), 5);  // indices 0..4 run before 5 in any schedule
  }
}

TEST_P(ParallelForThreads, NestedInsideInvoke) {
  std::vector<int> a(5000), b(3000);
  purecc::parallel_invoke(
      [&] { purecc::parallel_for(0, 5000, [&](std::int64_t i) { a[i] = int(i) * 2; }); },
      [&] { purecc::parallel_for(0, 3000, [&](std::int64_t i) { b[i] = int(i) + 1; }); });
  for (int i = 0; i < 5000; ++i) ASSERT_EQ(a[i], i * 2);
  for (int i = 0; i < 3000; ++i) ASSERT_EQ(b[i], i + 1);
}

INSTANTIATE_TEST_SUITE_P(Threads, ParallelForThreads, ::testing::Values(1, 2, 3, 8));

TEST(ParallelFor, FewExpensiveItemsSpreadOverThreads) {
  purecc::set_num_threads(2);
  // Two items that each wait for the other: only parallel execution of a
  // two-element range (automatic leaf size 1) lets both finish in time.
  std::atomic<int> arrived{0};
  std::vector<int> ok(2);
  purecc::parallel_for(0, 2, [&](std::int64_t i) {
    arrived.fetch_add(1);
    ok[i] = wait_for([&] { return arrived.load() >= 2; });
  });
  EXPECT_EQ(ok, (std::vector<int>{1, 1}));
}

TEST(ParallelFor, LargeRange) {
  purecc::set_num_threads(2);
  const std::int64_t n = 100'000'000;
  std::atomic<std::int64_t> sum{0};
  purecc::parallel_for(0, n / 1000, [&](std::int64_t block) {
    std::int64_t local = 0;
    for (std::int64_t i = block * 1000; i < (block + 1) * 1000; ++i) local += i % 3;
    sum += local;
  });
  EXPECT_EQ(sum.load(), n / 3 * 3 + (n % 3 == 2 ? 1 : 0));
}

}  // namespace
