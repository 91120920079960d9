//===- Selections.h - selection: argmin and argmax loops --------------------===//
//
// An argmin/argmax loop keeps the best value seen so far and what goes with
// it (its index, or anything computed from the iteration):
//
//   if (d < best) { best = d; arg = i; }       // first of equal values kept
//   if (best <= f(i)) { best = f(i); a = i; }  // last of equal values kept
//
// The loop runs its block for its records only: the terms that beat the
// best of all earlier terms. The rewrite runs it for exactly those, in two
// passes (runtime/include/purecc/selection.h, Shapes.h passes*): a tree
// reduction evaluates the body with the `if` replaced by the term, and keeps
// the records with the body's locals the block reads (carried as plain
// values); the ordered combine keeps of a right part only what beats the
// left part's best. A serial pass after the loop then runs the user's block
// verbatim for each kept record that beats the user's best by the loop's
// own comparison. So ties (`<` keeps the first, `<=` the last; +0.0 and
// -0.0 are equal), NaN terms (never selected) and a NaN initial best (never
// replaced) are decided as in the loop, and code in the block that throws
// (the user's or the library's) throws at the loop's iteration. An
// iteration that throws ends the records there (the first exception in
// loop order escapes after the blocks before it ran).
// Where the block reads what cannot be carried (a pointer, an array, a
// structured binding) or does more than assign the selection, the leaves
// run the block themselves on private copies of best (starting at the
// identity) and of the payloads, with a flag set when it fired, and the
// combine keeps the left partial unless the right one fired and beats it.
// There the block runs for iterations the serial loop never selects, so
// code in it that may throw, also the library's, keeps the loop serial.
// A payload may be an object assigned whole (`name = names[i]` with a
// std::string, `at = pts[i]` with a struct): its type must be a plain
// value, whose copies and assignments are the compiler's memberwise ones
// down to scalars, std::string and std::vector/array/pair of plain values;
// a class with a user-provided copy, assignment or destructor stays serial.
// `best` may also be a member of a local struct that the block sets with
// it (`if (d < b.d) b = {d, i};`, `{ b.d = d; b.i = i; }`).
// It is only the same as the loop when `best` and the payloads are local
// variables written nowhere else in the body and read only there, the
// term has the type of `best` (a conversion would compare another value
// than the one kept), every call is pure and nothing else outside the body
// is written.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Reductions.h"

namespace purecc {

/// Plans loop L as an argmin/argmax selection; on refusal WhyNot says why.
/// NotThisKind when the body holds no selection of a variable from outside.
LoopOutcome planSelection(PlanContext &PC, const LoopShape &L,
                          const llvm::SmallPtrSetImpl<const clang::VarDecl *> &Escaped,
                          std::string &WhyNot);

/// A near-miss of a selection in L's body, for a remark: an `if (term REL
/// best)` whose branch sets best to the term, but which has an `else`
/// branch (`else { cnt += 0; }`), or sets best only on some paths of its
/// block (`{ a2 = i; if (i <= 100) b2 = d; }`). Returns best and the
/// reason; best is null when there is none.
std::pair<const clang::VarDecl *, std::string> nearSelectionReason(PlanContext &PC,
                                                                   const LoopShape &L);

} // namespace purecc
