// The persistent memo tier (purecc/disk_store.h): opening and recovering the
// SQLite database, verified reads, and the administration commands. The
// background writer is in disk_writer.cpp.
#include "disk_store_impl.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <system_error>

namespace purecc {

namespace {
constexpr int kBusyTimeoutMs = 10000;
constexpr int kSchemaVersion = 1;
/// The most a read-only cache's database and write-ahead log may hold
/// together for a private copy to be read (adv114 F4): the copy is paid by
/// every run that opens the cache, so it is bounded by what a start-up may
/// cost (a quarter of a second or so), not by PURECC_CACHE_MAX_SIZE.
constexpr std::uint64_t kMaxPrivateCopy = 256ULL << 20;

// Size accounting lives in triggers so that every process sharing the file
// keeps `totals` exact without scanning the table.
constexpr const char *kSchema = R"sql(
CREATE TABLE IF NOT EXISTS entries(
  key BLOB PRIMARY KEY NOT NULL, fn BLOB NOT NULL, value BLOB NOT NULL,
  sum BLOB NOT NULL, cost_ns INTEGER NOT NULL, atime INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS entries_by_atime ON entries(atime);
CREATE INDEX IF NOT EXISTS entries_by_fn ON entries(fn);
CREATE TABLE IF NOT EXISTS totals(
  id INTEGER PRIMARY KEY CHECK (id = 1), entries INTEGER NOT NULL, bytes INTEGER NOT NULL);
INSERT OR IGNORE INTO totals VALUES (1, 0, 0);
CREATE TABLE IF NOT EXISTS functions(
  fn BLOB PRIMARY KEY NOT NULL, name TEXT NOT NULL,
  calls INTEGER NOT NULL DEFAULT 0, mem_hits INTEGER NOT NULL DEFAULT 0,
  disk_hits INTEGER NOT NULL DEFAULT 0, misses INTEGER NOT NULL DEFAULT 0,
  saved_ns INTEGER NOT NULL DEFAULT 0, compute_ns INTEGER NOT NULL DEFAULT 0);
CREATE TRIGGER IF NOT EXISTS entries_added AFTER INSERT ON entries BEGIN
  UPDATE totals SET entries = entries + 1, bytes = bytes + length(NEW.value) + 100 WHERE id = 1;
END;
CREATE TRIGGER IF NOT EXISTS entries_removed AFTER DELETE ON entries BEGIN
  UPDATE totals SET entries = entries - 1, bytes = bytes - length(OLD.value) - 100 WHERE id = 1;
END;
PRAGMA user_version = 1;
)sql";
static_assert(DiskStore::kEntryOverhead == 100, "kSchema's triggers charge 100 bytes per entry");

void put_u64(std::string &out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i)
    out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

std::uint64_t get_u64(std::string_view in) noexcept {
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i)
    v |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[i])) << (8 * i);
  return v;
}

/// The read that shows a damaged file first (`totals`), and the other
/// tables' columns: a file that says it has this schema (user_version) but
/// lacks a table or a column of it cannot be ours as written, and counts as
/// damaged (adv72 F5: 'no such table: totals' made the store, and `purecc
/// cache clear`, fail on every run). The statements only prepare.
int check_schema(const sqlite::Db &db) {
  sqlite::Stmt probe(db, "SELECT entries, bytes FROM totals WHERE id = 1");
  int rc = probe.step();
  if (rc != SQLITE_ROW)
    return rc == SQLITE_DONE || rc == SQLITE_ERROR ? SQLITE_CORRUPT : rc;
  for (const char *columns : {"SELECT key, fn, value, sum, cost_ns, atime FROM entries LIMIT 0",
                              "SELECT fn, name, calls, mem_hits, disk_hits, misses, saved_ns, "
                              "compute_ns FROM functions LIMIT 0"}) {
    sqlite::Stmt shape(db, columns);
    if ((rc = shape.step()) != SQLITE_DONE)
      return rc == SQLITE_ERROR ? SQLITE_CORRUPT : rc;
  }
  return SQLITE_OK;
}

