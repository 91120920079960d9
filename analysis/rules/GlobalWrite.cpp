//===- GlobalWrite.cpp - R1: writes to globals and unowned memory ---------===//
#include "GlobalWrite.h"
#include "analysis/Stdlib.h"

using namespace clang;

namespace purecc {
namespace {

class GlobalWriteRule : public Rule {
public:
  StmtClasses inspects() const override { return writingStatements(); }

  void inspectStmt(const Stmt *S, RuleContext &C) override {
    for (const WriteSite &W : C.locality().writes(S)) {
      const Prov &P = W.Where;
      if (P.isLocal())
        continue;
      // A cast that strips protection is named even for relative targets:
      // it is how the function got around its own interface.
      if (P.Cast) {
        Effect E = Effect::at(EffectKind::CastWrite, W.Loc, W.Range);
        E.Detail = P.Cast;
        C.record(std::move(E));
        continue;
      }
      if (P.K == Prov::Global) {
        bool Stream = isStreamType(P.Var->getType());
        Effect E = Effect::at(Stream ? EffectKind::Io : EffectKind::GlobalWrite,
                              W.Loc, W.Range);
        E.Subject = P.shown();
        E.Through = P.Through;
        E.ThroughLoc = P.ThroughLoc;
        C.record(std::move(E));
      } else if (P.K == Prov::Unknown) {
        Effect E = Effect::at(EffectKind::NonLocalWrite, W.Loc, W.Range);
        E.Subject = P.Via;
        C.record(std::move(E));
      }
    }
  }
};

} // namespace

std::unique_ptr<Rule> makeGlobalWriteRule() { return std::make_unique<GlobalWriteRule>(); }

} // namespace purecc
