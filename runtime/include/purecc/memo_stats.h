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
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

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
  // The shared tier (purecc/shared_store.h); counted per process only: the
  // disk tier's per-function counters do not keep them across runs.
  std::uint64_t shared_hits = 0;
  std::uint64_t shared_writes = 0;   ///< results queued for the shared tier
  std::uint64_t shared_rejected = 0; ///< entries whose checksum or tag failed
  CallCounts &operator+=(const CallCounts &o) noexcept;
  CallCounts operator-(const CallCounts &o) const noexcept;
  friend bool operator==(const CallCounts &, const CallCounts &) = default;
};

struct StatsRow {
  std::string name;
  Hash128 fingerprint;
  CallCounts counts;
};

namespace detail {
/// The counter stripe of the calling thread (threads are numbered round
/// robin on first use).
unsigned stats_stripe() noexcept;
} // namespace detail

/// One memoized function's counters. Striped: each thread adds to its own
/// cache line, so concurrent hits of one function do not contend on the
/// counters (they did: 2 threads took a hit from 41 ns to 176 ns of CPU).
class SiteCounters {
public:
  void on_call() noexcept { mine().calls.fetch_add(1, std::memory_order_relaxed); }
  void on_mem_hit(std::uint64_t cost_ns) noexcept { hit(&Stripe::mem_hits, cost_ns); }
  void on_disk_hit(std::uint64_t cost_ns) noexcept { hit(&Stripe::disk_hits, cost_ns); }
  void on_shared_hit(std::uint64_t cost_ns) noexcept { hit(&Stripe::shared_hits, cost_ns); }
  void on_shared_write() noexcept { mine().shared_writes.fetch_add(1, std::memory_order_relaxed); }
  void on_shared_rejected() noexcept {
    mine().shared_rejected.fetch_add(1, std::memory_order_relaxed);
  }
  void on_miss(std::uint64_t compute_ns) noexcept {
    Stripe &s = mine();
    s.misses.fetch_add(1, std::memory_order_relaxed);
    s.compute_ns.fetch_add(compute_ns, std::memory_order_relaxed);
  }
  /// The sums over all stripes.
  CallCounts snapshot() const noexcept;

  static constexpr unsigned kStripes = 8;

private:
  struct alignas(64) Stripe {
    std::atomic<std::uint64_t> calls{0}, mem_hits{0}, disk_hits{0}, misses{0}, saved_ns{0},
        compute_ns{0}, shared_hits{0}, shared_writes{0}, shared_rejected{0};
  };
  Stripe &mine() noexcept { return stripes_[detail::stats_stripe()]; }
  void hit(std::atomic<std::uint64_t> Stripe::*tier, std::uint64_t cost_ns) noexcept {
    Stripe &s = mine();
    (s.*tier).fetch_add(1, std::memory_order_relaxed);
    s.saved_ns.fetch_add(cost_ns, std::memory_order_relaxed);
  }
  Stripe stripes_[kStripes];
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

/// Whether the PURECC_STATS report has the shared tier's columns.
enum class SharedColumns { hide, show };

/// Names this process in the report's heading ("purecc: memo statistics
/// (rank 1 on node7)"): under mpirun every rank that memoized prints its
/// own table, and a reader must know whose it is. Set by purecc_rt_mpi
/// before main; empty (the default) keeps the plain heading.
///   purecc::set_memo_stats_label("rank 1 on node7");
void set_memo_stats_label(std::string label);

/// Writes the PURECC_STATS report, e.g.
///   purecc: memo statistics
///     function  calls  mem hits  disk hits  misses  time saved
///     fib         100        80          8      12     12.3 ms
/// With SharedColumns::show, "shared hits", "shared writes" and "rejected"
/// follow "disk hits".
void print_stats_table(const std::vector<StatsRow> &rows, std::ostream &out,
                       SharedColumns shared = SharedColumns::hide);

} // namespace purecc
