//===- Resizes.cpp - whether a loop body may change a container's size ---===//
#include "Resizes.h"
#include "AddressTypes.h"
#include "BodyWalk.h"
#include "Containers.h"
#include "Places.h"
#include "analysis/Associative.h"
#include "analysis/PurityChecker.h"
#include "analysis/Stdlib.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace purecc {
namespace {

/// A class object, or a pointer or reference to one that is not const:
/// what a callee given it may resize (or that holds a container that it
/// may resize).
bool mutableClass(QualType T) {
  if (const auto *PT = T->getAs<PointerType>())
    T = PT->getPointeeType();
  else if (const auto *RT = T->getAs<ReferenceType>())
    T = RT->getPointeeType();
  else
    return false;
  while (const ArrayType *AT = T->getAsArrayTypeUnsafe())
    T = AT->getElementType();
  return !T.isConstQualified() && (T->isRecordType() || T->isPointerType());
}

class ResizeFinder : public RecursiveASTVisitor<ResizeFinder> {
public:
  ResizeFinder(const StmtDeps &Fx, const PurityFacts *Facts) : Fx(Fx), Facts(Facts) {}
  const Expr *Found = nullptr;

  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (!MD || keeps(MD, MC->getImplicitObjectArgument()))
      return true;
    return found(MC);
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Op) {
    const FunctionDecl *FD = Op->getDirectCallee();
    if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD))
      if (Op->getNumArgs() && !keeps(MD, Op->getArg(0)))
        return found(Op);
    // A free compound assignment that writes only its left operand, which
    // holds no address (adv116 F1), as a member one (keeps).
    bool WritesOnlyLeft = FD && !isa<CXXMethodDecl>(FD) && Op->getNumArgs() == 2 &&
                          writesOnlyLeft(FD, Op->getArg(0));
    return arguments(Op, FD, isa_and_nonnull<CXXMethodDecl>(FD) || WritesOnlyLeft);
  }
  bool VisitCallExpr(CallExpr *CE) {
    if (isa<CXXMemberCallExpr, CXXOperatorCallExpr>(CE))
      return true;
    return arguments(CE, CE->getDirectCallee(), false);
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    // `auto t = std::move(row);` leaves `row` empty.
    const CXXConstructorDecl *Ctor = CE->getConstructor();
    for (unsigned I = 0; Ctor && I < CE->getNumArgs() && I < Ctor->getNumParams(); ++I)
      if (mutableClass(Ctor->getParamDecl(I)->getType()) && !local(CE->getArg(I)))
        return found(CE);
    return true;
  }

private:
  /// Whether MD called on Object leaves the size of every container
  /// outside the body as it is.
  bool keeps(const CXXMethodDecl *MD, const Expr *Object) const {
    // A trivial assignment copies bytes of a trivially copyable class,
    // which holds no container to resize (`out[i] = Q{...}`: adv97 a1,
    // adv98 F4, "the bound 'out' changes inside the loop body").
    if (MD->isConst() || local(Object) || MD->isTrivial())
      return true;
    // `a += scaled(v[j], 2.0)` of a user's compound assignment that is pure
    // but for its left operand (Associative.h), on an object that holds no
    // address, so no container (adv115 F2: "the bound '(int)v.size()' may
    // change" of a `const std::vector<V2> &`).
    if (writesOnlyLeft(MD, Object))
      return true;
    const CXXRecordDecl *RD = Object->getType().getNonReferenceType()->getAsCXXRecordDecl();
    if (!RD)
      if (const auto *PT = Object->getType()->getAs<PointerType>())
        RD = PT->getPointeeType()->getAsCXXRecordDecl();
    return leavesObject(memberRole(MD, RD));
  }
  /// Whether FD is a user's compound assignment that is pure but for
  /// writing its left operand (Associative.h), Left, whose type holds no
  /// address and so no container.
  bool writesOnlyLeft(const FunctionDecl *FD, const Expr *Left) const {
    if (!Facts || !isCompoundAssignment(FD))
      return false;
    const CombineVerdict *V = Facts->combineVerdict(FD);
    return V && V->Pure && !Types.mayHold(Left->getType().getNonReferenceType());
  }
  /// Whether a callee given CE's arguments may resize one of them.
  bool arguments(const CallExpr *CE, const FunctionDecl *FD, bool SkipObject) {
    if (!FD)
      return true;
    unsigned First = SkipObject ? 1 : 0;
    for (unsigned I = First; I < CE->getNumArgs() && I - First < FD->getNumParams(); ++I)
      if (mutableClass(FD->getParamDecl(I - First)->getType()) && !local(CE->getArg(I)) &&
          !madeHere(CE->getArg(I)))
        return found(CE);
    return true;
  }
  /// A temporary made here that holds no address (`Q{...}` given to
  /// `operator=(Q &&)`): no container outside the body is in it. One that
  /// may (`std::ref(v)`) may lead the callee to one.
  bool madeHere(const Expr *Arg) {
    const Expr *E = Arg->IgnoreImplicit();
    return E->isPRValue() && !Types.mayHold(E->getType());
  }
  mutable AddressTypes Types;
  /// A variable the body declares, of its own (not a reference): the body
  /// may do anything to it.
  bool local(const Expr *E) const {
    const VarDecl *VD = refersTo(E);
    if (!VD)
      if (const auto *UO = dyn_cast<UnaryOperator>(E->IgnoreParenImpCasts());
          UO && UO->getOpcode() == UO_AddrOf)
        VD = refersTo(UO->getSubExpr());
    return VD && Fx.Locals.contains(VD) && !VD->getType()->isReferenceType() &&
           !VD->getType()->isPointerType();
  }
  bool found(const Expr *E) {
    if (!Found)
      Found = E;
    return false;
  }
  const StmtDeps &Fx;
  const PurityFacts *Facts;
};

} // namespace

