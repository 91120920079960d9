//===- VolatileAccess.cpp - R2: volatile reads and writes -----------------===//
#include "VolatileAccess.h"

#include "clang/AST/Expr.h"

using namespace clang;

namespace purecc {
namespace {

const VarDecl *namedVariable(const Expr *E) {
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
    return dyn_cast<VarDecl>(DRE->getDecl());
  return nullptr;
}

class VolatileAccessRule : public Rule {
public:
  StmtClasses inspects() const override {
    return StmtClasses::of<ImplicitCastExpr, BinaryOperator, UnaryOperator, CXXConstructExpr,
                           CXXOperatorCallExpr>();
  }

  void inspectStmt(const Stmt *S, RuleContext &C) override {
    // A copy or move of an object with a volatile member reads or writes
    // that member, with no member named (adv87 F15: `Reg c = r;`,
    // `auto [s, w] = r;`). The implicit ones are trivial: no call to judge.
    const CXXMethodDecl *Copy = nullptr;
    if (const auto *CE = dyn_cast<CXXConstructExpr>(S))
      Copy = CE->getConstructor();
    else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S))
      Copy = dyn_cast_or_null<CXXMethodDecl>(OC->getDirectCallee());
    if (Copy) {
      bool CopiesOrMoves = isa<CXXConstructorDecl>(Copy)
                               ? cast<CXXConstructorDecl>(Copy)->isCopyOrMoveConstructor()
                               : Copy->isCopyAssignmentOperator() || Copy->isMoveAssignmentOperator();
      if (CopiesOrMoves && Copy->isTrivial() && Copy->getParent()->hasVolatileMember())
        C.record(Effect::at(EffectKind::Volatile, cast<Expr>(S)));
      return;
    }
    const Expr *Accessed = nullptr;
    const Expr *Site = nullptr;
    if (const auto *IC = dyn_cast<ImplicitCastExpr>(S)) {
      if (IC->getCastKind() == CK_LValueToRValue)
        Accessed = IC->getSubExpr(), Site = IC;
    } else if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
      // Assignments (compound ones too) access their target without an
      // LValueToRValue conversion.
      if (BO->isAssignmentOp())
        Accessed = BO->getLHS(), Site = BO;
    } else if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
      if (UO->isIncrementDecrementOp())
        Accessed = UO->getSubExpr(), Site = UO;
    }
    if (!Accessed || !Accessed->getType().isVolatileQualified())
      return;
    Effect E = Effect::at(EffectKind::Volatile, Site);
    E.Subject = namedVariable(Accessed);
    C.record(std::move(E));
  }
};

} // namespace

std::unique_ptr<Rule> makeVolatileAccessRule() {
  return std::make_unique<VolatileAccessRule>();
}

} // namespace purecc
