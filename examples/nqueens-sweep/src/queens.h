// The n-queens problem: in how many ways can n queens be placed on an n x n
// board so that no two attack each other?
#pragma once

#include <cstdint>

// Boards wider than this do not fit the 32-bit masks below (and would take
// hours anyway).
inline constexpr int max_queens = 20;

// The number of ways to fill the remaining rows of an n-column board, given
// the columns and the two diagonal directions already attacked (one bit per
// column of the current row).
[[pure]] long count_completions(int n, std::uint32_t columns, std::uint32_t left_diagonals,
                                std::uint32_t right_diagonals);

// The number of solutions for an n x n board (1 <= n <= max_queens).
[[pure]] long count_solutions(int n);
