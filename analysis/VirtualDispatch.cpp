//===- VirtualDispatch.cpp - may a call run an override the unit does not show? -===//
#include "VirtualDispatch.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace purecc {

Dispatch dispatchOf(const CallExpr *CE) {
  const auto *MC = dyn_cast<CXXMemberCallExpr>(CE);
  if (!MC)
    return Dispatch::Dynamic;
  if (const auto *ME = dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParens());
      ME && ME->hasQualifier())
    return Dispatch::Static;
  const Expr *Object = MC->getImplicitObjectArgument();
  const auto *Ref = Object ? dyn_cast<DeclRefExpr>(Object->IgnoreParenImpCasts()) : nullptr;
  const auto *VD = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return VD && !VD->getType()->isReferenceType() && VD->getType()->isRecordType()
             ? Dispatch::Static
             : Dispatch::Dynamic;
}

bool mayRunOverride(const FunctionDecl *FD, Dispatch How) {
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD);
  return MD && MD->isVirtual() && How == Dispatch::Dynamic && !MD->hasAttr<FinalAttr>() &&
         !MD->getParent()->hasAttr<FinalAttr>();
}

} // namespace purecc
