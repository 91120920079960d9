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

/// `g_table.hits` where g_table is a const global and hits is `mutable`: the
/// member can change between calls although the object is const.
const VarDecl *constGlobalWithMutable(const MemberExpr *ME, const ASTContext &Ctx) {
  bool Mutable = false;
  const Expr *E = ME;
  while (const auto *M = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts())) {
    if (M->isArrow())
      return nullptr;
    if (const auto *F = dyn_cast<FieldDecl>(M->getMemberDecl()))
      Mutable |= F->isMutable();
    E = M->getBase();
  }
  if (!Mutable)
    return nullptr;
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || !VD->hasGlobalStorage() || isMutableGlobal(VD, Ctx))
    return nullptr; // a mutable global is reported where it is named
  return VD;
}

class GlobalReadRule : public Rule {
public:
  void inspectStmt(const Stmt *S, RuleContext &C) override {
    const ValueDecl *D = nullptr;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      D = DRE->getDecl();
    else if (const auto *ME = dyn_cast<MemberExpr>(S))
      D = ME->getMemberDecl();
    if (const auto *ME = dyn_cast<MemberExpr>(S))
      if (const VarDecl *Owner = constGlobalWithMutable(ME, C.ast())) {
        Effect E = Effect::at(EffectKind::GlobalRead, ME);
        E.Subject = Owner;
        C.record(std::move(E));
        return;
      }
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
