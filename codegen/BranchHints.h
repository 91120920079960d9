//===- BranchHints.h - hints that do not change what a branch does --------===//
//
// A selection or an if-form maximum is often written with a hint for the
// compiler: `if (d < best) [[unlikely]] { best = d; arg = i; }`, or the
// Linux kernel's `if (unlikely(d < best))`, a macro for
// `__builtin_expect(!!(d < best), 0)`. The hint says how often the branch
// is taken, never whether: the comparison under it decides, and the
// transformations that recognize a selection look through the hint to it
// (adv63 F15). The rewritten code keeps the hint as written.
//
//   const auto *Then = dyn_cast<CompoundStmt>(withoutLikelihood(If->getThen()));
//   const auto *Cmp = dyn_cast<BinaryOperator>(withoutExpectation(If->getCond()));
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"

namespace purecc {

/// S without `[[likely]]` or `[[unlikely]]` in front of it.
const clang::Stmt *withoutLikelihood(const clang::Stmt *S);

/// The condition Cond without parentheses, `__builtin_expect(c, v)` or
/// `__builtin_expect_with_probability(c, v, p)` around it, and the `!!`
/// that turns c into 0 or 1 for them: c, which has the same truth value.
const clang::Expr *withoutExpectation(const clang::Expr *Cond);

} // namespace purecc
