//===- Captures.cpp - what a lambda's captures refer to -------------------===//
//
// Part of Locality (Locality.h). Inside a lambda, a variable it captured by
// reference, what a pointer it captured points to and the object of a
// `this` it captured are not the closure's own storage: they are the
// memory of the function the lambda was written in, or of whatever that
// function's variable designates, reached through the closure
// (Prov::Enclosing). A copy of the closure refers to the same memory, so
// which memory that is only a call of the closure can say: the caller works
// out what the captures of the closure it calls refer to (ofCaptures), and
// the fixpoint maps the lambda's Enclosing writes there (Fixpoint.cpp
// mapWrite). Where the closure was made, that is the caller's locals or
// object; in a template that was handed the closure, what its parameter's
// captures refer to (Prov::Param), which its own callers map in turn.
//
// adv125 F1: a `[&] { c += 1; ... }` lambda handed to a `[[pure]]` function
// template `apply(F f, long x)` was "the closure's own member" (`f` is a
// by-value parameter, a local), so `apply` was verified and a loop over it
// in `main` ran in parallel with every iteration writing `c`.
//
// A variable captured by copy is the closure's member (Prov::This: a
// `mutable` lambda's own state).
//
//===----------------------------------------------------------------------===//

#include "Locality.h"
#include "Stdlib.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/LambdaCapture.h"

using namespace clang;

namespace purecc {

bool isClosureType(QualType T) {
  const auto *RD = T.isNull() ? nullptr : T->getAsCXXRecordDecl();
  return RD && RD->isLambda();
}

bool holdsClosure(QualType T) {
  const auto *RD = T.isNull() ? nullptr : T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return false;
  if (RD->isLambda())
    return true;
  for (const CXXBaseSpecifier &B : RD->getDefinition()->bases())
    if (holdsClosure(B.getType()))
      return true;
  return false;
}

namespace {

/// The closure class whose call operator FD is, or null.
const CXXRecordDecl *closureOf(const FunctionDecl *FD) {
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  return MD && MD->getParent()->isLambda() ? MD->getParent() : nullptr;
}

/// How Closure captures VD, or null when it does not.
const LambdaCapture *captureOf(const CXXRecordDecl *Closure, const ValueDecl *VD) {
  for (const LambdaCapture &C : Closure->captures())
    if (C.capturesVariable() && C.getCapturedVar() == VD)
      return &C;
  return nullptr;
}

/// What a variable of the enclosing function judged there (P) is inside
/// the lambda, reached through its closure.
Prov throughClosure(const Prov &P, const VarDecl *VD, bool Pointee) {
  // A reference or pointer to a global stays one inside the closure.
  if (P.K == Prov::Global)
    return P;
  if (P.K == Prov::Unknown)
    return Prov::unknown(VD);
  Prov E = Prov::enclosing();
  E.Var = VD;
  E.CapturedPointee = Pointee;
  return E;
}

/// A pointer-like type whose pointee a lambda may write through a copy.
bool pointsSomewhere(QualType T) {
  T = T.getNonReferenceType();
  return pointsLikePointer(T) && !T->isFunctionPointerType();
}

} // namespace

Prov Locality::ofCaptured(const VarDecl *VD, bool Pointee) {
  const CXXRecordDecl *Closure = closureOf(FD);
  const LambdaCapture *Cap = Closure ? captureOf(Closure, VD) : nullptr;
  // Captured by copy: the closure's own member, written only by a
  // `mutable` lambda (what a captured pointer points to is not).
  if (!Pointee && Cap && Cap->getCaptureKind() == LCK_ByCopy)
    return Prov::thisObject();
  // Judge the variable where it lives.
  const auto *Owner = dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod());
  if (!Owner)
    return Prov::unknown(VD);
  Locality Outer(Ctx, Owner, Returns, Owning);
  Outer.Depth = Depth;
  Prov P = Pointee ? Outer.ofPointerVariable(VD) : Outer.ofVariable(VD, nullptr);
  return throughClosure(P, VD, Pointee);
}

Prov Locality::ofInitCapture(const VarDecl *VD, bool Pointee) {
  DepthGuard Step(*this);
  if (Step.tooDeep())
    return Prov::unknown(VD);
  if (VD->getParentFunctionOrMethod() != FD)
    return Prov::unknown(VD);
  bool Reference = VD->getType()->isReferenceType();
  // `[n = 0]() mutable { return ++n; }`: the closure's own member.
  if (!Reference && !Pointee)
    return Prov::thisObject();
  const CXXRecordDecl *Closure = closureOf(FD);
  const auto *Where = Closure ? dyn_cast<FunctionDecl>(Closure->getDeclContext()) : nullptr;
  const Expr *Init = VD->getInit();
  // A pointer a `mutable` lambda keeps by copy may be repointed by its
  // body, which the initializer does not say.
  const auto *Op = dyn_cast<CXXMethodDecl>(FD);
  if (!Where || !Init || (Pointee && !Reference && Op && !Op->isConst()))
    return Prov::unknown(VD);
  // The initializer is evaluated where the lambda is written.
  Locality Outer(Ctx, Where, Returns, Owning);
  Outer.Depth = Depth;
  Prov P = !Pointee   ? Outer.ofLValue(Init)
           : Reference ? Outer.ofStoredPointer(Init)
                       : Outer.ofPointee(Init);
  return throughClosure(P, VD, Pointee);
}

