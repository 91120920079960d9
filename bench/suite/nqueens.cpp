// nqueens.cpp — counts the placements of n queens (n = 13) by recursion over
// rows, the board passed by value: ~1e7 nodes of uneven cost. The serial
// original of the suite's nqueens.
#include <array>
#include <cstdint>

#include "suite.h"

constexpr int kMaxN = 16;

struct board {
  std::array<std::int8_t, kMaxN> col{};  // col[r]: column of the queen in row r
};

[[pure]] bool safe(board b, int row, int c) {
  for (int r = 0; r < row; ++r) {
    int d = b.col[r] - c;
    if (d == 0 || d == row - r || d == r - row) return false;
  }
  return true;
}

[[pure]] board place(board b, int row, int c) {
  b.col[row] = static_cast<std::int8_t>(c);
  return b;
}

[[pure]] long queens(board b, int row, int n) {
  if (row == n) return 1;
  long count = 0;
  for (int c = 0; c < n; ++c)
    if (safe(b, row, c)) count += queens(place(b, row, c), row + 1, n);
  return count;
}

#ifndef PURECC_SUITE_VARIANT
int main(int argc, char** argv) {
  int n = static_cast<int>(suite::size_arg(argc, argv, 13));
  if (n > kMaxN) return 2;
  suite::timer t;
  long r = queens(board{}, 0, n);
  suite::report(r, t);
}
#endif
