// dist_handback — parallel calls written against purecc/task_site.h
// (invoke_at, call_at, as codegen emits them), shaped so that a worker
// hands part of its branch back: the root's first branch is large and its
// last tiny. With PURECC_MPI_CALL_SPLIT=1 the root's branches may travel at
// 2 ranks; with PURECC_MPI_ROOT_WORKS=0 the large one waits for the worker,
// and rank 0, once it has run the tiny one, has nothing to run: it asks the
// worker to split, and runs what comes back. calls_tests.sh compares every
// line with the run without mpirun.
//   dist_handback sum         the tree's value (fib(n) + fib(3))
//   dist_handback throw       the leftmost leaf and the rightmost ones (of
//                             either branch) throw std::out_of_range with
//                             their path; the leftmost wins
//   dist_handback throw_user  the same with a type of the program's own
//   dist_handback flags       the leftmost leaf overflows (its value stays
//                             exact): the caller's FE_OVERFLOW afterwards
// An optional second argument is n (default 32).
#include "purecc/task_site.h"

#include <cfenv>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>

namespace demo {

enum mode : int { sum = 0, throws = 1, throws_user = 2, flags = 3 };

struct leaf_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// The leftmost leaf of the large branch: the left spine's paths are the
/// powers of two (the root's is 1; the tiny branch's leaves are 3 * 2^k + ...).
bool leftmost(long path) { return (path & (path - 1)) == 0; }
/// The right spines' leaves: paths 2^k - 1 (the large branch's from 1, the
/// tiny one's from 3).
bool rightmost(long path) { return (path & (path + 1)) == 0; }

/// A leaf of the tree: its value is n. In the throwing modes the leftmost
/// leaf and the rightmost ones throw (few throws, so the serial clones,
/// which stop at the first, still leave a large tree to run).
long leaf(int n, long path, int how) {
  if ((how == throws || how == throws_user) && (leftmost(path) || rightmost(path))) {
    if (how == throws)
      throw std::out_of_range("leaf " + std::to_string(path));
    throw leaf_error("leaf " + std::to_string(path));
  }
  if (how == flags && n == 1 && leftmost(path)) {
    volatile double big = 1e300;
    volatile double product = big * big; // FE_OVERFLOW
    static_cast<void>(product);
  }
  return n;
}

long tree_serial(int n, long path, int how) {
  if (n < 2)
    return leaf(n, path, how);
  return tree_serial(n - 1, 2 * path, how) + tree_serial(n - 2, 2 * path + 1, how);
}

long tree(int n, long path, int how);
inline constexpr auto tree_call = [](const int &n, const long &path, const int &how) -> long {
  return tree(n, path, how);
};

/// fib's tree, each node numbered by its path (left 2p, right 2p + 1).
long tree(int n, long path, int how) {
  if (n < 2)
    return leaf(n, path, how);
  // As codegen's fast clone: serial where nothing would be offered.
  if (!purecc::should_spawn() && !purecc::may_offer_calls())
    return tree_serial(n, path, how);
  auto [a, b] = purecc::invoke_at(
      purecc::call_at<"demo::tree#call", 0x7e57ULL, 0x8ac4ULL>(tree_call, n - 1, 2 * path, how),
      purecc::call_at<"demo::tree#call", 0x7e57ULL, 0x8ac4ULL>(tree_call, n - 2, 2 * path + 1, how));
  return a + b;
}

/// The large branch first, a tiny one last (path 3: none of its leaves is
/// on the left spine).
long lopsided(int n, int how) {
  auto [large, tiny] = purecc::invoke_at(
      purecc::call_at<"demo::tree#call", 0x7e57ULL, 0x8ac4ULL>(tree_call, n, 1L, how),
      purecc::call_at<"demo::tree#call", 0x7e57ULL, 0x8ac4ULL>(tree_call, 3, 3L, how));
  return large + tiny;
}

} // namespace demo

int main(int argc, char **argv) {
  const std::string what = argc > 1 ? argv[1] : "sum";
  const int n = argc > 2 ? std::atoi(argv[2]) : 32;
  if (what == "sum") {
    std::printf("sum %ld\n", demo::lopsided(n, demo::sum));
  } else if (what == "throw") {
    try {
      std::printf("no exception %ld\n", demo::lopsided(n, demo::throws));
    } catch (const std::out_of_range &e) {
      std::printf("caught std::out_of_range: %s\n", e.what());
    }
  } else if (what == "throw_user") {
    try {
      std::printf("no exception %ld\n", demo::lopsided(n, demo::throws_user));
    } catch (const demo::leaf_error &e) {
      std::printf("caught leaf_error: %s\n", e.what());
    } catch (const std::runtime_error &e) {
      std::printf("caught std::runtime_error: %s\n", e.what());
    }
  } else if (what == "flags") {
    std::feclearexcept(FE_ALL_EXCEPT);
    const long r = demo::lopsided(n, demo::flags);
    std::printf("flags %ld overflow=%d\n", r, std::fetestexcept(FE_OVERFLOW) ? 1 : 0);
  } else {
    return 2;
  }
  return 0;
}
