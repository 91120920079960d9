// `purecc cache` commands (purecc/cache_admin.h): exact output, one-line
// errors and exit codes.
#include "purecc/cache_admin.h"
#include "purecc/disk_store.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

struct Result {
  int code;
  std::string out, err;
};

Result cache(std::vector<std::string> args) {
  std::ostringstream out, err;
  const int code = purecc::cache_command(args, out, err);
  return {code, out.str(), err.str()};
}

class CacheAdmin : public ::testing::Test {
protected:
  void SetUp() override {
    // The commands read the environment; make it the documented default.
    // (Single-threaded here: no other thread reads the environment.)
    for (const char *v : {"PURECC_MEMO", "PURECC_CACHE_DIR", "PURECC_CACHE_MAX_SIZE",
                          "PURECC_MEMO_MEM_SIZE", "PURECC_MEMO_MIN_MS", "PURECC_STATS"})
      unsetenv(v);
    dir = fs::path(PURECC_TEST_TMPDIR) /
          ("cache_admin-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir);
    arg = "--cache-dir=" + dir.string();
  }
  /// Three entries of 10 bytes for "fib", one of 20 for "g", plus counters.
  void populate() {
    purecc::DiskStore::Options o;
    o.dir = dir;
    std::string error;
    auto s = purecc::DiskStore::open(o, error);
    ASSERT_TRUE(s) << error;
    const purecc::Hash128 fib{1, 1}, g{2, 2};
    for (std::uint64_t i = 0; i < 3; ++i)
      s->put(purecc::MemoKey{i, 100}, fib, "fib", std::string(10, 'f'), 1000);
    s->put(purecc::MemoKey{9, 100}, g, "g", std::string(20, 'g'), 1000);
    s->add_counts({{"fib", fib, purecc::CallCounts{10, 5, 2, 3, 7000000, 3000}},
                   {"g", g, purecc::CallCounts{2, 0, 1, 1, 1000, 1000}}});
  }
  fs::path dir;
  std::string arg;
};

TEST_F(CacheAdmin, UsageErrorsExitWith2) {
  EXPECT_EQ(cache({}).code, 2);
  EXPECT_EQ(cache({}).err, "purecc: error: missing cache command (expected stats, clear, prune or "
                           "help) [purecc-cache-usage]\n");
  const Result unknown = cache({"purge"});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_EQ(unknown.err, "purecc: error: unknown cache command 'purge' (expected stats, clear, "
                         "prune or help) [purecc-cache-usage]\n");
  EXPECT_EQ(cache({"stats", "clear"}).err,
            "purecc: error: unexpected argument 'clear' after 'stats' [purecc-cache-usage]\n");
  EXPECT_EQ(cache({"stats", "--all"}).err,
            "purecc: error: unknown cache option '--all' [purecc-cache-usage]\n");
  EXPECT_EQ(cache({"stats", "--cache-dir="}).code, 2);
  EXPECT_EQ(unknown.out, "");
  // adv112 F3: the option without '=', given twice, and help with more.
  const Result spaced = cache({"stats", "--cache-dir", "c6"});
  EXPECT_EQ(spaced.code, 2);
  EXPECT_EQ(spaced.err, "purecc: error: '--cache-dir' needs a directory: '--cache-dir=DIR' "
                        "[purecc-cache-usage]\n");
  const Result twice = cache({"stats", "--cache-dir=a", "--cache-dir=b"});
  EXPECT_EQ(twice.code, 2);
  EXPECT_EQ(twice.err, "purecc: error: '--cache-dir' given twice [purecc-cache-usage]\n");
  const Result help_extra = cache({"help", "extra"});
  EXPECT_EQ(help_extra.code, 2);
  EXPECT_EQ(help_extra.err,
            "purecc: error: unexpected argument 'extra' after 'help' [purecc-cache-usage]\n");
  EXPECT_EQ(help_extra.out, "");
}

TEST_F(CacheAdmin, Help) {
  const Result r = cache({"help"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(cache({"stats", "--help"}).out, r.out);
  EXPECT_EQ(r.out.rfind("usage: purecc cache <command> [--cache-dir=DIR] [--shared]\n", 0), 0u);
  EXPECT_NE(r.out.find("  prune "), std::string::npos);
}

TEST_F(CacheAdmin, StatsOfAMissingCacheDoesNotCreateIt) {
  const Result r = cache({"stats", arg});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "cache directory: " + dir.string() + "\n"
                   "entries: 0 (0 B of 5.0 GiB)\n"
                   "calls: 0, hits: 0 (memory 0, disk 0), misses: 0, hit rate: n/a\n"
                   "time saved: 0 ns\n");
  EXPECT_FALSE(fs::exists(dir));
}

TEST_F(CacheAdmin, StatsShowsTotalsAndFunctions) {
  populate();
  const Result r = cache({"stats", arg});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out,
            "cache directory: " + dir.string() + "\n"
            "entries: 4 (450 B of 5.0 GiB)\n"
            "calls: 12, hits: 8 (memory 5, disk 3), misses: 4, hit rate: 66.7%\n"
            "time saved: 7.0 ms\n"
            "  function  entries       size      calls   mem hits  disk hits     misses   time saved\n"
            "  fib             3      330 B         10          5          2          3       7.0 ms\n"
            "  g               1      120 B          2          0          1          1       1.0 us\n");
}

TEST_F(CacheAdmin, ClearRemovesEverything) {
  populate();
  const Result r = cache({"clear", arg});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "cache directory: " + dir.string() + "\nremoved 4 entries\n");
  const Result after = cache({"stats", arg});
  EXPECT_NE(after.out.find("entries: 0 (0 B of 5.0 GiB)\n"), std::string::npos) << after.out;
  EXPECT_EQ(after.out.find("  function"), std::string::npos) << "counters are cleared too";
}