/// Pragmas and schema on a freshly opened writer connection; then a read of
/// `totals`, which is where a damaged file usually shows first, and the
/// other tables' columns (a schema that does not match its version number
/// counts as damaged).
///
/// Why without syncs until the schema is in: creating a cache (the first
/// page, the switch to WAL, the schema) took three transactions and nine
/// fdatasyncs, 25-60 ms on this VM, at the program's first memoized call.
/// A crash meanwhile leaves a file that is empty or fails the probe below
/// and is rebuilt — never a wrong entry (entries carry checksums) — so the
/// syncs bought nothing. An existing cache is only read here.
int setup(sqlite::Db &db) {
  int rc = db.exec("PRAGMA synchronous = OFF; PRAGMA auto_vacuum = INCREMENTAL;"
                   "PRAGMA journal_mode = WAL;");
  if (rc != SQLITE_OK)
    return rc;
  auto read_version = [&db](std::int64_t &v) {
    sqlite::Stmt version(db, "PRAGMA user_version");
    const int step = version.step();
    if (step == SQLITE_ROW)
      v = version.int64(0);
    return step;
  };
  std::int64_t v = -1;
  // The common case, an existing cache, needs no write transaction.
  if ((rc = read_version(v)) != SQLITE_ROW || v != kSchemaVersion) {
    if ((rc = db.exec("BEGIN IMMEDIATE")) != SQLITE_OK)
      return rc;
    rc = read_version(v); // re-read under the lock: another process may have won
  }
  if (rc == SQLITE_ROW && v != kSchemaVersion) {
    // An unknown layout is a cache we cannot read: start over in place.
    if (v != 0)
      rc = db.exec("DROP TABLE IF EXISTS entries; DROP TABLE IF EXISTS totals;"
                   "DROP TABLE IF EXISTS functions;");
    if (rc == SQLITE_ROW || rc == SQLITE_OK)
      rc = db.exec(kSchema);
  }
  if (rc != SQLITE_ROW && rc != SQLITE_OK) {
    db.exec("ROLLBACK");
    return rc;
  }
  if (!sqlite3_get_autocommit(db.get()) && (rc = db.exec("COMMIT")) != SQLITE_OK)
    return rc;
  if ((rc = db.exec("PRAGMA synchronous = NORMAL")) != SQLITE_OK)
    return rc;
  return check_schema(db);
}

void remove_database_files(const std::filesystem::path &file) {
  std::error_code ec;
  for (const char *suffix : {"", "-wal", "-shm", "-journal"})
    std::filesystem::remove(file.string() + suffix, ec);
}
} // namespace

