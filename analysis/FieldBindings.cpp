//===- FieldBindings.cpp - what a local object's reference members hold ---===//
//
// `struct Slot { int &target; }; Slot s{g_hits}; s.target = v;` writes
// g_hits, not s: a reference member designates what it was bound to, and a
// pointer member points where it was initialized to point. Locality asks
// here when an lvalue goes through such a member.
//
// The binding is known only where the object is in sight: a local variable
// of this function (not a parameter: a by-value parameter's members were
// bound by the caller), initialized by an aggregate initializer (possibly
// nested, possibly a defaulted copy of another such local) or by a
// constructor whose member initializer binds the member to one of its
// parameters, a global or a default member initializer; and the object a
// constructor is building. Everywhere else the member may hold anything:
// the answer is Unknown, as for any loaded pointer.
//
// A reference member cannot be reseated, so its initializer is the whole
// story. A pointer member can be assigned later: it is followed only when
// every use of the variable reads one of its members' values.
//
//===----------------------------------------------------------------------===//
#include "Locality.h"
#include "OwningPointers.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;

namespace purecc {
namespace {

/// Steps of copies and nested members followed before giving up (a
/// self-initialized `Slot t = t;` would otherwise loop).
constexpr unsigned MaxInitSteps = 16;

const Expr *strip(const Expr *E) {
  while (E) {
    E = E->IgnoreParens();
    if (const auto *EW = dyn_cast<ExprWithCleanups>(E))
      E = EW->getSubExpr();
    else if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
      E = MT->getSubExpr();
    else if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(E))
      E = BT->getSubExpr();
    else if (const auto *CE = dyn_cast<ConstantExpr>(E))
      E = CE->getSubExpr();
    else if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(E);
             FC && FC->getCastKind() == CK_NoOp)
      E = FC->getSubExpr();
    else if (const auto *IC = dyn_cast<ImplicitCastExpr>(E);
             IC && IC->getCastKind() == CK_NoOp)
      E = IC->getSubExpr();
    else
      return E;
  }
  return E;
}

bool sameRecord(QualType T, const FieldDecl *F) {
  const RecordDecl *RD = T->getAsRecordDecl();
  return RD && RD->getCanonicalDecl() == F->getParent()->getCanonicalDecl();
}

/// The initializer of field F in an aggregate initialization, or null.
const Expr *aggregateElement(const Expr *Init, const FieldDecl *F) {
  ArrayRef<Expr *> Elements;
  if (const auto *ILE = dyn_cast<InitListExpr>(Init)) {
    if (!sameRecord(ILE->getType(), F) || F->getParent()->isUnion())
      return nullptr;
    Elements = ILE->inits();
  } else if (const auto *PL = dyn_cast<CXXParenListInitExpr>(Init)) {
    if (!sameRecord(PL->getType(), F) || F->getParent()->isUnion())
      return nullptr;
    Elements = const_cast<CXXParenListInitExpr *>(PL)->getInitExprs();
  } else {
    return nullptr;
  }
  // Aggregates initialize their bases first, then their fields in order.
  unsigned Index = F->getFieldIndex();
  if (const auto *RD = dyn_cast<CXXRecordDecl>(F->getParent()))
    Index += RD->getNumBases();
  if (Index >= Elements.size())
    return nullptr;
  return Elements[Index];
}

} // namespace

const Expr *Locality::initOf(const Expr *Object) {
  for (unsigned Steps = 0; Object && Steps < MaxInitSteps; ++Steps) {
    Object = Object->IgnoreParens();
    if (const auto *IC = dyn_cast<ImplicitCastExpr>(Object)) {
      if (IC->getCastKind() != CK_NoOp)
        return nullptr;
      Object = IC->getSubExpr();
      continue;
    }
    const Expr *Init = nullptr;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Object)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      // Only this function's own locals: a parameter's or a captured
      // variable's members were bound somewhere out of sight.
      if (!VD || isa<ParmVarDecl>(VD) || !VD->hasLocalStorage() ||
          VD->getType()->isReferenceType() || DRE->refersToEnclosingVariableOrCapture() ||
          VD->getParentFunctionOrMethod() != FD)
        return nullptr;
      Init = VD->getInit();
    } else if (const auto *ME = dyn_cast<MemberExpr>(Object)) {
      const auto *G = dyn_cast<FieldDecl>(ME->getMemberDecl());
      if (ME->isArrow() || !G || G->getType()->isReferenceType())
        return nullptr;
      const Expr *Outer = initOf(ME->getBase());
      Init = Outer ? aggregateElement(strip(Outer), G) : nullptr;
      if (const auto *DI = dyn_cast_or_null<CXXDefaultInitExpr>(Init))
        Init = DI->getExpr();
    } else {
      return nullptr;
    }
    Init = strip(Init);
    // A defaulted copy or move of another local: follow its source.
    if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(Init)) {
      const CXXConstructorDecl *Ctor = CE->getConstructor();
      if (Ctor->isCopyOrMoveConstructor() && Ctor->isDefaulted() && CE->getNumArgs() == 1) {
        Object = CE->getArg(0);
        continue;
      }
    }
    return Init;
  }
  return nullptr;
}

