// The in-process memo tier (purecc/memo_cache.h): hits, LRU eviction under a
// byte budget, and single flight — concurrent identical calls compute once,
// and an abandoned (throwing) computation never hands out a value.
#include "purecc/memo_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <barrier>
#include <exception>
#include <latch>
#include <stdexcept>
#include <string>
#include <thread>

namespace {

using purecc::MemoCache;
using purecc::MemoKey;

MemoKey key(std::uint64_t i) { return MemoKey{i * 0x9e3779b97f4a7c15ULL, i}; }

/// Computes `value` under `k` unless cached; returns what the caller sees.
std::string get_or_compute(MemoCache &c, const MemoKey &k, const std::string &value) {
  std::string out;
  std::uint64_t cost = 0;
  auto probe = c.acquire(k, out);
  switch (probe.outcome) {
  case MemoCache::Outcome::hit:
    return out;
  case MemoCache::Outcome::in_flight:
    if (MemoCache::wait(*probe.flight, out, cost))
      return out;
    return value;
  case MemoCache::Outcome::reentrant:
    return value;
  case MemoCache::Outcome::claimed:
    MemoCache::Claim(c, k, std::move(probe.flight)).fulfil(value, 7);
    return value;
  }
  return "";
}

TEST(MemoCache, MissThenHitWithCost) {
  MemoCache c(1 << 20);
  std::string out;
  auto first = c.acquire(key(1), out);
  ASSERT_EQ(first.outcome, MemoCache::Outcome::claimed);
  MemoCache::Claim(c, key(1), std::move(first.flight)).fulfil("abc", 1234);
  auto second = c.acquire(key(1), out);
  EXPECT_EQ(second.outcome, MemoCache::Outcome::hit);
  EXPECT_EQ(out, "abc");
  EXPECT_EQ(second.cost_ns, 1234u);
  EXPECT_EQ(c.entries(), 1u);
  EXPECT_EQ(c.bytes(), 3 + MemoCache::kEntryOverhead);
}

TEST(MemoCache, EvictsLeastRecentlyUsedUnderBudget) {
  // Room for exactly 4 entries of 100 bytes, all in one shard so that the
  // order is exact LRU.
  const std::uint64_t entry = 100 + MemoCache::kEntryOverhead;
  MemoCache c(4 * entry, /*shard_count=*/1);
  const std::string v(100, 'v');
  for (int i = 0; i < 4; ++i)
    get_or_compute(c, key(i), v);
  std::string out;
  ASSERT_EQ(c.acquire(key(0), out).outcome, MemoCache::Outcome::hit); // 0 is now most recent
  get_or_compute(c, key(4), v);                                         // evicts 1
  EXPECT_EQ(c.entries(), 4u);
  EXPECT_LE(c.bytes(), c.budget());
  EXPECT_EQ(c.evictions(), 1u);
  EXPECT_EQ(c.acquire(key(0), out).outcome, MemoCache::Outcome::hit);
  auto evicted = c.acquire(key(1), out);
  EXPECT_EQ(evicted.outcome, MemoCache::Outcome::claimed);
  c.abandon(key(1), evicted.flight);
  for (int i : {2, 3, 4})
    EXPECT_EQ(c.acquire(key(i), out).outcome, MemoCache::Outcome::hit) << i;
}

TEST(MemoCache, BudgetHoldsAcrossShards) {
  MemoCache c(64 * 1024, 16);
  const std::string v(500, 'x');
  for (int i = 0; i < 2000; ++i)
    get_or_compute(c, key(i), v);
  EXPECT_LE(c.bytes(), c.budget());
  EXPECT_GT(c.entries(), 64u); // most of the budget is in use
  EXPECT_EQ(c.entries() + c.evictions(), 2000u);
}

TEST(MemoCache, TooLargeValueIsReturnedButNotKept) {
  MemoCache c(1000);
  EXPECT_EQ(get_or_compute(c, key(1), std::string(5000, 'b')), std::string(5000, 'b'));
  EXPECT_EQ(c.entries(), 0u);
  EXPECT_EQ(c.bytes(), 0u);
}

TEST(MemoCache, ManyThreadsComputeEachKeyOnce) {
  MemoCache c(1 << 20);
  constexpr int kThreads = 8, kKeys = 50, kRounds = 20;
  std::atomic<int> computed[kKeys] = {};
  std::atomic<int> wrong{0};
  std::barrier start(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      for (int r = 0; r < kRounds; ++r)
        for (int k = 0; k < kKeys; ++k) {
          const int i = (k + t * 7) % kKeys;
          std::string out;
          std::uint64_t cost = 0;
          auto probe = c.acquire(key(i), out);
          if (probe.outcome == MemoCache::Outcome::claimed) {
            computed[i].fetch_add(1);
            std::this_thread::sleep_for(std::chrono::microseconds(200)); // others pile up
            out = "value" + std::to_string(i);
            MemoCache::Claim(c, key(i), std::move(probe.flight)).fulfil(out, 1);
          } else if (probe.outcome == MemoCache::Outcome::in_flight) {
            ASSERT_TRUE(MemoCache::wait(*probe.flight, out, cost));
          }
          if (out != "value" + std::to_string(i))
            wrong.fetch_add(1);
        }
    });
  for (auto &th : threads)
    th.join();
  for (int k = 0; k < kKeys; ++k)
    EXPECT_EQ(computed[k].load(), 1) << "key " << k;
  EXPECT_EQ(wrong.load(), 0);
}

