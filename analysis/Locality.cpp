//===- Locality.cpp - provenance of lvalues and pointers ------------------===//
#include "Locality.h"
#include "LibraryNames.h"
#include "Stdlib.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "llvm/ADT/SmallVector.h"

#include <algorithm>

#include <optional>

using namespace clang;

namespace purecc {
Prov join(const Prov &A, const Prov &B) {
  Prov R = B.K > A.K ? B : A;
  // Shallow only when both are: a pointer or what it points to is either.
  if (A.K == B.K)
    R.Shallow = A.Shallow && B.Shallow;
  return R;
}

GlobalSort globalSort(const ValueDecl *D) {
  // A structured binding is of the sort of the variable it belongs to.
  if (const auto *BD = dyn_cast_or_null<BindingDecl>(D))
    D = BD->getDecomposedDecl();
  const auto *VD = dyn_cast_or_null<VarDecl>(D);
  if (!VD)
    return GlobalSort::Global;
  if (VD->getTLSKind() != VarDecl::TLS_None)
    return GlobalSort::ThreadLocal;
  if (VD->isStaticDataMember())
    return GlobalSort::StaticMember;
  if (VD->isStaticLocal())
    return GlobalSort::StaticLocal;
  return GlobalSort::Global;
}

CallParts callParts(const Expr *E) {
  CallParts P;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    P.Callee = MC->getMethodDecl();
    P.Object = MC->getImplicitObjectArgument();
    if (const auto *ME = dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParens()))
      P.IsArrow = ME->isArrow();
    for (const Expr *A : MC->arguments())
      P.Args.push_back(A);
  } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    P.Callee = OC->getDirectCallee();
    unsigned First = 0;
    // The object is the first argument of a member operator's call. A
    // C++23 `static operator()`/`operator[]` has no parameter for it, and
    // one with an explicit object parameter (`this const E &self`) takes
    // it as its first (adv122 F1, F2: the callables after it were matched
    // to the parameter before theirs).
    if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(P.Callee); MD && OC->getNumArgs() > 0) {
      if (!MD->isStatic())
        P.Object = OC->getArg(0);
      if (!MD->isExplicitObjectMemberFunction())
        First = 1;
    }
    for (unsigned I = First; I < OC->getNumArgs(); ++I)
      P.Args.push_back(OC->getArg(I));
  } else if (const auto *CE = dyn_cast<CallExpr>(E)) {
    P.Callee = CE->getDirectCallee();
    for (const Expr *A : CE->arguments())
      P.Args.push_back(A);
  } else if (const auto *CC = dyn_cast<CXXConstructExpr>(E)) {
    P.Callee = CC->getConstructor();
    for (const Expr *A : CC->arguments())
      P.Args.push_back(A);
  }
  return P;
}

Locality::Locality(ASTContext &Ctx, const FunctionDecl *FD, ReturnsFn Returns,
                   OwningMembers &Owning)
    : Ctx(Ctx), FD(FD), Returns(std::move(Returns)), Owning(Owning) {}

Prov Locality::thisProv() const { return thisOf(FD); }

Prov Locality::thisOf(const FunctionDecl *F) {
  // A constructor initializes, and a destructor tears down, its own object.
  if (isa<CXXConstructorDecl>(F) || isa<CXXDestructorDecl>(F))
    return Prov::local();
  const auto *MD = dyn_cast<CXXMethodDecl>(F);
  if (!MD || !MD->isInstance())
    return Prov::unknown();
  // `this` inside a lambda is the enclosing object, captured: not the
  // closure, unless the lambda captured a copy of it (`[*this]`). The call
  // in the function the lambda is written in maps it (Fixpoint.cpp; the
  // dragonbox `[&] { high_ += ...; }` in a member was a false error:
  // adv120 F2).
  if (MD->getParent()->isLambda()) {
    for (const LambdaCapture &Cap : MD->getParent()->captures())
      if (Cap.getCaptureKind() == LCK_StarThis)
        return Prov::thisObject();
    return Prov::enclosing();
  }
  return Prov::thisObject();
}

Prov Locality::ofVariable(const VarDecl *VD, const DeclRefExpr *Ref) {
  if (VD->hasGlobalStorage())
    return Prov::global(VD);
  if (Ref && Ref->refersToEnclosingVariableOrCapture() &&
      VD->getParentFunctionOrMethod() != FD)
    return ofCaptured(VD, /*Pointee=*/false);
  if (VD->isInitCapture())
    return ofInitCapture(VD, /*Pointee=*/false);
  if (const auto *PVD = dyn_cast<ParmVarDecl>(VD)) {
    if (PVD->getType()->isReferenceType()) {
      Prov P = Prov::param(PVD->getFunctionScopeIndex(), PVD);
      P.Shallow = PVD->getType().getNonReferenceType()->isPointerType();
      return P;
    }
    return Prov::local();
  }
  if (VD->getType()->isReferenceType()) {
    const Expr *Init = VD->getInit();
    if (!Init || !ReferencesInProgress.try_emplace(VD, true).second)
      return Prov::unknown(VD);
    Prov P = ofLValue(Init);
    ReferencesInProgress.erase(VD);
    if (P.K == Prov::Global && !P.Through) {
      P.Through = VD;
      P.ThroughLoc = VD->getLocation();
    }
    return P;
  }
  return Prov::local();
}

