//===- Subscripts.cpp - the parts of an element access `a[k]` -------------===//
#include "Subscripts.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace purecc {

Subscript subscriptParts(const Expr *E) {
  if (const auto *AS = dyn_cast_or_null<ArraySubscriptExpr>(E))
    return {AS->getBase(), AS->getIdx(), AS->getLHS() != AS->getBase()};
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(E);
      Op && Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2)
    return {Op->getArg(0), Op->getArg(1), false};
  return {};
}

} // namespace purecc
