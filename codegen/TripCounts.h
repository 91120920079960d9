//===- TripCounts.h - how many iterations a counted loop runs -------------===//
//
// A counted loop `for (T i = b; i < e; <step>)` is shared by numbering its
// iterations up front: the runtime runs k over [Begin, End) as std::int64_t
// and the leaf recreates i from k. How many there are depends on the
// counter's own type (wrap-around of unsigned and narrow counters, the
// common type the condition compares in) and on the step: one (countTrips),
// a constant (countStrided), or a step known only at run time
// (countVariableStride), whose count a guard computes before the loop and
// which runs the original loop, copied verbatim, where it says no
// (guardStride). Each count either is exact or refuses with the reason.
//
//   auto Begin = boundText(PC, I->getInit()), End = boundText(PC, Bound);
//   if (auto T = countTrips(PC, I, C, Bound, NotEqual, Inclusive, *Begin, *End, WhyNot))
//     ... T->Begin ... T->End ... T->Count ...
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Loops.h"

namespace purecc {

/// The text of a counted loop's start or bound as the rewritten loop
/// repeats it: the user's own, also when it is (or holds) whole macro
/// expansions (`i < N`, `i < INT_MAX`, `i <= 2 * N`) — the same text at the
/// same place expands the same way. An expansion that is more than a
/// literal, a name or a parenthesized expression is parenthesized, so that
/// the text composes like the value it stands for (`#define N 10 + 5`).
/// Nullopt when the expression begins or ends inside a macro's text
/// (`#define LT < n`): there is no text of it to repeat.
std::optional<std::string> boundText(PlanContext &PC, const clang::Expr *E);

/// The start value of counter I: its initializer, or the one value inside
/// its braces (`for (auto i{0L}; ...)`, `long i = {0}`), already converted
/// to I's type.
const clang::Expr *counterStart(const clang::VarDecl *I);

/// The value of E when it is an integer constant of at most 40 significant
/// bits (a bound, factor or offset as programs write them, whose products
/// and sums stay far from overflowing std::int64_t), or nullopt.
std::optional<std::int64_t> smallConstant(clang::ASTContext &Ctx, const clang::Expr *E);

/// The index range of a counted loop, as the runtime numbers it. Index,
/// when not empty, is the counter's value at iteration k (\x01 stands for
/// k); empty, the counter's value is T(k).
struct Trips {
  std::string Begin, End;
  std::optional<std::int64_t> Count;
  std::string Index;
};

/// The iterations of `for (T i = b; i < e; ++i)` (or `<=`, `!=`) computed in
/// the counter's own type T: the condition compares i and e converted to
/// their common type C, and ++i wraps around when T is unsigned or narrower
/// than int (the promoted sum converts back modulo 2^W). For a wider
/// signed T an overflow is undefined, so the loop never gets there. Index k
/// of the runtime's range [Begin, End) is the iteration where i == T(k),
/// except for a 64-bit unsigned counter whose range may cross 2^63, where
/// std::int64_t numbers would put later iterations below earlier ones:
/// then k runs over [0, e - b) and Index is b + k in std::uint64_t (b is
/// evaluated again in each iteration: the caller checks that the body
/// cannot change it).
/// Refuses (WhyNot) the cases whose count cannot be computed that way.
/// Offset K > 0: the condition is a window's, `i + K < e` (or `<=`; not
/// `!=`), which holds exactly when i < e - K: the sum cannot wrap before
/// i + K reaches e, and a signed one cannot overflow (undefined).
std::optional<Trips> countTrips(PlanContext &PC, const clang::VarDecl *I, clang::QualType C,
                                const clang::Expr *Bnd, bool NotEqual, bool Inclusive,
                                const std::string &BeginText, const std::string &EndText,
                                std::string &WhyNot, std::int64_t Offset = 0);

/// The iterations of a counted loop that is not `++i` up to a bound:
/// counting down by one (`--i` while `i > e` or `i >= e`, and
/// `for (T i = b; i-- > e;)`), or by a constant step s other than 1 (`i += 3`
/// while `i < e`, `i -= 2` while `i > e`). The runtime still numbers
/// iterations k from Begin to End, in serial order; Index is the counter's
/// value at k (\x01 stands for k).
///   down by one: k in [-b, -e) and i == -k (`>=`: to -e + 1; `i-- > e`:
///                k in [1 - b, 1 - e)), for any counter at least as wide as
///                'int' that cannot wrap before the bound: an unsigned one
///                ends at `i > e` before 0, at `i >= e` only when e > 0
///   step s:      k in [0, trips) and i == b + s*k, for a signed counter at
///                least as wide as 'int' compared as signed: it cannot wrap
///                (an overflow would be undefined), so the count is
///                ceil((e - b) / s) (and one more for `<=`/`>=`) or 0
/// b is evaluated again in each iteration (Index): the caller checks that
/// the body cannot change it. The counts are computed in std::uint64_t where
/// b and e may lie too far apart for std::int64_t. Inc is the loop's
/// increment (null for `i-- > e`): a step computed in another type than T
/// (`i += 3UL`) wraps around instead of overflowing, and stays serial.
std::optional<Trips> countStrided(PlanContext &PC, const clang::VarDecl *I, clang::QualType C,
                                  const clang::Expr *Bnd, const clang::Expr *Inc,
                                  std::int64_t Step, bool Inclusive, bool PostDec,
                                  const std::string &BeginText,
                                  const std::string &EndText, std::string &Index,
                                  std::string &WhyNot);

/// The iterations of `for (T i = b; i < e; i += k)` (or `<=`) with a k that
/// is no constant, numbered 0, 1, ... with i == b + k*n at iteration n. The
/// serial loop ends only for k > 0, and then only if i does not wrap around
/// (unsigned or narrower than 'int': `i += k` converts back modulo 2^W) or
/// overflow after its last iteration: the count is computed at run time,
/// before the loop, in 64-bit unsigned arithmetic in which none of this
/// overflows, and where it says no (-1) the original loop runs as it is
/// (guardStride). The counter must compare as its own value: C holds every
/// value of T.
std::optional<Trips> countVariableStride(PlanContext &PC, const clang::VarDecl *I,
                                         clang::QualType C, const clang::Expr *Step, bool Inclusive,
                                         const std::string &BeginText,
                                         const std::string &EndText, LoopShape &L,
                                         std::string &WhyNot);

/// For a loop with a StrideGuard that a transformation has rewritten: puts
/// the rewritten loop under the guard, and the original loop, copied
/// verbatim on its own lines (`#line`), in the branch that runs it serially:
///   if (const std::int64_t n = <count>; n < 0) <original loop> else { <rewritten> }
void guardStride(PlanContext &PC, const LoopShape &L);

} // namespace purecc
