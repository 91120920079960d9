//===- FixedCallee.cpp - the one function a call through a pointer reaches ===//
#include "FixedCallee.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace purecc {
namespace {

/// The pointer or reference variable a callee expression names: `fp`,
/// `(*fp)`, `fr`, `std::forward<F>(f)` (a function passed by name to an
/// `F &&` parameter, as tl::expected's `and_then` takes it: adv123 F2),
/// `std::move(f)`, under parentheses and implicit casts.
const VarDecl *calledVariable(const Expr *Callee) {
  const Expr *E = forwardedOperand(Callee);
  for (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_Deref;
       UO = dyn_cast<UnaryOperator>(E))
    E = UO->getSubExpr()->IgnoreParenImpCasts();
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!V)
    return nullptr;
  QualType T = V->getType().getNonReferenceType();
  if (const auto *PT = T->getAs<PointerType>())
    T = PT->getPointeeType();
  return T->isFunctionType() ? V : nullptr;
}

/// The first use of V in Body that is not a read of its value: every read
/// is an lvalue-to-rvalue conversion of a reference to V, met (the
/// traversal is pre-order) before the reference itself.
class OtherUse : public RecursiveASTVisitor<OtherUse> {
  using Base = RecursiveASTVisitor<OtherUse>;

public:
  explicit OtherUse(const VarDecl *V) : V(V) {}
  const Expr *Found = nullptr;

  bool VisitImplicitCastExpr(ImplicitCastExpr *ICE) {
    if (ICE->getCastKind() == CK_LValueToRValue)
      if (const auto *DRE = dyn_cast<DeclRefExpr>(ICE->getSubExpr()->IgnoreParens());
          DRE && DRE->getDecl() == V)
        Reads.insert(DRE);
    return true;
  }
  // `fp = light`, `&fp`: the whole expression, as a remark shows it.
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp() && names(BO->getLHS()))
      return stop(BO);
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->getOpcode() == UO_AddrOf && names(UO->getSubExpr()))
      return stop(UO);
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (DRE->getDecl() != V || Reads.contains(DRE))
      return true;
    return stop(DRE);
  }
  // A capture by reference changes nothing by itself; the body's uses are
  // visited as the lambda's body.
  bool TraverseLambdaCapture(LambdaExpr *LE, const LambdaCapture *C, Expr *Init) {
    if (C->capturesVariable() && C->getCaptureKind() == LCK_ByRef && !LE->isInitCapture(C))
      return true;
    return Base::TraverseLambdaCapture(LE, C, Init);
  }

private:
  bool names(const Expr *E) const {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParens());
    return DRE && DRE->getDecl() == V;
  }
  bool stop(const Expr *Use) {
    Found = Use;
    return false;
  }

  const VarDecl *V;
  llvm::SmallPtrSet<const DeclRefExpr *, 8> Reads;
};

} // namespace

const FunctionDecl *namedFunction(const Expr *Init) {
  if (!Init)
    return nullptr;
  const Expr *E = Init->IgnoreParenCasts();
  if (const auto *IL = dyn_cast<InitListExpr>(E); IL && IL->getNumInits() == 1)
    E = IL->getInit(0)->IgnoreParenCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && (UO->getOpcode() == UO_AddrOf || UO->getOpcode() == UO_Plus))
    E = UO->getSubExpr()->IgnoreParenCasts();
  // A captureless lambda converted to a pointer: the pointer calls a static
  // function that runs the call operator's body, which is what it means.
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    if (const auto *Conv = dyn_cast_or_null<CXXConversionDecl>(MC->getMethodDecl());
        Conv && Conv->getParent()->isLambda() && !Conv->getParent()->isGenericLambda() &&
        Conv->getConversionType()->isFunctionPointerType())
      return Conv->getParent()->getLambdaCallOperator();
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  return DRE ? dyn_cast<FunctionDecl>(DRE->getDecl()) : nullptr;
}

bool namedFunctions(const Expr *Init, llvm::SmallVectorImpl<const FunctionDecl *> &Out) {
  if (!Init)
    return false;
  if (const auto *CO = dyn_cast<ConditionalOperator>(Init->IgnoreParenCasts())) {
    llvm::SmallVector<const FunctionDecl *, 2> Both;
    if (!namedFunctions(CO->getTrueExpr(), Both) || !namedFunctions(CO->getFalseExpr(), Both))
      return false;
    for (const FunctionDecl *FD : Both)
      if (!llvm::is_contained(Out, FD))
        Out.push_back(FD);
    return true;
  }
  const FunctionDecl *FD = namedFunction(Init);
  if (!FD)
    return false;
  if (!llvm::is_contained(Out, FD))
    Out.push_back(FD);
  return true;
}

