// purecc/memo_stats.h — per-function memo counters and their report.
//
// Why: PURECC_STATS=1 prints, at exit, what memoization did for each
// function (calls, hits per tier, misses, time saved), and the disk tier keeps
// the same counters across runs for `purecc cache stats`. Counters are
// relaxed atomics in a table indexed by MemoSite::id(), so counting costs a
// few nanoseconds and no lookup.
//
// Usage:
//   purecc::MemoStats stats;
//   purecc::SiteCounters &c = stats.counters(site);
//   c.on_call(); c.on_mem_hit(cost_ns);
//   purecc::print_stats_table(stats.rows(), std::cerr);
#pragma once

#include "purecc/memo_site.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>
#include <vector>

namespace purecc {

/// Plain counts; `saved_ns` adds, per hit, what computing the value took.
struct CallCounts {
  std::uint64_t calls = 0;
  std::uint64_t mem_hits = 0;
  std::uint64_t disk_hits = 0;
  std::uint64_t misses = 0;
  std::uint64_t saved_ns = 0;
  std::uint64_t compute_ns = 0;
  CallCounts &operator+=(const CallCounts &o) noexcept;
  CallCounts operator-(const CallCounts &o) const noexcept;
  friend bool operator==(const CallCounts &, const CallCounts &) = default;
};

struct StatsRow {
  std::string name;
  Hash128 fingerprint;
  CallCounts counts;
};

class alignas(64) SiteCounters {
public:
  void on_call() noexcept { calls_.fetch_add(1, std::memory_order_relaxed); }
  void on_mem_hit(std::uint64_t cost_ns) noexcept { hit(mem_hits_, cost_ns); }
  void on_disk_hit(std::uint64_t cost_ns) noexcept { hit(disk_hits_, cost_ns); }
  void on_miss(std::uint64_t compute_ns) noexcept {
    misses_.fetch_add(1, std::memory_order_relaxed);
    compute_ns_.fetch_add(compute_ns, std::memory_order_relaxed);
  }
  CallCounts snapshot() const noexcept;

private:
  void hit(std::atomic<std::uint64_t> &tier, std::uint64_t cost_ns) noexcept {
    tier.fetch_add(1, std::memory_order_relaxed);
    saved_ns_.fetch_add(cost_ns, std::memory_order_relaxed);
  }
  std::atomic<std::uint64_t> calls_{0}, mem_hits_{0}, disk_hits_{0}, misses_{0}, saved_ns_{0},
      compute_ns_{0};
};

class MemoStats {
public:
  MemoStats();
  ~MemoStats();
  MemoStats(const MemoStats &) = delete;
  MemoStats &operator=(const MemoStats &) = delete;

  /// The counters of `site` in this table (created on first use).
  SiteCounters &counters(const MemoSite &site) {
    const std::uint32_t id = site.id();
    if (id < kCapacity) {
      Chunk *chunk = chunks_[id / kChunk].load(std::memory_order_acquire);
      if (chunk && chunk->sites[id % kChunk].load(std::memory_order_relaxed) == &site)
        return chunk->counters[id % kChunk];
    }
    return slow_counters(site);
  }
  /// Every function seen so far, in order of first use.
  std::vector<StatsRow> rows() const;
  /// Counts since the previous call (what still has to be added to the
  /// persistent per-function counters); rows with no calls are left out.
  std::vector<StatsRow> take_unflushed();

  static constexpr std::uint32_t kChunk = 256;
  static constexpr std::uint32_t kCapacity = kChunk * 1024;

private:
  struct Chunk {
    SiteCounters counters[kChunk];
    std::atomic<const MemoSite *> sites[kChunk] = {};
    CallCounts flushed[kChunk] = {};
  };
  SiteCounters &slow_counters(const MemoSite &site);

  std::unique_ptr<std::atomic<Chunk *>[]> chunks_;
  mutable std::mutex mutex_; // creation of chunks and sites, take_unflushed
  std::vector<std::uint32_t> order_;
  /// Functions beyond kCapacity share this row, reported as "(others)".
  SiteCounters overflow_;
  CallCounts overflow_flushed_;
};

/// Writes the PURECC_STATS report, e.g.
///   purecc: memo statistics
///     function  calls  mem hits  disk hits  misses  time saved
///     fib         100        80          8      12     12.3 ms
void print_stats_table(const std::vector<StatsRow> &rows, std::ostream &out);

} // namespace purecc
