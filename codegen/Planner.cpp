//===- Planner.cpp - the plan step ----------------------------------------===//
#include "Plan.h"

#include "analysis/Attributes.h"

#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace purecc {
namespace {

/// Collects the purecc attributes written in the main file.
class AttributeCollector : public RecursiveASTVisitor<AttributeCollector> {
public:
  AttributeCollector(const SourceManager &SM, Plan &P) : SM(SM), P(P) {}
  bool shouldVisitLambdaBody() const { return true; }

  bool VisitLambdaExpr(LambdaExpr *LE) {
    if (FunctionTemplateDecl *FT = LE->getDependentCallOperator())
      return VisitFunctionDecl(FT->getTemplatedDecl());
    return VisitFunctionDecl(LE->getCallOperator());
  }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    for (const auto *A : FD->specific_attrs<AnnotateAttr>()) {
      if (!A->getAnnotation().starts_with("purecc::"))
        continue;
      SourceLocation Loc = SM.getExpansionLoc(A->getLocation());
      if (!SM.isWrittenInMainFile(Loc) || !Seen.insert(Loc).second)
        continue;
      P.Attributes.push_back({SourceRange(Loc, SM.getExpansionLoc(A->getRange().getEnd()))});
    }
    return true;
  }

private:
  const SourceManager &SM;
  Plan &P;
  llvm::DenseSet<SourceLocation> Seen;
};

} // namespace

Plan planRewrites(ASTContext &Ctx, const PurityFacts &Facts, Reporter &R,
                  const PlanConfig &Config) {
  (void)Facts;
  (void)R;
  (void)Config;
  Plan P;
  AttributeCollector(Ctx.getSourceManager(), P).TraverseDecl(Ctx.getTranslationUnitDecl());
  return P;
}

void dumpPlan(const Plan &P, const ASTContext &Ctx, raw_ostream &OS) {
  const SourceManager &SM = Ctx.getSourceManager();
  for (const AttributeToHide &A : P.Attributes) {
    PresumedLoc L = SM.getPresumedLoc(A.Range.getBegin());
    OS << "hide-attribute " << L.getLine() << ":" << L.getColumn() << "\n";
  }
}

} // namespace purecc
