//===- Unevaluated.cpp - operands the program never evaluates -------------===//
#include "Unevaluated.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace purecc {

bool isUnevaluatedOperand(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *U = dyn_cast<UnaryExprOrTypeTraitExpr>(S))
    return !U->getTypeOfArgument()->isVariablyModifiedType();
  if (isa<CXXNoexceptExpr>(S))
    return true;
  if (const auto *T = dyn_cast<CXXTypeidExpr>(S))
    return !T->isPotentiallyEvaluated();
  return false;
}

} // namespace purecc
