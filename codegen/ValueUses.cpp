//===- ValueUses.cpp - does a statement use a variable only for its value? ===//
#include "ValueUses.h"
#include "analysis/Unevaluated.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
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

/// The single parent statement of S (braces' completed form preferred, as
/// below), or null.
const Stmt *parentOf(ASTContext &Ctx, const Stmt *S) {
  DynTypedNodeList Parents = Ctx.getParents(*S);
  return Parents.size() == 1 ? Parents[0].get<Stmt>() : nullptr;
}

/// Whether C is a constructor of a standard container from an iterator
/// range (`std::vector<int>(first, last)`), which only reads through them;
/// not a copy or a move.
bool readsRange(const CXXConstructExpr *C) {
  const CXXConstructorDecl *Ctor = C->getConstructor();
  const CXXRecordDecl *RD = Ctor->getParent();
  if (Ctor->isCopyOrMoveConstructor() || !RD->isInStdNamespace() || !RD->getIdentifier())
    return false;
  llvm::StringRef N = RD->getName();
  return N == "vector" || N == "deque" || N == "list" || N == "basic_string" || N == "set" ||
         N == "multiset" || N == "unordered_set" || N == "unordered_multiset";
}

/// Whether Call, `v.begin()` (or end, cbegin, rbegin ...) of a standard
/// container, makes an iterator that reaches only a range constructor of a
/// standard container, directly or through `it + n`, `it - n` (user49 f14:
/// `std::vector<int>(a.begin(), a.begin() + mid)` reads 'a'). A move
/// iterator, an algorithm or anything else may write through it.
bool iteratorOnlyRead(ASTContext &Ctx, const CXXMemberCallExpr *Call) {
  const CXXMethodDecl *MD = Call->getMethodDecl();
  const CXXRecordDecl *RD = MD ? MD->getParent() : nullptr;
  if (!MD || !RD || !RD->isInStdNamespace() || !MD->getIdentifier() ||
      Call->getCallReturnType(Ctx)->isReferenceType())
    return false;
  llvm::StringRef N = MD->getName();
  if (N != "begin" && N != "end" && N != "cbegin" && N != "cend" && N != "rbegin" &&
      N != "rend")
    return false;
  const Stmt *Use = Call;
  for (unsigned Depth = 0; Depth < 8; ++Depth) {
    const Stmt *Up = parentOf(Ctx, Use);
    if (!Up)
      return false;
    if (isa<MaterializeTemporaryExpr, CXXBindTemporaryExpr, ParenExpr, ExprWithCleanups>(Up)) {
      Use = Up;
      continue;
    }
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(Up);
        Cast && (Cast->getCastKind() == CK_NoOp || Cast->getCastKind() == CK_LValueToRValue ||
                 Cast->getCastKind() == CK_ConstructorConversion)) {
      Use = Up;
      continue;
    }
    // `it + n`, `it - n` (an iterator's operator or a pointer's).
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Up);
        Op && (Op->getOperator() == OO_Plus || Op->getOperator() == OO_Minus) &&
        Op->getNumArgs() == 2 && Op->getArg(0)->IgnoreImplicit() == cast<Expr>(Use)->IgnoreImplicit() &&
        !Op->getCallReturnType(Ctx)->isReferenceType()) {
      Use = Up;
      continue;
    }
    if (const auto *Bin = dyn_cast<BinaryOperator>(Up);
        Bin && (Bin->getOpcode() == BO_Add || Bin->getOpcode() == BO_Sub) &&
        Bin->getType()->isPointerType()) {
      Use = Up;
      continue;
    }
    if (const auto *C = dyn_cast<CXXConstructExpr>(Up)) {
      if (readsRange(C))
        return true;
      // The iterator's own copy, on the way to the range constructor.
      if (C->getConstructor()->isCopyOrMoveConstructor()) {
        Use = Up;
        continue;
      }
    }
    return false;
  }
  return false;
}

