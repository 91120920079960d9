// nqueens_continue.cpp — 13 queens as people write the column loop: skip an
// unsafe column with `continue`. purecc ends that iteration with the leaf's
// `return` (a reduction); run.sh compares it with nqueens.cpp's `if` form.
// Prints "<result> <seconds>".
#include <array>
#include <chrono>
#include <cstdio>

constexpr int N = 13;
using Board = std::array<signed char, N>;

[[pure]] bool safe(Board b, int row, int col) {
  for (int r = 0; r < row; ++r) {
    int c = b[r];
    if (c == col || c - col == r - row || c - col == row - r)
      return false;
  }
  return true;
}

[[pure]] long solve(Board b, int row) {
  if (row == N)
    return 1;
  long count = 0;
  for (int col = 0; col < N; ++col) {
    if (!safe(b, row, col))
      continue;
    Board next = b;
    next[row] = static_cast<signed char>(col);
    count += solve(next, row + 1);
  }
  return count;
}

int main() {
  auto t0 = std::chrono::steady_clock::now();
  long r = solve(Board{}, 0);
  std::chrono::duration<double> dt = std::chrono::steady_clock::now() - t0;
  std::printf("%ld %.6f\n", r, dt.count());
  return 0;
}
