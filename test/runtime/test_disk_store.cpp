// The persistent memo tier (purecc/disk_store.h): persistence across opens,
// checksum-verified reads, recovery from a damaged file, the size limit, and
// a clean error for an unusable directory.
#include "purecc/disk_store.h"
#include "purecc/serialize.h"

#include <gtest/gtest.h>

#include "scratch_dir.h"

#include "wait_for.h"

#include <fstream>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using purecc::DiskStore;

fs::path fresh_dir(const std::string &name) { return scratch_dir("disk_store-" + name); }

std::unique_ptr<DiskStore> open_store(const fs::path &dir, std::uint64_t max_bytes = 0,
                                      std::string *warning = nullptr) {
  DiskStore::Options o;
  o.dir = dir;
  o.max_bytes = max_bytes;
  o.warn = [warning](const std::string &line) {
    if (warning)
      *warning = line;
    else
      ADD_FAILURE() << line;
  };
  std::string error;
  auto store = DiskStore::open(std::move(o), error);
  EXPECT_TRUE(store) << error;
  return store;
}

const purecc::Hash128 kFn{11, 22};
purecc::MemoKey key(std::uint64_t i) { return purecc::MemoKey{i, i * 31 + 7}; }

std::string read_file(const fs::path &p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}
void write_file(const fs::path &p, const std::string &bytes) {
  std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
}

TEST(DiskStore, PersistsAcrossOpens) {
  const fs::path dir = fresh_dir("persist");
  {
    auto s = open_store(dir);
    s->put(key(1), kFn, "f", purecc::to_bytes(std::string("one")), 5000000);
    s->put(key(2), kFn, "f", purecc::to_bytes(2.5), 7);
    EXPECT_FALSE(s->get(key(3)));
  } // the destructor writes the queue
  auto s = open_store(dir);
  auto one = s->get(key(1));
  ASSERT_TRUE(one);
  EXPECT_EQ(purecc::from_bytes<std::string>(one->value), "one");
  EXPECT_EQ(one->cost_ns, 5000000u);
  ASSERT_TRUE(s->get(key(2)));
  EXPECT_EQ(purecc::from_bytes<double>(s->get(key(2))->value), 2.5);
  const DiskStore::Summary sum = s->summary();
  EXPECT_EQ(sum.entries, 2u);
  ASSERT_EQ(sum.functions.size(), 1u);
  EXPECT_EQ(sum.functions[0].name, "f");
  EXPECT_EQ(sum.functions[0].entries, 2u);
}

TEST(DiskStore, AQueuedPutReachesTheDiskWithoutAFlush) {
  // What resume after a kill relies on: the writer wakes for the first
  // queued op, not only at 256 ops or a flush.
  const fs::path dir = fresh_dir("unflushed");
  auto writer = open_store(dir);
  writer->put(key(0), kFn, "f", purecc::to_bytes(0), 1);
  writer->flush();
  // Let the writer thread go back to waiting for work (the sleep only makes
  // the missed wake-up observable; the test cannot fail because of it).
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  writer->put(key(1), kFn, "f", purecc::to_bytes(1), 1);
  auto reader = open_store(dir);
  EXPECT_TRUE(wait_for([&] { return reader->get(key(1)).has_value(); }));
}

TEST(DiskStore, EntriesAreWriteOnce) {
  const fs::path dir = fresh_dir("once");
  auto s = open_store(dir);
  s->put(key(1), kFn, "f", "first", 1);
  s->flush();
  s->put(key(1), kFn, "f", "second", 1);
  s->flush();
  EXPECT_EQ(s->get(key(1))->value, "first");
  EXPECT_EQ(s->summary().entries, 1u);
}

TEST(DiskStore, FlippedValueByteIsAMissAndIsRemoved) {
  const fs::path dir = fresh_dir("flip");
  const std::string marker = "PURECC-TEST-MARKER-0123456789-ABCDEFGHIJ";
  {
    auto s = open_store(dir);
    s->put(key(1), kFn, "f", marker, 1);
    s->put(key(2), kFn, "f", "intact", 1);
  } // closing checkpoints the WAL into the main file
  const fs::path file = dir / DiskStore::kFileName;
  std::string bytes = read_file(file);
  const auto at = bytes.find(marker);
  ASSERT_NE(at, std::string::npos);
  bytes[at + 10] ^= 0x01;
  write_file(file, bytes);

  auto s = open_store(dir);
  EXPECT_FALSE(s->get(key(1))) << "a checksum mismatch must be a miss";
  EXPECT_EQ(s->corrupt_entries_seen(), 1u);
  EXPECT_EQ(s->get(key(2))->value, "intact");
  s->flush();
  EXPECT_EQ(s->summary().entries, 1u) << "the corrupt entry was deleted";
  s->put(key(1), kFn, "f", marker, 1); // recomputed value is stored again
  s->flush();
  EXPECT_EQ(s->get(key(1))->value, marker);
}

