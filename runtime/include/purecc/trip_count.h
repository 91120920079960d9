// purecc/trip_count.h — how often a counted loop with a constant step runs.
//
// The code generator numbers the iterations of `for (T i = b; i < e; i += s)`
// (also `<=`, and counting down: `i > e; i -= s`) 0, 1, ..., n-1 and needs n
// before the loop runs: the iterations from `from` towards `to` in steps of
// `step` (> 0), the bounds widened to std::int64_t. The count is a function
// call rather than a comparison spelled out next to the user's bounds:
// g++'s -Wtype-limits (in -Wextra) sees through the widening casts, finds
// `(std::int64_t)m >= 0` always true for an unsigned short `m`, and a
// project's -Werror turned that into a broken build. Parameters carry no
// such range.
//
// Example (what `for (long i = 0; i <= m; i += 2)` becomes):
//   purecc::parallel_reduce(0, purecc::trips_through(0, m, 2), ...);
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include <cstdint>

namespace purecc {

/// Iterations of `for (i = from; i < to; i += step)`: 0 when to <= from.
///   static_assert(purecc::trips_until(-5, 10, 3) == 5);  // -5 -2 1 4 7
constexpr std::int64_t trips_until(std::int64_t from, std::int64_t to,
                                   std::int64_t step) noexcept {
  return to > from ? (to - from + (step - 1)) / step : 0;
}

/// Iterations of `for (i = from; i <= to; i += step)`: 0 when to < from.
///   static_assert(purecc::trips_through(0, 10, 5) == 3);  // 0 5 10
constexpr std::int64_t trips_through(std::int64_t from, std::int64_t to,
                                     std::int64_t step) noexcept {
  return to >= from ? (to - from) / step + 1 : 0;
}

}  // namespace purecc
