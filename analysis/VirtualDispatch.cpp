//===- VirtualDispatch.cpp - may a call run an override the unit does not show? -===//
#include "VirtualDispatch.h"
#include "Stdlib.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace purecc {

namespace {

/// Whether RD, or one of its bases, declares a member named Name.
bool declaresMember(const CXXRecordDecl *RD, llvm::StringRef Name, unsigned Depth = 0) {
  if (!RD || !RD->hasDefinition() || Depth > 8)
    return false;
  RD = RD->getDefinition();
  if (!RD->lookup(&RD->getASTContext().Idents.get(Name)).empty())
    return true;
  for (const CXXBaseSpecifier &B : RD->bases())
    if (declaresMember(B.getType()->getAsCXXRecordDecl(), Name, Depth + 1))
      return true;
  return false;
}

/// A standard container as the library defines it, so that the elements
/// it hands out are objects of its element type.
bool isLibraryContainer(const CXXRecordDecl *RD) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
  if (!Spec)
    return RD != nullptr;
  // The library's own class, not a user's specialization of it (adv80 F3:
  // a `std::array<Shape, 1>` whose `operator[]` hands out a derived object;
  // adv81 A4: a partial one, `template <class A> class std::vector<Special,
  // A>`).
  if (Spec->getSpecializationKind() == TSK_ExplicitSpecialization)
    return false;
  const SourceManager &SM = Spec->getASTContext().getSourceManager();
  if (const auto *Partial =
          Spec->getSpecializedTemplateOrPartial().dyn_cast<ClassTemplatePartialSpecializationDecl *>();
      Partial && !SM.isInSystemHeader(Partial->getLocation()))
    return false;
  // An allocator of the program's own with a `construct` member may make
  // another object than the element type says (adv81 A4); the library's
  // (std::allocator, std::pmr::polymorphic_allocator) make that type.
  for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
    if (A.getKind() == TemplateArgument::Type)
      if (const CXXRecordDecl *Arg = A.getAsType()->getAsCXXRecordDecl();
          Arg && !Arg->isInStdNamespace() && declaresMember(Arg, "construct"))
        return false;
  return true;
}

/// Whether Object (the object a member is called on, not through `->`)
/// is a most-derived object of its static type: a variable or a data
/// member of class type (not a reference), an element of an array, or an
/// element a standard container hands out (`v[i]`, `v.at(i)`, `l.front()`
/// of a `std::vector<Sq>`, `*o` of a `std::optional<Sq>`: a container of
/// Sq holds Sq objects).
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
  // A member the library model says hands out an element (Access: `v[i]`,
  // `v.at(i)`, `l.front()`, `*o`; Inserts: a map's `m[k]`).
  const Expr *Container = nullptr;
  const CXXMethodDecl *Member = nullptr;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Object)) {
    Member = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
    Container = Op->getNumArgs() >= 1 ? Op->getArg(0) : nullptr;
  } else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Object)) {
    Member = Call->getMethodDecl();
    Container = Call->getImplicitObjectArgument();
  }
  MemberRole Role = Member ? memberRole(Member) : MemberRole::Other;
  if ((Role != MemberRole::Access && Role != MemberRole::Inserts) ||
      !isLibraryFunction(Member, Member->getASTContext().getSourceManager()))
    return false; // not the library's own member (adv83 F4: a program's `operator[]`)
  if (!Container || !Object->isLValue() || Container->getType()->isPointerType() ||
      !ownsElements(Container->getType()))
    return false;
  return isLibraryContainer(Container->getType().getNonReferenceType()->getAsCXXRecordDecl());
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
