//===- GlobalRead.h - R2: no reads of mutable global state ----------------===//
//
// Rule: a pure function does not read non-const globals, namespace or class
// statics, static locals or thread_local variables. Reading `const` and
// `constexpr` ones is fine: they cannot change between calls -- except a
// `const thread_local` with a dynamic initializer, which each thread
// initializes on its own ("reads the calling thread's copy of 'TL'"), and
// a `static const` local whose initializer reads the call that first
// reaches it, its parameters, locals or object ("reads the first call's
// value of 'K'").
//
// Why: the result would depend on something other than the arguments.
//
// A use that consumes the value counts: an lvalue-to-rvalue conversion, a
// call that takes it by reference or pointer (or as its object), a copy.
// Naming it for its address or to bind a reference is not a read when
// ReadContexts can follow every later use; the read is then reported where
// the value is used through the binding (its provenance, from Locality,
// is the global), with a note at the binding. A use that is the target of a
// write is reported once, as the write (the fixpoint drops the duplicate).
//
// Depends on: Locality (provenance), ReadContexts (what consumes a name).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Rule.h"

namespace purecc {
std::unique_ptr<Rule> makeGlobalReadRule();
/// A variable whose value can change between calls (non-const, static storage).
bool isMutableGlobal(const clang::VarDecl *VD, const clang::ASTContext &Ctx);

/// A `const thread_local` whose initializer is not a constant: each thread
/// makes its own on first use, so reading it is reading per-thread state.
bool isPerThreadConstant(const clang::VarDecl *VD);

/// A `static const` local whose initializer reads the values of the call
/// that first reaches it (a parameter, a local of its function, its
/// object): `static const long K = k * 2;`. Every later call reads the
/// first call's values, so the result depends on which call came first, and
/// a task on another rank, whose first call was another, computes another
/// (adv71 F1).
bool isFirstCallConstant(const clang::VarDecl *VD);
} // namespace purecc
