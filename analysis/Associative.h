//===- Associative.h - combine functions: [[purecc::associative]] and operators ===//
//
// A loop that folds values of a user's type into an accumulator
//
//   P = P * rot(i);   acc += piece(i);   acc = combine(acc, f(i));
//
// can be split into an ordered tree (codegen/transforms/OrderedReductions.h)
// when its combine function is pure and associative. Purity is checked
// here; associativity cannot be: `[[purecc::associative]]` is the user's
// promise, as OpenMP's `declare reduction` is.
//
// The combine candidates are the user's overloaded binary operators, the
// two-operand functions `T f(T, T)` and every function marked
// `[[purecc::associative]]`. Each gets a verdict: pure apart from writing
// its left operand, which only a compound assignment (`operator+=` as a
// member, or free with a `T &` first parameter) may write; otherwise clean
// in the checker's sense. A marked function that is not pure, or does not
// take two operands of one type (and return it), is an error.
//
//   if (isCombineCandidate(FD)) Candidates.push_back(FD);
//   judgeCombines(Candidates, Fix, Report, R, Facts);
//   if (const CombineVerdict *V = Facts.combineVerdict(FD); V && V->Pure) ...
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Fixpoint.h"
#include "PurityChecker.h"
#include "Report.h"

#include "llvm/ADT/ArrayRef.h"

namespace purecc {

/// A function whose body codegen may need a combine verdict for.
bool isCombineCandidate(const clang::FunctionDecl *FD);

/// A compound assignment operator (`+=`, `*=`, `|=`, ...): the one kind
/// of combine that may write its left operand.
bool isCompoundAssignment(const clang::FunctionDecl *FD);

/// Records a verdict for each candidate and reports the errors of those
/// marked [[purecc::associative]].
void judgeCombines(llvm::ArrayRef<const clang::FunctionDecl *> Candidates, Fixpoint &Fix,
                   PurityReport &Report, Reporter &R, PurityFacts &Facts);

} // namespace purecc
