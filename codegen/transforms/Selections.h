//===- Selections.h - selection: argmin and argmax loops --------------------===//
//
// An argmin/argmax loop keeps the best value seen so far and what goes with
// it (its index, or anything computed from the iteration):
//
//   if (d < best) { best = d; arg = i; }       // first of equal values kept
//   if (best <= f(i)) { best = f(i); a = i; }  // last of equal values kept
//
// It becomes one deterministic tree reduction (Shapes.h, selections): each
// leaf runs the unchanged body on private copies of `best` (starting at the
// identity of the min/max) and of the payloads, plus a flag the selection
// sets when it fires; the ordered combine keeps the left partial unless the
// right one fired and beats it by the loop's own comparison. That is the
// serial result bit for bit:
//  * a strict comparison (`<`, `>`) keeps the first of equal values and a
//    non-strict one the last, in the loop and in the combine alike (+0.0 and
//    -0.0 are equal; the loop's choice of the two is kept);
//  * a NaN term never compares true, so it is never selected, and a NaN
//    initial `best` is never replaced: the final merge uses the same test;
//  * a term equal to the identity (+inf for a `<` minimum) is selected only
//    when the loop's comparison selects it, which the flag records.
// A payload may be an object assigned whole (`name = names[i]` with a
// std::string, `at = pts[i]` with a struct): the leaves copy it where the
// loop does not, so its type must be a plain value, whose copies and
// assignments are the compiler's memberwise ones down to scalars,
// std::string and std::vector/array/pair of plain values; a class with a
// user-provided copy, assignment or destructor stays serial.
// `best` may also be a member of a local struct that the block sets with
// it (`if (d < b.d) b = {d, i};`, `{ b.d = d; b.i = i; }`): the leaves copy
// the whole struct, with the compared member at the identity.
// The leaves run the block for every term that beats the leaf's own best,
// also for iterations the serial loop never selects: code in it must not
// throw (analysis/MayThrow.h, Operands::Other).
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

} // namespace purecc