TEST_F(CacheAdmin, PruneEnforcesTheConfiguredLimit) {
  populate();
  setenv("PURECC_CACHE_MAX_SIZE", "300", 1);
  const Result r = cache({"prune", arg});
  unsetenv("PURECC_CACHE_MAX_SIZE");
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "cache directory: " + dir.string() + "\n"
                   "removed 0 corrupt entries, evicted 2 entries; size now 230 B of 300 B\n");
}

TEST_F(CacheAdmin, UnusableDirectoryIsExit1) {
  fs::create_directories(dir);
  std::ofstream(dir / "file") << "x";
  // Below a file, or a file itself, for every command: `stats` reported an
  // empty cache (adv94 F2).
  for (const fs::path &bad : {dir / "file" / "cache", dir / "file"})
    for (const char *command : {"stats", "clear", "prune"}) {
      const Result r = cache({command, "--cache-dir=" + bad.string()});
      EXPECT_EQ(r.code, 1) << command << " " << bad;
      EXPECT_EQ(r.err, "purecc: error: cannot use '" + bad.string() +
                           "': Not a directory [purecc-cache-open]\n")
          << command;
    }
  EXPECT_FALSE(fs::exists(dir / "file" / "cache"));
}

TEST_F(CacheAdmin, RelativeDirectoryIsFromTheCurrentOne) {
  fs::create_directories(dir);
  const fs::path before = fs::current_path();
  fs::current_path(dir);
  const Result r = cache({"stats", "--cache-dir=rel"});
  fs::current_path(before);
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "cache directory: " + (dir / "rel").string());
}

TEST_F(CacheAdmin, BadEnvironmentIsExit1) {
  setenv("PURECC_CACHE_MAX_SIZE", "huge", 1);
  const Result r = cache({"stats", arg});
  unsetenv("PURECC_CACHE_MAX_SIZE");
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err, "purecc: error: PURECC_CACHE_MAX_SIZE='huge' is not a size (like 100M or 5G) "
                   "[purecc-cache-config]\n");
}

} // namespace
