//===- LoopMacros.h - loops written with macros ---------------------------===//
//
// A loop whose header or body a macro writes can be rewritten only where
// the rewrite edits text the user wrote: a header written out in the file,
// a body that ends in the file (or is one whole macro call, after which the
// rewritten loop only inserts text). These name the macro the user wrote
// for a remark and find where such a body ends.
//
//   if (Loop->getBeginLoc().isMacroID())
//     WhyNot = macroReason(PC, Loop, For->getRParenLoc(), For->getBody());
//
//===----------------------------------------------------------------------===//
#pragma once

#include "PlanContext.h"

#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceLocation.h"

#include <optional>
#include <string>

namespace purecc {

/// The macro call that Loc is written in, as the user wrote it in the
/// file (`LOOP(i, n)`), with the macro's name (`LOOP`); empty when Loc is
/// not in a macro expansion of the main file.
struct MacroUse {
  std::string Name, Call;
};
MacroUse macroAt(PlanContext &PC, clang::SourceLocation Loc);

/// `the macro 'BODY' ('BODY(i)')`, or `a macro` when it cannot be named.
std::string macroPhrase(const MacroUse &M);

/// The end of a loop body that is one expression statement whose
/// expression is a whole macro call (`for (...) STORE(i);`): the offset
/// after the ';' that follows the call, or none.
std::optional<unsigned> endOfMacroBody(PlanContext &PC, const clang::Stmt *Body);

/// Why a loop's text cannot be edited: which of its parts a macro writes.
std::string macroReason(PlanContext &PC, const clang::Stmt *Loop, clang::SourceLocation RParen,
                        const clang::Stmt *Body);

} // namespace purecc