FixedCallee fixedCallee(const CallExpr *CE) {
  FixedCallee Out;
  if (CE->getDirectCallee())
    return Out;
  const VarDecl *V = calledVariable(CE->getCallee());
  if (!V && (CE->isTypeDependent() || CE->getCallee()->isTypeDependent())) {
    Out.Why = Unfixed::Dependent;
    return Out;
  }
  if (!V) {
    // `(o.*pm)(i)` is a member call whose callee is the '.*' expression.
    const Expr *Callee = isa<CXXMemberCallExpr>(CE) ? CE->getCallee()->IgnoreParens()
                                                    : CE->getCallee()->IgnoreParenImpCasts();
    QualType T = CE->getCallee()->getType();
    const auto *BO = dyn_cast<BinaryOperator>(Callee);
    if ((BO && BO->isPtrMemOp()) || T->isFunctionPointerType() || T->isFunctionReferenceType() ||
        T->isFunctionType() || T->isMemberFunctionPointerType()) {
      Out.Why = Unfixed::NotAVariable;
      Out.Where = Callee;
    }
    return Out;
  }
  Out.Through = V;
  bool Reference = V->getType()->isReferenceType();
  bool Const = V->getType().isConstQualified();
  if (isa<ParmVarDecl>(V)) {
    Out.Why = Unfixed::Parameter;
    return Out;
  }
  if (!V->isLocalVarDecl() && !Reference && !Const) {
    Out.Why = Unfixed::Global;
    return Out;
  }
  const Expr *Init = V->getAnyInitializer();
  llvm::SmallVector<const FunctionDecl *, 2> Targets;
  if (!namedFunctions(Init, Targets)) {
    Out.Why = Unfixed::NotOneFunction;
    Out.Where = Init;
    return Out;
  }
  if (!Reference && !Const) {
    // A local: its function is the only code that can name it.
    const auto *Owner = dyn_cast_or_null<FunctionDecl>(V->getParentFunctionOrMethod());
    if (!Owner || !Owner->getBody()) {
      Out.Why = Unfixed::Changed;
      return Out;
    }
    if (const Expr *Change = firstChange(V, Owner->getBody())) {
      Out.Why = Unfixed::Changed;
      Out.Where = Change;
      return Out;
    }
  }
  Out.Candidates = Targets;
  if (Targets.size() > 1) {
    Out.Why = Unfixed::Several;
    Out.Where = Init;
    return Out;
  }
  Out.Function = Targets.front();
  Out.Why = Unfixed::None;
  return Out;
}

const Expr *forwardedOperand(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Cast = dyn_cast<CallExpr>(E); Cast && Cast->getNumArgs() == 1)
    if (const FunctionDecl *FD = Cast->getDirectCallee();
        FD && FD->isInStdNamespace() && FD->getIdentifier() &&
        (FD->getName() == "forward" || FD->getName() == "move"))
      return Cast->getArg(0)->IgnoreParenImpCasts();
  return E;
}

bool isFunctionPointerOrReference(QualType T) {
  return T->isFunctionPointerType() || T->isFunctionReferenceType();
}

bool isFixedParameter(const VarDecl *V, const FunctionDecl *Owner) {
  const auto *P = dyn_cast_or_null<ParmVarDecl>(V);
  if (!P || !Owner || P->getDeclContext() != Owner || !Owner->getBody() ||
      !isFunctionPointerOrReference(P->getType()))
    return false;
  return P->getType()->isReferenceType() || !firstChange(P, Owner->getBody());
}

const Expr *firstChange(const VarDecl *V, const Stmt *Body) {
  OtherUse Uses(V);
  Uses.TraverseStmt(const_cast<Stmt *>(Body));
  return Uses.Found;
}

llvm::SmallVector<const FunctionDecl *, 2> reachedFunctions(const CallExpr *CE) {
  if (const FunctionDecl *FD = CE->getDirectCallee())
    return {FD};
  return fixedCallee(CE).Candidates;
}

} // namespace purecc
