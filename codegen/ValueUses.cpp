//===- ValueUses.cpp - does a statement use a variable only for its value? ===//
#include "ValueUses.h"
#include "analysis/Unevaluated.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"

using namespace clang;

namespace purecc {

namespace {

/// The variable DRE names: a variable, or the one a structured binding is
/// part of.
const VarDecl *namedVariable(const DeclRefExpr *DRE) {
  if (const auto *Binding = dyn_cast<BindingDecl>(DRE->getDecl()))
    return dyn_cast_or_null<VarDecl>(Binding->getDecomposedDecl());
  return dyn_cast<VarDecl>(DRE->getDecl());
}

/// Whether the use DRE makes of its variable may be other than of its
/// value (the climb through the expressions around it, ValueUses.h).
bool usedOtherThanByValue(ASTContext &Ctx, const DeclRefExpr *DRE) {
  const Stmt *Use = DRE;
  for (;;) {
    DynTypedNodeList Parents = Ctx.getParents(*Use);
    // An element of braces has two parents: the braces themselves (as
    // written) and, in the form the compiler completed, the conversion
    // applied to it (`Bx{n}` reads 'n'; adv31 K1). The conversion says how
    // it is used.
    const Stmt *Up = nullptr;
    for (const DynTypedNode &P : Parents)
      if (const auto *S = P.get<Stmt>()) {
        if (isa<InitListExpr>(S) && Parents.size() > 1)
          continue;
        Up = S;
        break;
      }
    if (!Up)
      return true;
    // `c ? x : y` as an lvalue: the branch is used as the whole is.
    if (const auto *Cond = dyn_cast<ConditionalOperator>(Up); Cond && Cond->getCond() != Use) {
      Use = Up;
      continue;
    }
    // `return ... ? x : y;` by reference: the caller may write it, but only
    // once the function has returned, after everything in its expression.
    // Not from a lambda (`[&]() -> long & { return v; }() = 4`).
    if (isa<ReturnStmt>(Up))
      return DRE->refersToEnclosingVariableOrCapture();
    if (isa<ParenExpr>(Up) || (isa<MemberExpr>(Up) && !cast<MemberExpr>(Up)->isArrow() &&
                               isa<FieldDecl>(cast<MemberExpr>(Up)->getMemberDecl()))) {
      Use = Up;
      continue;
    }
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(Up)) {
      switch (Cast->getCastKind()) {
      case CK_LValueToRValue:
        return false;
      case CK_NoOp:
      case CK_DerivedToBase:
      case CK_UncheckedDerivedToBase:
        Use = Up;
        continue;
      case CK_ArrayToPointerDecay: {
        // `a[1]`: an element of the array, as a field is part of a struct.
        DynTypedNodeList Above = Ctx.getParents(*Up);
        const auto *Sub = Above.empty() ? nullptr : Above[0].get<ArraySubscriptExpr>();
        if (!Sub || Sub->getBase() != Up)
          return true;
        Use = Sub;
        continue;
      }
      default:
        return true;
      }
    }
    // `v.size()`, `v[0]`, `std::get<0>(pr)`, `std::move(v)`: the object
    // or an argument of a call. A reference the call returns designates a
    // part of VD, followed further as VD itself ('v[0]' read is a read,
    // 'std::get<0>(pr) = 4' a write). A value it returns cannot lead back
    // into VD when VD was taken as 'const' (a 'const' member function, a
    // 'const' reference parameter).
    const CallExpr *Call = nullptr;
    bool TakenAsConst = false;
    if (const auto *Member = dyn_cast<MemberExpr>(Up); Member && !Member->isArrow()) {
      const auto *Method = dyn_cast<CXXMethodDecl>(Member->getMemberDecl());
      DynTypedNodeList Above = Ctx.getParents(*Up);
      Call = Above.empty() ? nullptr : Above[0].get<CXXMemberCallExpr>();
      if (!Method || !Call || Call->getCallee()->IgnoreParens() != Up)
        return true;
      TakenAsConst = Method->isConst();
    } else if (const auto *AnyCall = dyn_cast<CallExpr>(Up)) {
      const FunctionDecl *Callee = AnyCall->getDirectCallee();
      if (!Callee)
        return true;
      Call = AnyCall;
      const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
      bool AsObject = isa<CXXOperatorCallExpr>(AnyCall) && Method && !Method->isStatic() &&
                      AnyCall->getNumArgs() > 0 && AnyCall->getArg(0) == Use;
      if (AsObject) {
        TakenAsConst = Method->isConst();
      } else {
        unsigned Shift = isa<CXXOperatorCallExpr>(AnyCall) && Method && !Method->isStatic();
        for (unsigned I = 0; I < AnyCall->getNumArgs(); ++I)
          if (AnyCall->getArg(I) == Use) {
            if (I < Shift || I - Shift >= Callee->getNumParams())
              return true;
            QualType P = Callee->getParamDecl(I - Shift)->getType();
            TakenAsConst = P->isLValueReferenceType() && P->getPointeeType().isConstQualified();
          }
      }
    }
    if (Call) {
      if (Call->getCallReturnType(Ctx)->isReferenceType()) {
        Use = Call;
        continue;
      }
      return !TakenAsConst;
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Up))
      return !Construct->getConstructor()->isCopyConstructor();
    if (isUnevaluatedOperand(Up))
      return false;
    return true;
  }
}

/// Calls Found(DRE) for each name in S of a variable, outside Skip, until it
/// returns true.
template <class Fn>
const DeclRefExpr *eachName(const Stmt *S, const llvm::SmallPtrSetImpl<const Expr *> *Skip,
                            Fn &&Found) {
  if (!S || (Skip && isa<Expr>(S) && Skip->contains(cast<Expr>(S))))
    return nullptr;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    return Found(DRE) ? DRE : nullptr;
  for (const Stmt *Child : S->children())
    if (const DeclRefExpr *Hit = eachName(Child, Skip, Found))
      return Hit;
  return nullptr;
}

} // namespace

const DeclRefExpr *namedOtherThanByValue(ASTContext &Ctx, const Stmt *S, const VarDecl *VD,
                                         const llvm::SmallPtrSetImpl<const Expr *> *Skip) {
  return eachName(S, Skip, [&](const DeclRefExpr *DRE) {
    return namedVariable(DRE) == VD && usedOtherThanByValue(Ctx, DRE);
  });
}

void addNamedOtherThanByValue(ASTContext &Ctx, const Stmt *S,
                              llvm::SmallPtrSetImpl<const VarDecl *> &Out) {
  eachName(S, nullptr, [&](const DeclRefExpr *DRE) {
    if (const VarDecl *VD = namedVariable(DRE); VD && !Out.contains(VD) &&
                                                usedOtherThanByValue(Ctx, DRE))
      Out.insert(VD);
    return false; // every name
  });
}

} // namespace purecc
