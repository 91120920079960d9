//===- ArrayReductions.h - array-reduction: histograms over pure calls ----===//
//
// A loop whose body only accumulates into elements of a local array at
// indices it computes,
//
//   ++hist[bucket(sample(i))];   count[cls(x)] += 1;   sum[cls(x)] += w(x);
//   mask[word(i)] |= bit(i);     --stock[item(i)];
//
// (a built-in array, 'std::array', 'std::vector', 'std::deque' or
// 'std::basic_string' of integers, or of a floating type for '+=', '-=' and
// '*='; several such arrays, conditions and body-local variables allowed)
// becomes one deterministic tree reduction in which each leaf owns a
// private copy of every array (OpenMP's array-section reduction): the copy
// starts with every element at the operation's identity, the leaf runs the
// unchanged body on it, the tree adds the copies element by element, and
// the result is folded into the array once after the loop. That is only the
// same as the loop when:
//  * the array is a local variable that the body uses only through these
//    steps (an element read, `hist.size()` or a call taking the array
//    would see a leaf's partial copy), and whose address has not escaped;
//  * everything else the body writes is declared inside it, every call in
//    it is pure and none may throw (as for every reduction, Reductions.h);
//  * every step of one array uses one operation ('+' for `++`, `--`,
//    `+=`, `-=`; or '*', '|', '^', '&'), with the value converted exactly
//    (conversionProblem);
//  * a floating-point element's sums may be reassociated (`--fp-reassoc`,
//    the default): each element is then a tree sum of its own terms, the
//    same for every thread count, possibly different from the serial order
//    in the last bits.
// The index may be any expression free of side effects of an integer or
// unscoped enumeration type (a class's conversion could differ for the
// copy's subscript): an index out of the array's bounds is undefined
// behaviour in the serial loop already. A step at a constant index is one
// of the array's steps when another computes its index.
// Multi-dimensional arrays (`h[a][b]`), arrays reached through members
// (`st.hist[b]`) and loops that also fold into a scalar accumulator are not
// recognized (they stay serial with the reduction's or the map's remark).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Reductions.h"

namespace purecc {

/// Plans loop L as an array reduction; on refusal WhyNot says why.
/// NotThisKind when the body accumulates into no element of an array
/// declared outside it.
LoopOutcome planArrayReduction(PlanContext &PC, const LoopShape &L,
                               const llvm::SmallPtrSetImpl<const clang::VarDecl *> &Escaped,
                               std::string &WhyNot);

/// The arrays declared outside L's body that it accumulates into at an
/// index that is not a constant (`hist[b] += 1`): their steps at constant
/// indices (`++hist[0]`) are this transformation's too, not a scalar
/// reduction's of one element (adv45 t08).
llvm::SmallPtrSet<const clang::VarDecl *, 4> arraysStepsIndexByValue(const LoopShape &L,
                                                                     clang::ASTContext &Ctx);

} // namespace purecc