/// The variable whose container E names: `v` of `v`, `h` of `h.v` and
/// `a.b.v` (a container reached through members of h); null otherwise.
static const VarDecl *sizedContainerOf(const Expr *E) {
  if (const VarDecl *VD = refersTo(E))
    return VD;
  std::optional<MemberPath> P = memberPathOf(E);
  return P && P->Root && containerKind(P->Type) != ContainerKind::None ? P->Root : nullptr;
}

/// Whether S uses the standard container X only through its size
/// (`X.size()`, `X.length()`, `X.empty()`).
bool usesOnlySize(const Stmt *S, const VarDecl *X) {
  if (!S)
    return true;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S))
    if (sizedContainerOf(MC->getImplicitObjectArgument()) == X && MC->getMethodDecl() &&
        MC->getMethodDecl()->getDeclName().isIdentifier() &&
        memberRole(MC->getMethodDecl()) == MemberRole::Size)
      return true;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    return DRE->getDecl() != X;
  for (const Stmt *Child : S->children())
    if (!usesOnlySize(Child, X))
      return false;
  return true;
}

/// Whether Body may change the size of the standard container X: anything
/// but storing into, or reading, its elements (`X[i] = v`, `X.at(i)`,
/// `X.size()`) — a member call that is not one of those, an assignment to
/// X itself, X bound to a non-const reference or pointer, `&X`, a capture.
bool mayResize(const Stmt *Body, const VarDecl *X) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const VarDecl *X;
    bool Found = false;
    bool VisitDeclRefExpr(DeclRefExpr *DRE) {
      if (DRE->getDecl() == X)
        Uses.push_back(DRE);
      return true;
    }
    bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) {
      const Expr *Object = MC->getImplicitObjectArgument();
      if (refersTo(Object) != X)
        return true;
      Allowed.insert(Object->IgnoreParenImpCasts());
      const CXXMethodDecl *MD = MC->getMethodDecl();
      // Const members, and those the library model says only hand out
      // access (at, front, begin, data ...).
      bool KeepsSize = MD && (MD->isConst() || (MD->getDeclName().isIdentifier() &&
                                                leavesObject(memberRole(MD))));
      Found |= !KeepsSize;
      return true;
    }
    bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Op) {
      if (Op->getOperator() == OO_Subscript && refersTo(Op->getArg(0)) == X)
        Allowed.insert(Op->getArg(0)->IgnoreParenImpCasts());
      return true;
    }
    // `sum_all(v)` of a `const std::vector<long> &` parameter, or a copy
    // taken by value: the callee sees X only as const (adv100 F1 was told
    // "the bound 'v' changes inside the loop body").
    bool VisitCallExpr(CallExpr *CE) {
      const FunctionDecl *FD = CE->getDirectCallee();
      if (!FD)
        return true;
      unsigned Skip = isa<CXXOperatorCallExpr>(CE) && isa<CXXMethodDecl>(FD) ? 1 : 0;
      for (unsigned I = Skip; I < CE->getNumArgs() && I - Skip < FD->getNumParams(); ++I)
        allowConstArgument(CE->getArg(I), FD->getParamDecl(I - Skip)->getType());
      return true;
    }
    bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
      const CXXConstructorDecl *Ctor = CE->getConstructor();
      for (unsigned I = 0; Ctor && I < CE->getNumArgs() && I < Ctor->getNumParams(); ++I)
        allowConstArgument(CE->getArg(I), Ctor->getParamDecl(I)->getType());
      return true;
    }
    void allowConstArgument(const Expr *Arg, QualType Param) {
      if (!Param->isReferenceType() || !Param.getNonReferenceType().isConstQualified())
        return;
      if (refersTo(Arg) == X && isa<DeclRefExpr>(Arg->IgnoreParenImpCasts()))
        Allowed.insert(Arg->IgnoreParenImpCasts());
    }
    // `&row - &g[0]`, `&x == &y`: an address only subtracted or compared
    // goes nowhere that could resize X.
    bool VisitBinaryOperator(BinaryOperator *BO) {
      if (BO->getOpcode() != BO_Sub && !BO->isComparisonOp())
        return true;
      for (const Expr *Side : {BO->getLHS(), BO->getRHS()})
        if (const auto *UO = dyn_cast<UnaryOperator>(Side->IgnoreParenImpCasts());
            UO && UO->getOpcode() == UO_AddrOf && refersTo(UO->getSubExpr()) == X)
          Allowed.insert(UO->getSubExpr()->IgnoreParenImpCasts());
      return true;
    }
    llvm::SmallVector<const DeclRefExpr *, 4> Uses;
    llvm::SmallPtrSet<const Expr *, 4> Allowed;
  } F;
  F.X = X;
  F.TraverseStmt(const_cast<Stmt *>(Body));
  if (F.Found)
    return true;
  // Every other use (passed along, assigned, captured) may resize it.
  for (const DeclRefExpr *Use : F.Uses)
    if (!F.Allowed.contains(Use))
      return true;
  return false;
}

