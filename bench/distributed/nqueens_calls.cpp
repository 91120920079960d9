// nqueens_calls.cpp — n queens written with calls (the columns of each row
// split in halves), for bench/distributed/suite.sh: purecc rewrites the
// two calls into parallel calls, whose branches near the root travel to
// idle ranks under mpirun. bench/suite's nqueens counts with a loop (a
// reduction) instead.
//   nqueens_calls [n]        (default 13)
#include "suite.h"

[[pure]] long queens(int n, unsigned cols, unsigned left, unsigned right, int lo, int hi) {
  unsigned all = (1u << n) - 1u;
  if (cols == all) return 1;
  if (hi - lo > 1) {
    int mid = lo + (hi - lo) / 2;
    return queens(n, cols, left, right, lo, mid) + queens(n, cols, left, right, mid, hi);
  }
  unsigned bit = 1u << lo;
  if (((cols | left | right) & bit) != 0u) return 0;
  return queens(n, cols | bit, ((left | bit) << 1) & all, (right | bit) >> 1, 0, n);
}

int main(int argc, char** argv) {
  int n = static_cast<int>(suite::size_arg(argc, argv, 13));
  if (n < 1 || n > 16) return 2;
  suite::timer t;
  long r = queens(n, 0u, 0u, 0u, 0, n);
  suite::report(r, t);
}
