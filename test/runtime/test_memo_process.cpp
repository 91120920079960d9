// Whole-program behaviour of purecc::memoize across processes: this test
// binary re-runs itself as a small "memoized program" (PURECC_TEST_CHILD set)
// configured only by environment variables, exactly as users run one.
#include "purecc/cache_admin.h"
#include "purecc/memo.h"

#include "child_process.h"

#include <sqlite3.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <algorithm>
#include <chrono>
#include <csignal>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

namespace fs = std::filesystem;

// ---- the child program ---------------------------------------------------------

int body_calls = 0;

long slow_square__purecc_body(long x) {
  ++body_calls;
  return x * x + 1;
}
const purecc::MemoSite &slow_square_site() {
  static const purecc::MemoSite site{"slow_square", 0x51075ULL, 0x9a4eULL};
  return site;
}
// What `purecc rewrite` emits for `[[purecc::memo]] long slow_square(long x)`.
long slow_square(long x) {
  return purecc::memoize(slow_square_site(), [&] { return slow_square__purecc_body(x); }, x);
}

/// Calls slow_square for x in [PURECC_TEST_FROM, PURECC_TEST_TO) twice and
/// prints how often the body ran and the sum of the results.
int run_child() {
  const long from = std::atol(std::getenv("PURECC_TEST_FROM"));
  const long to = std::atol(std::getenv("PURECC_TEST_TO"));
  long sum = 0;
  for (int round = 0; round < 2; ++round)
    for (long x = from; x < to; ++x)
      sum += slow_square(x);
  std::printf("body calls: %d\nsum: %ld\n", body_calls, sum);
  return 0;
}

/// Computes slow_square(0), (1), ... for ever, each body taking about 5 ms
/// (the sleep stands for work, not for synchronization): fewer than the 256
/// results that make the writer start a batch at once finish in a second, so
/// only the writer's time bound can get them to disk. Once
/// some result finished more than a second ago, prints "ready M" where every
/// result below M finished over a second ago (about 200 of them, two seconds
/// after the first), then carries on until killed.
[[noreturn]] void run_kill_child() {
  using clock = std::chrono::steady_clock;
  std::vector<clock::time_point> finished;
  bool told = false;
  for (long x = 0;; ++x) {
    (void)purecc::memoize(slow_square_site(), [&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      return x * x + 1;
    }, x);
    finished.push_back(clock::now());
    if (!told && finished.front() + std::chrono::seconds(2) < clock::now()) {
      const auto cutoff = clock::now() - std::chrono::seconds(1);
      const auto m = std::upper_bound(finished.begin(), finished.end(), cutoff) - finished.begin();
      std::printf("ready %ld\n", static_cast<long>(m));
      std::fflush(stdout);
      told = true;
    }
  }
}

[[maybe_unused]] const bool child_hook = [] {
  if (const char *dir = std::getenv("PURECC_TEST_STATS_CHILD")) // `purecc cache stats`
    std::exit(purecc::cache_command({"stats", std::string("--cache-dir=") + dir}, std::cout,
                                    std::cerr));
  if (std::getenv("PURECC_TEST_KILL_CHILD"))
    run_kill_child();
  if (std::getenv("PURECC_TEST_CHILD"))
    std::exit(run_child()); // exit(), not _exit(): the runtime flushes at exit
  return false;
}();

// ---- the parent ------------------------------------------------------------------

fs::path fresh_dir(const std::string &name) { return scratch_dir("memo_process-" + name); }

ChildResult run(const std::string &env, const fs::path &scratch, const std::string &shell = "",
                const std::string &exe = "") {
  return run_self(env, scratch, shell, exe);
}

std::string sum_line(long from, long to) {
  long sum = 0;
  for (long x = from; x < to; ++x)
    sum += 2 * (x * x + 1);
  return "sum: " + std::to_string(sum) + "\n";
}

std::string expected_out(int body_calls, long from, long to) {
  return "body calls: " + std::to_string(body_calls) + "\n" + sum_line(from, to);
}

