// purecc's own team (scheduler.cpp): a pool of workers that sleep between
// jobs instead of spinning, wake for the next job, sit jobs out after the
// team shrinks, and serve jobs opened by several user threads at once.
#include "purecc/invoke.h"
#include "purecc/reduce.h"
#include "purecc/scheduler.h"

#include "wait_for.h"

#include <gtest/gtest.h>

#include <pthread.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace {

// Runs two branches that each wait for the other to have started: this
// only finishes when a second thread runs one of them, so a worker must
// have joined the job. Returns whether both ran, on different threads.
bool two_threads_meet() {
  std::atomic<bool> left_started{false}, right_started{false};
  std::thread::id left_id, right_id;
  auto [l, r] = purecc::parallel_invoke(
      [&] {
        left_id = std::this_thread::get_id();
        left_started = true;
        return wait_for(right_started);
      },
      [&] {
        right_id = std::this_thread::get_id();
        right_started = true;
        return wait_for(left_started);
      });
  return l && r && left_id != right_id;
}

// Recurses with 8 KiB frames until the parallel path's share of the
// stack is used up; returns the depth at which stack_room_available() first
// said no (0: never, within `limit` frames).
// alloca, not an array: a sanitizer may move a local array off the stack.
[[gnu::noinline]] int depth_without_room(int depth, int limit) {
  auto* frame = static_cast<volatile char*>(__builtin_alloca(8192));
  frame[0] = static_cast<char>(depth);
  if (!purecc::detail::stack_room_available())
    return depth;
  if (depth == limit)
    return 0;
  int found = depth_without_room(depth + 1, limit);
  return found + frame[0] * 0;
}

struct StackRoom {
  bool at_start = false;
  int depth = 0;
  bool after_return = false;
};

void* measure_stack_room(void* arg) {
  auto* room = static_cast<StackRoom*>(arg);
  room->at_start = purecc::detail::stack_room_available();
  room->depth = depth_without_room(1, 64);
  room->after_return = purecc::detail::stack_room_available();
  return nullptr;
}

// A thread with a 1 MiB stack may take parallel paths for its first 64 KiB
// (1/16, adv34 t03): about 8 frames of 8 KiB; the room is back when they
// return. Nothing here depends on timing.
TEST(Scheduler, ParallelPathsUseASixteenthOfTheStack) {
  pthread_attr_t attr;
  ASSERT_EQ(pthread_attr_init(&attr), 0);
  ASSERT_EQ(pthread_attr_setstacksize(&attr, 1 << 20), 0);
  StackRoom room;
  pthread_t thread;
  ASSERT_EQ(pthread_create(&thread, &attr, measure_stack_room, &room), 0);
  ASSERT_EQ(pthread_join(thread, nullptr), 0);
  pthread_attr_destroy(&attr);
  EXPECT_TRUE(room.at_start);
  EXPECT_GE(room.depth, 5);
  EXPECT_LE(room.depth, 9);
  EXPECT_TRUE(room.after_return);
}

TEST(Scheduler, AWorkerThatFellAsleepWakesForTheNextJob) {
  purecc::set_num_threads(2);
  ASSERT_TRUE(two_threads_meet());
  // Far longer than the workers' spin before they sleep: they are asleep
  // now (this sleep only makes the test cover that path; the result does
  // not depend on it).
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_TRUE(two_threads_meet());
  EXPECT_TRUE(two_threads_meet()) << "back to back";
}

TEST(Scheduler, ThousandsOfSmallJobsGiveTheSerialResults) {
  purecc::set_num_threads(2);
  long long total = 0, expected = 0;
  for (long i = 0; i < 3000; ++i) {
    total += purecc::parallel_reduce(0, 40 + i % 7, 0LL,
                                     [i](std::int64_t j) { return (i * 31 + j) % 101; },
                                     [](long long a, long long b) { return a + b; });
    for (long j = 0; j < 40 + i % 7; ++j) expected += (i * 31 + j) % 101;
  }
  EXPECT_EQ(total, expected);
}

TEST(Scheduler, JobsFromSeveralUserThreadsShareTheWorkers) {
  purecc::set_num_threads(3);
  std::vector<long long> sums(4);
  std::vector<std::thread> users;
  for (int t = 0; t < 4; ++t)
    users.emplace_back([t, &sums] {
      for (int k = 0; k < 200; ++k)
        sums[t] += purecc::parallel_reduce(0, 1000, 0LL,
                                           [t](std::int64_t j) { return j * (t + 1); },
                                           [](long long a, long long b) { return a + b; });
    });
  for (auto& u : users) u.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(sums[t], 200LL * 499500 * (t + 1)) << t;
}

TEST(Scheduler, AfterShrinkingToOneThreadEverythingRunsOnTheCaller) {
  purecc::set_num_threads(4);
  ASSERT_TRUE(two_threads_meet());  // the pool has workers now
  purecc::set_num_threads(1);
  const std::thread::id me = std::this_thread::get_id();
  std::atomic<int> elsewhere{0};
  purecc::parallel_reduce(0, 100000, 0,
                          [&](std::int64_t) {
                            if (std::this_thread::get_id() != me) ++elsewhere;
                            return 0;
                          },
                          [](int a, int b) { return a + b; });
  EXPECT_EQ(elsewhere.load(), 0);
  purecc::set_num_threads(2);
}

}  // namespace
