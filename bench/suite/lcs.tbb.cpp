// lcs.tbb.cpp — hand-written TBB memoized LCS: the same shared table of
// atomics as the OpenMP variant, the two branches of the top levels run
// through a task_group.
#define PURECC_SUITE_VARIANT
#include "lcs.cpp"

#include <atomic>
#include <vector>

#include <oneapi/tbb/task_group.h>

#include "suite_tbb.h"

namespace {

constexpr int kTaskLevels = 4;

struct memo_table {
  int width;
  std::vector<std::atomic<int>> cells;
  explicit memo_table(int n) : width(n + 1), cells(static_cast<std::size_t>(width) * width) {
    for (auto& c : cells) c.store(-1, std::memory_order_relaxed);
  }
  std::atomic<int>& at(int i, int j) { return cells[static_cast<std::size_t>(i) * width + j]; }
};

int lcs_tbb(memo_table& m, int i, int j, int level) {
  if (i == 0 || j == 0) return 0;
  int known = m.at(i, j).load(std::memory_order_relaxed);
  if (known >= 0) return known;
  int r;
  if (letter_a(i - 1) == letter_b(j - 1)) {
    r = 1 + lcs_tbb(m, i - 1, j - 1, level + 1);
  } else if (level < kTaskLevels) {
    int up = 0;
    oneapi::tbb::task_group g;
    g.run([&] { up = lcs_tbb(m, i - 1, j, level + 1); });
    int left = lcs_tbb(m, i, j - 1, level + 1);
    g.wait();
    r = std::max(up, left);
  } else {
    r = std::max(lcs_tbb(m, i - 1, j, level + 1), lcs_tbb(m, i, j - 1, level + 1));
  }
  m.at(i, j).store(r, std::memory_order_relaxed);
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  suite::tbb_threads limit;
  int n = static_cast<int>(suite::size_arg(argc, argv, 20));
  suite::timer t;
  memo_table m(n);
  long r = lcs_tbb(m, n, n, 0);
  suite::report(r, t);
}