Prov Locality::ofVariableSeenHere(const VarDecl *VD, bool Pointee) {
  if (VD->getParentFunctionOrMethod() != FD && !VD->hasGlobalStorage())
    return ofCaptured(VD, Pointee);
  return Pointee ? ofPointerVariable(VD) : ofVariable(VD, nullptr);
}

Prov Locality::capturesOfVariable(const VarDecl *VD) {
  if (VD->hasGlobalStorage())
    return Prov::unknown(VD);
  // A closure this lambda captured, or keeps as an init-capture: what it
  // refers to lies where this lambda was made.
  if (VD->getParentFunctionOrMethod() != FD || VD->isInitCapture()) {
    Prov E = Prov::enclosing();
    E.Var = VD;
    E.CapturedPointee = true;
    return E;
  }
  // The caller's closure: its callers say what it refers to.
  if (const auto *PVD = dyn_cast<ParmVarDecl>(VD))
    return Prov::param(PVD->getFunctionScopeIndex(), PVD);
  // A closure cannot be assigned once it captured anything (its copy
  // assignment is deleted): its initializer is the whole story, through a
  // reference too.
  if (const Expr *Init = VD->getInit())
    return ofCaptures(Init);
  return Prov::unknown(VD);
}

Prov Locality::ofLambdaCaptures(const LambdaExpr *LE) {
  Prov P = Prov::local();
  for (const LambdaCapture &C : LE->captures()) {
    if (C.capturesThis()) {
      if (C.getCaptureKind() == LCK_This)
        P = join(P, thisProv());
      continue; // `[*this]`: a copy in the closure
    }
    if (!C.capturesVariable())
      continue; // the bound of a variable-length array
    const auto *VD = dyn_cast<VarDecl>(C.getCapturedVar());
    if (!VD) {
      // A structured binding: by reference, what it names, which this
      // step does not follow.
      if (C.getCaptureKind() == LCK_ByRef || pointsSomewhere(C.getCapturedVar()->getType()))
        P = join(P, Prov::unknown(C.getCapturedVar()));
      continue;
    }
    QualType T = VD->getType();
    bool Closure = isClosureType(T.getNonReferenceType());
    if (VD->isInitCapture() && VD->getParentFunctionOrMethod() == LE->getCallOperator()) {
      // Its initializer is evaluated here.
      const Expr *Init = VD->getInit();
      if (!Init) {
        P = join(P, Prov::unknown(VD));
        continue;
      }
      bool Reference = T->isReferenceType();
      if (Reference)
        P = join(P, ofLValue(Init));
      if (pointsSomewhere(T))
        P = join(P, Reference ? ofStoredPointer(Init) : ofPointee(Init));
      if (Closure)
        P = join(P, ofCaptures(Init));
      continue;
    }
    if (C.getCaptureKind() == LCK_ByRef)
      P = join(P, ofVariableSeenHere(VD, /*Pointee=*/false));
    if (pointsSomewhere(T))
      P = join(P, ofVariableSeenHere(VD, /*Pointee=*/true));
    if (Closure)
      P = join(P, capturesOfVariable(VD));
  }
  return P;
}

Prov Locality::capturesOfCall(const CallParts &Parts) {
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Parts.Callee);
  if (!MD || !MD->getParent()->isLambda() || !Parts.Object || Parts.IsArrow ||
      !holdsClosure(Parts.Object->getType()))
    return Prov::unknown();
  return ofCaptures(Parts.Object);
}

Prov Locality::ofCaptures(const Expr *E) {
  DepthGuard Step(*this);
  if (Step.tooDeep() || !E)
    return Prov::unknown();
  // A copy or move of a closure, std::move(f), std::forward<F>(f): the
  // closure they copy or name.
  for (unsigned Steps = 0; Steps < 64; ++Steps) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E);
        CE && CE->getNumArgs() == 1 && CE->getConstructor()->isCopyOrMoveConstructor()) {
      E = CE->getArg(0);
      continue;
    }
    // `overloaded{[&](int i) { ... }, ...}`: a functional cast of the list.
    if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E);
        Cast && Cast->getCastKind() == CK_NoOp) {
      E = Cast->getSubExpr();
      continue;
    }
    if (const auto *Call = dyn_cast<CallExpr>(E);
        Call && Call->getNumArgs() == 1 && Call->getDirectCallee() &&
        isAddressOnly(Call->getDirectCallee())) {
      E = Call->getArg(0);
      continue;
    }
    break;
  }
  if (const auto *LE = dyn_cast<LambdaExpr>(E))
    return ofLambdaCaptures(LE);
  // `overloaded{[&](int i) { ... }, ...}`: a class made of closures.
  if (const auto *IL = dyn_cast<InitListExpr>(E)) {
    Prov P = Prov::local();
    for (const Expr *Init : IL->inits())
      if (holdsClosure(Init->getType()))
        P = join(P, ofCaptures(Init));
    return P;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      return capturesOfVariable(VD);
  // A member (`this->f` of a class that keeps a closure), a call's result,
  // a dereference: where the closure was made is out of sight.
  return Prov::unknown();
}

} // namespace purecc