/// Whether C makes a view of its argument that cannot write it: a
/// `std::span` of const elements, a `std::basic_string_view` (user49 f14:
/// a `std::vector<long>` given for a `std::span<const long>` parameter).
bool constView(const CXXConstructExpr *C) {
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(C->getConstructor()->getParent());
  if (!Spec || !Spec->isInStdNamespace() || !Spec->getIdentifier() ||
      Spec->getTemplateArgs().size() == 0 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return false;
  if (Spec->getName() == "basic_string_view")
    return true;
  return Spec->getName() == "span" && Spec->getTemplateArgs()[0].getAsType().isConstQualified();
}

/// Whether the use DRE makes of its variable may be other than of its
/// value (the climb through the expressions around it, ValueUses.h).
bool usedOtherThanByValue(ASTContext &Ctx, const DeclRefExpr *DRE) {
  const Stmt *Use = DRE;
  // Use is a pointer to the variable or a part of it (`a` decayed, `&x`,
  // `&y[0]`), not the variable itself.
  bool AsPointer = false;
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
    if (isa<ParenExpr>(Up) ||
        (!AsPointer && isa<MemberExpr>(Up) && !cast<MemberExpr>(Up)->isArrow() &&
         isa<FieldDecl>(cast<MemberExpr>(Up)->getMemberDecl()))) {
      Use = Up;
      continue;
    }
    // `&x`, `&y[0]`: a pointer, which only a parameter of pointer to
    // 'const' type may take as a use by value (below).
    if (const auto *Addr = dyn_cast<UnaryOperator>(Up);
        Addr && Addr->getOpcode() == UO_AddrOf && !AsPointer) {
      Use = Up;
      AsPointer = true;
      continue;
    }
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(Up)) {
      switch (Cast->getCastKind()) {
      case CK_LValueToRValue:
        return AsPointer;
      case CK_NoOp:
      case CK_DerivedToBase:
      case CK_UncheckedDerivedToBase:
        Use = Up;
        continue;
      case CK_BitCast: // `const void *`
        if (!AsPointer)
          return true;
        Use = Up;
        continue;
      case CK_ArrayToPointerDecay: {
        if (AsPointer)
          return true;
        // `a[1]`: an element of the array, as a field is part of a struct.
        DynTypedNodeList Above = Ctx.getParents(*Up);
        const auto *Sub = Above.empty() ? nullptr : Above[0].get<ArraySubscriptExpr>();
        if (Sub && Sub->getBase() == Up) {
          Use = Sub;
          continue;
        }
        // `mean(a, n)`: the array as a pointer to its first element.
        Use = Up;
        AsPointer = true;
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
        TakenAsConst = !AsPointer && Method->isConst();
      } else {
        unsigned Shift = isa<CXXOperatorCallExpr>(AnyCall) && Method &&
                         !Method->isExplicitObjectMemberFunction();
        for (unsigned I = 0; I < AnyCall->getNumArgs(); ++I)
          if (AnyCall->getArg(I) == Use) {
            if (I < Shift || I - Shift >= Callee->getNumParams())
              return true;
            // A pointer to 'const' (adv121 F1: `mean(a, n)` beside
            // `peak(a, n)` was "used other than by its value").
            QualType P = Callee->getParamDecl(I - Shift)->getType();
            TakenAsConst = AsPointer ? P->isPointerType() && P->getPointeeType().isConstQualified()
                                     : P->isLValueReferenceType() &&
                                           P->getPointeeType().isConstQualified();
          }
      }
    }
    if (Call) {
      if (Call->getCallReturnType(Ctx)->isReferenceType()) {
        Use = Call;
        continue;
      }
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call); MC && iteratorOnlyRead(Ctx, MC))
        return false;
      return !TakenAsConst;
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Up))
      return AsPointer || (!Construct->getConstructor()->isCopyConstructor() && !constView(Construct));
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
