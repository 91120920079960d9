//===- GlobalRead.cpp - R2: reads of mutable globals ----------------------===//
#include "GlobalRead.h"

#include "clang/AST/Expr.h"

using namespace clang;

namespace purecc {

bool isMutableGlobal(const VarDecl *VD, const ASTContext &Ctx) {
  if (!VD->hasGlobalStorage() || VD->isConstexpr())
    return false;
  QualType T = VD->getType();
  if (T->isReferenceType())
    return !T.getNonReferenceType().isConstant(Ctx);
  return !T.isConstant(Ctx) && !T.isConstQualified();
}

namespace {

class GlobalReadRule : public Rule {
public:
  void inspectStmt(const Stmt *S, RuleContext &C) override {
    const ValueDecl *D = nullptr;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      D = DRE->getDecl();
    else if (const auto *ME = dyn_cast<MemberExpr>(S))
      D = ME->getMemberDecl();
    const auto *VD = dyn_cast_or_null<VarDecl>(D);
    if (!VD || !isMutableGlobal(VD, C.ast()))
      return;
    Effect E = Effect::at(EffectKind::GlobalRead, cast<Expr>(S));
    E.Subject = VD;
    C.record(std::move(E));
  }
};

} // namespace

std::unique_ptr<Rule> makeGlobalReadRule() { return std::make_unique<GlobalReadRule>(); }

} // namespace purecc
