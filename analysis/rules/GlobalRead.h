//===- GlobalRead.h - R2: no reads of mutable global state ----------------===//
//
// Rule: a pure function does not read non-const globals, namespace or class
// statics, static locals or thread_local variables. Reading `const` and
// `constexpr` ones is fine: they cannot change between calls.
//
// Why: the result would depend on something other than the arguments.
//
// Every named use of such a variable counts; a use that is the target of a
// write is reported once, as the write (the fixpoint drops the duplicate).
//
// Depends on: nothing but the AST.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Rule.h"

namespace purecc {
std::unique_ptr<Rule> makeGlobalReadRule();
/// A variable whose value can change between calls (non-const, static storage).
bool isMutableGlobal(const clang::VarDecl *VD, const clang::ASTContext &Ctx);
} // namespace purecc
