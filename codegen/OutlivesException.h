//===- OutlivesException.h - what a handler sees after a throw ------------===//
//
// Running calls side by side changes when their results are stored: the
// serial program stores each as it returns, the parallel one only once all
// have returned. When a call throws, the serial program has stored the
// earlier results and the parallel one none of them. Nobody can tell unless
// something that catches the exception can read a variable stored so:
//
//  * a variable that is not a local of the function (a reference parameter,
//    a global): the caller may catch the exception and read it;
//  * a variable a lambda captured: the lambda's caller may;
//  * a local declared outside a 'try' statement whose block holds the
//    throw: its handlers, or the code after them, may.
//
//   if (std::string Seen = outlivesException(PC, Full, Stored); !Seen.empty())
//     Why = "a call may throw, and " + Seen + ": ...";
//
//===----------------------------------------------------------------------===//
#pragma once

#include "PlanContext.h"

#include "llvm/ADT/ArrayRef.h"

#include <string>

namespace purecc {

/// Why a handler can see one of Written after an exception thrown at Where
/// ("'a' is declared outside the 'try' statement on line 12, whose handlers
/// read it after the exception"), or empty: none can be seen.
std::string outlivesException(PlanContext &PC, const clang::Stmt *Where,
                              llvm::ArrayRef<const clang::VarDecl *> Written);

} // namespace purecc