TEST(DiskStore, TruncatedDatabaseIsRecreated) {
  const fs::path dir = fresh_dir("truncate");
  {
    auto s = open_store(dir);
    for (int i = 0; i < 200; ++i)
      s->put(key(i), kFn, "f", std::string(300, static_cast<char>('a' + i % 26)), 1);
  }
  const fs::path file = dir / DiskStore::kFileName;
  const auto size = fs::file_size(file);
  ASSERT_GT(size, 60000u);
  fs::resize_file(file, size / 3);

  auto s = open_store(dir);
  // Whatever survives must be exactly what was stored; the rest is a miss.
  for (int i = 0; i < 200; ++i) {
    if (auto r = s->get(key(i))) {
      EXPECT_EQ(r->value, std::string(300, static_cast<char>('a' + i % 26)));
    }
  }
  s->put(key(1000), kFn, "f", "after", 1);
  s->flush();
  EXPECT_EQ(s->get(key(1000))->value, "after");
  const DiskStore::PruneReport report = s->prune();
  EXPECT_FALSE(report.recreated) << "the database is sound again";
  EXPECT_EQ(report.corrupt, 0u);
}

TEST(DiskStore, GarbageFileIsReplaced) {
  const fs::path dir = fresh_dir("garbage");
  write_file(dir / DiskStore::kFileName, std::string(10000, 'Z'));
  auto s = open_store(dir);
  EXPECT_FALSE(s->get(key(1)));
  s->put(key(1), kFn, "f", "v", 1);
  s->flush();
  EXPECT_EQ(s->get(key(1))->value, "v");
}

