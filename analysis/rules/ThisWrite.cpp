//===- ThisWrite.cpp - R1: writes to the object of a member function ------===//
#include "ThisWrite.h"

#include "clang/AST/DeclCXX.h"

using namespace clang;

namespace purecc {
namespace {

class ThisWriteRule : public Rule {
public:
  void inspectFunction(RuleContext &C) override {
    const auto *MD = dyn_cast<CXXMethodDecl>(C.function());
    if (!MD || !MD->isInstance() || MD->isConst() || isa<CXXConstructorDecl>(MD) ||
        isa<CXXDestructorDecl>(MD))
      return;
    Effect E = Effect::at(EffectKind::NonConstMember, MD->getLocation(),
                          MD->getSourceRange());
    E.InLambda = MD->getParent()->isLambda();
    C.record(std::move(E));
  }

  StmtClasses inspects() const override { return writingStatements(); }

  void inspectStmt(const Stmt *S, RuleContext &C) override {
    for (const WriteSite &W : C.locality().writes(S)) {
      if ((W.Where.K != Prov::This && W.Where.K != Prov::Enclosing) || W.Where.Cast)
        continue;
      Effect E = Effect::at(EffectKind::ThisWrite, W.Loc, W.Range);
      E.Subject = W.Field;
      E.MutableMember = W.Field && W.Field->isMutable();
      E.Enclosing = W.Where.K == Prov::Enclosing;
      // In a lambda, through a variable it captured: named as written.
      if (E.Enclosing && W.Where.Var) {
        E.Subject = W.Where.Var;
        E.MutableMember = false;
        E.CapturedPointee = W.Where.CapturedPointee;
      }
      C.record(std::move(E));
    }
  }
};

} // namespace

std::unique_ptr<Rule> makeThisWriteRule() { return std::make_unique<ThisWriteRule>(); }

} // namespace purecc