Prov Locality::ofLValue(const Expr *E) {
  DepthGuard Step(*this);
  if (Step.tooDeep())
    return Prov::unknown();
  E = E->IgnoreParens();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      return ofVariable(VD, DRE);
    if (const auto *BD = dyn_cast<BindingDecl>(DRE->getDecl()))
      if (const Expr *B = BD->getBinding()) {
        Prov P = ofLValue(B);
        if (P.K == Prov::Global && !P.Binding &&
            (P.Var == BD->getDecomposedDecl() || P.Var == BD->getHoldingVar()))
          P.Binding = BD;
        return P;
      }
    return Prov::local();
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (const auto *VD = dyn_cast<VarDecl>(ME->getMemberDecl()))
      return Prov::global(VD);
    // A reference member designates what it was bound to, not its object.
    if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl()))
      if (F->getType()->isReferenceType())
        return ofReferenceMember(ME, F);
    return ME->isArrow() ? ofPointee(ME->getBase()) : ofLValue(ME->getBase());
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_Deref)
      return ofPointee(UO->getSubExpr());
    if (UO->isIncrementDecrementOp())
      return ofLValue(UO->getSubExpr());
    return Prov::unknown();
  }
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
    return ofPointee(AS->getBase());
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->getOpcode() == BO_Comma)
      return ofLValue(BO->getRHS());
    if (BO->isAssignmentOp())
      return ofLValue(BO->getLHS());
    return Prov::unknown();
  }
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E))
    return join(ofLValue(CO->getTrueExpr()), ofLValue(CO->getFalseExpr()));
  if (const auto *CC = dyn_cast<CXXConstCastExpr>(E)) {
    Prov P = ofLValue(CC->getSubExpr());
    P.Cast = "'const_cast'";
    return P;
  }
  if (const auto *RC = dyn_cast<CXXReinterpretCastExpr>(E)) {
    Prov P = ofLValue(RC->getSubExpr());
    P.Cast = "'reinterpret_cast'";
    return P;
  }
  if (const auto *CE = dyn_cast<CastExpr>(E))
    return ofLValue(CE->getSubExpr());
  // A default argument is what it says (`_Sequence &&__s = _Sequence()` of
  // a priority_queue's constructor: a temporary of the call, adv119 F1).
  if (const auto *DA = dyn_cast<CXXDefaultArgExpr>(E))
    return ofLValue(DA->getExpr());
  if (isa<MaterializeTemporaryExpr, CompoundLiteralExpr, StringLiteral,
          CXXTemporaryObjectExpr, CXXConstructExpr>(E))
    return Prov::local();
  if (const auto *OV = dyn_cast<OpaqueValueExpr>(E))
    return OV->getSourceExpr() ? ofLValue(OV->getSourceExpr()) : Prov::unknown();
  if (const auto *EW = dyn_cast<ExprWithCleanups>(E))
    return ofLValue(EW->getSubExpr());
  if (isa<CallExpr>(E))
    return ofCallResult(E);
  return Prov::unknown();
}

