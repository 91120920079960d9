// purecc/disk_store.h — the persistent memo tier: one SQLite database per cache directory.
//
// Why SQLite: it is embedded, survives crashes, and in WAL mode lets many
// processes read and write one cache at once (writers wait up to a busy
// timeout). The file is `<dir>/memo.sqlite`.
//
// Rules it keeps:
// - Every entry stores XXH3-128(key · value) beside it; a mismatch on read is
//   a miss and the entry is deleted. A database SQLite reports as corrupt
//   (or not a database) is deleted and recreated empty. Never a wrong answer.
// - A cache that cannot be opened for writing (another user's, a read-only
//   mount, a CI artifact) is opened for reading only: its entries are
//   served, new results stay in memory, and `warn` gets one line.
// - Writes never happen on the caller's thread: put/erase/touch/add_counts
//   queue an operation; a background thread writes queued operations in
//   transactions of at most 256 operations, at the latest `flush_interval`
//   after the oldest was queued (sooner at 256), and the destructor writes
//   what is left. So a process killed with `kill -9` loses only results
//   finished in the last flush_interval plus the time to write what was
//   queued before them: well under a second unless the disk stalls.
// - Entries are write-once (pure results never change); reading one bumps
//   its access time. After each batch, if the stored bytes exceed
//   `max_bytes`, the least recently used entries are deleted down to 90% of it.
// - Per-function counters (calls, hits, misses, time saved) accumulate across
//   runs for `purecc cache stats`.
//
// Usage:
//   std::string error;
//   auto store = purecc::DiskStore::open({.dir = "/tmp/cache"}, error);
//   if (!store) { std::fprintf(stderr, "%s\n", error.c_str()); return; }
//   store->put(key, fingerprint, "f", purecc::to_bytes(42), cost_ns);
//   store->flush();
//   if (auto rec = store->get(key)) use(*purecc::from_bytes<int>(rec->value));
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include "purecc/memo_key.h"
#include "purecc/memo_stats.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace purecc {

class DiskStore {
public:
  struct Options {
    std::filesystem::path dir;
    std::uint64_t max_bytes = std::uint64_t{5} << 30; ///< 0 = no limit
    /// The longest a queued operation waits before its batch is written.
    std::chrono::milliseconds flush_interval{50};
    /// Receives at most one line: the first time writing fails, or at open
    /// that the cache is read-only (stderr if empty).
    std::function<void(const std::string &)> warn = {};
  };
  static constexpr const char *kFileName = "memo.sqlite";
  /// Bytes charged per entry besides its value (key, checksum, index rows).
  static constexpr std::uint64_t kEntryOverhead = 100;

  /// Opens or creates the cache in `options.dir` (creating the directory).
  /// On failure returns nullptr and sets `error` to one line saying why.
  static std::unique_ptr<DiskStore> open(Options options, std::string &error);
  ~DiskStore(); // writes everything still queued
  DiskStore(const DiskStore &) = delete;
  DiskStore &operator=(const DiskStore &) = delete;

  const std::filesystem::path &file() const noexcept;
  std::uint64_t max_bytes() const noexcept;
  /// The cache could not be opened for writing but can be read (another
  /// user's, a read-only mount): lookups are served, put/erase/add_counts
  /// are dropped, clear and prune do nothing, and open() gave `warn` one
  /// line saying so.
  bool read_only() const noexcept;

  struct Record {
    std::string value;
    std::uint64_t cost_ns = 0; ///< what computing the value took
  };
  /// The verified value of `key`, or nullopt (absent, corrupt, or the
  /// database is unusable). A hit queues an access-time update.
  std::optional<Record> get(const MemoKey &key);
  /// Queues storing a value (ignored if the key is already stored).
  void put(const MemoKey &key, const Hash128 &function, const char *function_name, std::string value,
           std::uint64_t cost_ns);
  /// Queues deleting an entry, e.g. one whose bytes its type failed to read.
  void erase(const MemoKey &key);
  /// Queues adding per-function counts.
  void add_counts(std::vector<StatsRow> rows);
  /// Blocks until every operation queued before the call is written.
  void flush();
  /// Writes what is queued, stops the writer thread and closes the file (at
  /// process exit). Afterwards every read is a miss and writes are dropped.
  void shutdown();
  /// Number of corrupt entries found by get() (each was deleted).
  std::uint64_t corrupt_entries_seen() const noexcept;

  // --- administration (synchronous; used by purecc::cache_command) ---------
  struct FunctionRow {
    std::string name;
    Hash128 fingerprint;
    std::uint64_t entries = 0;
    std::uint64_t bytes = 0;
    CallCounts counts;
  };
  struct Summary {
    std::uint64_t entries = 0;
    std::uint64_t bytes = 0;
    CallCounts totals;
    std::vector<FunctionRow> functions; ///< sorted by name
  };
  Summary summary();
  /// Deletes every entry and counter; returns how many entries there were.
  std::uint64_t clear();
  struct PruneReport {
    std::uint64_t corrupt = 0; ///< entries whose checksum did not match
    std::uint64_t evicted = 0; ///< entries removed to meet max_bytes
    bool recreated = false;    ///< the database itself was corrupt
    std::uint64_t bytes = 0;   ///< stored bytes afterwards
  };
  /// Checks every entry, enforces the size limit, and gives free pages
  /// back to the file system.
  PruneReport prune();

  class Impl;

private:
  explicit DiskStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

} // namespace purecc
