//===- Unevaluated.cpp - operands the program never evaluates -------------===//
#include "Unevaluated.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace purecc {

namespace {

/// Whether S asks where it is written: a `__builtin_FUNCTION()`,
/// `__builtin_LINE()` or `__builtin_source_location()`, also in a default
/// argument or member initializer it uses.
bool usesPlace(const Stmt *S) {
  if (!S)
    return false;
  if (isa<SourceLocExpr>(S))
    return true;
  if (const auto *DA = dyn_cast<CXXDefaultArgExpr>(S))
    return usesPlace(DA->getExpr());
  if (const auto *DI = dyn_cast<CXXDefaultInitExpr>(S))
    return usesPlace(DI->getExpr());
  for (const Stmt *Child : S->children())
    if (usesPlace(Child))
      return true;
  return false;
}

} // namespace

bool isUnevaluatedOperand(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *U = dyn_cast<UnaryExprOrTypeTraitExpr>(S))
    return !U->getTypeOfArgument()->isVariablyModifiedType();
  if (isa<CXXNoexceptExpr>(S))
    return true;
  if (const auto *T = dyn_cast<CXXTypeidExpr>(S))
    return !T->isPotentiallyEvaluated();
  // Unless where it is written decides its value:
  // `std::source_location::current()` names the function around it.
  if (const auto *C = dyn_cast<ConstantExpr>(S))
    return C->isImmediateInvocation() && !usesPlace(C);
  return false;
}

} // namespace purecc