Prov Locality::ofPointerVariable(const VarDecl *VD) {
  if (VD->hasGlobalStorage())
    return Prov::unknown(VD);
  if (const auto *PVD = dyn_cast<ParmVarDecl>(VD))
    return Prov::param(PVD->getFunctionScopeIndex(), PVD);
  if (VD->isInitCapture())
    return ofInitCapture(VD, /*Pointee=*/true);
  // A handler's parameter is a copy of the thrown object, which any
  // function may have thrown (`try { throw b.p; } catch (long *p) { *p =
  // 1; }` writes the caller's memory: adv110 F3); it has no initializer to
  // follow.
  if (VD->isExceptionVariable())
    return Prov::unknown(VD);
  if (VD->getType()->isReferenceType()) {
    const Expr *Init = VD->getInit();
    if (!Init || !ReferencesInProgress.try_emplace(VD, true).second)
      return Prov::unknown(VD);
    Prov P = ofStoredPointer(Init);
    ReferencesInProgress.erase(VD);
    return P;
  }
  auto [It, Inserted] = PointerVars.try_emplace(VD, Prov::local());
  if (!Inserted)
    return It->second;
  Prov P = VD->getInit() ? ofPointee(VD->getInit()) : Prov::local();
  // Assignments anywhere in the body can repoint it. An explicit stack, not
  // recursion: an expression can nest deeper than the call stack holds.
  std::vector<const Expr *> Sources;
  // Assigning to a proxy reference writes the element it stands for; it
  // never points it elsewhere.
  bool Proxy = isProxyReference(VD->getType());
  // An object of class type asked about for the pointers it holds by value
  // (a `std::any`, `std::optional<long *>`, a tuple): not an iterator or
  // view, which moves within what it was made from.
  bool Holder = VD->getType()->isRecordType() && !pointsLikePointer(VD->getType());
  // An integer asked about for the address it may carry (the operand of a
  // cast to a pointer).
  bool Integer = VD->getType()->isIntegralOrEnumerationType();
  auto AssignsVD = [VD, Proxy](const Expr *LHS) {
    const auto *D = dyn_cast<DeclRefExpr>(LHS->IgnoreParens());
    return !Proxy && D && D->getDecl() == VD;
  };
  llvm::SmallVector<const Stmt *, 64> Stack;
  if (const Stmt *Body = FD->getBody())
    Stack.push_back(Body);
  // Repointed where this scan cannot follow: through its address
  // (`long **pp = &p; *pp = &g;`) or by a function of the program given it
  // as a `T *&` (adv53 t26: `setp(p, b)`).
  bool Repointed = false;
  while (!Stack.empty()) {
    const Stmt *S = Stack.pop_back_val();
    if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
      if (BO->getOpcode() == BO_Assign && AssignsVD(BO->getLHS()))
        Sources.push_back(BO->getRHS());
      // `d -= base; base += d;`: an integer's value may become the
      // address the other operand carries (adv113 F3).
      else if (Integer && BO->isCompoundAssignmentOp() && AssignsVD(BO->getLHS()) &&
               (BO->getRHS()->isValueDependent() || !BO->getRHS()->isIntegerConstantExpr(Ctx)))
        Sources.push_back(BO->getRHS());
    } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S);
               OC && OC->getOperator() == OO_Equal && OC->getNumArgs() == 2) {
      // Only a copy or move repoints it: an insert iterator's `out = x`
      // inserts x (adv87 F09).
      // Any assignment does, to an object that holds a pointer as a value
      // (`std::any a; a = b.p;`: adv110 F5).
      const auto *Assign = dyn_cast_or_null<CXXMethodDecl>(OC->getDirectCallee());
      if (AssignsVD(OC->getArg(0)) &&
          (!Assign || Assign->isCopyAssignmentOperator() || Assign->isMoveAssignmentOperator() ||
           Holder))
        Sources.push_back(OC->getArg(1));
    } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S); MC && Holder) {
      // `a.emplace<long *>(b.p)`, `o.swap(other)`: a holder's non-const
      // member puts in what it is given, or what no scan here follows.
      const auto *Obj = dyn_cast_or_null<DeclRefExpr>(
          MC->getImplicitObjectArgument() ? MC->getImplicitObjectArgument()->IgnoreParenImpCasts()
                                          : nullptr);
      if (Obj && Obj->getDecl() == VD && MC->getMethodDecl() && !MC->getMethodDecl()->isConst()) {
        for (const Expr *A : MC->arguments())
          if (pointsLikePointer(A->getType()))
            Sources.push_back(A);
          else if (!A->getType()->isIntegralOrEnumerationType())
            Repointed = true;
      }
    } else if (const auto *DRE = dyn_cast<DeclRefExpr>(S); DRE && !Proxy && DRE->getDecl() == VD) {
      // An integer bound to a reference (`std::swap(u, v)`: adv113 F4)
      // may be given any value there; read, it is a value.
      if (Integer) {
        DynTypedNodeList Ps = Ctx.getParents(*DRE);
        const Stmt *Parent = Ps.empty() ? nullptr : Ps[0].get<Stmt>();
        Repointed |= isa_and_nonnull<CallExpr, CXXConstructExpr, InitListExpr>(Parent) ||
                     (isa_and_nonnull<UnaryOperator>(Parent) &&
                      cast<UnaryOperator>(Parent)->getOpcode() == UO_AddrOf);
      } else {
        Repointed |= reseatableUse(DRE, Sources);
      }
    }
    size_t First = Stack.size();
    for (const Stmt *C : S->children())
      if (C)
        Stack.push_back(C);
    std::reverse(Stack.begin() + First, Stack.end()); // source order
  }
  for (const Expr *Src : Sources)
    P = join(P, ofPointee(Src));
  if (Repointed)
    P = join(P, Prov::unknown(VD));
  if (P.K == Prov::Global && !P.Through) {
    P.Through = VD;
    P.ThroughLoc = VD->getLocation();
  }
  PointerVars[VD] = P;
  return P;
}

