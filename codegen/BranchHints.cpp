//===- BranchHints.cpp - hints that do not change what a branch does -----===//
#include "BranchHints.h"

#include "clang/AST/Attr.h"
#include "clang/Basic/Builtins.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace purecc {

const Stmt *withoutLikelihood(const Stmt *S) {
  while (const auto *Attributed = dyn_cast_or_null<AttributedStmt>(S)) {
    if (!llvm::all_of(Attributed->getAttrs(),
                      [](const Attr *A) { return isa<LikelyAttr, UnlikelyAttr>(A); }))
      break;
    S = Attributed->getSubStmt();
  }
  return S;
}

const Expr *withoutExpectation(const Expr *Cond) {
  const Expr *E = Cond->IgnoreParens();
  const auto *Call = dyn_cast<CallExpr>(E->IgnoreParenImpCasts());
  unsigned Builtin = Call ? Call->getBuiltinCallee() : 0;
  if (Builtin != Builtin::BI__builtin_expect && Builtin != Builtin::BI__builtin_expect_with_probability)
    return E;
  E = Call->getArg(0)->IgnoreParenImpCasts();
  // `!!(c)`: c's truth value as 0 or 1.
  if (const auto *Outer = dyn_cast<UnaryOperator>(E); Outer && Outer->getOpcode() == UO_LNot)
    if (const auto *Inner = dyn_cast<UnaryOperator>(Outer->getSubExpr()->IgnoreParenImpCasts());
        Inner && Inner->getOpcode() == UO_LNot)
      return Inner->getSubExpr()->IgnoreParenImpCasts();
  return E;
}

} // namespace purecc
