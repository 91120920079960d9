// Per-function memo counters and the PURECC_STATS report (purecc/memo_stats.h).
#include "purecc/memo_stats.h"

#include "purecc/memo_config.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sstream>
#include <string>

namespace purecc {

namespace {
std::atomic<std::uint32_t> next_site_id{0};
}

std::uint32_t MemoSite::assign_id() const noexcept {
  std::uint32_t expected = 0;
  const std::uint32_t fresh = next_site_id.fetch_add(1, std::memory_order_relaxed) + 1;
  if (id_.compare_exchange_strong(expected, fresh, std::memory_order_relaxed))
    return fresh - 1;
  return expected - 1; // another thread won; its id stands
}

CallCounts &CallCounts::operator+=(const CallCounts &o) noexcept {
  calls += o.calls;
  mem_hits += o.mem_hits;
  disk_hits += o.disk_hits;
  misses += o.misses;
  saved_ns += o.saved_ns;
  compute_ns += o.compute_ns;
  shared_hits += o.shared_hits;
  shared_writes += o.shared_writes;
  shared_rejected += o.shared_rejected;
  return *this;
}

CallCounts CallCounts::operator-(const CallCounts &o) const noexcept {
  CallCounts d;
  d.calls = calls - o.calls;
  d.mem_hits = mem_hits - o.mem_hits;
  d.disk_hits = disk_hits - o.disk_hits;
  d.misses = misses - o.misses;
  d.saved_ns = saved_ns - o.saved_ns;
  d.compute_ns = compute_ns - o.compute_ns;
  d.shared_hits = shared_hits - o.shared_hits;
  d.shared_writes = shared_writes - o.shared_writes;
  d.shared_rejected = shared_rejected - o.shared_rejected;
  return d;
}

namespace detail {
unsigned stats_stripe() noexcept {
  static std::atomic<unsigned> next{0};
  thread_local const unsigned stripe =
      next.fetch_add(1, std::memory_order_relaxed) % SiteCounters::kStripes;
  return stripe;
}
} // namespace detail

CallCounts SiteCounters::snapshot() const noexcept {
  CallCounts c;
  for (const Stripe &s : stripes_) {
    c.calls += s.calls.load(std::memory_order_relaxed);
    c.mem_hits += s.mem_hits.load(std::memory_order_relaxed);
    c.disk_hits += s.disk_hits.load(std::memory_order_relaxed);
    c.misses += s.misses.load(std::memory_order_relaxed);
    c.saved_ns += s.saved_ns.load(std::memory_order_relaxed);
    c.compute_ns += s.compute_ns.load(std::memory_order_relaxed);
    c.shared_hits += s.shared_hits.load(std::memory_order_relaxed);
    c.shared_writes += s.shared_writes.load(std::memory_order_relaxed);
    c.shared_rejected += s.shared_rejected.load(std::memory_order_relaxed);
  }
  return c;
}

MemoStats::MemoStats() : chunks_(new std::atomic<Chunk *>[kCapacity / kChunk]) {
  for (std::uint32_t i = 0; i < kCapacity / kChunk; ++i)
    chunks_[i].store(nullptr, std::memory_order_relaxed);
}

MemoStats::~MemoStats() {
  for (std::uint32_t i = 0; i < kCapacity / kChunk; ++i)
    delete chunks_[i].load(std::memory_order_relaxed);
}

SiteCounters &MemoStats::slow_counters(const MemoSite &site) {
  const std::uint32_t id = site.id();
  if (id >= kCapacity)
    return overflow_;
  std::lock_guard lock(mutex_);
  Chunk *chunk = chunks_[id / kChunk].load(std::memory_order_relaxed);
  if (!chunk) {
    chunk = new Chunk;
    chunks_[id / kChunk].store(chunk, std::memory_order_release);
  }
  if (chunk->sites[id % kChunk].load(std::memory_order_relaxed) != &site) {
    chunk->sites[id % kChunk].store(&site, std::memory_order_relaxed);
    order_.push_back(id);
  }
  return chunk->counters[id % kChunk];
}

std::vector<StatsRow> MemoStats::rows() const {
  std::lock_guard lock(mutex_);
  std::vector<StatsRow> out;
  for (std::uint32_t id : order_) {
    const Chunk *chunk = chunks_[id / kChunk].load(std::memory_order_relaxed);
    const MemoSite *site = chunk->sites[id % kChunk].load(std::memory_order_relaxed);
    out.push_back(StatsRow{site->name(), site->fingerprint(), chunk->counters[id % kChunk].snapshot()});
  }
  if (const CallCounts o = overflow_.snapshot(); o.calls != 0)
    out.push_back(StatsRow{"(others)", Hash128{}, o});
  return out;
}

std::vector<StatsRow> MemoStats::take_unflushed() {
  std::lock_guard lock(mutex_);
  std::vector<StatsRow> out;
  for (std::uint32_t id : order_) {
    Chunk *chunk = chunks_[id / kChunk].load(std::memory_order_relaxed);
    const MemoSite *site = chunk->sites[id % kChunk].load(std::memory_order_relaxed);
    const CallCounts now = chunk->counters[id % kChunk].snapshot();
    const CallCounts delta = now - chunk->flushed[id % kChunk];
    chunk->flushed[id % kChunk] = now;
    if (delta.calls != 0)
      out.push_back(StatsRow{site->name(), site->fingerprint(), delta});
  }
  const CallCounts now = overflow_.snapshot();
  if (const CallCounts delta = now - overflow_flushed_; delta.calls != 0)
    out.push_back(StatsRow{"(others)", Hash128{}, delta});
  overflow_flushed_ = now;
  return out;
}

namespace {
std::string &memo_stats_label() {
  static std::string label; // set once before main, read at exit
  return label;
}
} // namespace

void set_memo_stats_label(std::string label) { memo_stats_label() = std::move(label); }

void print_stats_table(const std::vector<StatsRow> &rows, std::ostream &dest, SharedColumns shared) {
  // The table is composed first and written at once: on an unbuffered
  // stream (std::cerr) each insertion is a write of its own, and under
  // mpirun another rank's lines arrived inside this one's header.
  std::ostringstream out;
  std::size_t name_width = 8;
  for (const StatsRow &r : rows)
    name_width = std::max(name_width, r.name.size());
  auto line = [&](const std::string &name, const std::string &calls, const std::string &mem,
                  const std::string &disk, const std::string &shared_cols, const std::string &misses,
                  const std::string &saved) {
    std::string buf(name_width + 192, '\0');
    const int n = std::snprintf(buf.data(), buf.size(), "  %-*s %10s %10s %10s%s %10s %12s\n",
                                static_cast<int>(name_width), name.c_str(), calls.c_str(), mem.c_str(),
                                disk.c_str(), shared_cols.c_str(), misses.c_str(), saved.c_str());
    out.write(buf.data(), std::min<std::streamsize>(n, static_cast<std::streamsize>(buf.size() - 1)));
  };
  auto shared_text = [&](const std::string &hits, const std::string &writes, const std::string &rejected) {
    if (shared == SharedColumns::hide)
      return std::string();
    char buf[96];
    std::snprintf(buf, sizeof buf, " %11s %13s %8s", hits.c_str(), writes.c_str(), rejected.c_str());
    return std::string(buf);
  };
  out << "purecc: memo statistics";
  if (!memo_stats_label().empty())
    out << " (" << memo_stats_label() << ")";
  out << "\n";
  line("function", "calls", "mem hits", "disk hits", shared_text("shared hits", "shared writes", "rejected"),
       "misses", "time saved");
  for (const StatsRow &r : rows) {
    const CallCounts &c = r.counts;
    line(r.name, std::to_string(c.calls), std::to_string(c.mem_hits), std::to_string(c.disk_hits),
         shared_text(std::to_string(c.shared_hits), std::to_string(c.shared_writes),
                     std::to_string(c.shared_rejected)),
         std::to_string(c.misses),
         format_duration(std::chrono::nanoseconds(static_cast<std::int64_t>(c.saved_ns))));
  }
  const std::string table = out.str();
  dest.write(table.data(), static_cast<std::streamsize>(table.size()));
  dest.flush();
}

} // namespace purecc