bool Locality::reseatableUse(const DeclRefExpr *Use, std::vector<const Expr *> &Sources) {
  // Up through parentheses and the lvalue conditionals and commas whose
  // value is then read (`*(c ? p : q)`).
  const Expr *Child = Use;
  const Stmt *P = nullptr;
  while (true) {
    DynTypedNodeList Ps = Ctx.getParents(*Child);
    P = Ps.empty() ? nullptr : Ps[0].get<Stmt>();
    const auto *PE = dyn_cast_or_null<Expr>(P);
    if (PE && (isa<ParenExpr>(PE) || (isa<AbstractConditionalOperator>(PE) &&
                                       cast<AbstractConditionalOperator>(PE)->getCond() != Child) ||
               (isa<BinaryOperator>(PE) && cast<BinaryOperator>(PE)->getOpcode() == BO_Comma &&
                cast<BinaryOperator>(PE)->getRHS() == Child))) {
      Child = PE;
      continue;
    }
    break;
  }
  // An iterator or view of class type is used through its members and
  // operators (`++it`, `*it`, `it != e`): only its address or a function
  // of the program given it by reference let it go.
  bool Raw = Use->getType()->isPointerType();
  if (!Raw) {
    if (const auto *UO = dyn_cast_or_null<UnaryOperator>(P))
      return UO->getOpcode() == UO_AddrOf;
    if (!isa_and_nonnull<CallExpr, CXXConstructExpr>(P) || Child != Use)
      return false;
  }
  if (const auto *IC = dyn_cast_or_null<ImplicitCastExpr>(P); IC && IC->getCastKind() == CK_LValueToRValue)
    return false; // read
  // Made a `T *const` lvalue to bind a library function's `T *const &`
  // parameter (`v.push_back(p)` of a vector of pointers): the library does
  // not cast the const away (a false error on every pointer kept in a
  // vector). A reference of the program's may be const_cast (adv92 F2).
  if (const auto *IC = dyn_cast_or_null<ImplicitCastExpr>(P);
      Raw && IC && IC->getCastKind() == CK_NoOp && IC->isGLValue() &&
      IC->getType().isConstQualified()) {
    DynTypedNodeList CastParents = Ctx.getParents(*IC);
    const auto *Call =
        dyn_cast_or_null<CallExpr>(CastParents.empty() ? nullptr : CastParents[0].get<Stmt>());
    if (Call && Call->getDirectCallee() &&
        isLibraryFunction(Call->getDirectCallee(), Ctx.getSourceManager()))
      for (const Expr *A : Call->arguments())
        if (A == IC)
          return false;
  }
  if (const auto *UO = dyn_cast_or_null<UnaryOperator>(P))
    return !UO->isIncrementDecrementOp(); // `++p` moves within its object; `&p` lets go
  if (const auto *BO = dyn_cast_or_null<BinaryOperator>(P)) {
    if (BO->getLHS() != Child)
      return true;
    // `p = q` is followed where it is (a source); `p += 2` moves within.
    return !BO->isAssignmentOp() || (BO->getOpcode() == BO_Assign && Child != Use);
  }
  if (const auto *OC = dyn_cast_or_null<CXXOperatorCallExpr>(P);
      OC && OC->getOperator() == OO_Equal && OC->getNumArgs() == 2 && OC->getArg(0) == Child)
    return Child != Use;
  if (isa_and_nonnull<UnaryExprOrTypeTraitExpr>(P))
    return false;
  if (isa_and_nonnull<CallExpr, CXXConstructExpr>(P) && Child == Use) {
    CallParts Parts = callParts(cast<Expr>(P));
    for (unsigned I = 0; I < Parts.Args.size(); ++I) {
      if (Parts.Args[I]->IgnoreParens() != Use)
        continue;
      QualType PT = Parts.Callee && I < Parts.Callee->getNumParams()
                        ? Parts.Callee->getParamDecl(I)->getType()
                        : QualType();
      if (!PT.isNull() && !(PT->isReferenceType() && !PT.getNonReferenceType().isConstQualified()))
        return false;
      // The library's `std::swap(p, q)` and `std::exchange(p, q)` point it
      // where the other pointer points (for an iterator, any function of
      // the library: it takes one by reference to advance it).
      const FunctionDecl *F = Parts.Callee;
      // A std::ranges algorithm is its niebloid's `operator()`.
      if (F && isLibraryFunction(F, Ctx.getSourceManager()) &&
          (!Raw || (F->getIdentifier() && (F->getName() == "swap" || F->getName() == "exchange")))) {
        // `std::swap(a, c)` of two std::any: a holds what c held (adv113
        // F5).
        for (unsigned J = 0; J < Parts.Args.size(); ++J)
          if (J != I && (Parts.Args[J]->getType()->isPointerType() ||
                         keepsValues(Parts.Args[J]->getType())))
            Sources.push_back(Parts.Args[J]);
        return false;
      }
      return true;
    }
    // The object of a member or operator (`++it`, `it != e`).
    return false;
  }
  // Bound to a reference (`long *&rp = p;`, `std::tie(p, v)`), captured,
  // returned by reference, cast to a reference: reseated where this scan
  // does not look (adv54 t01-t03).
  return true;
}

