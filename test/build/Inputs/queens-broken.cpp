// test/build/cmake-package.test puts this file in place of the example's
// src/queens.cpp: the build must fail at the line below that writes a global.
//
// Backtracking over bit masks: each row places a queen on a column that no
// earlier queen attacks. Every call is a pure function of its arguments, so
// the subtrees are independent of each other: purecc may count them in
// parallel, and the total is the same whatever the order.
#include "queens.h"

[[pure]] long count_completions(int n, std::uint32_t columns, std::uint32_t left_diagonals,
                                std::uint32_t right_diagonals) {
  const std::uint32_t full = (std::uint32_t{1} << n) - 1;
  if (columns == full)
    return 1;
  std::uint32_t available = full & ~(columns | left_diagonals | right_diagonals);
  long total = 0;
  while (available != 0) {
    const std::uint32_t queen = available & (~available + 1); // the lowest free column
    available ^= queen;
    total += count_completions(n, columns | queen, ((left_diagonals | queen) << 1) & full,
                               (right_diagonals | queen) >> 1);
  }
  return total;
}

// The broken copy: this pure function keeps a count in a global.
long boards_started = 0;

[[pure]] long count_solutions(int n) {
  const std::uint32_t full = (std::uint32_t{1} << n) - 1;
  // CHECK: broken/src/queens.cpp:[[@LINE+1]]:{{[0-9]+}}: error: pure function 'count_solutions' writes to global 'boards_started' [purecc-global-write]
  boards_started += 1;
  long total = 0;
  for (int column = 0; column < n; ++column) {
    const std::uint32_t queen = std::uint32_t{1} << column;
    total += count_completions(n, queen, (queen << 1) & full, queen >> 1);
  }
  return total;
}
