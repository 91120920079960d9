// wait_for.h — how the runtime's tests wait for another thread: spinning
// (with yields) until a condition holds, or giving up after a long limit,
// so that a scheduler that never runs the other side fails the test
// instead of hanging it.
//
//   std::atomic<bool> started{false};
//   ... another branch sets started ...
//   EXPECT_TRUE(wait_for(started));
#pragma once

#include <atomic>
#include <chrono>
#include <thread>

/// True once `done()` holds; false if it still does not after `limit`.
template <class Done>
bool wait_for(Done done, std::chrono::milliseconds limit = std::chrono::seconds(20)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::yield();
  }
  return true;
}

/// True once `flag` is set; false if it still is not after `limit`.
inline bool wait_for(const std::atomic<bool>& flag,
                     std::chrono::milliseconds limit = std::chrono::seconds(20)) {
  return wait_for([&] { return flag.load(); }, limit);
}
