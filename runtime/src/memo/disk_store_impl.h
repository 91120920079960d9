// Internal: the state behind purecc::DiskStore, shared by disk_store.cpp
// (opening, reading, recovery, administration) and disk_writer.cpp (the
// background writer). Two SQLite connections, each under its own mutex:
// callers read through `reader` while the writer thread holds `writer` in a
// transaction, which WAL mode allows. Lock order: writer_mutex, reader_mutex.
#pragma once

#include "purecc/disk_store.h"

#include "batch_queue.h"
#include "sqlite_db.h"

#include <atomic>
#include <condition_variable>
#include <chrono>
#include <mutex>
#include <span>
#include <thread>
#include <variant>

namespace purecc {

class DiskStore::Impl {
public:
  explicit Impl(Options options);
  ~Impl();

  /// Opens both connections and creates the schema; "" or one line of error.
  /// A cache that cannot be opened for writing but can be read is opened
  /// for reading only (`read_only`, `read_only_reason`): "" too.
  std::string open_all();
  /// Opens `reader` alone, for reading only; the SQLite code. A cache
  /// whose write-ahead log cannot be read in place is read from a private
  /// copy (`read_only_note`), or `unreadable` says why not.
  int open_read_only(std::string &unreadable);
  /// Copies the database and `wal` into a private directory, merges them
  /// and opens the copy as `reader`, read-only; the SQLite code.
  int open_private_copy(const std::filesystem::path &wal);
  /// Deletes the database files and opens a fresh one (corruption recovery).
  /// Both mutexes must be held.
  std::string recreate_locked();
  void warn_once(const std::string &what);
  /// Prints `line` (options.warn, else stderr) unless a line was printed.
  void warn_line_once(const std::string &line);

  // --- queue (disk_writer.cpp) ---
  struct Put {
    MemoKey key;
    Hash128 function;
    const char *name;
    std::string value;
    std::uint64_t cost_ns;
  };
  struct Touch {
    MemoKey key;
    std::int64_t atime;
  };
  struct Erase {
    MemoKey key;
  };
  struct Counts {
    std::vector<StatsRow> rows;
  };
  using Op = std::variant<Put, Touch, Erase, Counts>;
  void enqueue(Op op);
  void flush();
  /// Asks the writer to run now without waiting for it.
  void wake();
  void start_writer();
  void stop_writer();
  /// Writes one batch in a transaction; needs writer_mutex. Returns the code.
  int write_batch_locked(std::span<const Op> batch);
  /// If the stored bytes exceed `limit`, deletes least recently used entries
  /// until they are <= target; needs writer_mutex. Adds to *evicted.
  int evict_locked(std::uint64_t target, std::uint64_t limit, std::uint64_t *evicted);

  Options options;
  std::filesystem::path file;
  /// Opened for reading only: no writer connection, no writer thread, and
  /// every queued operation dropped (adv112 F2).
  bool read_only = false;
  std::string read_only_reason; ///< why the writable open failed
  std::string read_only_note;   ///< how it is read, if not in place

  std::mutex writer_mutex;
  sqlite::Db writer;
  std::mutex reader_mutex;
  sqlite::Db reader;
  /// The lookup statement, prepared once per reader connection (a lookup
  /// happens on every memory miss). Guarded by reader_mutex.
  std::unique_ptr<sqlite::Stmt> lookup;
  /// Set by readers that saw corruption; the writer rebuilds the database.
  std::atomic<bool> rebuild_requested{false};
  std::atomic<std::uint64_t> corrupt_seen{0};

  /// Operations per transaction, and per batch that the writer takes at once.
  static constexpr std::size_t kBatchOps = 256;
  /// Past this many queued value bytes, callers wait for the writer
  /// instead of letting the queue grow without bound.
  static constexpr std::size_t kMaxQueuedBytes = std::size_t{64} << 20;

private:
  void writer_loop();

  using OpQueue = batch_queue<Op>;
  OpQueue queue{{kBatchOps, kMaxQueuedBytes, kMaxQueuedBytes}};
  std::thread thread;
  std::once_flag warned;
};

/// Microseconds since the epoch: access times comparable across processes.
std::int64_t now_micros() noexcept;
/// The stored checksum of an entry: XXH3-128(key · value), 16 bytes.
std::string entry_checksum(const MemoKey &key, std::string_view value);
/// The 16 bytes under which a key or fingerprint is stored.
std::string hash_blob(const Hash128 &h);
Hash128 blob_hash(std::string_view blob) noexcept;

} // namespace purecc
