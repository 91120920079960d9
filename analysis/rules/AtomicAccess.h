//===- AtomicAccess.h - R2: no atomics ------------------------------------===//
//
// Rule: a pure function performs no atomic operation: no member of
// std::atomic / std::atomic_ref / std::atomic_flag (load, store, fetch_add,
// the implicit conversion, ++), no std::atomic_* free function, no C11
// `_Atomic` access and no __atomic / __c11_atomic builtin. Constructing and
// destroying an atomic is not an operation.
//
// Why: atomics exist to communicate between threads; their value is shared
// state by design.
//
// Depends on: Stdlib (which types are atomic). ImpureCall leaves these
// calls to this rule (isAtomicOperation).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Rule.h"

namespace purecc {
std::unique_ptr<Rule> makeAtomicAccessRule();
/// A call this rule reports (so that ImpureCall does not report it again).
bool isAtomicOperation(const clang::Expr *Call);
} // namespace purecc
