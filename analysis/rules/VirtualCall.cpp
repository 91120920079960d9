//===- VirtualCall.cpp - R5: virtual dispatch -----------------------------===//
#include "VirtualCall.h"
#include "analysis/Attributes.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace purecc {

const CXXMethodDecl *virtualTarget(const Expr *Call) {
  CallParts Parts = callParts(Call);
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Parts.Callee);
  // `p->~Base()` with a virtual destructor dispatches like any other.
  if (!MD || !MD->isVirtual() || !Parts.Object)
    return nullptr;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
    if (const auto *ME = dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParens()))
      if (ME->hasQualifier())
        return nullptr;
  if (MD->getDevirtualizedMethod(Parts.Object, /*IsAppleKext=*/false))
    return nullptr;
  return MD;
}

const CXXDestructorDecl *virtualDestructor(const CXXDeleteExpr *DE) {
  // `delete[]` of a derived object through a base pointer is undefined, and
  // Clang calls the static type's destructor.
  if (DE->isArrayForm() || DE->getDestroyedType().isNull())
    return nullptr;
  const CXXRecordDecl *RD = DE->getDestroyedType()->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return nullptr;
  const CXXDestructorDecl *D = RD->getDestructor();
  if (!D || !D->isVirtual() ||
      D->getDevirtualizedMethod(DE->getArgument(), /*IsAppleKext=*/false))
    return nullptr;
  return D;
}

namespace {

class VirtualCallRule : public Rule {
public:
  StmtClasses inspects() const override {
    return StmtClasses::of<CallExpr, CXXDeleteExpr>();
  }

  void inspectStmt(const Stmt *S, RuleContext &C) override {
    const auto *E = dyn_cast<Expr>(S);
    const CXXMethodDecl *MD = nullptr;
    if (const auto *DE = dyn_cast<CXXDeleteExpr>(S))
      MD = virtualDestructor(DE); // `delete base` runs the derived destructor
    else if (const auto *CE = dyn_cast<CallExpr>(S))
      MD = virtualTarget(CE);
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
