//===- VolatileAccess.h - R2: no access to volatile objects ---------------===//
//
// Rule: a pure function neither reads nor writes a volatile-qualified
// object, wherever it lives.
//
// Why: volatile says "this can change, or be observed, behind the
// compiler's back" (device registers, signal flags): the opposite of a
// value that depends only on the arguments.
//
// Depends on: nothing but the AST.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Rule.h"

namespace purecc {
std::unique_ptr<Rule> makeVolatileAccessRule();
} // namespace purecc
