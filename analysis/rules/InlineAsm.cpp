//===- InlineAsm.cpp - R4: inline assembly --------------------------------===//
#include "InlineAsm.h"

#include "clang/AST/Stmt.h"

using namespace clang;

namespace purecc {
namespace {

class InlineAsmRule : public Rule {
public:
  StmtClasses inspects() const override { return StmtClasses::of<AsmStmt>(); }

  void inspectStmt(const Stmt *S, RuleContext &C) override {
    const auto *A = dyn_cast<AsmStmt>(S);
    if (!A)
      return;
    C.record(Effect::at(EffectKind::InlineAsm, A->getAsmLoc(), A->getSourceRange()));
  }
};

} // namespace

std::unique_ptr<Rule> makeInlineAsmRule() { return std::make_unique<InlineAsmRule>(); }

} // namespace purecc
