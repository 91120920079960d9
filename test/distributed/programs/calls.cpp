// calls.cpp — recursive searches written with calls, which purecc rewrites
// into parallel calls; built with -DPURECC_DISTRIBUTED (dist_calls, see
// test/distributed/CMakeLists.txt) their branches near the root may run on
// other ranks. calls_tests.sh compares every line with the local run.
//   calls [all|fib|queens|throw|throw_user|fib_twice|upward|lopsided]
// fib_twice: fib(30), then (with PURECC_TEST_WAIT_STORED set) waits until
// PURECC_CACHE_DIR's store holds the branches the first call persisted,
// then fib(30) again: the second call must not take them from there.
#include "purecc/disk_store.h"

#include <cfenv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <thread>

[[pure]] long fib(int n) {
  if (n < 2)
    return n;
  return fib(n - 1) + fib(n - 2);
}

// n queens below a partial placement, the columns [lo, hi) of the next row
// split in halves by calls: an unbalanced tree (most columns are attacked).
[[pure]] long queens(int n, unsigned cols, unsigned left, unsigned right, int lo, int hi) {
  unsigned all = (1u << n) - 1u;
  if (cols == all)
    return 1;
  if (hi - lo > 1) {
    int mid = lo + (hi - lo) / 2;
    return queens(n, cols, left, right, lo, mid) + queens(n, cols, left, right, mid, hi);
  }
  unsigned bit = 1u << lo;
  if (((cols | left | right) & bit) != 0u)
    return 0;
  return queens(n, cols | bit, ((left | bit) << 1) & all, (right | bit) >> 1, 0, n);
}

// A walk down fib's tree whose right spine ends in a leaf that throws with
// its path number: each level's left subtree (fib, which cannot throw) and
// the rest of the walk run in parallel. Only the walk may throw, and it
// comes last, so the serial program makes both calls (two calls that may
// throw stay in order: docs/codegen.md, "Speculation").
[[pure]] long walk(int n, long path) {
  if (n < 2) {
    if (path % 1000 == 191)
      throw std::out_of_range("walk leaf " + std::to_string(path));
    return n;
  }
  return fib(n - 1) + walk(n - 2, 2 * path + 1);
}

// A large first branch and a tiny last one: rank 0 runs the tiny one (the
// last branch of a call never travels) and, with the large one on a
// worker, has nothing left to run — the worker hands part of it back
// (calls_tests.sh, PURECC_STATS' "branches handed back"). Not in `all`.
[[pure]] long lopsided(int n) { return fib(n) + fib(3); }

// An exception type of the user's: under a cluster it arrives as
// purecc::remote_error (what() "walk_error: <message> (rank R on H)")
// whether the branch that threw ran on rank 0 or travelled; the local run
// throws walk_error itself. Not part of `all` (whose lines are the serial
// program's at every rank count).
struct walk_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

[[pure]] long walk_user(int n, long path) {
  if (n < 2) {
    if (path % 1000 == 191)
      throw walk_error("walk leaf " + std::to_string(path));
    return n;
  }
  return fib(n - 1) + walk_user(n - 2, 2 * path + 1);
}

// 1/(3k+1) summed by halves: every division and addition rounds, so the
// bits follow the rounding mode, and the tree fixes the association, so
// they are the serial program's wherever a branch runs.
[[pure]] double thirds(int lo, int hi) {
  if (hi - lo <= 64) {
    double t = 0.0;
    for (int k = lo; k < hi; ++k)
      t += 1.0 / (3.0 * k + 1.0);
    return t;
  }
  int mid = lo + (hi - lo) / 2;
  return thirds(lo, mid) + thirds(mid, hi);
}

/// Polls (at most a minute) until the memo store in PURECC_CACHE_DIR holds
/// an entry: what rank 0's writer committed on its own.
void wait_until_stored() {
  const char *dir = std::getenv("PURECC_CACHE_DIR");
  if (!dir || !std::getenv("PURECC_TEST_WAIT_STORED"))
    return;
  std::string error;
  auto store = purecc::DiskStore::open({.dir = dir}, error);
  for (int tries = 0; store && tries < 12000 && store->summary().entries == 0; ++tries)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

int main(int argc, char **argv) {
  std::string what = argc > 1 ? argv[1] : "all";
  bool all = what == "all";
  if (all || what == "fib")
    std::printf("fib %ld\n", fib(30));
  if (what == "fib_twice") {
    std::printf("fib %ld\n", fib(30));
    std::fflush(stdout);
    wait_until_stored();
    std::printf("fib %ld\n", fib(30));
  }
  if (all || what == "queens")
    std::printf("queens %ld\n", queens(10, 0u, 0u, 0u, 0, 10));
  if (all || what == "throw") {
    try {
      std::printf("no exception %ld\n", walk(24, 1));
    } catch (const std::out_of_range &e) {
      std::printf("caught std::out_of_range: %s\n", e.what());
    }
  }
  if (what == "throw_user") {
    try {
      std::printf("no exception %ld\n", walk_user(24, 1));
    } catch (const walk_error &e) {
      std::printf("caught walk_error: %s\n", e.what());
    } catch (const std::runtime_error &e) {
      std::printf("caught std::runtime_error: %s\n", e.what());
    }
  }
  if (what == "lopsided")
    std::printf("lopsided %ld\n", lopsided(32));
  if (what == "upward") {
    // Not in "all": under FE_UPWARD, then the same calls under
    // round-to-nearest. Read twice: without -frounding-math the compiler
    // could take the second call for the first.
    volatile int n = 1 << 16;
    std::fesetround(FE_UPWARD);
    const double up = thirds(0, n);
    std::fesetround(FE_TONEAREST);
    const double near = thirds(0, n);
    std::printf("upward thirds %a\nnearest thirds %a\n", up, near);
  }
  return 0;
}
