// The disk tier's background writer (purecc/disk_store.h): callers only queue
// operations; this thread writes them in one transaction per batch, so the
// hot path never waits for SQLite, fsync or another process's lock.
#include "disk_store_impl.h"

#include <algorithm>
#include <span>

namespace purecc {

namespace {
std::size_t op_bytes(const DiskStore::Impl::Op &op) {
  if (const auto *p = std::get_if<DiskStore::Impl::Put>(&op))
    return p->value.size();
  return 0;
}
} // namespace

void DiskStore::Impl::start_writer() {
  thread = std::thread([this] { writer_loop(); });
}

void DiskStore::Impl::stop_writer() {
  if (!thread.joinable())
    return;
  queue.stop();
  thread.join();
}

void DiskStore::Impl::enqueue(Op op) {
  if (read_only) // no writer drains the queue: callers would end up waiting
    return;
  const std::size_t bytes = op_bytes(op);
  (void)queue.push(std::move(op), bytes); // after shutdown the store only answers reads
}

void DiskStore::Impl::flush() {
  if (thread.joinable())
    queue.flush();
}

void DiskStore::Impl::wake() { queue.wake(); }

void DiskStore::Impl::writer_loop() {
  for (;;) {
    const OpQueue::batch batch = queue.take(options.flush_interval);
    {
      std::lock_guard lock(writer_mutex);
      if (rebuild_requested.exchange(false)) {
        std::lock_guard rlock(reader_mutex);
        if (std::string error = recreate_locked(); !error.empty())
          warn_once(error);
      }
      // One transaction per kBatchOps operations: a writer that fell behind
      // (a loaded machine, a burst of results) commits what it holds in
      // pieces, so a full disk or a kill keeps every piece committed before
      // it, never all-or-nothing.
      const std::vector<Op> &ops = batch.items;
      for (std::size_t begin = 0; begin < ops.size(); begin += kBatchOps) {
        const std::span<const Op> slice(ops.data() + begin, std::min(kBatchOps, ops.size() - begin));
        int rc = write_batch_locked(slice);
        if (sqlite::is_corruption(rc)) {
          std::lock_guard rlock(reader_mutex);
          if (std::string error = recreate_locked(); !error.empty())
            warn_once(error);
          rc = write_batch_locked(slice);
        }
        if (rc == SQLITE_OK && options.max_bytes != 0) {
          std::uint64_t evicted = 0;
          rc = evict_locked(options.max_bytes / 10 * 9, options.max_bytes, &evicted);
        }
        if (rc != SQLITE_OK)
          warn_once(writer.error(rc));
      }
    }
    queue.done(batch);
    if (batch.last)
      return;
  }
}

int DiskStore::Impl::write_batch_locked(std::span<const Op> batch) {
  if (!writer)
    return SQLITE_CANTOPEN;
  int rc = writer.exec("BEGIN IMMEDIATE");
  if (rc != SQLITE_OK)
    return rc;
  sqlite::Stmt put(writer, "INSERT INTO entries(key, fn, value, sum, cost_ns, atime) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(key) DO NOTHING");
  sqlite::Stmt name(writer, "INSERT INTO functions(fn, name) VALUES (?1, ?2) "
                            "ON CONFLICT(fn) DO NOTHING");
  sqlite::Stmt touch(writer, "UPDATE entries SET atime = max(atime, ?2) WHERE key = ?1");
  sqlite::Stmt erase(writer, "DELETE FROM entries WHERE key = ?1");
  sqlite::Stmt counts(writer,
                      "INSERT INTO functions(fn, name, calls, mem_hits, disk_hits, misses, "
                      "saved_ns, compute_ns) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
                      "ON CONFLICT(fn) DO UPDATE SET name = excluded.name, "
                      "calls = calls + excluded.calls, mem_hits = mem_hits + excluded.mem_hits, "
                      "disk_hits = disk_hits + excluded.disk_hits, misses = misses + excluded.misses, "
                      "saved_ns = saved_ns + excluded.saved_ns, "
                      "compute_ns = compute_ns + excluded.compute_ns");
  auto run = [&](sqlite::Stmt &s) {
    if (rc == SQLITE_OK) {
      const int step = s.step();
      rc = step == SQLITE_DONE ? SQLITE_OK : step;
    }
    s.reset();
  };
  auto i64 = [](std::uint64_t v) { return static_cast<std::int64_t>(v); };
  const std::int64_t now = now_micros();
  for (const Op &op : batch) {
    if (const auto *p = std::get_if<Put>(&op)) {
      const std::string fn = hash_blob(p->function);
      put.bind(1, hash_blob(p->key)).bind(2, fn).bind(3, p->value);
      put.bind(4, entry_checksum(p->key, p->value)).bind(5, i64(p->cost_ns)).bind(6, now);
      run(put);
      name.bind(1, fn).bind_text(2, p->name);
      run(name);
    } else if (const auto *t = std::get_if<Touch>(&op)) {
      touch.bind(1, hash_blob(t->key)).bind(2, t->atime);
      run(touch);
    } else if (const auto *e = std::get_if<Erase>(&op)) {
      erase.bind(1, hash_blob(e->key));
      run(erase);
    } else if (const auto *c = std::get_if<Counts>(&op)) {
      for (const StatsRow &r : c->rows) {
        const CallCounts &k = r.counts;
        counts.bind(1, hash_blob(r.fingerprint)).bind_text(2, r.name).bind(3, i64(k.calls));
        counts.bind(4, i64(k.mem_hits)).bind(5, i64(k.disk_hits)).bind(6, i64(k.misses));
        counts.bind(7, i64(k.saved_ns)).bind(8, i64(k.compute_ns));
        run(counts);
      }
    }
  }
  if (rc == SQLITE_OK)
    rc = writer.exec("COMMIT");
  if (rc != SQLITE_OK)
    writer.exec("ROLLBACK");
  return rc;
}

// Evicts least recently used entries once the stored bytes exceed `limit`,
// down to `target` (below the limit, so that eviction runs now and then
// rather than after every batch).
int DiskStore::Impl::evict_locked(std::uint64_t target, std::uint64_t limit, std::uint64_t *evicted) {
  std::uint64_t bytes = 0;
  {
    sqlite::Stmt totals(writer, "SELECT bytes FROM totals WHERE id = 1");
    const int rc = totals.step();
    if (rc != SQLITE_ROW)
      return rc == SQLITE_DONE ? SQLITE_CORRUPT : rc;
    bytes = static_cast<std::uint64_t>(totals.int64(0));
  }
  if (bytes <= limit)
    return SQLITE_OK;
  std::vector<std::string> victims;
  {
    sqlite::Stmt oldest(writer, "SELECT key, length(value) FROM entries ORDER BY atime");
    int rc;
    while (bytes > target && (rc = oldest.step()) == SQLITE_ROW) {
      victims.emplace_back(oldest.blob(0));
      bytes -= std::min<std::uint64_t>(bytes, static_cast<std::uint64_t>(oldest.int64(1)) +
                                                  DiskStore::kEntryOverhead);
    }
  }
  int rc = writer.exec("BEGIN IMMEDIATE");
  if (rc != SQLITE_OK)
    return rc;
  sqlite::Stmt del(writer, "DELETE FROM entries WHERE key = ?1");
  for (const std::string &k : victims) {
    const int step = del.bind(1, k).step();
    del.reset();
    if (step != SQLITE_DONE) {
      writer.exec("ROLLBACK");
      return step;
    }
  }
  if ((rc = writer.exec("COMMIT")) != SQLITE_OK) {
    writer.exec("ROLLBACK");
    return rc;
  }
  *evicted += victims.size();
  // Hand freed pages back so the file itself shrinks toward the limit.
  return writer.exec("PRAGMA incremental_vacuum");
}

} // namespace purecc
