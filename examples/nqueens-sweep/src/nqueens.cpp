// nqueens [n]: prints the number of solutions of the n-queens problem for
// every board size up to n (default 12).
#include "queens.h"

#include <purecc/scheduler.h>

#include <cstdio>
#include <cstdlib>

int main(int argc, char **argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 12;
  if (n < 1 || n > max_queens) {
    std::fprintf(stderr, "nqueens: the board size must be between 1 and %d\n", max_queens);
    return 2;
  }
  std::printf("n-queens on %d threads\n", purecc::num_threads());
  for (int size = 1; size <= n; ++size)
    std::printf("%2d queens: %ld solutions\n", size, count_solutions(size));
}