TEST(MemoProcess, SecondRunSkipsTheWork) {
  const fs::path dir = fresh_dir("second-run");
  const std::string env = "PURECC_CACHE_DIR='" + (dir / "cache").string() +
                          "' PURECC_TEST_FROM=0 PURECC_TEST_TO=20";
  const ChildResult first = run(env, dir);
  EXPECT_EQ(first.status, 0);
  EXPECT_EQ(first.out, expected_out(20, 0, 20)) << "second round hits memory";
  EXPECT_EQ(first.err, "");
  const ChildResult second = run(env, dir);
  EXPECT_EQ(second.status, 0);
  EXPECT_EQ(second.out, expected_out(0, 0, 20)) << "every result comes from disk";
  EXPECT_EQ(second.err, "");
  EXPECT_FALSE(fs::exists(dir / "cache" / "memo.sqlite-wal")) << "closed cleanly at exit";

  // The per-function counters of both runs, as `purecc cache stats` shows them.
  std::ostringstream out, err;
  ASSERT_EQ(purecc::cache_command({"stats", "--cache-dir=" + (dir / "cache").string()}, out, err), 0);
  EXPECT_TRUE(std::regex_search(
      out.str(), std::regex("entries: 20 \\(2\\.1 KiB of [0-9.]+ [KMGT]iB\\)\n"
                            "calls: 80, hits: 60 \\(memory 40, disk 20\\), misses: 20, hit rate: 75\\.0%\n")))
      << out.str();
  EXPECT_TRUE(std::regex_search(
      out.str(), std::regex("\n  slow_square +20 +2\\.1 KiB +80 +40 +20 +20 +[0-9.]+ (ns|us|ms|s)\n")))
      << out.str();
}

TEST(MemoProcess, TwoProcessesShareOneCacheAtOnce) {
  const fs::path dir = fresh_dir("shared");
  const std::string cache = "PURECC_CACHE_DIR='" + (dir / "cache").string() + "'";
  Child a(cache + " PURECC_TEST_FROM=0 PURECC_TEST_TO=300", dir, 1);
  Child b(cache + " PURECC_TEST_FROM=150 PURECC_TEST_TO=450", dir, 2);
  const ChildResult ra = a.finish(), rb = b.finish();
  EXPECT_EQ(ra.status, 0);
  EXPECT_EQ(rb.status, 0);
  EXPECT_EQ(ra.err, "");
  EXPECT_EQ(rb.err, "");
  // Each computed what it did not find; both printed the right sums.
  EXPECT_EQ(ra.out.substr(ra.out.find("sum:")), sum_line(0, 300));
  EXPECT_EQ(rb.out.substr(rb.out.find("sum:")), sum_line(150, 450));
  const ChildResult third = run(cache + " PURECC_TEST_FROM=0 PURECC_TEST_TO=450", dir);
  EXPECT_EQ(third.out, expected_out(0, 0, 450)) << "the union of both runs is on disk";
}

TEST(MemoProcess, StatsAtExit) {
  const fs::path dir = fresh_dir("stats");
  const std::string env = "PURECC_STATS=1 PURECC_CACHE_DIR='" + (dir / "cache").string() +
                          "' PURECC_TEST_FROM=0 PURECC_TEST_TO=5";
  const ChildResult first = run(env, dir);
  const std::string header = "purecc: memo statistics\n"
                             "  function         calls   mem hits  disk hits     misses   time saved\n";
  EXPECT_TRUE(std::regex_match(
      first.err, std::regex(header + "  slow_square         10          5          0          5 +[0-9.]+ (ns|us|ms|s)\n")))
      << first.err;
  const ChildResult second = run(env, dir);
  EXPECT_TRUE(std::regex_match(
      second.err, std::regex(header + "  slow_square         10          5          5          0 +[0-9.]+ (ns|us|ms|s)\n")))
      << second.err;
}

TEST(MemoProcess, BadEnvironmentWarnsOnceAndKeepsComputing) {
  const fs::path dir = fresh_dir("bad-env");
  const ChildResult r = run("PURECC_CACHE_DIR='" + (dir / "cache").string() +
                        "' PURECC_CACHE_MAX_SIZE=lots PURECC_TEST_FROM=0 PURECC_TEST_TO=10",
                    dir);
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, expected_out(10, 0, 10));
  EXPECT_EQ(r.err, "purecc: warning: PURECC_CACHE_MAX_SIZE='lots' is not a size (like 100M or 5G); "
                   "memoizing in memory only [purecc-memo-config]\n");
  EXPECT_FALSE(fs::exists(dir / "cache")) << "the disk tier stayed off";
}

TEST(MemoProcess, UnwritableCacheDirectoryWarnsOnceAndKeepsComputing) {
  const fs::path dir = fresh_dir("unwritable");
  std::ofstream(dir / "file") << "x";
  const fs::path cache = dir / "file" / "cache";
  const ChildResult r = run("PURECC_CACHE_DIR='" + cache.string() + "' PURECC_TEST_FROM=0 PURECC_TEST_TO=10", dir);
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, expected_out(10, 0, 10));
  EXPECT_EQ(r.err, "purecc: warning: cannot use the memo cache directory '" + cache.string() +
                       "': cannot create '" + cache.string() +
                       "': Not a directory; memoizing in memory only [purecc-memo-disk]\n");
}