Prov Locality::ofStoredPointer(const Expr *E) {
  DepthGuard Step(*this);
  if (Step.tooDeep())
    return Prov::unknown();
  E = E->IgnoreParens();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD)
      return Prov::unknown();
    if (DRE->refersToEnclosingVariableOrCapture() &&
        VD->getParentFunctionOrMethod() != FD && !VD->hasGlobalStorage())
      return ofCaptured(VD, /*Pointee=*/true);
    return ofPointerVariable(VD);
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl()))
      return ofPointerMember(ME, F);
    return Prov::unknown(ME->getMemberDecl());
  }
  if (const auto *CE = dyn_cast<CastExpr>(E))
    return ofStoredPointer(CE->getSubExpr());
  // `for (auto &&r : bits)`: the loop variable is bound to a temporary
  // proxy made by the iterator, with its cleanups.
  if (const auto *EW = dyn_cast<ExprWithCleanups>(E))
    return ofStoredPointer(EW->getSubExpr());
  // A call returning a reference designates a pointer stored somewhere
  // else (`*it`, `v[0]`, `v.back()` on a container of pointers).
  if (isa<CallExpr>(E) && E->isGLValue())
    return ofStoredInCall(E);
  if (isa<MaterializeTemporaryExpr, CXXBindTemporaryExpr, CallExpr,
          CXXConstructExpr>(E))
    return ofPointee(E);
  return loadedFromStorage(ofLValue(E));
}

Prov Locality::loadedFromStorage(const Prov &Storage) {
  // A pointer loaded from a global's storage (`GA[0]`, `*it` of an
  // iterator into it, a range-for's element of a `long *const GA[]`) is
  // one that global holds: a const global's pointers may lead to memory
  // the program changes, which the read rule judges by the global
  // (ConstIndirection.h; adv101 F1).
  if (Storage.K == Prov::Global)
    if (const auto *VD = dyn_cast_or_null<VarDecl>(Storage.Var); VD && VD->hasGlobalStorage())
      return Prov::unknown(VD);
  if (Storage.K == Prov::Unknown)
    if (const auto *VD = dyn_cast_or_null<VarDecl>(Storage.Via); VD && VD->hasGlobalStorage())
      return Prov::unknown(VD);
  return Prov::unknown();
}

Prov Locality::ofStoredInCall(const Expr *Call) {
  CallParts Parts = callParts(Call);
  if (!Parts.Callee)
    return Prov::unknown();
  // The pointer the result refers to is one of the pointer arguments the
  // call takes by reference (std::min(p, q), std::move(p), a user's
  // `T *&pick(T *&a, T *&b)`) ...
  auto ByReference = [&](unsigned I) -> std::optional<Prov> {
    if (I >= Parts.Args.size() || I >= Parts.Callee->getNumParams())
      return std::nullopt;
    QualType PT = Parts.Callee->getParamDecl(I)->getType();
    if (!PT->isReferenceType() || !pointsLikePointer(PT.getNonReferenceType()))
      return std::nullopt;
    return ofStoredPointer(Parts.Args[I]);
  };
  if (isLibraryFunction(Parts.Callee, Ctx.getSourceManager())) {
    // ... or, for a member (`v[0]`, `*it`, `v.back()`), an element stored
    // in a container: a pointer loaded from memory, whose target no one
    // here can name, unless the container is a local that only ever took
    // blocks of the function's own (FreshElements.cpp).
    if (Parts.Object) {
      if (const VarDecl *V = elementSource(Parts.Object); V && holdsOwnBlocks(V))
        return Prov::local();
      // `*it` of an iterator: stored where it points; `v[0]`: in v.
      const Expr *Obj = Parts.Object;
      bool ThroughObject = Parts.IsArrow || isPointerLike(Obj->getType());
      return loadedFromStorage(ThroughObject ? ofPointee(Obj)
                               : Obj->isGLValue() ? ofLValue(Obj)
                                                  : Prov::unknown());
    }
    std::optional<Prov> P;
    for (unsigned I = 0; I < Parts.Args.size(); ++I)
      if (std::optional<Prov> A = ByReference(I))
        P = P ? join(*P, *A) : *A;
    return P ? *P : Prov::unknown();
  }
  Prov R = Returns(Parts.Callee);
  if (R.K == Prov::Param)
    if (std::optional<Prov> A = ByReference(R.Index))
      return *A;
  return Prov::unknown();
}

