// nqueens.omp.cpp — hand-written OpenMP n-queens: a task per safe column in
// the top rows (tuned: 3), the serial recursion below.
#define PURECC_SUITE_VARIANT
#include "nqueens.cpp"

namespace {

constexpr int kTaskRows = 3;

long queens_omp(board b, int row, int n) {
  if (row >= kTaskRows || row == n) return queens(b, row, n);
  long counts[kMaxN] = {};
  for (int c = 0; c < n; ++c) {
    if (!safe(b, row, c)) continue;
#pragma omp task shared(counts)
    counts[c] = queens_omp(place(b, row, c), row + 1, n);
  }
#pragma omp taskwait
  long total = 0;
  for (int c = 0; c < n; ++c) total += counts[c];
  return total;
}

}  // namespace

int main(int argc, char** argv) {
  int n = static_cast<int>(suite::size_arg(argc, argv, 13));
  if (n > kMaxN) return 2;
  suite::timer t;
  long r = 0;
#pragma omp parallel
#pragma omp single
  r = queens_omp(board{}, 0, n);
  suite::report(r, t);
}
