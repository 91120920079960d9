//===- ConstantEvaluated.h - functions the compiler runs -------------------===//
//
// A lambda's call operator is 'constexpr' implicitly whenever it can be, and
// the program may then call it where the compiler evaluates it: in a
// `static_assert`, a `constexpr` variable's initializer, a template
// argument, an array bound, a `case` label. Its body cannot hold tasks
// there: `parallel_invoke` is no constant expression, and the rewritten
// unit did not compile (adv36 t07: `auto step = [](int n) { return cfib(n
// - 1) + cfib(n - 2); }; static_assert(step(12) == 144);`). This finds the
// functions called in such places, and those the `constexpr` functions
// they call call in turn.
//
//   llvm::SmallPtrSet<const clang::FunctionDecl *, 8> Compiled;
//   addConstantEvaluatedCallees(Ctx, Compiled);
//   if (Compiled.contains(Lambda->getCallOperator())) ... // leave it alone
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/ASTContext.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace purecc {

/// Adds to Out (canonical declarations) every function the unit calls in a
/// constant-evaluated context, and what those that are 'constexpr' call.
void addConstantEvaluatedCallees(clang::ASTContext &Ctx,
                                 llvm::SmallPtrSetImpl<const clang::FunctionDecl *> &Out);

} // namespace purecc