// A cache this process cannot write (adv112 F2: another user's, a
// read-only mount, a CI artifact) still serves its entries; new results
// stay in memory, one line says so, and the file is left as it was. The
// reader is made unable to write: as root, which ignores file permissions,
// the child runs as nobody (setpriv), so this takes the path a real
// read-only cache takes, through a writable open that fails; as another
// user, the permissions alone do it. The cache directory is root's 0555
// with no -shm file, so the reader opens it without locks (immutable).
//
// The build tree may lie below a directory only its owner may enter (a
// fresh clone in `mktemp -d`, mode 0700: the first CI run of these tests
// said "env: '.../test_memo_process': Permission denied"). So as root the
// reader runs a copy of this binary, and every run of the test uses the
// caches, from a directory of its own under the system's temporary
// directory that anyone may enter (same bytes, same build id: the same
// memo keys).
struct Reader {
  std::string shell; // what runs the child as a user that cannot write
  std::string skip;  // why not, if it cannot be had
  std::string exe;   // the binary every run of the test starts ("": this one)
  fs::path dir;      // the test's directory, which the reader may enter
  fs::path stage;    // what to remove at the end, as root
  Reader() = default;
  Reader(const Reader &) = delete;
  Reader &operator=(const Reader &) = delete;
  ~Reader() {
    std::error_code ec;
    if (!stage.empty())
      fs::remove_all(stage, ec);
  }
};
void reader(Reader &as, const std::string &name) {
  if (::geteuid() != 0) {
    as.dir = fresh_dir(name);
    return;
  }
  const std::string setpriv = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
  if (std::system((setpriv + "true 2>/dev/null").c_str()) != 0) {
    as.skip = "root cannot become another user here (setpriv)";
    return;
  }
  as.shell = setpriv;
  as.stage = fs::temp_directory_path() /
             ("purecc-test-reader-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(as.stage);
  fs::create_directories(as.stage);
  fs::permissions(as.stage, fs::perms(0755));
  as.exe = (as.stage / "test_memo_process").string();
  fs::copy_file(self_exe(), as.exe, fs::copy_options::overwrite_existing);
  fs::permissions(as.exe, fs::perms(0755));
  as.dir = as.stage / "dir";
  fs::create_directories(as.dir);
  fs::permissions(as.dir, fs::perms(0755));
}

void make_read_only(const fs::path &cache) {
  fs::permissions(cache / "memo.sqlite", fs::perms(0444));
  fs::permissions(cache, fs::perms(0555));
}

std::string file_bytes(const fs::path &file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(MemoProcess, AReadOnlyCacheServesItsEntries) {
  Reader as;
  reader(as, "read-only");
  if (!as.skip.empty())
    GTEST_SKIP() << as.skip;
  const fs::path dir = as.dir;
  const fs::path cache = dir / "cache";
  const std::string env = "PURECC_CACHE_DIR='" + cache.string() + "'";
  ASSERT_EQ(run(env + " PURECC_TEST_FROM=0 PURECC_TEST_TO=20", dir, "", as.exe).out,
            expected_out(20, 0, 20));
  make_read_only(cache);
  const std::string before = file_bytes(cache / "memo.sqlite");

  const ChildResult r = run(env + " PURECC_TEST_FROM=0 PURECC_TEST_TO=30", dir, as.shell, as.exe);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, expected_out(10, 0, 30)) << "the 20 cached results are read, 10 computed";
  EXPECT_TRUE(std::regex_match(
      r.err, std::regex("purecc: warning: the memo cache '" + (cache / "memo.sqlite").string() +
                        "' is read-only \\([^\n]*\\); reading cached values, keeping new ones in "
                        "memory \\[purecc-memo-disk\\]\n")))
      << r.err;
  EXPECT_EQ(file_bytes(cache / "memo.sqlite"), before) << "nothing written";
  EXPECT_FALSE(fs::exists(cache / "memo.sqlite-wal"));
  fs::permissions(cache, fs::perms(0755));
}

// adv114 F4: a read-only cache whose entries are all in its write-ahead
// log (a writer killed before its checkpoint, a cache copied without its
// -shm file) in a directory the reader may not write: SQLite reads such a
// log only with a -shm file it can create, and the database file alone has
// none of the entries. It gave 0 hits, 'unable to open database file', and
// `purecc cache stats` failed. A private copy of both files is read now.
// The log is made without killing anyone: while this process holds the
// cache open, the child's exit is not the last close, which would
// checkpoint the log into the database; the two files are then copied
// without the -shm file.
TEST(MemoProcess, AReadOnlyCacheWhoseEntriesAreInItsLogServesThem) {
  Reader as;
  reader(as, "read-only-wal");
  if (!as.skip.empty())
    GTEST_SKIP() << as.skip;
  const fs::path dir = as.dir;
  const fs::path writing = dir / "writing";
  ASSERT_EQ(run("PURECC_CACHE_DIR='" + writing.string() + "' PURECC_TEST_FROM=0 PURECC_TEST_TO=1",
                dir, "", as.exe).status, 0) << "the schema and one entry, checkpointed";
  sqlite3 *held = nullptr;
  ASSERT_EQ(sqlite3_open((writing / "memo.sqlite").string().c_str(), &held), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(held, "SELECT count(*) FROM entries", nullptr, nullptr, nullptr), SQLITE_OK);
  ASSERT_EQ(run("PURECC_CACHE_DIR='" + writing.string() + "' PURECC_TEST_FROM=0 PURECC_TEST_TO=21",
                dir, "", as.exe).out, expected_out(20, 0, 21));
  const fs::path cache = dir / "cache";
  fs::create_directories(cache);
  for (const char *name : {"memo.sqlite", "memo.sqlite-wal"})
    fs::copy_file(writing / name, cache / name);
  sqlite3_close(held);
  ASSERT_GT(fs::file_size(cache / "memo.sqlite-wal"), 0u);
  fs::permissions(cache / "memo.sqlite-wal", fs::perms(0444));
  make_read_only(cache);
  const std::string before = file_bytes(cache / "memo.sqlite");
  const std::string log = file_bytes(cache / "memo.sqlite-wal");

  const std::string env = "PURECC_CACHE_DIR='" + cache.string() + "'";
  const ChildResult r = run(env + " PURECC_TEST_FROM=0 PURECC_TEST_TO=30", dir, as.shell, as.exe);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, expected_out(9, 0, 30)) << "the 20 results in the log are read\n" << r.err;
  EXPECT_TRUE(std::regex_match(
      r.err, std::regex("purecc: warning: the memo cache '" + (cache / "memo.sqlite").string() +
                        "' is read-only \\([^\n]*its write-ahead log '[^\n]*' cannot be read in "
                        "place without write access, so a private copy of the cache is "
                        "read\\); reading cached values, keeping new ones in memory "
                        "\\[purecc-memo-disk\\]\n")))
      << r.err;
  const ChildResult stats =
      run("PURECC_TEST_STATS_CHILD='" + cache.string() + "'", dir, as.shell, as.exe);
  EXPECT_EQ(stats.status, 0) << stats.err;
  EXPECT_NE(stats.out.find("entries: 21 "), std::string::npos) << stats.out << stats.err;
  EXPECT_EQ(file_bytes(cache / "memo.sqlite"), before) << "nothing written";
  EXPECT_EQ(file_bytes(cache / "memo.sqlite-wal"), log);
  EXPECT_FALSE(fs::exists(cache / "memo.sqlite-shm"));
  fs::permissions(cache, fs::perms(0755));
}

