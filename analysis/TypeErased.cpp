//===- TypeErased.cpp - holders that run code of a type they hide ---------===//
#include "TypeErased.h"
#include "Stdlib.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace purecc {
namespace {

enum class Holder { None, Value, SharedPointer };

Holder holderOf(const CXXMethodDecl *MD) {
  const std::string Class = tableName(MD->getParent());
  // (std::function is judged as an indirect call in all it does.)
  if (Class == "std::any")
    return Holder::Value;
  if (Class == "std::shared_ptr" || Class == "std::__shared_ptr")
    return Holder::SharedPointer;
  return Holder::None;
}

/// The variable an lvalue is a part of (`p`, `p.h`, `std::move(p)`), or null.
const VarDecl *rootOf(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return dyn_cast<VarDecl>(DRE->getDecl());
    if (const auto *ME = dyn_cast<MemberExpr>(E); ME && !ME->isArrow())
      E = ME->getBase();
    else if (const auto *CE = dyn_cast<CallExpr>(E); CE && CE->getNumArgs() == 1 &&
                                                      CE->getDirectCallee() &&
                                                      isAddressOnly(CE->getDirectCallee()))
      E = CE->getArg(0); // std::move(p), std::as_const(p)
    else if (const auto *CE = dyn_cast<CXXNamedCastExpr>(E))
      E = CE->getSubExpr();
    else
      return nullptr;
  }
  return nullptr;
}

/// Whether the holder E designates was filled outside the function: what a
/// parameter refers to, a by-value parameter (the caller filled it), or
/// memory the function does not own.
bool fromOutside(const Expr *E, Locality &L) {
  if (!E || !E->isGLValue())
    return false; // a temporary made here
  if (!L.ofLValue(E).isLocal())
    return true;
  return isa_and_nonnull<ParmVarDecl>(rootOf(E));
}

/// A holder the function ends that the caller filled and handed over: a
/// by-value or rvalue-reference parameter (adv91 F6: `sp.reset()` of a
/// `std::shared_ptr<long> &&sp` had no diagnostic). Ending one the caller
/// only lent is a write, which the write rules report.
bool ownedFromOutside(const Expr *E, Locality &L) {
  if (!E || !E->isGLValue())
    return false;
  const auto *P = dyn_cast_or_null<ParmVarDecl>(rootOf(E));
  return P && (P->getType()->isRValueReferenceType() ||
               (!P->getType()->isReferenceType() && L.ofLValue(E).isLocal()));
}

} // namespace

const char *runsHiddenCode(const FunctionDecl *FD, const CallParts &Parts, Locality &L) {
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  // `std::swap(a, b)`, `std::exchange(a, v)` of holders: each is ended and
  // refilled by the other (adv91 F6).
  if (!MD && FD->isInStdNamespace() && FD->getIdentifier() &&
      (FD->getName() == "swap" || FD->getName() == "exchange")) {
    for (const Expr *A : Parts.Args) {
      const auto *RD = A->getType().getNonReferenceType()->getAsCXXRecordDecl();
      const CXXMethodDecl *Dtor = RD && RD->hasDefinition() ? RD->getDestructor() : nullptr;
      if (!Dtor || holderOf(Dtor) == Holder::None)
        continue;
      if (fromOutside(A, L) || ownedFromOutside(A, L))
        return holderOf(Dtor) == Holder::SharedPointer
                   ? "may end the last owner the caller gave it and run a deleter it cannot see"
                   : "copies or moves what it holds, of a type it cannot see, with that type's own code";
    }
    return nullptr;
  }
  if (!MD)
    return nullptr;
  Holder H = holderOf(MD);
  if (H == Holder::None)
    return nullptr;
  const Expr *Source = nullptr; // copied or moved from
  const Expr *Target = nullptr; // what it held ends
  const auto *Ctor = dyn_cast<CXXConstructorDecl>(MD);
  if (Ctor && Ctor->isCopyOrMoveConstructor() && !Parts.Args.empty()) {
    // A copy of a shared_ptr shares; only a move takes the caller's place.
    if (H == Holder::Value || Ctor->isMoveConstructor())
      Source = Parts.Args[0];
  } else if (MD->isCopyAssignmentOperator() || MD->isMoveAssignmentOperator()) {
    if (H == Holder::Value || MD->isMoveAssignmentOperator())
      Source = Parts.Args.empty() ? nullptr : Parts.Args[0];
    Target = Parts.Object;
  } else if (isa<CXXDestructorDecl>(MD) ||
             (MD->getIdentifier() &&
              (MD->getName() == "reset" || MD->getName() == "emplace" || MD->getName() == "swap")) ||
             MD->getOverloadedOperator() == OO_Equal) {
    Target = Parts.Object;
    if (MD->getIdentifier() && MD->getName() == "swap" && !Parts.Args.empty())
      Source = Parts.Args[0];
  }
  bool Copies = fromOutside(Source, L);
  bool Ends = !Parts.IsArrow && ownedFromOutside(Target, L);
  if (!Copies && !Ends)
    return nullptr;
  if (H == Holder::SharedPointer)
    return "may end the last owner the caller gave it and run a deleter it cannot see";
  return Copies ? "copies or moves what it holds, of a type it cannot see, with that type's own code"
                : "destroys what it holds, of a type it cannot see, with that type's own code";
}

} // namespace purecc
