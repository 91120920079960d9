//===- Mentions.cpp - where one body names each variable and member -------===//
#include "Mentions.h"
#include "Unevaluated.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace purecc {

Mentions::Mentions(const Stmt *Body) {
  if (!Body)
    return;
  llvm::SmallVector<const Stmt *, 64> Stack{Body};
  while (!Stack.empty()) {
    const Stmt *S = Stack.pop_back_val();
    All.push_back(S);
    // `sizeof(v.push_back(&g))` runs nothing (adv96: a false error).
    if (isUnevaluatedOperand(S))
      continue;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      Refs[DRE->getDecl()->getCanonicalDecl()].push_back(DRE);
    else if (const auto *ME = dyn_cast<MemberExpr>(S))
      Members[ME->getMemberDecl()->getCanonicalDecl()].push_back(ME);
    else if (const auto *Loop = dyn_cast<CXXForRangeStmt>(S))
      RangeFors.push_back(Loop);
    else if (const auto *LE = dyn_cast<LambdaExpr>(S))
      for (const LambdaCapture &C : LE->captures())
        if (C.capturesVariable())
          if (const auto *VD = dyn_cast<VarDecl>(C.getCapturedVar()))
            Captured.insert(VD);
    for (const Stmt *C : S->children())
      if (C) {
        Parent[C] = S;
        Stack.push_back(C);
      }
  }
}

std::pair<const Stmt *, const Stmt *> Mentions::userOf(const Stmt *S, Skip What) const {
  const Stmt *P = parentOf(S);
  while (P && (isa<ParenExpr>(P) ||
               (What == Skip::ParensAndNoOpCasts && isa<ImplicitCastExpr>(P) &&
                cast<ImplicitCastExpr>(P)->getCastKind() == CK_NoOp))) {
    S = P;
    P = parentOf(P);
  }
  return {S, P};
}

llvm::ArrayRef<const DeclRefExpr *> Mentions::of(const ValueDecl *D) const {
  auto It = Refs.find(D->getCanonicalDecl());
  return It == Refs.end() ? llvm::ArrayRef<const DeclRefExpr *>() : llvm::ArrayRef(It->second);
}

llvm::ArrayRef<const MemberExpr *> Mentions::ofMember(const ValueDecl *F) const {
  auto It = Members.find(F->getCanonicalDecl());
  return It == Members.end() ? llvm::ArrayRef<const MemberExpr *>() : llvm::ArrayRef(It->second);
}

bool Mentions::onlyRead(const VarDecl *VD, ReadShape Shape) const {
  if (captured(VD))
    return false;
  for (const DeclRefExpr *Ref : of(VD)) {
    auto [Child, User] = userOf(Ref);
    if (Shape == ReadShape::FieldChain) {
      // Up through `.field` accesses (at least one): `s.a.b` loaded reads
      // a field; `s` loaded whole is not this shape.
      bool Field = false;
      while (const auto *ME = dyn_cast_or_null<MemberExpr>(User)) {
        if (ME->isArrow() || ME->getBase()->IgnoreParens() != Child ||
            !isa<FieldDecl>(ME->getMemberDecl()))
          return false;
        Field = true;
        std::tie(Child, User) = userOf(ME);
      }
      if (!Field)
        return false;
    }
    const auto *Load = dyn_cast_or_null<ImplicitCastExpr>(User);
    if (!Load || Load->getCastKind() != CK_LValueToRValue)
      return false;
  }
  return true;
}

} // namespace purecc
