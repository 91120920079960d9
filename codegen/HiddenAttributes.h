//===- HiddenAttributes.h - purecc's attributes become comments -----------===//
//
// purecc's attributes (`[[pure]]`, `[[purecc::memo]]` ...) mean nothing to
// the compilers the output goes to, which warn about them (g++'s
// -Wattributes: a broken build under -Werror). So every one written in the
// main file becomes a comment, `/*[[pure]]*/`, and so does each copy of one
// in text that a transformation repeats: the serial copy of a loop whose
// step is a variable (guardStride), a function's serial clone (FastClone).
//
//   for (const Edit &E : attributeEdits(SM, LO, P.Attributes, 0, Size)) ...
//   std::string Copy = withAttributesHidden(PC, Begin, End);
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Plan.h"
#include "PlanContext.h"

#include "llvm/ADT/ArrayRef.h"

#include <string>
#include <vector>

namespace purecc {

/// The edits that turn each of Attributes written within the main file's
/// [Begin, End) into a comment: the whole `[[...]]` when it holds only that
/// attribute, else the attribute itself.
std::vector<Edit> attributeEdits(const clang::SourceManager &SM, const clang::LangOptions &LO,
                                 llvm::ArrayRef<AttributeToHide> Attributes, unsigned Begin,
                                 unsigned End);

/// The main file's text [Begin, End) with purecc's attributes in it as
/// comments, as the output shows them.
std::string withAttributesHidden(const PlanContext &PC, unsigned Begin, unsigned End);

} // namespace purecc