Prov Locality::ofPointee(const Expr *E) {
  DepthGuard Step(*this);
  if (Step.tooDeep())
    return Prov::unknown();
  E = E->IgnoreParens();
  if (const auto *IC = dyn_cast<ImplicitCastExpr>(E)) {
    switch (IC->getCastKind()) {
    case CK_ArrayToPointerDecay:
      return ofLValue(IC->getSubExpr());
    case CK_LValueToRValue:
      return ofStoredPointer(IC->getSubExpr());
    case CK_FunctionToPointerDecay:
    case CK_NullToPointer:
      return Prov::local();
    case CK_IntegralToPointer:
      return Prov::unknown();
    default:
      return ofPointee(IC->getSubExpr());
    }
  }
  if (const auto *CC = dyn_cast<CXXConstCastExpr>(E)) {
    Prov P = ofPointee(CC->getSubExpr());
    P.Cast = "'const_cast'";
    return P;
  }
  if (const auto *RC = dyn_cast<CXXReinterpretCastExpr>(E)) {
    Prov P = ofPointee(RC->getSubExpr());
    P.Cast = "'reinterpret_cast'";
    return P;
  }
  if (const auto *CE = dyn_cast<ExplicitCastExpr>(E))
    return ofPointee(CE->getSubExpr());
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_AddrOf)
      return ofLValue(UO->getSubExpr());
    if (UO->isIncrementDecrementOp())
      return ofStoredPointer(UO->getSubExpr());
    return Prov::unknown();
  }
  if (isa<CXXThisExpr>(E))
    return thisProv();
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->isAdditiveOp()) {
      if (BO->getLHS()->getType()->isPointerType())
        return ofPointee(BO->getLHS());
      if (BO->getRHS()->getType()->isPointerType())
        return ofPointee(BO->getRHS());
      // Integers that hold addresses: either side may carry the address
      // (`base + (a - base)` is `a`, whatever `base` was made from: adv110
      // F1).
      // A constant offset carries none (`base + sizeof(long)`).
      auto Carried = [&](const Expr *Side) {
        return Side->isValueDependent() || !Side->isIntegerConstantExpr(Ctx) ? ofPointee(Side)
                                                                             : Prov::local();
      };
      return join(Carried(BO->getLHS()), Carried(BO->getRHS()));
    }
    if (BO->getOpcode() == BO_Comma || BO->getOpcode() == BO_Assign)
      return ofPointee(BO->getRHS());
    return Prov::unknown();
  }
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E))
    return join(ofPointee(CO->getTrueExpr()), ofPointee(CO->getFalseExpr()));
  if (const auto *NE = dyn_cast<CXXNewExpr>(E); NE && NE->getNumPlacementArgs() > 0)
    return ofPlacement(NE);
  if (isa<CXXNewExpr, CXXNullPtrLiteralExpr, IntegerLiteral, GNUNullExpr,
          StringLiteral>(E))
    return Prov::local();
  if (const auto *CC = dyn_cast<CXXConstructExpr>(E)) {
    if (CC->getNumArgs() == 0)
      return Prov::local();
    // A view made from an array or container (`std::span<int> s(arr)`)
    // points into that object's storage.
    const Expr *A = CC->getArg(0);
    const CXXConstructorDecl *Ctor = CC->getConstructor();
    // A copy of a shared pointer points where the original does, and so
    // does a copy of a tuple of references (adv79 F1: `auto u = t;`).
    // A copy or move of an object that keeps values holds what it held
    // (`std::any a = std::move(c);`: adv113 F5).
    Prov P = A->isGLValue() && !pointsLikePointer(A->getType()) && !holdsReference(A->getType()) &&
                     !keepsValues(A->getType()) && Ctor->getNumParams() > 0 &&
                     Ctor->getParamDecl(0)->getType()->isReferenceType()
                 ? ofLValue(A)
                 : ofPointee(A);
    // A later pointer argument may be what it points to: the aliasing
    // constructor `std::shared_ptr<long> sp(owner, b.p)` (adv110 F4).
    for (unsigned I = 1; I < CC->getNumArgs(); ++I)
      if (pointsLikePointer(CC->getArg(I)->getType()))
        P = join(P, ofPointee(CC->getArg(I)));
    return P;
  }
  if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
    return ofPointee(MT->getSubExpr());
  if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(E))
    return ofPointee(BT->getSubExpr());
  if (const auto *EW = dyn_cast<ExprWithCleanups>(E))
    return ofPointee(EW->getSubExpr());
  if (isa<CallExpr>(E)) {
    // An integer a call returns may be any address turned into a number
    // (`reinterpret_cast<long *>(id(uintptr_t(b.p)))`: adv113 F2); a
    // callee's summary follows pointers, not integers.
    if (!E->isGLValue() && E->getType()->isIntegralOrEnumerationType())
      return Prov::unknown();
    // A call returning an iterator by value points where the call's result
    // designates; one returning a reference to a pointer is a stored pointer.
    if (E->isGLValue())
      return ofStoredPointer(E);
    return ofCallResult(E);
  }
  if (isa<DeclRefExpr, MemberExpr>(E))
    return ofStoredPointer(E);
  return Prov::unknown();
}

Prov Locality::ofPlacement(const CXXNewExpr *NE) {
  const FunctionDecl *New = NE->getOperatorNew();
  if (!New || NE->getNumPlacementArgs() == 0)
    return Prov::local();
  // The library's `new (p) T`: where p points.
  if (isLibraryFunction(New, Ctx.getSourceManager()))
    return NE->getPlacementArg(0)->getType()->isPointerType() ? ofPointee(NE->getPlacementArg(0))
                                                               : Prov::unknown();
  // The program's placement `operator new(std::size_t, Arena &)`: what it
  // returns, from its summary (adv92 F3: one returning the caller's object
  // was taken for fresh memory).
  Prov R = Returns(New);
  if (R.isLocal())
    return Prov::local();
  if (R.K == Prov::Param && R.Index >= 1 && R.Index - 1 < NE->getNumPlacementArgs()) {
    const Expr *A = NE->getPlacementArg(R.Index - 1);
    return A->getType()->isPointerType() ? ofPointee(A) : ofLValue(A);
  }
  return Prov::unknown();
}