// A damaged cache that cannot be rebuilt is no cache: every call computes,
// one line says why, and nothing crashes or changes the file.
TEST(MemoProcess, ADamagedReadOnlyCacheIsAMiss) {
  Reader as;
  reader(as, "read-only-damaged");
  if (!as.skip.empty())
    GTEST_SKIP() << as.skip;
  const fs::path dir = as.dir;
  const fs::path cache = dir / "cache";
  fs::create_directories(cache);
  std::string garbage;
  for (int i = 0; i < 512; ++i)
    garbage += "not a database..";
  std::ofstream(cache / "memo.sqlite", std::ios::binary) << garbage;
  make_read_only(cache);

  const ChildResult r = run("PURECC_CACHE_DIR='" + cache.string() + "' PURECC_TEST_FROM=0 PURECC_TEST_TO=10",
                            dir, as.shell, as.exe);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, expected_out(10, 0, 10));
  EXPECT_TRUE(std::regex_match(
      r.err, std::regex("purecc: warning: cannot use the memo cache directory '" + cache.string() +
                        "': [^\n]*; memoizing in memory only \\[purecc-memo-disk\\]\n")))
      << r.err;
  EXPECT_EQ(file_bytes(cache / "memo.sqlite"), garbage);
  fs::permissions(cache, fs::perms(0755));
}

