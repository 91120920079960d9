//===- HiddenAttributes.h - purecc's attributes become comments -----------===//
//
// purecc's attributes (`[[pure]]`, `[[purecc::memo]]` ...) mean nothing to
// the compilers the output goes to, which warn about them (g++'s
// -Wattributes: a broken build under -Werror). So every one written in the
// main file becomes a comment, `/*[[pure]]*/`, and so does each copy of one
// in text that a transformation repeats or moves: PlanContext::textAt, the
// text every transformation copies code with, hides them (the serial copy
// of a loop whose step is a variable, a function's serial clone, a call
// moved into a task with a `[] [[pure]] (...)` argument: adv75 F4).
//
//   collectAttributes(Ctx, P);
//   for (const Edit &E : attributeEdits(SM, LO, P.Attributes, 0, Size)) ...
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Plan.h"
#include "PlanContext.h"

#include "llvm/ADT/ArrayRef.h"

#include <string>
#include <vector>

namespace purecc {

/// Adds to P.Attributes every purecc attribute written in the main file
/// (also in a macro's definition there), once each: the plan step's first.
void collectAttributes(clang::ASTContext &Ctx, Plan &P);

/// The main-file spans that attributeEdits turns into comments, one per
/// attribute, sorted by offset (PlanContext::textAt computes them once per
/// plan and looks up the ones each copied text holds).
std::vector<std::pair<unsigned, unsigned>>
attributeSpans(const clang::SourceManager &SM, const clang::LangOptions &LO,
               llvm::ArrayRef<AttributeToHide> Attributes);

/// The edits that turn each of Attributes written within the main file's
/// [Begin, End) into a comment: the whole `[[...]]` when it holds only that
/// attribute, else the attribute itself.
std::vector<Edit> attributeEdits(const clang::SourceManager &SM, const clang::LangOptions &LO,
                                 llvm::ArrayRef<AttributeToHide> Attributes, unsigned Begin,
                                 unsigned End);

} // namespace purecc