std::optional<Prov> Locality::boundInConstructor(const CXXConstructExpr *CE,
                                                 const FieldDecl *F) {
  const FunctionDecl *Body = nullptr;
  if (!CE->getConstructor()->hasBody(Body))
    return std::nullopt;
  const auto *Ctor = cast<CXXConstructorDecl>(Body);
  if (Ctor->isDelegatingConstructor() || !sameRecord(QualType(Ctor->getParent()->getTypeForDecl(), 0), F))
    return std::nullopt;
  const Expr *Init = nullptr;
  for (const CXXCtorInitializer *I : Ctor->inits())
    if (I->getMember() == F)
      Init = I->getInit();
  if (const auto *DI = dyn_cast_or_null<CXXDefaultInitExpr>(Init))
    Init = DI->getExpr();
  if (!Init)
    return std::nullopt;
  // Judge the initializer where it is written, then map the constructor's
  // parameters to this call's arguments.
  Locality Inner(Ctx, Ctor, Returns, Owning);
  Inner.Depth = Depth;
  Prov P = Inner.ofLValue(Init);
  if (P.K == Prov::Param) {
    if (P.Index >= CE->getNumArgs() || P.Index >= Ctor->getNumParams())
      return Prov::unknown(F);
    P = ofArgument(Ctor->getParamDecl(P.Index), CE->getArg(P.Index));
  } else if (P.K == Prov::This || P.K == Prov::Enclosing) {
    P = Prov::unknown(F);
  }
  return P;
}

std::optional<Prov> Locality::boundField(const Expr *Base, const FieldDecl *F,
                                         bool Pointer) {
  Base = Base->IgnoreParens();
  if (isa<CXXThisExpr>(Base->IgnoreParenImpCasts())) {
    // The object a constructor builds: its own member initializer says.
    const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD);
    if (Pointer || !Ctor || Ctor->isDelegatingConstructor() ||
        !sameRecord(QualType(Ctor->getParent()->getTypeForDecl(), 0), F))
      return std::nullopt;
    for (const CXXCtorInitializer *I : Ctor->inits())
      if (I->getMember() == F) {
        const Expr *Init = I->getInit();
        if (const auto *DI = dyn_cast<CXXDefaultInitExpr>(Init))
          Init = DI->getExpr();
        return ofLValue(Init);
      }
    return std::nullopt;
  }
  if (Pointer) {
    const auto *DRE = dyn_cast<DeclRefExpr>(Base->IgnoreParenImpCasts());
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    // Every mention a chain of `.field` accesses whose value is read:
    // then nothing repoints a member, copies the object or lets anyone
    // else do so.
    if (!VD || !FD->getBody() || !bodyMentions().onlyRead(VD, Mentions::ReadShape::FieldChain))
      return std::nullopt;
  }
  const Expr *Init = initOf(Base);
  if (!Init)
    return std::nullopt;
  if (const auto *CE = dyn_cast<CXXConstructExpr>(Init)) {
    if (Pointer)
      return std::nullopt;
    return boundInConstructor(CE, F);
  }
  const Expr *Element = aggregateElement(Init, F);
  if (!Element)
    return std::nullopt;
  bool InClass = false;
  if (const auto *DI = dyn_cast<CXXDefaultInitExpr>(Element)) {
    Element = DI->getExpr();
    InClass = true;
  }
  if (isa<ImplicitValueInitExpr>(Element))
    return Prov::local(); // a value-initialized pointer is null
  Prov P = Pointer ? ofPointee(Element) : ofLValue(Element);
  // `this` in a default member initializer is the local object itself.
  if (InClass && P.K == Prov::This)
    P = Prov::local();
  if (P.K == Prov::Global && !P.Through) {
    P.Through = F;
    P.ThroughLoc = Element->getExprLoc();
  }
  return P;
}

Prov Locality::ofReferenceMember(const MemberExpr *ME, const FieldDecl *F) {
  if (ME->isArrow() && !isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
    return Prov::unknown(F);
  if (std::optional<Prov> P = boundField(ME->getBase(), F, /*Pointer=*/false))
    return *P;
  return Prov::unknown(F);
}

Prov Locality::ofPointerMember(const MemberExpr *ME, const FieldDecl *F) {
  // A block the member owns is part of its object (OwningPointers.h).
  if (F->getType()->isPointerType()) {
    if (Owning.ownsPointee(F))
      return ofLValue(ME);
  }
  if (ME->isArrow() || !F->getType()->isPointerType())
    return Prov::unknown(F);
  if (std::optional<Prov> P = boundField(ME->getBase(), F, /*Pointer=*/true))
    return *P;
  return Prov::unknown(F);
}

const Mentions &Locality::bodyMentions() {
  if (!BodyMentions)
    BodyMentions.emplace(FD->getBody());
  return *BodyMentions;
}

} // namespace purecc
