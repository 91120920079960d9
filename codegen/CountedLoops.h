//===- CountedLoops.h - the header of a counted loop -----------------------===//
//
// `for (T i = b; i < e; ++i)` and its kin: `<=`, `!=` counting by one,
// counting down (`--i` while `i > e` or `i >= e`, `i-- > e`), constant
// steps (`i += 3`) and a variable step under a run-time guard (`i += k`,
// TripCounts.h's countVariableStride). The counter is an integer declared
// alone in the header, compared as its own value; the start, bound and step
// are free of side effects, written out in the source (or as whole macro
// calls) and do not read the counter. This file matches the header, names
// the part that is not of this form, and fills in the trip count; whether
// the body leaves the header alone is LoopBodies.h's question.
//
//   HeaderReads H;
//   if (!matchCountedHeader(PC, For, Scan, L, H, WhyNot)) ... // WhyNot says why
//
//===----------------------------------------------------------------------===//
#pragma once

#include "LoopBodies.h"
#include "Loops.h"
#include "StmtDeps.h"

#include "clang/AST/Stmt.h"

#include <string>

namespace purecc {

/// Matches the header of For; fills in L's bounds, trip count, counter and
/// body, and H with what the header reads. On failure WhyNot says why.
bool matchCountedHeader(PlanContext &PC, const clang::ForStmt *For, DepScanner &Scan,
                        LoopShape &L, HeaderReads &H, std::string &WhyNot);

/// Why a part of a loop's header ("start", "bound", "step"), whose effects
/// are Fx, cannot be evaluated apart from the body: a call through a lambda
/// that captures by reference what the body changes, a call that may
/// throw, a call not known to be pure, a write.
std::string headerEffectReason(PlanContext &PC, const StmtDeps &Fx, const clang::Expr *Part,
                               const char *What, const clang::Stmt *Body);

} // namespace purecc
