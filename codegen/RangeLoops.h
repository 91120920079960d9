//===- RangeLoops.h - the header of a range-for loop -----------------------===//
//
// `for (decl : v)` over a local array or a random-access standard container,
// named by a variable or through members (`h.v`, `v` of `*this`:
// Places.h's memberPathOf), without an init-statement and written out in
// the source. A std::vector<bool> is looped over only by a `bool` copy of
// each bit (a proxy would write bits that share words). This file matches
// the header and says why one is not of this form; the iterations are
// numbered 0 .. size, and the body reads its element back by that number
// (Loops.h's makeIndex).
//
//   if (!matchRangeHeader(PC, RF, L, H.Bound, WhyNot)) ... // WhyNot says why
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Loops.h"
#include "StmtDeps.h"

#include "clang/AST/StmtCXX.h"

#include <string>

namespace purecc {

/// Matches the header of RF; fills in L's range, element, bounds and body,
/// and Bound with what the range reads (the container, and memory when it
/// is reached through a reference or members). On failure WhyNot says why.
bool matchRangeHeader(PlanContext &PC, const clang::CXXForRangeStmt *RF, LoopShape &L,
                      StmtDeps &Bound, std::string &WhyNot);

/// Why RF's header is not repeated as written: its element (InElement) or
/// its range is written in a macro.
std::string headerInMacroReason(PlanContext &PC, const clang::CXXForRangeStmt *RF,
                                bool InElement);

} // namespace purecc
