//===- IotaLoops.h - a range-for over std::views::iota --------------------===//
//
// `for (int i : std::views::iota(b, e))` is C++20's spelling of the counted
// loop `for (int i = b; i < e; ++i)` (user49 f05): the view yields b, b + 1,
// ..., e - 1, each converted to the loop variable's type. It is matched
// here as a counted loop whose counter is the loop variable: the runtime
// numbers the iterations by their values as std::int64_t (k over [b, e),
// i == T(k)), or, for a 64-bit unsigned value type whose range may cross
// 2^63, from 0 (i == b + k in std::uint64_t), as TripCounts.h does for
// `for (unsigned long i = b; i < e; ++i)`. The view's bounds are evaluated
// once, before the loop, as the serial loop evaluates them; b is evaluated
// again in each leaf only in the second form, where the body must not
// change it. Also `std::ranges::iota_view(b, e)` and
// `std::ranges::iota_view<W, B>{b, e}`. An unbounded view (`iota(b)`), one
// of non-integers, or a loop variable that is no integer stays serial with
// the reason.
//
//   if (std::optional<IotaBounds> Iota = iotaBounds(RF->getRangeInit())) ...
//   if (!matchIotaHeader(PC, RF, Scan, L, H, WhyNot)) ... // WhyNot says why
//
//===----------------------------------------------------------------------===//
#pragma once

#include "LoopBodies.h"
#include "Loops.h"
#include "StmtDeps.h"

#include "clang/AST/StmtCXX.h"

#include <optional>
#include <string>

namespace purecc {

/// The view a range-for's range is, when it is a std::ranges::iota_view
/// made in the range itself: its value type W and bound type (the second
/// template argument, `std::unreachable_sentinel_t` for `iota(b)`), and the
/// expressions of b and e as written (End null for `iota(b)`).
struct IotaBounds {
  const clang::Expr *Begin = nullptr, *End = nullptr;
  clang::QualType Value, Bound;
};
std::optional<IotaBounds> iotaBounds(const clang::Expr *RangeInit);

/// Matches RF, whose range is an iota view (iotaBounds), as a counted loop;
/// fills in L's bounds, trip count, counter (the loop variable) and body,
/// and H.Start for a view numbered from 0. On failure WhyNot says why.
bool matchIotaHeader(PlanContext &PC, const clang::CXXForRangeStmt *RF, DepScanner &Scan,
                     LoopShape &L, HeaderReads &H, std::string &WhyNot);

} // namespace purecc