// A full disk as the process sees it: no file may grow past 256 KiB
// (RLIMIT_FSIZE, with SIGXFSZ ignored, so a write fails with EFBIG as it
// would with ENOSPC), while the run would store about 2 MiB. The program
// warns once, keeps every result in memory and exits normally; the next
// run, with room again, reuses what was committed and recomputes the rest.
// The reason is the write's own (it once read "cannot rollback - no
// transaction is active": the message of the ROLLBACK that followed).
TEST(MemoProcess, AFullDiskWarnsOnceAndKeepsEveryResult) {
  const fs::path dir = fresh_dir("full-disk");
  const fs::path cache = dir / "cache";
  const std::string env = "PURECC_CACHE_DIR='" + cache.string() + "' PURECC_TEST_FROM=0 PURECC_TEST_TO=20000";
  // dash counts `ulimit -f` in 512-byte blocks, bash in 1024-byte ones:
  // 256 or 512 KiB, both far below what the run writes.
  const ChildResult full = run(env, dir, "trap '' XFSZ; ulimit -f 512; ");
  EXPECT_EQ(full.status, 0);
  EXPECT_EQ(full.out, expected_out(20000, 0, 20000)) << "each value computed once, then kept in memory";
  const std::string warning = "purecc: warning: cannot write the memo cache '" +
                              (cache / "memo.sqlite").string() +
                              "': (disk I/O error|database or disk is full); "
                              "results stay in memory \\[purecc-memo-disk\\]\n";
  EXPECT_TRUE(std::regex_match(full.err, std::regex(warning))) << full.err;

  const ChildResult next = run(env, dir);
  EXPECT_EQ(next.status, 0);
  EXPECT_EQ(next.err, "");
  EXPECT_TRUE(next.out.ends_with(sum_line(0, 20000))) << next.out;
  EXPECT_LT(std::atol(next.out.c_str() + std::string("body calls: ").size()), 20000)
      << "the batches committed before the disk filled up are reused";
}

// kill -9 loses at most the last second of finished results: the child
// reports, while it keeps computing, the results that finished over a second
// ago; the parent kills it there and then, and every one of them is on disk.
TEST(MemoProcess, KillNineLosesAtMostTheLastSecond) {
  const fs::path dir = fresh_dir("kill-9");
  const fs::path cache = dir / "cache";
  int out[2];
  ASSERT_EQ(pipe(out), 0);
  const std::string exe = self_exe();
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    dup2(out[1], 1);
    close(out[0]);
    close(out[1]);
    setenv("PURECC_TEST_KILL_CHILD", "1", 1);
    setenv("PURECC_MEMO_MIN_MS", "0", 1);
    setenv("PURECC_CACHE_DIR", cache.c_str(), 1);
    execl(exe.c_str(), exe.c_str(), static_cast<char *>(nullptr));
    _exit(127);
  }
  close(out[1]);
  FILE *in = fdopen(out[0], "r");
  char line[64] = "";
  const bool got = std::fgets(line, sizeof line, in) != nullptr;
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  std::fclose(in);
  ASSERT_TRUE(got) << "the child died before it was ready";
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
  long ready = -1;
  ASSERT_EQ(std::sscanf(line, "ready %ld", &ready), 1) << line;
  ASSERT_GT(ready, 0);

  std::string error;
  auto store = purecc::DiskStore::open({.dir = cache}, error);
  ASSERT_TRUE(store) << error;
  long missing = 0, first_missing = -1;
  for (long x = 0; x < ready; ++x) {
    const purecc::MemoKey key =
        purecc::make_memo_key(slow_square_site().fingerprint(), purecc::compiler_namespace(), x);
    auto rec = store->get(key);
    if (!rec || purecc::from_bytes<long>(rec->value) != x * x + 1) {
      if (first_missing < 0)
        first_missing = x;
      ++missing;
    }
  }
  EXPECT_EQ(missing, 0) << "of the " << ready << " results finished over a second before the kill; "
                        << "first missing: " << first_missing;
}

TEST(MemoProcess, ModesOffAndMem) {
  const fs::path dir = fresh_dir("modes");
  const std::string common = " PURECC_CACHE_DIR='" + (dir / "cache").string() +
                             "' PURECC_TEST_FROM=0 PURECC_TEST_TO=10";
  EXPECT_EQ(run("PURECC_MEMO=off" + common, dir).out, expected_out(20, 0, 10));
  EXPECT_EQ(run("PURECC_MEMO=mem" + common, dir).out, expected_out(10, 0, 10));
  EXPECT_EQ(run("PURECC_MEMO=mem" + common, dir).out, expected_out(10, 0, 10)) << "nothing persisted";
  EXPECT_FALSE(fs::exists(dir / "cache"));
}

} // namespace
