//===- VirtualCall.cpp - R5: virtual dispatch -----------------------------===//
#include "VirtualCall.h"
#include "analysis/Attributes.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace purecc {

const CXXMethodDecl *virtualTarget(const Expr *Call) {
  CallParts Parts = callParts(Call);
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Parts.Callee);
  if (!MD || !MD->isVirtual() || !Parts.Object || isa<CXXDestructorDecl>(MD))
    return nullptr;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
    if (const auto *ME = dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParens()))
      if (ME->hasQualifier())
        return nullptr;
  if (MD->getDevirtualizedMethod(Parts.Object, /*IsAppleKext=*/false))
    return nullptr;
  return MD;
}

namespace {

class VirtualCallRule : public Rule {
public:
  StmtClasses inspects() const override { return StmtClasses::of<CallExpr>(); }

  void inspectStmt(const Stmt *S, RuleContext &C) override {
    const auto *E = dyn_cast<CallExpr>(S);
    if (!E)
      return;
    const CXXMethodDecl *MD = virtualTarget(E);
    if (!MD || isDeclaredPure(MD) || isAssumedPure(MD))
      return;
    Effect Eff = Effect::at(EffectKind::VirtualCall, E);
    Eff.Callee = MD;
    C.record(std::move(Eff));
  }
};

} // namespace

std::unique_ptr<Rule> makeVirtualCallRule() { return std::make_unique<VirtualCallRule>(); }

} // namespace purecc