const Expr *mayResizeAny(const Stmt *Body, const StmtDeps &Fx, const PurityFacts *Facts) {
  ResizeFinder F(Fx, Facts);
  F.TraverseStmt(const_cast<Stmt *>(Body));
  return F.Found;
}

bool boundReadsOnlySizes(const Expr *Bound) {
  if (!Bound)
    return false;
  const Expr *E = Bound->IgnoreParenImpCasts();
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    const Expr *ObjectExpr = MC->getImplicitObjectArgument();
    const VarDecl *Object = refersTo(ObjectExpr);
    // `h.v.size()`, `v.size()` of a member in a member function.
    std::optional<MemberPath> Member = Object ? std::nullopt : memberPathOf(ObjectExpr);
    QualType T = Object ? Object->getType() : Member ? Member->Type : QualType();
    return MD && MD->getDeclName().isIdentifier() && memberRole(MD) == MemberRole::Size &&
           !T.isNull() && containerKind(T) != ContainerKind::None && MC->getNumArgs() == 0;
  }
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (isa<EnumConstantDecl>(DRE->getDecl()))
      return true;
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    return VD && VD->hasLocalStorage() && !VD->getType()->isReferenceType();
  }
  if (isa<IntegerLiteral, CXXBoolLiteralExpr, CharacterLiteral>(E))
    return true;
  if (const auto *Cast = dyn_cast<CastExpr>(E))
    return boundReadsOnlySizes(Cast->getSubExpr());
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return UO->isArithmeticOp() && boundReadsOnlySizes(UO->getSubExpr());
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    return (BO->isAdditiveOp() || BO->isMultiplicativeOp()) && boundReadsOnlySizes(BO->getLHS()) &&
           boundReadsOnlySizes(BO->getRHS());
  return false;
}

} // namespace purecc
