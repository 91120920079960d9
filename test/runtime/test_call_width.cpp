// Call widths (purecc/call_width.h): every branch of a parallel call runs
// one level further down, on whichever thread runs it; a loop counts its
// elements; and the fast clone's test keeps a call near the root parallel
// even when every core is busy.
#include "purecc/call_width.h"
#include "purecc/invoke.h"
#include "purecc/reduce.h"
#include "purecc/scheduler.h"

#include "wait_for.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <thread>

namespace {

using purecc::detail::t_call_width;

// Sets the spawn room to zero for a scope ("every core busy"), as a team
// whose capacity is all queued would; restores it afterwards.
class all_cores_busy {
 public:
  all_cores_busy() : saved_(purecc::detail::g_spawn_room.exchange(0)) {}
  ~all_cores_busy() { purecc::detail::g_spawn_room.fetch_add(saved_); }
  all_cores_busy(const all_cores_busy&) = delete;
  all_cores_busy& operator=(const all_cores_busy&) = delete;

 private:
  int saved_;
};

TEST(CallWidth, BranchesRunOneLevelDownOnEitherThread) {
  purecc::set_num_threads(2);
  ASSERT_EQ(t_call_width, 1u);
  // Each branch waits for the other to start: a second thread must run one.
  std::atomic<bool> left_started{false}, right_started{false};
  std::thread::id left_id, right_id;
  auto [l, r] = purecc::parallel_invoke(
      [&] {
        left_id = std::this_thread::get_id();
        left_started = true;
        EXPECT_TRUE(wait_for(right_started));
        return t_call_width;
      },
      [&] {
        right_id = std::this_thread::get_id();
        right_started = true;
        EXPECT_TRUE(wait_for(left_started));
        return t_call_width;
      });
  EXPECT_NE(left_id, right_id);
  EXPECT_EQ(l, 2u);
  EXPECT_EQ(r, 2u);
  EXPECT_EQ(t_call_width, 1u);  // restored after the call
}

TEST(CallWidth, NestedCallsMultiplyInlineToo) {
  purecc::set_num_threads(2);
  all_cores_busy busy;  // the inline path
  auto [a, b, c] = purecc::parallel_invoke(
      [] {
        auto [x, y] = purecc::parallel_invoke([] { return t_call_width; },
                                              [] { return t_call_width; });
        return x + y;
      },
      [] { return t_call_width; }, [] { return t_call_width; });
  EXPECT_EQ(a, 12u);  // two branches of width 3 * 2
  EXPECT_EQ(b, 3u);
  EXPECT_EQ(c, 3u);
}

TEST(CallWidth, LoopElementsCountAsWidth) {
  purecc::set_num_threads(2);
  auto least = [](std::int64_t n) {
    return purecc::parallel_reduce(
        0, n, ~std::uint64_t{0}, [](std::int64_t) { return t_call_width; },
        [](std::uint64_t p, std::uint64_t q) { return p < q ? p : q; });
  };
  EXPECT_GE(least(4), 4u);
  EXPECT_GE(least(100000), 100000u);
  EXPECT_EQ(t_call_width, 1u);
}

TEST(CallWidth, NearTheRootTheFastCloneStaysParallelWhenCoresAreBusy) {
  purecc::set_num_threads(4);  // capacity 4: near the root below 4 * kLocalSplitSpan
  const std::uint64_t edge = 4 * purecc::detail::kLocalSplitSpan;
  all_cores_busy busy;
  EXPECT_TRUE(purecc::detail::near_call_root());
  EXPECT_TRUE(purecc::should_spawn());
  {
    purecc::detail::call_width_scope deeper(edge - 1);
    EXPECT_TRUE(purecc::should_spawn());
  }
  {
    purecc::detail::call_width_scope deep(edge);
    EXPECT_FALSE(purecc::should_spawn());  // busy and deep: the serial code
  }
  {
    // A loop of a million elements is deep from its first element on.
    auto spawns = purecc::parallel_reduce(
        0, 1'000'000, 0L, [](std::int64_t) { return purecc::should_spawn() ? 1L : 0L; },
        [](long p, long q) { return p + q; });
    EXPECT_EQ(spawns, 0);
  }
}

TEST(CallWidth, OneThreadHasNoRoot) {
  purecc::set_num_threads(1);
  EXPECT_FALSE(purecc::detail::near_call_root());
  all_cores_busy busy;
  EXPECT_FALSE(purecc::should_spawn());
  purecc::set_num_threads(2);
}

TEST(CallWidth, WidthsSaturate) {
  using purecc::detail::call_width_times;
  using purecc::detail::kDeepCall;
  EXPECT_EQ(call_width_times(3, 5), 15u);
  EXPECT_EQ(call_width_times(kDeepCall, 2), kDeepCall);
  EXPECT_EQ(call_width_times(std::uint64_t{1} << 40, std::uint64_t{1} << 40), kDeepCall);
  EXPECT_EQ(call_width_times(7, 0), 0u);
}

}  // namespace
