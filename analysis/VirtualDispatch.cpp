//===- VirtualDispatch.cpp - may a call run an override the unit does not show? -===//
#include "VirtualDispatch.h"
#include "Stdlib.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace purecc {

namespace {

/// Whether Object (the object a member is called on, not through `->`)
/// is a most-derived object of its static type: a variable or a data
/// member of class type (not a reference), an element of an array, or an
/// element a standard container hands out (`v[i]`, `v.at(i)`, `l.front()`
/// of a `std::vector<Sq>`: a container of Sq holds Sq objects).
bool isCompleteObject(const Expr *Object) {
  Object = Object->IgnoreParenImpCasts();
  const ValueDecl *Named = nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Object))
    Named = dyn_cast<VarDecl>(Ref->getDecl());
  else if (const auto *ME = dyn_cast<MemberExpr>(Object))
    Named = dyn_cast<FieldDecl>(ME->getMemberDecl());
  if (Named)
    return !Named->getType()->isReferenceType() && Named->getType()->isRecordType();
  // `a[i]` of an array (the decay to a pointer stripped): not of a pointer.
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(Object))
    return AS->getBase()->IgnoreParenImpCasts()->getType()->isArrayType();
  const Expr *Container = nullptr;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Object);
      Op && Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2)
    Container = Op->getArg(0);
  else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Object);
           Call && Call->getMethodDecl() && Call->getMethodDecl()->getIdentifier() &&
           llvm::is_contained(std::initializer_list<llvm::StringRef>{"at", "front", "back"},
                              Call->getMethodDecl()->getName()))
    Container = Call->getImplicitObjectArgument();
  if (!Container || !Object->isLValue() || Container->getType()->isPointerType() ||
      !ownsElements(Container->getType()))
    return false;
  // The library's own class, not a user's specialization of it (adv80 F3:
  // a `std::array<Shape, 1>` whose `operator[]` hands out a derived object).
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Container->getType().getNonReferenceType()->getAsCXXRecordDecl());
  return !Spec || Spec->getSpecializationKind() != TSK_ExplicitSpecialization;
}

} // namespace

Dispatch dispatchOf(const CallExpr *CE) {
  const auto *MC = dyn_cast<CXXMemberCallExpr>(CE);
  if (!MC)
    return Dispatch::Dynamic;
  const auto *ME = dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParens());
  if (ME && ME->hasQualifier())
    return Dispatch::Static;
  const Expr *Object = MC->getImplicitObjectArgument();
  return Object && ME && !ME->isArrow() && isCompleteObject(Object) ? Dispatch::Static
                                                                   : Dispatch::Dynamic;
}

bool mayRunOverride(const FunctionDecl *FD, Dispatch How) {
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD);
  return MD && MD->isVirtual() && How == Dispatch::Dynamic && !MD->hasAttr<FinalAttr>() &&
         !MD->getParent()->hasAttr<FinalAttr>();
}

} // namespace purecc
