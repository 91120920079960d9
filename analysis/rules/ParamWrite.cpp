//===- ParamWrite.cpp - R1: writes through parameters ---------------------===//
#include "ParamWrite.h"

using namespace clang;

namespace purecc {
namespace {

class ParamWriteRule : public Rule {
public:
  StmtClasses inspects() const override { return writingStatements(); }

  void inspectStmt(const Stmt *S, RuleContext &C) override {
    for (const WriteSite &W : C.locality().writes(S)) {
      if (W.Where.K != Prov::Param || W.Where.Cast)
        continue;
      const auto *PVD = dyn_cast_or_null<ParmVarDecl>(W.Where.Var);
      if (PVD && PVD->getType()->isRValueReferenceType())
        continue;
      Effect E = Effect::at(EffectKind::ParamWrite, W.Loc, W.Range);
      E.Index = W.Where.Index;
      E.Shallow = W.Where.Shallow;
      E.Subject = PVD;
      C.record(std::move(E));
    }
  }
};

} // namespace

std::unique_ptr<Rule> makeParamWriteRule() { return std::make_unique<ParamWriteRule>(); }

} // namespace purecc
