//===- InlineAsm.h - R4: no inline assembly -------------------------------===//
//
// Rule: a pure function contains no `asm` statement.
//
// Why: purecc cannot see what assembly reads or writes (it may read the
// clock, like rdtsc, or write memory named only in its clobbers).
//
// Depends on: nothing but the AST.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Rule.h"

namespace purecc {
std::unique_ptr<Rule> makeInlineAsmRule();
} // namespace purecc
