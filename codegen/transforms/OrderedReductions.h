//===- OrderedReductions.h - reductions with a user's associative combine ---===//
//
// A loop that folds values of one type into an accumulator declared outside
// it with a user's combine function, in the loop's order,
//
//   P = P * rot(i);   P *= rot(i);   acc += piece(i);
//   acc = combine(acc, f(i));   acc = f(i) * acc;   (prepending)
//
// is a reduction when the combine is associative, whether or not it
// commutes: the runtime's tree keeps operand order (reduce.h). purecc
// cannot prove a function associative, so the user says so with
// [[purecc::associative]] on the operator or function (analysis/
// Associative.h checks that it is pure: a compound assignment may write its
// left operand, nothing else). A combine that is pure but not marked keeps
// the loop serial with a remark that says how to opt in.
//
// The accumulator's value before the loop is not an identity (there may be
// none: a matrix product has one, a string-like type with `+` too, but
// purecc knows neither), so no leaf starts from it: each leaf's private
// accumulator is an empty std::optional<T> that the iteration's first step
// fills with its value; the combine skips empty partials; the tree's result
// is folded into the user's accumulator once, after what it held before
// the loop (before it, for a prepending loop). T needs no default
// constructor; it must be copy- or move-constructible by code known to be
// pure, since the steps' values and the partials are moved around.
//
// The tree calls the combine on partial results the serial loop never
// forms, and moves (copies, for a term that is a variable) values the loop
// never moves: the loop stays serial when the combine, a by-value
// parameter's copy, the assignment or T's move or copy may throw on such
// operands (analysis/MayThrow.h, Operands::Other: allocation failure and
// the library's size limit do not count; docs/codegen.md says why).
//
// Only one accumulator per loop; the body may touch it only through its
// steps, must write nothing else from outside, and call only pure code, as
// for every reduction (Reductions.h).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Reductions.h"

namespace purecc {

/// Plans loop L as an ordered reduction; on refusal WhyNot says why.
/// NotThisKind when the body folds nothing with a user's combine. Others:
/// the accumulators the body folds into with built-in operations, quoted as
/// remarks name them (purecc does not combine those with a user's in one
/// reduction).
LoopOutcome planOrderedReduction(PlanContext &PC, const LoopShape &L,
                                 const llvm::SmallPtrSetImpl<const clang::VarDecl *> &Escaped,
                                 llvm::ArrayRef<std::string> Others,
                                 std::string &WhyNot);

} // namespace purecc
