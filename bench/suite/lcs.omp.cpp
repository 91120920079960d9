// lcs.omp.cpp — hand-written OpenMP memoized LCS: what a programmer writes
// instead of [[purecc::memo]] — a shared table of atomics (-1 = not yet
// known; two threads computing one entry store the same value), and the two
// branches of the top levels as tasks.
#define PURECC_SUITE_VARIANT
#include "lcs.cpp"

#include <atomic>
#include <vector>

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

int lcs_omp(memo_table& m, int i, int j, int level) {
  if (i == 0 || j == 0) return 0;
  int known = m.at(i, j).load(std::memory_order_relaxed);
  if (known >= 0) return known;
  int r;
  if (letter_a(i - 1) == letter_b(j - 1)) {
    r = 1 + lcs_omp(m, i - 1, j - 1, level + 1);
  } else if (level < kTaskLevels) {
    int up, left;
#pragma omp task shared(m, up)
    up = lcs_omp(m, i - 1, j, level + 1);
    left = lcs_omp(m, i, j - 1, level + 1);
#pragma omp taskwait
    r = std::max(up, left);
  } else {
    r = std::max(lcs_omp(m, i - 1, j, level + 1), lcs_omp(m, i, j - 1, level + 1));
  }
  m.at(i, j).store(r, std::memory_order_relaxed);
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  int n = static_cast<int>(suite::size_arg(argc, argv, 20));
  suite::timer t;
  memo_table m(n);
  long r = 0;
#pragma omp parallel
#pragma omp single
  r = lcs_omp(m, n, n, 0);
  suite::report(r, t);
}
