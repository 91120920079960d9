// test_worker_stack.cpp — purecc's workers get the stack the serial
// program's main thread may grow to (purecc/worker_stack.h; adv58 t42, t43).
#include "purecc/invoke.h"
#include "purecc/scheduler.h"
#include "purecc/worker_stack.h"

#include "wait_for.h"

#include <gtest/gtest.h>
#include <pthread.h>
#include <sys/resource.h>

#include <atomic>
#include <cstdlib>
#include <thread>

namespace {

using purecc::detail::parse_stack_size;

constexpr std::size_t MiB = std::size_t{1} << 20;

TEST(WorkerStack, ParsesOpenMPStackSizes) {
  EXPECT_EQ(parse_stack_size("512M"), 512 * MiB);
  EXPECT_EQ(parse_stack_size("2g"), 2048 * MiB);
  EXPECT_EQ(parse_stack_size("16"), 16 * 1024u) << "K when no unit is written";
  EXPECT_EQ(parse_stack_size("100k"), 100 * 1024u);
  EXPECT_EQ(parse_stack_size("65536B"), 65536u);
  EXPECT_EQ(parse_stack_size("  8 M "), 8 * MiB);
  for (const char* bad : {"", " ", "0", "0M", "M", "-4M", "4T", "4MB", "1.5M", "x",
                          "99999999999999999999G", "18014398509481984K"})
    EXPECT_EQ(parse_stack_size(bad), std::nullopt) << "'" << bad << "'";
}

// The size of the stack of the thread that runs it.
std::size_t own_stack_size() {
  pthread_attr_t attr;
  std::size_t size = 0;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    void* low = nullptr;
    pthread_attr_getstack(&attr, &low, &size);
    pthread_attr_destroy(&attr);
  }
  return size;
}

// The stack size of a pool worker: the left branch must run on one, since
// the caller, running the right branch, waits for it to start.
std::size_t worker_thread_stack() {
  purecc::set_num_threads(2);
  std::atomic<bool> left_started{false};
  const auto caller = std::this_thread::get_id();
  auto [size, started] = purecc::parallel_invoke(
      [&] {
        left_started = true;
        return std::this_thread::get_id() == caller ? std::size_t{0} : own_stack_size();
      },
      [&] { return wait_for(left_started); });
  return started ? size : 0;
}

rlimit stack_limit() {
  rlimit rl{};
  getrlimit(RLIMIT_STACK, &rl);
  return rl;
}

// Each runs in a fresh process (the pool starts once per process): the
// program raises its limit, then its first parallel construct starts the
// pool.
TEST(WorkerStack, WorkersGetTheStackLimitTheProgramRaisedTo) {
  const rlimit rl = stack_limit();
  if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < 96 * MiB)
    GTEST_SKIP() << "the hard stack limit is below 96 MiB here";
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        unsetenv("OMP_STACKSIZE");
        rlimit raised = stack_limit();
        raised.rlim_cur = 96 * MiB;
        setrlimit(RLIMIT_STACK, &raised);
        std::exit(worker_thread_stack() >= 96 * MiB ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), "");
}

TEST(WorkerStack, AnUnlimitedStackGivesWorkersEightGibibytes) {
  if (stack_limit().rlim_max != RLIM_INFINITY)
    GTEST_SKIP() << "the hard stack limit is not unlimited here";
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        unsetenv("OMP_STACKSIZE");
        rlimit raised = stack_limit();
        raised.rlim_cur = RLIM_INFINITY;
        setrlimit(RLIMIT_STACK, &raised);
        std::exit(worker_thread_stack() >= purecc::kUnlimitedWorkerStack ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), "");
}

TEST(WorkerStack, OmpStackSizeBelowTheDefaultGivesTheDefault) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        setenv("OMP_STACKSIZE", "256K", 1);
        pthread_attr_t attr;
        std::size_t fallback = 0;
        pthread_attr_init(&attr);
        pthread_attr_getstacksize(&attr, &fallback);
        pthread_attr_destroy(&attr);
        std::exit(fallback > 256 * 1024 && worker_thread_stack() >= fallback ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), "");
}

TEST(WorkerStack, OmpStackSizeIsHonoured) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        setenv("OMP_STACKSIZE", "40M", 1);
        const std::size_t size = worker_thread_stack();
        std::exit(size >= 40 * MiB && size < 41 * MiB ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), "");
}

}  // namespace