Prov Locality::ofObject(const Expr *Object, bool IsArrow) {
  if (!Object)
    return Prov::local();
  if (IsArrow)
    return ofPointee(Object);
  return Object->isGLValue() ? ofLValue(Object) : Prov::local();
}

Prov Locality::ofArgument(const ParmVarDecl *P, const Expr *A) {
  QualType T = P->getType();
  // A closure, by value or by reference: a copy refers to what the
  // original's captures refer to, and the callee writes there through it
  // (adv125 F1). By reference, its own `mutable` members too.
  if (holdsClosure(T.getNonReferenceType()))
    return T->isReferenceType() ? join(ofLValue(A), ofCaptures(A)) : ofCaptures(A);
  if (T->isReferenceType()) {
    if (pointsLikePointer(T.getNonReferenceType()))
      return join(ofLValue(A), ofStoredPointer(A));
    return ofLValue(A);
  }
  // A std::shared_ptr by value is a copy of the pointer: the callee writes
  // through it into what the argument points to.
  if (pointsLikePointer(T) && !T->isFunctionPointerType())
    return ofPointee(A);
  return Prov::local();
}

namespace {
/// The call operator of a class with no state: the library's function
/// objects and view adaptors (`std::views::reverse`, a niebloid).
bool isStatelessCall(const FunctionDecl *FD) {
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  return MD && MD->getOverloadedOperator() == OO_Call && MD->getParent()->hasDefinition() &&
         MD->getParent()->isEmpty();
}
} // namespace

/// Whether a value of type R that a call hands back may be a copy of one
/// that an object of type H keeps (Stdlib.h: keepsValues): H erases the
/// type it keeps (std::any), or R is one of H's template arguments (`long
/// *` of `std::optional<long *>`). Not the address of what it keeps
/// (`o.operator->()` of a `std::optional<std::vector<long>>` points into
/// `o`, its object's storage).
static bool mayBeKeptValue(QualType H, QualType R) {
  if (!keepsValues(H))
    return false;
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      H.getNonReferenceType()->getAsCXXRecordDecl());
  if (!Spec)
    return true; // std::any
  CanQualType Want = R->getCanonicalTypeUnqualified();
  for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
    if (A.getKind() == TemplateArgument::Type &&
        A.getAsType()->getCanonicalTypeUnqualified() == Want)
      return true;
  return false;
}

