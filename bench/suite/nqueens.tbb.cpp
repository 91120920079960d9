// nqueens.tbb.cpp — hand-written TBB n-queens: parallel_reduce over the
// columns of the top rows (same cutoff as OpenMP), the serial recursion below.
#define PURECC_SUITE_VARIANT
#include "nqueens.cpp"

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_reduce.h>

#include "suite_tbb.h"

namespace {

constexpr int kTaskRows = 3;

long queens_tbb(board b, int row, int n) {
  if (row >= kTaskRows || row == n) return queens(b, row, n);
  return oneapi::tbb::parallel_reduce(
      oneapi::tbb::blocked_range<int>(0, n, 1), 0L,
      [&](const oneapi::tbb::blocked_range<int>& r, long acc) {
        for (int c = r.begin(); c < r.end(); ++c)
          if (safe(b, row, c)) acc += queens_tbb(place(b, row, c), row + 1, n);
        return acc;
      },
      [](long x, long y) { return x + y; });
}

}  // namespace

int main(int argc, char** argv) {
  suite::tbb_threads limit;
  int n = static_cast<int>(suite::size_arg(argc, argv, 13));
  if (n > kMaxN) return 2;
  suite::timer t;
  long r = queens_tbb(board{}, 0, n);
  suite::report(r, t);
}