std::int64_t now_micros() noexcept {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string hash_blob(const Hash128 &h) {
  std::string out;
  put_u64(out, h.hi);
  put_u64(out, h.lo);
  return out;
}

Hash128 blob_hash(std::string_view blob) noexcept {
  if (blob.size() != 16)
    return Hash128{};
  return Hash128{get_u64(blob), get_u64(blob.substr(8))};
}

std::string entry_checksum(const MemoKey &key, std::string_view value) {
  std::string buf = hash_blob(key);
  buf.append(value);
  return hash_blob(xxh3_128(buf));
}

DiskStore::Impl::Impl(Options o) : options(std::move(o)), file(options.dir / kFileName) {}

DiskStore::Impl::~Impl() {
  stop_writer();
  lookup.reset();
  reader.close();
  writer.close();
}

std::string DiskStore::Impl::open_all() {
  std::error_code ec;
  std::filesystem::create_directories(options.dir, ec);
  if (ec)
    return "cannot create '" + options.dir.string() + "': " + ec.message();
  for (int attempt = 0;; ++attempt) {
    int rc = writer.open(file.string(), kBusyTimeoutMs);
    if (rc == SQLITE_OK)
      rc = setup(writer);
    // SQLite opens a file it may not write (chmod 444) for reading without
    // a word, and an existing cache's set-up only reads: such a connection
    // is no writer.
    if (rc == SQLITE_OK && sqlite3_db_readonly(writer.get(), "main") == 1)
      rc = SQLITE_READONLY;
    if (rc == SQLITE_OK)
      rc = reader.open(file.string(), kBusyTimeoutMs);
    if (rc == SQLITE_OK)
      return "";
    const std::string why = writer.error(rc);
    lookup.reset();
    reader.close();
    writer.close();
    if (sqlite::is_corruption(rc) && attempt == 0) {
      remove_database_files(file); // a damaged cache is rebuilt, never trusted
      continue;
    }
    // A cache this process cannot write (another user's, a read-only mount,
    // a CI artifact) still holds good entries: read them (adv112 F2: 310
    // valid entries gave 0 hits). Not for a damaged file, nor for a lock
    // another process holds (SQLITE_BUSY: it is writable, only busy).
    const int primary = rc & 0xFF;
    std::string unreadable;
    if (!sqlite::is_corruption(rc) && primary != SQLITE_BUSY && primary != SQLITE_LOCKED &&
        open_read_only(unreadable) == SQLITE_OK) {
      read_only = true;
      read_only_reason = why;
      if (!read_only_note.empty())
        read_only_reason += "; " + read_only_note;
      return "";
    }
    return "cannot use '" + file.string() + "': " + (unreadable.empty() ? why : unreadable);
  }
}

namespace {

/// The size of a file, 0 if it is missing or unreadable.
std::uint64_t size_of(const std::filesystem::path &file) {
  std::error_code ec;
  const std::uintmax_t n = std::filesystem::file_size(file, ec);
  return ec ? 0 : static_cast<std::uint64_t>(n);
}

std::filesystem::path with_suffix(const std::filesystem::path &file, const char *suffix) {
  std::filesystem::path out = file;
  out += suffix;
  return out;
}

} // namespace

int DiskStore::Impl::open_read_only(std::string &unreadable) {
  // First with locks, which SQLite's WAL mode needs to read while another
  // process writes: they live in the -shm file, which SQLite opens read-only
  // if it exists and creates if the directory allows. Where neither works
  // (an unwritable directory with no -shm file: no process can be writing
  // the cache in WAL mode, since a writer needs that file), as immutable,
  // without locks. Should a writer appear all the same, a torn read is a
  // miss: each entry's checksum covers its key and value, and a damaged
  // page is SQLITE_CORRUPT, which get() reads as a miss.
  auto check = [this](int rc) {
    if (rc == SQLITE_OK) {
      // The version first: another layout is nothing this process can read.
      sqlite::Stmt version(reader, "PRAGMA user_version");
      rc = version.step();
      if (rc == SQLITE_ROW)
        rc = version.int64(0) == kSchemaVersion ? SQLITE_OK : SQLITE_CORRUPT;
    }
    if (rc == SQLITE_OK)
      rc = check_schema(reader);
    if (rc != SQLITE_OK)
      reader.close();
    return rc;
  };
  int rc = check(reader.open_read_only(file.string(), false, kBusyTimeoutMs));
  if (rc == SQLITE_OK || sqlite::is_corruption(rc)) // damaged: no lock would make it sound
    return rc;
  // No locks: immutable=1 reads the database file alone and ignores its
  // write-ahead log. A log with frames (a writer killed before its
  // checkpoint, a cache copied without its -shm file) holds entries, maybe
  // all of them, and the database file alone may even be torn by a
  // checkpoint cut short (adv114 F4: 0 hits, and 'unable to open database
  // file'). SQLite reads such a log only with a -shm file it can write or
  // create, so a private copy of both files is read instead, where they
  // are small enough.
  const std::filesystem::path wal = with_suffix(file, "-wal");
  const std::uint64_t wal_bytes = size_of(wal);
  if (wal_bytes > 0) {
    const std::uint64_t total = size_of(file) + wal_bytes;
    if (total <= kMaxPrivateCopy) {
      rc = check(open_private_copy(wal));
      if (rc == SQLITE_OK) {
        read_only_note = "its write-ahead log '" + wal.string() +
                         "' cannot be read in place without write access, so a private copy "
                         "of the cache is read";
        return rc;
      }
    }
    unreadable = "the cache is read-only and its write-ahead log '" + wal.string() + "' (" +
                 std::to_string(wal_bytes) + " bytes) cannot be read without write access to '" +
                 options.dir.string() + "'" +
                 (total > kMaxPrivateCopy
                      ? " (a private copy would be " + std::to_string(total >> 20) +
                            " MiB, more than the 256 MiB purecc copies)"
                      : " (a private copy failed: " + std::string(sqlite3_errstr(rc)) + ")");
    return rc == SQLITE_OK ? SQLITE_CANTOPEN : rc;
  }
  return check(reader.open_read_only(file.string(), true, kBusyTimeoutMs));
}

int DiskStore::Impl::open_private_copy(const std::filesystem::path &wal) {
  namespace fs = std::filesystem;
  // A directory of this process's own (0700), removed once the copy is
  // open: the open connection keeps the unlinked file.
  const char *tmp = std::getenv("TMPDIR");
  std::string templ = std::string(tmp && *tmp == '/' ? tmp : "/tmp") + "/purecc-cache-XXXXXX";
  if (!::mkdtemp(templ.data()))
    return SQLITE_CANTOPEN;
  const fs::path dir = templ;
  const fs::path copy = dir / kFileName;
  std::error_code ec;
  int rc = SQLITE_CANTOPEN;
  if (fs::copy_file(file, copy, ec) && fs::copy_file(wal, with_suffix(copy, "-wal"), ec)) {
    // copy_file keeps the originals' modes (0444): the merge writes.
    fs::permissions(copy, fs::perms::owner_read | fs::perms::owner_write, ec);
    fs::permissions(with_suffix(copy, "-wal"), fs::perms::owner_read | fs::perms::owner_write, ec);
    // Into one file, which is then read without locks: nothing else
    // knows of it.
    sqlite::Db merge;
    rc = merge.open(copy.string(), kBusyTimeoutMs);
    if (rc == SQLITE_OK)
      rc = merge.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    if (rc == SQLITE_OK)
      rc = merge.exec("PRAGMA journal_mode = DELETE");
    merge.close();
    if (rc == SQLITE_OK)
      rc = reader.open_read_only(copy.string(), true, kBusyTimeoutMs);
    if (rc == SQLITE_OK) {
      // Read it once now: the file is about to be unlinked.
      sqlite::Stmt version(reader, "PRAGMA user_version");
      const int step = version.step();
      rc = step == SQLITE_ROW ? SQLITE_OK : step;
    }
  }
  fs::remove_all(dir, ec);
  return rc;
}

std::string DiskStore::Impl::recreate_locked() {
  lookup.reset();
  reader.close();
  writer.close();
  remove_database_files(file);
  return open_all();
}

void DiskStore::Impl::warn_once(const std::string &what) {
  warn_line_once("purecc: warning: cannot write the memo cache '" + file.string() + "': " + what +
                 "; results stay in memory [purecc-memo-disk]");
}

void DiskStore::Impl::warn_line_once(const std::string &line) {
  std::call_once(warned, [&] {
    if (options.warn)
      options.warn(line);
    else
      std::fprintf(stderr, "%s\n", line.c_str());
  });
}

// ---- DiskStore ---------------------------------------------------------------

DiskStore::DiskStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DiskStore::~DiskStore() = default;

std::unique_ptr<DiskStore> DiskStore::open(Options options, std::string &error) {
  auto impl = std::make_unique<Impl>(std::move(options));
  error = impl->open_all();
  if (!error.empty())
    return nullptr;
  if (impl->read_only)
    impl->warn_line_once("purecc: warning: the memo cache '" + impl->file.string() +
                         "' is read-only (" + impl->read_only_reason +
                         "); reading cached values, keeping new ones in memory [purecc-memo-disk]");
  else
    impl->start_writer();
  return std::unique_ptr<DiskStore>(new DiskStore(std::move(impl)));
}

const std::filesystem::path &DiskStore::file() const noexcept { return impl_->file; }
std::uint64_t DiskStore::max_bytes() const noexcept { return impl_->options.max_bytes; }
std::uint64_t DiskStore::corrupt_entries_seen() const noexcept { return impl_->corrupt_seen.load(); }
bool DiskStore::read_only() const noexcept { return impl_->read_only; }

std::optional<DiskStore::Record> DiskStore::get(const MemoKey &key) {
  Impl &d = *impl_;
  std::optional<Record> found;
  bool corrupt_entry = false, failed = false;
  {
    std::lock_guard lock(d.reader_mutex);
    if (!d.reader)
      return std::nullopt;
    if (!d.lookup)
      d.lookup = std::make_unique<sqlite::Stmt>(d.reader,
                                                "SELECT value, sum, cost_ns FROM entries WHERE key = ?1");
    sqlite::Stmt &s = *d.lookup;
    struct Reset { // release the read snapshot, whatever happens below
      sqlite::Stmt &s;
      ~Reset() { s.reset(); }
    } reset{s};
    const int rc = s.bind(1, hash_blob(key)).step();
    if (rc == SQLITE_ROW) {
      const std::string_view value = s.blob(0);
      if (s.blob(1) == entry_checksum(key, value) && s.int64(2) >= 0)
        found = Record{std::string(value), static_cast<std::uint64_t>(s.int64(2))};
      else
        corrupt_entry = true;
    } else if (rc != SQLITE_DONE) {
      failed = true;
      if (sqlite::is_corruption(rc))
        d.rebuild_requested.store(true);
    }
  }
  if (failed) { // prepare afresh next time (the file may have been rebuilt)
    std::lock_guard lock(d.reader_mutex);
    d.lookup.reset();
  }
  if (corrupt_entry) {
    d.corrupt_seen.fetch_add(1);
    d.enqueue(Impl::Erase{key});
  } else if (found) {
    d.enqueue(Impl::Touch{key, now_micros()});
  } else if (d.rebuild_requested.load()) {
    d.wake(); // the writer rebuilds the file
  }
  return found;
}

void DiskStore::put(const MemoKey &key, const Hash128 &function, const char *function_name,
                    std::string value, std::uint64_t cost_ns) {
  impl_->enqueue(Impl::Put{key, function, function_name, std::move(value), cost_ns});
}

void DiskStore::erase(const MemoKey &key) { impl_->enqueue(Impl::Erase{key}); }

void DiskStore::add_counts(std::vector<StatsRow> rows) {
  if (!rows.empty())
    impl_->enqueue(Impl::Counts{std::move(rows)});
}

void DiskStore::flush() { impl_->flush(); }
void DiskStore::shutdown() {
  Impl &d = *impl_;
  d.stop_writer();
  // Closing the last connection checkpoints the WAL: the cache is left as
  // one self-contained file.
  std::lock_guard lock(d.writer_mutex);
  std::lock_guard rlock(d.reader_mutex);
  d.lookup.reset();
  d.reader.close();
  d.writer.close();
}

// ---- administration -----------------------------------------------------------

DiskStore::Summary DiskStore::summary() {
  flush();
  Impl &d = *impl_;
  // A read-only cache has its reader alone.
  std::lock_guard lock(d.read_only ? d.reader_mutex : d.writer_mutex);
  const sqlite::Db &db = d.read_only ? d.reader : d.writer;
  Summary out;
  sqlite::Stmt totals(db, "SELECT entries, bytes FROM totals WHERE id = 1");
  if (totals.step() == SQLITE_ROW) {
    out.entries = static_cast<std::uint64_t>(totals.int64(0));
    out.bytes = static_cast<std::uint64_t>(totals.int64(1));
  }
  std::map<std::string, FunctionRow> by_fn;
  sqlite::Stmt fns(db, "SELECT fn, name, calls, mem_hits, disk_hits, misses, saved_ns, "
                             "compute_ns FROM functions");
  while (fns.step() == SQLITE_ROW) {
    FunctionRow &r = by_fn[std::string(fns.blob(0))];
    r.fingerprint = blob_hash(fns.blob(0));
    r.name = fns.text(1);
    auto u = [&](int col) { return static_cast<std::uint64_t>(fns.int64(col)); };
    r.counts = CallCounts{u(2), u(3), u(4), u(5), u(6), u(7)};
    out.totals += r.counts;
  }
  sqlite::Stmt per_fn(db, "SELECT fn, count(*), sum(length(value)) FROM entries GROUP BY fn");
  while (per_fn.step() == SQLITE_ROW) {
    FunctionRow &r = by_fn[std::string(per_fn.blob(0))];
    if (r.name.empty()) {
      r.fingerprint = blob_hash(per_fn.blob(0));
      r.name = "(unnamed)";
    }
    r.entries = static_cast<std::uint64_t>(per_fn.int64(1));
    r.bytes = static_cast<std::uint64_t>(per_fn.int64(2)) + r.entries * kEntryOverhead;
  }
  for (auto &[fn, row] : by_fn)
    out.functions.push_back(std::move(row));
  std::sort(out.functions.begin(), out.functions.end(),
            [](const FunctionRow &a, const FunctionRow &b) { return a.name < b.name; });
  return out;
}

std::uint64_t DiskStore::clear() {
  flush();
  Impl &d = *impl_;
  if (d.read_only) // its recovery below would delete what it may not change
    return 0;
  std::lock_guard lock(d.writer_mutex);
  std::uint64_t removed = 0;
  {
    sqlite::Stmt count(d.writer, "SELECT entries FROM totals WHERE id = 1");
    if (count.step() == SQLITE_ROW)
      removed = static_cast<std::uint64_t>(count.int64(0));
  }
  const int rc = d.writer.exec("BEGIN IMMEDIATE; DELETE FROM entries; DELETE FROM functions; COMMIT;");
  if (rc != SQLITE_OK) {
    d.writer.exec("ROLLBACK");
    std::lock_guard rlock(d.reader_mutex);
    d.recreate_locked(); // clearing must succeed: start from an empty file
  }
  d.writer.exec("PRAGMA incremental_vacuum; PRAGMA wal_checkpoint(TRUNCATE);");
  return removed;
}

DiskStore::PruneReport DiskStore::prune() {
  flush();
  Impl &d = *impl_;
  if (d.read_only)
    return {};
  std::lock_guard lock(d.writer_mutex);
  PruneReport report;
  auto recreate = [&] {
    std::lock_guard rlock(d.reader_mutex);
    d.recreate_locked();
    report.recreated = true;
  };
  bool sound = false;
  {
    sqlite::Stmt check(d.writer, "PRAGMA quick_check");
    sound = check.step() == SQLITE_ROW && check.text(0) == "ok";
  }
  if (!sound)
    recreate();
  if (!report.recreated) {
    std::vector<std::string> bad;
    int rc;
    {
      sqlite::Stmt scan(d.writer, "SELECT key, value, sum FROM entries");
      while ((rc = scan.step()) == SQLITE_ROW)
        if (scan.blob(2) != entry_checksum(blob_hash(scan.blob(0)), scan.blob(1)))
          bad.emplace_back(scan.blob(0));
    }
    if (sqlite::is_corruption(rc)) {
      recreate();
    } else if (!bad.empty() && d.writer.exec("BEGIN IMMEDIATE") == SQLITE_OK) {
      sqlite::Stmt del(d.writer, "DELETE FROM entries WHERE key = ?1");
      for (const std::string &k : bad) {
        del.bind(1, k).step();
        del.reset();
      }
      if (d.writer.exec("COMMIT") == SQLITE_OK)
        report.corrupt = bad.size();
      else
        d.writer.exec("ROLLBACK");
    }
  }
  if (d.options.max_bytes != 0)
    d.evict_locked(d.options.max_bytes, d.options.max_bytes, &report.evicted);
  d.writer.exec("PRAGMA incremental_vacuum; PRAGMA wal_checkpoint(TRUNCATE);");
  sqlite::Stmt totals(d.writer, "SELECT bytes FROM totals WHERE id = 1");
  if (totals.step() == SQLITE_ROW)
    report.bytes = static_cast<std::uint64_t>(totals.int64(0));
  return report;
}

} // namespace purecc