TEST(MemoCache, AbandonedFlightReleasesWaitersWithoutAValue) {
  MemoCache c(1 << 20);
  std::string out;
  auto owner = c.acquire(key(9), out);
  ASSERT_EQ(owner.outcome, MemoCache::Outcome::claimed);
  std::atomic<int> released{0}, got_value{0};
  std::vector<std::thread> waiters;
  for (int i = 0; i < 4; ++i)
    waiters.emplace_back([&] {
      std::string v;
      std::uint64_t cost = 0;
      auto p = c.acquire(key(9), v);
      ASSERT_EQ(p.outcome, MemoCache::Outcome::in_flight);
      got_value += MemoCache::wait(*p.flight, v, cost);
      released += 1;
    });
  while (true) { // wait until every waiter joined the flight
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    if (owner.flight.use_count() >= 6) // owner probe + table + 4 waiters
      break;
  }
  try {
    MemoCache::Claim claim(c, key(9), std::move(owner.flight));
    throw std::runtime_error("body failed");
  } catch (const std::runtime_error &) {
  }
  for (auto &w : waiters)
    w.join();
  EXPECT_EQ(released.load(), 4);
  EXPECT_EQ(got_value.load(), 0);
  // Nothing was stored, and the key can be claimed again.
  EXPECT_EQ(c.acquire(key(9), out).outcome, MemoCache::Outcome::claimed);
}

TEST(MemoCache, FailedFlightHandsItsExceptionToWaiters) {
  MemoCache c(1 << 20);
  std::string out;
  auto owner = c.acquire(key(11), out);
  ASSERT_EQ(owner.outcome, MemoCache::Outcome::claimed);
  // Every waiter has joined the flight (its probe says in_flight) before
  // the owner fails it.
  std::latch joined(3);
  std::atomic<int> rethrown{0}, got_value{0}, in_flight{0};
  std::vector<std::thread> waiters;
  for (int i = 0; i < 3; ++i)
    waiters.emplace_back([&] {
      std::string v;
      std::uint64_t cost = 0;
      auto p = c.acquire(key(11), v);
      in_flight += p.outcome == MemoCache::Outcome::in_flight;
      joined.count_down();
      if (p.outcome != MemoCache::Outcome::in_flight)
        return;
      std::exception_ptr error;
      got_value += MemoCache::wait(*p.flight, v, cost, &error);
      try {
        if (error)
          std::rethrow_exception(error);
      } catch (const std::range_error &e) {
        rethrown += std::string(e.what()) == "bad 11";
      }
    });
  joined.wait();
  MemoCache::Claim(c, key(11), std::move(owner.flight))
      .fail(std::make_exception_ptr(std::range_error("bad 11")));
  for (auto &w : waiters)
    w.join();
  EXPECT_EQ(in_flight.load(), 3);
  EXPECT_EQ(rethrown.load(), 3);
  EXPECT_EQ(got_value.load(), 0);
  // A failure is never stored: the key can be claimed again.
  EXPECT_EQ(c.acquire(key(11), out).outcome, MemoCache::Outcome::claimed);
}

TEST(MemoCache, SameThreadSameKeyIsReentrantNotADeadlock) {
  MemoCache c(1 << 20);
  std::string out;
  auto outer = c.acquire(key(3), out);
  ASSERT_EQ(outer.outcome, MemoCache::Outcome::claimed);
  EXPECT_EQ(c.acquire(key(3), out).outcome, MemoCache::Outcome::reentrant);
  c.abandon(key(3), outer.flight);
}

// Thread 1 owns K and waits for L; thread 2 owns L and waits for K (the
// scheduler can stack an unrelated branch on a computation a thread owns).
// Whichever starts waiting second sees the cycle and computes instead of
// blocking, so both finish; the other one receives the value.
TEST(MemoCache, CrossedWaitsDoNotDeadlock) {
  MemoCache c(1 << 20);
  std::barrier both_own(2);
  std::atomic<int> computed_instead{0}, received{0};
  auto run = [&](std::uint64_t own, std::uint64_t want) {
    std::string v;
    std::uint64_t cost = 0;
    auto mine = c.acquire(key(own), v);
    ASSERT_EQ(mine.outcome, MemoCache::Outcome::claimed);
    both_own.arrive_and_wait();
    auto other = c.acquire(key(want), v);
    ASSERT_EQ(other.outcome, MemoCache::Outcome::in_flight);
    if (MemoCache::wait(*other.flight, v, cost))
      received += 1;
    else
      computed_instead += 1;
    MemoCache::Claim(c, key(own), std::move(mine.flight)).fulfil(std::to_string(own), 1);
  };
  std::thread t1(run, 11, 12), t2(run, 12, 11);
  t1.join();
  t2.join();
  EXPECT_EQ(computed_instead.load(), 1);
  EXPECT_EQ(received.load(), 1);
}

TEST(MemoCache, ZeroBudgetStillDedupsConcurrentCalls) {
  MemoCache c(0);
  std::string out;
  auto owner = c.acquire(key(5), out);
  ASSERT_EQ(owner.outcome, MemoCache::Outcome::claimed);
  auto waiter = c.acquire(key(5), out); // a second caller (same thread reports reentrant,
  EXPECT_EQ(waiter.outcome, MemoCache::Outcome::reentrant); // so ask from another thread)
  std::string seen;
  std::thread other([&] {
    std::string v;
    std::uint64_t cost = 0;
    auto p = c.acquire(key(5), v);
    ASSERT_EQ(p.outcome, MemoCache::Outcome::in_flight);
    ASSERT_TRUE(MemoCache::wait(*p.flight, v, cost));
    seen = v;
  });
  while (owner.flight.use_count() < 4) // owner probe + table + reentrant probe + other
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  waiter.flight.reset();
  MemoCache::Claim(c, key(5), std::move(owner.flight)).fulfil("v5", 1);
  other.join();
  EXPECT_EQ(seen, "v5");
  EXPECT_EQ(c.entries(), 0u);
}

} // namespace
