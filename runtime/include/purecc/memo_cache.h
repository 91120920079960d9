// purecc/memo_cache.h — the in-process memo tier: concurrent, bounded, single-flight.
//
// Why this shape: a hit must cost well under 100 ns, so the table is split
// into shards (one mutex each, picked by key bits) and a hit is one lock, one
// hash lookup, one list splice and a copy of the value bytes. Memory is bounded
// by a byte budget shared by all shards; inserting past it evicts the least
// recently used entries of the inserting shard first, then of the others
// (approximate global LRU). Values are canonical bytes (purecc/serialize.h),
// so the tier is type-erased and its size is exact.
//
// Single flight: the first caller of a key *claims* it; later callers of the
// same key get the claim's Flight and wait. The owner either fulfils it
// (waiters receive the value), fails it (its body threw: waiters rethrow
// that exception, which their own call of the pure body would throw too),
// or abandons it (out of memory, a cycle of waits): waiters then learn that
// no value exists and run the body themselves, so nobody ever receives a
// value computed for another call or a half-made one.
//
// Waiting never deadlocks: a thread that joins parallel work may run an
// unrelated branch on top of a computation it owns (the scheduler's helping,
// purecc/scheduler.h), so thread A can own K and wait for L while thread B
// owns L and waits for K, though no function calls itself. Before blocking,
// a waiter follows the chain "flight -> its owner -> the flight that owner
// waits for -> ..."; if the chain comes back to the waiter, it does not
// block but computes the value itself (the function is pure: same value).
//
// Usage:
//   purecc::MemoCache cache(64 << 20);
//   std::string bytes;
//   auto probe = cache.acquire(key, bytes);
//   if (probe.outcome == purecc::MemoCache::Outcome::claimed) {
//     purecc::MemoCache::Claim claim(cache, key, std::move(probe.flight));
//     claim.fulfil(purecc::to_bytes(compute()), cost_ns);   // or throw: abandons
//   }
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include "purecc/memo_key.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <memory>
#include <string>

namespace purecc {

class MemoCache {
public:
  class Flight; // one in-progress computation; opaque
  struct Shard; // one lock's worth of entries; opaque

  enum class Outcome {
    hit,       ///< value copied out; cost_ns is what computing it took
    claimed,   ///< caller must compute and fulfil (or abandon) `flight`
    in_flight, ///< another thread computes it: wait on `flight`
    reentrant, ///< this thread is already computing this key: compute inline
  };
  struct Probe {
    Outcome outcome = Outcome::claimed;
    std::uint64_t cost_ns = 0;
    std::shared_ptr<Flight> flight;
  };

  /// `budget_bytes` bounds the bytes of all entries together (values plus a
  /// fixed per-entry overhead); 0 disables storing but keeps single-flight.
  explicit MemoCache(std::uint64_t budget_bytes, unsigned shard_count = 64);
  ~MemoCache();
  MemoCache(const MemoCache &) = delete;
  MemoCache &operator=(const MemoCache &) = delete;

  /// Looks `key` up; on a hit copies its bytes into `value`.
  Probe acquire(const MemoKey &key, std::string &value);

  /// Blocks until `flight` ends. True: its value and cost were copied out.
  /// False: the owner abandoned it, or waiting would close a cycle of waits
  /// (see the file comment); compute the value yourself. When the owner's
  /// body threw and `error` is given, *error receives its exception: the
  /// body is pure, so the waiter's own call would throw the same.
  static bool wait(const Flight &flight, std::string &value, std::uint64_t &cost_ns,
                   std::exception_ptr *error = nullptr);

  /// Ends a claimed flight with its value, publishing it to waiters and, if
  /// it fits the budget, to the table.
  void fulfil(const MemoKey &key, const std::shared_ptr<Flight> &flight, std::string value,
              std::uint64_t cost_ns);
  /// Ends a claimed flight without a value (waiters compute themselves).
  void abandon(const MemoKey &key, const std::shared_ptr<Flight> &flight) noexcept;
  /// Ends a claimed flight whose body threw `error`: waiters that ask for
  /// it rethrow it instead of running the body again. Never stored.
  void fail(const MemoKey &key, const std::shared_ptr<Flight> &flight,
            std::exception_ptr error) noexcept;

  /// Stores a value outside any flight (e.g. after an abandoned flight).
  void insert(const MemoKey &key, std::string value, std::uint64_t cost_ns);

  /// RAII for the claimed case: abandons unless fulfilled, so an exception
  /// thrown by the body always releases the waiters.
  class Claim {
  public:
    Claim(MemoCache &cache, const MemoKey &key, std::shared_ptr<Flight> flight) noexcept
        : cache_(&cache), key_(key), flight_(std::move(flight)) {}
    Claim(const Claim &) = delete;
    Claim &operator=(const Claim &) = delete;
    ~Claim() {
      if (flight_)
        cache_->abandon(key_, flight_);
    }
    void fulfil(std::string value, std::uint64_t cost_ns) {
      auto f = std::move(flight_);
      cache_->fulfil(key_, f, std::move(value), cost_ns);
    }
    void fail(std::exception_ptr error) noexcept {
      auto f = std::move(flight_);
      cache_->fail(key_, f, std::move(error));
    }

  private:
    MemoCache *cache_;
    MemoKey key_;
    std::shared_ptr<Flight> flight_;
  };

  std::uint64_t budget() const noexcept { return budget_; }
  std::uint64_t bytes() const noexcept { return bytes_.load(std::memory_order_relaxed); }
  std::uint64_t entries() const noexcept { return entries_.load(std::memory_order_relaxed); }
  std::uint64_t evictions() const noexcept { return evictions_.load(std::memory_order_relaxed); }
  /// Bytes charged for an entry besides its value (key, list and index nodes).
  static constexpr std::uint64_t kEntryOverhead = 96;

private:
  Shard &shard_for(const MemoKey &key) noexcept;
  void store(Shard &shard, const MemoKey &key, std::string value, std::uint64_t cost_ns);
  void evict_elsewhere(const Shard &except);
  void evict_oldest(Shard &shard);

  std::uint64_t budget_;
  unsigned shard_count_;
  std::unique_ptr<Shard[]> shards_;
  std::atomic<std::uint64_t> bytes_{0};
  std::atomic<std::uint64_t> entries_{0};
  std::atomic<std::uint64_t> evictions_{0};
  std::atomic<unsigned> next_victim_{0};
};

} // namespace purecc
