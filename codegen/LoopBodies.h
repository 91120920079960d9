//===- LoopBodies.h - what a loop's body must leave alone ------------------===//
//
// A loop matched by its header (CountedLoops.h, RangeLoops.h) is shared only
// when its body leaves the header alone: no iteration leaves the loop early
// (break, return, goto), none writes the counter, and none changes what the
// bound, a stride's start or a variable step reads (the parallel loop
// evaluates them once, or again in each leaf; the serial one after every
// iteration). Writing the elements of a container whose size is the bound
// does not change it; only what may resize it does (Resizes.h). This file
// also owns the reasons a body's own effects give (bodyEffectReason), which
// every loop transformation names.
//
//   HeaderReads H;   // filled in by matchCountedHeader or matchRangeHeader
//   L.Body_ = Scan.scan(L.Body);
//   if (!checkBody(PC, L, H, WhyNot)) ... // WhyNot names the change
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Loops.h"
#include "StmtDeps.h"

#include "clang/AST/Expr.h"

#include <string>

namespace purecc {

/// What a loop's header reads, which its body must not change.
struct HeaderReads {
  /// The bound (a range-for: the range) and, for a counted loop, the
  /// condition's bound expression.
  StmtDeps Bound;
  const clang::Expr *BoundExpr = nullptr;
  /// A strided loop's start, which its leaves evaluate again (i == b + s*k);
  /// StartExpr is null when the start is evaluated once.
  StmtDeps Start;
  const clang::Expr *StartExpr = nullptr;
  /// A step that is no constant (`i += k`), which the guard and the leaves
  /// evaluate again.
  StmtDeps Step;
  const clang::Expr *StepExpr = nullptr;
};

/// Checks what every loop shape needs of its body (L.Body_, its effects)
/// given what its header reads; on failure WhyNot says why.
bool checkBody(PlanContext &PC, const LoopShape &L, const HeaderReads &H, std::string &WhyNot);

/// "'break' leaves the loop" and the like.
std::string exitReason(const clang::Stmt *Exit);

/// Why a call is not known to be free of side effects, e.g. "'log' is not
/// known to be pure".
std::string impureReason(const clang::Expr *Call);

/// Why a loop body's effects forbid running its iterations in parallel: it
/// writes a variable declared outside the body (other than a by-value range
/// element), writes through a pointer or reference, or calls impure code.
/// Empty when they do not.
std::string bodyEffectReason(const StmtDeps &Fx, const LoopShape &L);

} // namespace purecc
