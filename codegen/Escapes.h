//===- Escapes.h - where a local's address leaves the function's control --===//
//
// A local whose address escapes (&x, x.data(), binding to a non-const
// reference, capture by reference, an array decaying to a pointer) might be
// written or read through memory codegen cannot name, so no parallel loop
// may write it or accumulate into it. But an address can only be used once
// it has escaped: an escape after a loop, that no enclosing loop brings
// around again, cannot touch anything while the loop runs
// (`words[i] = tag(i);` and only then `std::sort(words.begin(), ...)`).
//
//   EscapeSites Sites = findEscapes(FD, PC);
//   auto Escaped = Sites.during(Loop, PC);   // what escapes before Loop ends
//
//===----------------------------------------------------------------------===//
#pragma once

#include "PlanContext.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"

namespace purecc {

struct EscapeSites {
  /// Each escaping local with the expressions where its address escapes.
  llvm::MapVector<const clang::VarDecl *, llvm::SmallVector<const clang::Stmt *, 2>> Sites;
  /// The function has labels: a `goto` may run code after a loop before it.
  bool HasLabels = false;

  /// Every escaping local, wherever it escapes.
  llvm::SmallPtrSet<const clang::VarDecl *, 8> all() const;
  /// The locals whose address may be used while Loop runs: an escape
  /// before Loop's end, or inside a loop around Loop (its next iteration
  /// runs Loop again), or anywhere in a function with labels.
  llvm::SmallPtrSet<const clang::VarDecl *, 8> during(const clang::Stmt *Loop,
                                                      const PlanContext &PC) const;
};

/// The escape sites of the locals of FD's body.
EscapeSites findEscapes(const clang::FunctionDecl *FD, const PlanContext &PC);

} // namespace purecc