// adv72 F5: a file whose user_version says it has this schema but which
// lacks a table ('no such table: totals') or a column made the store, and
// `purecc cache clear`/`prune`, fail on every run; it is rebuilt instead,
// like a corrupt one.
TEST(DiskStore, SchemaUnlikeItsVersionIsReplaced) {
  for (const char *schema :
       {"PRAGMA user_version = 1; CREATE TABLE entries(key BLOB PRIMARY KEY, value BLOB);"
        "CREATE TABLE functions(x);",
        "PRAGMA user_version = 1; CREATE TABLE entries(key BLOB PRIMARY KEY, value BLOB);"
        "CREATE TABLE totals(id INTEGER PRIMARY KEY, entries INTEGER, bytes INTEGER);"
        "INSERT INTO totals VALUES (1, 0, 0); CREATE TABLE functions(x);"}) {
    const fs::path dir = fresh_dir("unlike-its-version");
    sqlite3 *db = nullptr;
    ASSERT_EQ(sqlite3_open((dir / DiskStore::kFileName).c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, schema, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
    auto s = open_store(dir);
    ASSERT_TRUE(s) << schema;
    EXPECT_FALSE(s->get(key(1)));
    s->put(key(1), kFn, "f", "v", 1);
    s->flush();
    EXPECT_EQ(s->get(key(1))->value, "v");
    EXPECT_EQ(s->clear(), 1u);
  }
}

TEST(DiskStore, SizeLimitEvictsLeastRecentlyUsed) {
  const fs::path dir = fresh_dir("limit");
  const std::uint64_t entry = 1000 + DiskStore::kEntryOverhead;
  auto s = open_store(dir, 10 * entry);
  for (int i = 0; i < 10; ++i) {
    s->put(key(i), kFn, "f", std::string(1000, 'x'), 1);
    s->flush(); // distinct access times
  }
  EXPECT_EQ(s->summary().entries, 10u) << "exactly at the limit";
  ASSERT_TRUE(s->get(key(0))); // 0 becomes the most recently used
  s->flush();
  s->put(key(10), kFn, "f", std::string(1000, 'x'), 1);
  s->flush();
  const auto sum = s->summary();
  EXPECT_LE(sum.bytes, 9 * entry) << "evicted down to 90% of the limit";
  EXPECT_TRUE(s->get(key(0))) << "recently read";
  EXPECT_TRUE(s->get(key(10))) << "just written";
  EXPECT_FALSE(s->get(key(1))) << "least recently used";
}

TEST(DiskStore, Clear) {
  const fs::path dir = fresh_dir("clear");
  auto s = open_store(dir);
  for (int i = 0; i < 3; ++i)
    s->put(key(i), kFn, "f", std::string(10, 'c'), 1);
  s->add_counts({purecc::StatsRow{"f", kFn, purecc::CallCounts{3, 0, 0, 3, 0, 3}}});
  s->flush();
  EXPECT_EQ(s->summary().entries, 3u);
  EXPECT_EQ(s->clear(), 3u);
  const auto sum = s->summary();
  EXPECT_EQ(sum.entries, 0u);
  EXPECT_EQ(sum.bytes, 0u);
  EXPECT_TRUE(sum.functions.empty());
  EXPECT_FALSE(s->get(key(0)));
}

TEST(DiskStore, PruneRemovesCorruptEntriesAndEnforcesTheLimit) {
  const fs::path dir = fresh_dir("prune");
  const std::string marker = "PURECC-PRUNE-MARKER-abcdefghijklmnopqrstuvwxyz";
  {
    auto s = open_store(dir);
    s->put(key(100), kFn, "f", marker, 1);
    for (int i = 0; i < 8; ++i) {
      s->put(key(i), kFn, "f", std::string(1000, 'p'), 1);
      s->flush();
    }
  }
  const fs::path file = dir / DiskStore::kFileName;
  std::string bytes = read_file(file);
  const auto at = bytes.find(marker);
  ASSERT_NE(at, std::string::npos);
  bytes[at + 3] ^= 0x20;
  write_file(file, bytes);
  // Reopen with a limit of 4 entries: nothing is written, so only prune evicts.
  auto s = open_store(dir, 4 * (1000 + DiskStore::kEntryOverhead));
  const DiskStore::PruneReport r = s->prune();
  EXPECT_FALSE(r.recreated);
  EXPECT_EQ(r.corrupt, 1u);
  EXPECT_EQ(r.evicted, 4u);
  EXPECT_EQ(r.bytes, 4 * (1000 + DiskStore::kEntryOverhead));
  for (int i = 0; i < 4; ++i)
    EXPECT_FALSE(s->get(key(i))) << "oldest evicted: " << i;
  for (int i = 4; i < 8; ++i)
    EXPECT_TRUE(s->get(key(i))) << "newest kept: " << i;
}

TEST(DiskStore, PruneRecreatesACorruptDatabase) {
  const fs::path dir = fresh_dir("prune-db");
  {
    auto s = open_store(dir);
    for (int i = 0; i < 200; ++i)
      s->put(key(i), kFn, "f", std::string(300, 'q'), 1);
  }
  auto s = open_store(dir);
  // Damage the file under the open store: zero the second half.
  const fs::path file = dir / DiskStore::kFileName;
  std::string bytes = read_file(file);
  std::fill(bytes.begin() + static_cast<long>(bytes.size() / 2), bytes.end(), '\0');
  write_file(file, bytes);
  const DiskStore::PruneReport r = s->prune();
  EXPECT_TRUE(r.recreated);
  EXPECT_EQ(s->summary().entries, 0u);
  s->put(key(1), kFn, "f", "fresh", 1);
  s->flush();
  EXPECT_EQ(s->get(key(1))->value, "fresh");
}

TEST(DiskStore, CountersAccumulatePerFunction) {
  const fs::path dir = fresh_dir("counts");
  auto s = open_store(dir);
  purecc::CallCounts c{10, 6, 2, 2, 800, 300};
  s->add_counts({purecc::StatsRow{"g", purecc::Hash128{5, 6}, c}});
  s->add_counts({purecc::StatsRow{"g", purecc::Hash128{5, 6}, c}});
  const auto sum = s->summary();
  ASSERT_EQ(sum.functions.size(), 1u);
  EXPECT_EQ(sum.functions[0].counts, (purecc::CallCounts{20, 12, 4, 4, 1600, 600}));
  EXPECT_EQ(sum.totals.calls, 20u);
}

TEST(DiskStore, UnusableDirectoryIsAOneLineError) {
  const fs::path dir = fresh_dir("unusable");
  write_file(dir / "not-a-dir", "x");
  DiskStore::Options o;
  o.dir = dir / "not-a-dir" / "cache";
  std::string error;
  EXPECT_FALSE(DiskStore::open(o, error));
  EXPECT_EQ(error.rfind("cannot create '" + o.dir.string() + "': ", 0), 0u) << error;
  EXPECT_EQ(error.find('\n'), std::string::npos);
}

// Opens a store in `dir` and returns the error (empty if it opened). Run
// as root, it opens from a child process that first becomes `nobody`, since
// root ignores directory permissions (and CI runs as root).
std::string open_error_as_unprivileged(const fs::path &dir) {
  const auto try_open = [&] {
    DiskStore::Options o;
    o.dir = dir;
    std::string error;
    return DiskStore::open(o, error) ? std::string() : error;
  };
  if (geteuid() != 0)
    return try_open();
  int out[2];
  if (pipe(out) != 0)
    return "pipe failed";
  const pid_t child = fork();
  if (child == 0) {
    close(out[0]);
    const uid_t nobody = 65534;
    std::string error = setgid(nobody) == 0 && setuid(nobody) == 0 ? try_open() : "setuid failed";
    (void)!write(out[1], error.data(), error.size());
    _exit(0);
  }
  close(out[1]);
  std::string error;
  char buf[512];
  for (ssize_t n; (n = read(out[0], buf, sizeof buf)) > 0;)
    error.append(buf, static_cast<std::size_t>(n));
  close(out[0]);
  int status = 0;
  waitpid(child, &status, 0);
  return error;
}

TEST(DiskStore, ReadOnlyDirectoryIsAnError) {
  // Under /tmp, whose parents anybody may traverse: only the mode of the
  // cache directory itself keeps the store out.
  char templ[] = "/tmp/purecc-readonly-XXXXXX";
  ASSERT_NE(mkdtemp(templ), nullptr);
  const fs::path dir = templ;
  fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                           fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  const std::string error = open_error_as_unprivileged(dir);
  fs::remove_all(dir);
  EXPECT_EQ(error, "cannot use '" + (dir / "memo.sqlite").string() + "': unable to open database file");
}

} // namespace