Prov Locality::ofCallResult(const Expr *Call) {
  DepthGuard Step(*this);
  if (Step.tooDeep())
    return Prov::unknown();
  CallParts Parts = callParts(Call);
  if (!Parts.Callee)
    return Prov::unknown();
  // `*sp`, `sp->f`, `sp.get()` of a std::shared_ptr designate what the
  // pointer points to, which its copies share, not the pointer object.
  // `o->get()` of a `std::optional<std::reference_wrapper<long>>`,
  // `it->front()` over spans: the object reached through the arrow is
  // itself a pointer, stored in memory, whose target no one here can name
  // (adv56 t09: the write through it was taken for one into 'o').
  bool ArrowToPointer = Parts.Object && Parts.IsArrow && Parts.Object->getType()->isPointerType() &&
                        pointsLikePointer(Parts.Object->getType()->getPointeeType());
  Prov Obj = ArrowToPointer ? Prov::unknown()
             : Parts.Object && pointsLikePointer(Parts.Object->getType()) && !Parts.IsArrow
                 ? ofStoredPointer(Parts.Object)
                 : ofObject(Parts.Object, Parts.IsArrow);
  // The block a std::unique_ptr owns counts as its object's storage, but
  // not in a const global: `*V[0] = 100` writes the block of a `const
  // std::vector<std::unique_ptr<long>> V` (const is shallow), so it is
  // memory the global designates (ConstIndirection.h), also when reached
  // through a local reference or a range-for (adv101 F1).
  if (Parts.Object && Obj.K == Prov::Global && ownsBlockAlone(Parts.Object->getType()))
    if (const auto *VD = dyn_cast_or_null<VarDecl>(Obj.Var);
        VD && VD->hasGlobalStorage() && VD->getType().isConstQualified())
      Obj = Prov::unknown(VD);
  // A block no one else holds, as from `new`.
  if (MemoryCall M = memoryCall(Parts.Callee, Ctx.getSourceManager());
      M == MemoryCall::Allocates || M == MemoryCall::Reallocates)
    return Prov::local();
  if (isLibraryFunction(Parts.Callee, Ctx.getSourceManager())) {
    // A new object, whatever it was made from (`std::make_shared<long>(x)`
    // copies x): like `new`.
    if (makesShared(Parts.Callee))
      return Prov::local();

    // The result of a library call designates its object or what its
    // iterator/pointer arguments designate. A function object with no state
    // (`std::views::reverse(g)`, `std::ranges::begin(g)`) designates nothing.
    // `std::max({&x, n.p})` of a braced list of pointers: what it returns
    // is one of them (adv54 t25: the write through it was taken for a
    // local one).
    auto ListedPointers = [&](const Expr *Arg) -> std::optional<Prov> {
      const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          Arg->getType().getNonReferenceType()->getAsCXXRecordDecl());
      if (!Spec || !Spec->getIdentifier() || Spec->getName() != "initializer_list" ||
          !Spec->isInStdNamespace() || Spec->getTemplateArgs().size() != 1 ||
          Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type ||
          !pointsLikePointer(Spec->getTemplateArgs()[0].getAsType()))
        return std::nullopt;
      // The pointers the list was written with, when it is written in the call.
      const Expr *E = Arg->IgnoreImplicit();
      if (const auto *SIL = dyn_cast<CXXStdInitializerListExpr>(E))
        E = SIL->getSubExpr()->IgnoreImplicit();
      const auto *IL = dyn_cast<InitListExpr>(E);
      if (!IL)
        return Prov::unknown();
      Prov P = Prov::local();
      for (const Expr *Init : IL->inits())
        P = join(P, ofPointee(Init));
      return P;
    };
    // `std::bit_cast<long *>(address)`: a pointer made from bits, as
    // `reinterpret_cast` makes one from an integer (adv87 F11).
    if (pointsLikePointer(Call->getType()) && Parts.Callee->isInStdNamespace() &&
        Parts.Callee->getIdentifier() && Parts.Callee->getName() == "bit_cast") {
      Prov Made = Prov::unknown();
      Made.Cast = "'std::bit_cast'";
      return Made;
    }
    Prov P = Parts.Object && !isStatelessCall(Parts.Callee) ? Obj : Prov::local();
    // A pointer handed back by value from an object that keeps values is a
    // copy of one put in: `o.value_or(nullptr)` of `std::optional<long *>
    // o = b.p` (adv113 F1).
    const bool handsBackPointer =
        pointsLikePointer(Call->getType()) || holdsReference(Call->getType());
    if (Parts.Object && !Call->isGLValue() && handsBackPointer &&
        mayBeKeptValue(Parts.Object->getType(), Call->getType()))
      P = join(P, ofPointee(Parts.Object));
    for (unsigned I = 0; I < Parts.Args.size(); ++I) {
      QualType T = Parts.Args[I]->getType();
      if (pointsLikePointer(T))
        P = join(P, ofPointee(Parts.Args[I]));
      else if (std::optional<Prov> Elements = ListedPointers(Parts.Args[I]))
        P = join(P, *Elements);
      else if (I < Parts.Callee->getNumParams()) {
        QualType PT = Parts.Callee->getParamDecl(I)->getType();
        // A reference result may designate any argument taken by reference
        // (`std::get<0>(pair)`, `std::min(a, b)`), const or not, unless it
        // is a member (`m[key]` designates the map, not the key): what is
        // read through it is judged by where it points.
        // `std::addressof(r)`, `std::cref(r)` hand back the one object
        // they take, const or not (`*std::addressof(GREF)`: adv24 S9).
        if (PT->isLValueReferenceType() &&
            (!PT.getNonReferenceType().isConstQualified() ||
             (!Parts.Object && (Call->isGLValue() || isAddressOnly(Parts.Callee)))))
          P = join(P, ofLValue(Parts.Args[I]));
      }
      // `std::get<0>(t)` of a `std::tuple<int &>`: the reference handed
      // back may be one the argument holds, which designates what `t` was
      // made from, as a pointer would.
      if (Call->isGLValue() && holdsReference(T))
        P = join(P, ofPointee(Parts.Args[I]));
      // A pointer handed back by value may be a copy of one an object
      // argument holds: `std::any_cast<long *>(a)` of `std::any a = b.p`
      // (adv110 F5).
      else if (!Call->isGLValue() && handsBackPointer && mayBeKeptValue(T, Call->getType()))
        P = join(P, ofPointee(Parts.Args[I]));
    }
    return P;
  }
  Prov R = Returns(Parts.Callee);
  switch (R.K) {
  case Prov::Local:
    return Prov::local();
  case Prov::This:
    return Obj;
  case Prov::Enclosing:
    // What a lambda's captures refer to (`[&]() -> auto & { return v; }`):
    // those of the closure it is called on (Captures.cpp).
    return capturesOfCall(Parts);
  case Prov::Param:
    if (R.Index < Parts.Args.size() && R.Index < Parts.Callee->getNumParams())
      return ofArgument(Parts.Callee->getParamDecl(R.Index), Parts.Args[R.Index]);
    return Prov::unknown();
  default:
    return R;
  }
}


} // namespace purecc
