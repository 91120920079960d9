// Tests of purecc::parallel_invoke: results, unit for void, move-only and
// non-trivial results, real parallelism, inline execution on one thread,
// the leftmost-exception rule, nesting, and the two code-generator shapes.
#include "purecc/invoke.h"

#include <gtest/gtest.h>
#include <omp.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "purecc/reduce.h"
#include "purecc/scheduler.h"
#include "wait_for.h"

namespace {

using namespace std::chrono_literals;

// Both callers arrive, or one gives up after a long timeout: true only if
// the two ran at the same time.
bool rendezvous(std::atomic<int>& arrived) {
  arrived.fetch_add(1);
  return wait_for([&] { return arrived.load() >= 2; });
}

struct tagged_error : std::runtime_error {
  explicit tagged_error(int t) : std::runtime_error("branch " + std::to_string(t)), tag(t) {}
  int tag;
};

int fib_serial(int n) { return n < 2 ? n : fib_serial(n - 1) + fib_serial(n - 2); }

// The shape the code generator emits (brief, issue 4).
int fib_generated(int n) {
  if (n < 2) return n;
  return [&] {
    auto [a, b] = purecc::parallel_invoke([&] { return fib_generated(n - 1); },
                                          [&] { return fib_generated(n - 2); });
    return a + b;
  }();
}

// The fast-clone shape (docs/runtime.md): the serial original when busy.
int fib_fast_clone(int n) {
  if (!purecc::should_spawn()) return fib_serial(n);
  if (n < 2) return n;
  auto [a, b] = purecc::parallel_invoke([&] { return fib_fast_clone(n - 1); },
                                        [&] { return fib_fast_clone(n - 2); });
  return a + b;
}

class ParallelInvokeThreads : public ::testing::TestWithParam<int> {
 protected:
  void SetUp() override { purecc::set_num_threads(GetParam()); }
};

TEST_P(ParallelInvokeThreads, ReturnsResultsInArgumentOrder) {
  auto [i, s, d] = purecc::parallel_invoke([] { return 7; }, [] { return std::string("purecc"); },
                                           [] { return 2.5; });
  EXPECT_EQ(i, 7);
  EXPECT_EQ(s, "purecc");
  EXPECT_EQ(d, 2.5);
}

TEST_P(ParallelInvokeThreads, VoidBranchesYieldUnit) {
  std::atomic<int> ran{0};
  auto r = purecc::parallel_invoke([&] { ran += 1; }, [&] { return 3; }, [&] { ran += 10; });
  static_assert(std::is_same_v<decltype(r), std::tuple<purecc::unit, int, purecc::unit>>);
  EXPECT_EQ(std::get<1>(r), 3);
  EXPECT_EQ(ran.load(), 11);
}

TEST_P(ParallelInvokeThreads, MoveOnlyAndNonTrivialResults) {
  auto [p, v] = purecc::parallel_invoke(
      [] { return std::make_unique<std::string>("moved"); },
      [] { return std::vector<std::string>{"a", std::string(100, 'b')}; });
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(*p, "moved");
  EXPECT_EQ(v, (std::vector<std::string>{"a", std::string(100, 'b')}));
}

TEST_P(ParallelInvokeThreads, MoveOnlyCallables) {
  auto owned = std::make_unique<int>(41);
  auto [a, b] = purecc::parallel_invoke([q = std::move(owned)] { return *q + 1; },
                                        [] { return 0; });
  EXPECT_EQ(a, 42);
  EXPECT_EQ(b, 0);
}

TEST_P(ParallelInvokeThreads, LeftmostExceptionWins) {
  // Branch 2 may or may not have started when branch 1 throws; either way
  // branch 1's exception is the one the serial program would throw.
  try {
    purecc::parallel_invoke([] { return 1; },
                            [] {
                              std::this_thread::sleep_for(20ms);
                              throw tagged_error(1);
                            },
                            [] { throw tagged_error(2); }, [] {});
    FAIL() << "no exception";
  } catch (const tagged_error& e) {
    EXPECT_EQ(e.tag, 1);
  }
}

TEST_P(ParallelInvokeThreads, BranchesAfterAThrowAreNotNeeded) {
  // The serial program never makes the calls after one that throws: inline
  // (one thread) they are not run; in parallel, at most those already
  // started when the exception is known run.
  std::atomic<int> finished{0};
  EXPECT_THROW(purecc::parallel_invoke([]() -> int { throw tagged_error(0); },
                                       [&] { finished += 1; }, [&] { finished += 1; }),
               tagged_error);
  if (GetParam() == 1)
    EXPECT_EQ(finished.load(), 0);
  else
    EXPECT_LE(finished.load(), 2);
}

TEST_P(ParallelInvokeThreads, BranchesBeforeAThrowAllRun) {
  std::atomic<int> finished{0};
  try {
    purecc::parallel_invoke([&] { finished += 1; }, [&] { finished += 1; },
                            []() -> int { throw tagged_error(2); });
    FAIL() << "no exception";
  } catch (const tagged_error& e) {
    EXPECT_EQ(e.tag, 2);
  }
  EXPECT_EQ(finished.load(), 2);
}

TEST_P(ParallelInvokeThreads, NestedInvokeAndReduce) {
  auto [sum, pair] = purecc::parallel_invoke(
      [] {
        return purecc::parallel_reduce(0, 10000, 0LL, [](std::int64_t i) { return i; },
                                       std::plus<>());
      },
      [] { return purecc::parallel_invoke([] { return 1; }, [] { return 2; }); });
  EXPECT_EQ(sum, 10000LL * 9999 / 2);
  EXPECT_EQ(pair, std::make_tuple(1, 2));
}

TEST_P(ParallelInvokeThreads, CodeGeneratorShapesMatchSerialFib) {
  EXPECT_EQ(fib_generated(24), fib_serial(24));
  EXPECT_EQ(fib_fast_clone(24), fib_serial(24));
}

INSTANTIATE_TEST_SUITE_P(Threads, ParallelInvokeThreads, ::testing::Values(1, 2, 3, 8));

TEST(ParallelInvoke, BranchesRunConcurrentlyWithTwoThreads) {
  purecc::set_num_threads(2);
  std::atomic<int> arrived{0};
  auto [a, b] = purecc::parallel_invoke([&] { return rendezvous(arrived); },
                                        [&] { return rendezvous(arrived); });
  EXPECT_TRUE(a);
  EXPECT_TRUE(b);
}

// The caller's left branch is taken by the other thread, which splits it;
// the caller, waiting at the join, must run the piece the other thread
// offered. With OpenMP's taskwait (libgomp) the joiner could only run its
// own children, the piece would wait for the thief itself, and `inner`
// would time out.
TEST(ParallelInvoke, AJoinerRunsTheWorkOfTheThreadThatTookItsBranch) {
  purecc::set_num_threads(2);
  std::atomic<bool> left_started{false}, piece_ran_elsewhere{false};
  auto [ok_left, ok_right] = purecc::parallel_invoke(
      [&] {
        left_started = true;
        auto thief = std::this_thread::get_id();
        auto [piece, inner] = purecc::parallel_invoke(
            [&] {
              piece_ran_elsewhere = std::this_thread::get_id() != thief;
              return true;
            },
            [&] { return wait_for(piece_ran_elsewhere); });
        return piece && inner;
      },
      [&] { return wait_for(left_started); });
  EXPECT_TRUE(ok_right) << "the left branch never started on another thread";
  EXPECT_TRUE(ok_left) << "the joining thread did not help";
}

TEST(ParallelInvoke, OneThreadRunsEverythingInlineOnTheCaller) {
  purecc::set_num_threads(1);
  auto caller = std::this_thread::get_id();
  auto [a, b, c] = purecc::parallel_invoke([] { return std::this_thread::get_id(); },
                                           [] { return std::this_thread::get_id(); },
                                           [] { return omp_in_parallel(); });
  EXPECT_EQ(a, caller);
  EXPECT_EQ(b, caller);
  EXPECT_FALSE(c) << "one thread must not open an OpenMP team";
  EXPECT_FALSE(purecc::should_spawn());
}

TEST(ParallelInvoke, WorksInsideTheUsersOwnParallelRegion) {
  purecc::set_num_threads(2);
  std::atomic<int> total{0};
#pragma omp parallel num_threads(2)
  {
    auto [x, y] = purecc::parallel_invoke([] { return fib_generated(15); },
                                          [] { return fib_generated(16); });
    total += x + y;
  }
  EXPECT_EQ(total.load(), 2 * fib_serial(17));
}

TEST(ParallelInvoke, ShouldSpawnFollowsTheThreadCount) {
  purecc::set_num_threads(2);
  EXPECT_TRUE(purecc::should_spawn()) << "idle team: room for two tasks";
  purecc::set_num_threads(1);
  EXPECT_FALSE(purecc::should_spawn());
  purecc::set_num_threads(3);
  EXPECT_TRUE(purecc::should_spawn());
  // omp_set_num_threads behind purecc's back is noticed when a construct
  // next looks for a team.
  omp_set_num_threads(1);
  (void)purecc::parallel_invoke([] { return 0; }, [] { return 1; });
  EXPECT_FALSE(purecc::should_spawn());
}

TEST(ParallelInvoke, SetNumThreadsClampsToOne) {
  purecc::set_num_threads(0);
  EXPECT_EQ(purecc::num_threads(), 1);
  purecc::set_num_threads(3);
  EXPECT_EQ(purecc::num_threads(), 3);
}

}  // namespace
