//===- SiblingCalls.cpp - which pure calls of an expression are siblings --===//
#include "SiblingCalls.h"
#include "analysis/FixedCallee.h"

#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace purecc {

namespace {

bool isChoice(const Expr *E, const PurityFacts &Facts);

/// What collectPieces takes as one piece of work: a pure call only, or also
/// a choice (a '?:' that picks one pure call to make, see isChoice).
enum class Pieces { Calls, CallsAndChoices };

/// The pieces of E that are always evaluated and not nested in another one:
/// candidates to run side by side.
void collectPieces(const Expr *E, const PurityFacts &Facts, Pieces Kind,
                   std::vector<const Expr *> &Out) {
  if (!E)
    return;
  if (isPureCall(E, Facts) || (Kind == Pieces::CallsAndChoices && isChoice(E, Facts))) {
    Out.push_back(E);
    return;
  }
  // Not evaluated, or evaluated only on some paths.
  if (isa<LambdaExpr, UnaryExprOrTypeTraitExpr, CXXTypeidExpr, CXXNoexceptExpr, StmtExpr>(E))
    return;
  if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->isLogicalOp())
    return collectPieces(BO->getLHS(), Facts, Kind, Out);
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E))
    return collectPieces(CO->getCond(), Facts, Kind, Out);
  for (const Stmt *Child : E->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      collectPieces(CE, Facts, Kind, Out);
}

bool containsPureCall(const Stmt *S, const PurityFacts &Facts) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (const auto *E = dyn_cast<Expr>(S); E && isPureCall(E, Facts))
    return true;
  return llvm::any_of(S->children(), [&](const Stmt *C) { return containsPureCall(C, Facts); });
}

/// A choice: a '?:' that picks one pure call (or a plain value) to make.
bool isChoice(const Expr *E, const PurityFacts &Facts) {
  std::vector<const CallExpr *> Calls;
  std::vector<const Expr *> Parts;
  return isa<ConditionalOperator>(E) && choiceParts(E, Facts, Calls, Parts) && !Calls.empty();
}

} // namespace

const FunctionDecl *calledFunction(const CallExpr *CE) {
  if (const FunctionDecl *FD = CE->getDirectCallee())
    return FD;
  return fixedCallee(CE).Function;
}

bool isPureCall(const Expr *E, const PurityFacts &Facts) {
  const auto *CE = dyn_cast<CallExpr>(E);
  const FunctionDecl *FD = CE ? calledFunction(CE) : nullptr;
  return FD && Facts.isPure(FD);
}

void collectFrontier(const Expr *E, const PurityFacts &Facts,
                     std::vector<const CallExpr *> &Out) {
  std::vector<const Expr *> Calls;
  collectPieces(E, Facts, Pieces::Calls, Calls);
  for (const Expr *C : Calls)
    Out.push_back(cast<CallExpr>(C));
}

std::vector<const CallExpr *> siblingCalls(const Expr *E, const PurityFacts &Facts) {
  std::vector<const CallExpr *> Frontier;
  collectFrontier(E, Facts, Frontier);
  while (Frontier.size() == 1) {
    const CallExpr *Only = Frontier.front();
    Frontier.clear();
    for (const Expr *Arg : Only->arguments())
      collectFrontier(Arg, Facts, Frontier);
  }
  return Frontier;
}

std::vector<const Expr *> siblingUnits(const Expr *E, const PurityFacts &Facts) {
  std::vector<const Expr *> Units;
  collectPieces(E, Facts, Pieces::CallsAndChoices, Units);
  while (Units.size() == 1 && isa<CallExpr>(Units.front())) {
    const auto *Only = cast<CallExpr>(Units.front());
    Units.clear();
    for (const Expr *Arg : Only->arguments())
      collectPieces(Arg, Facts, Pieces::CallsAndChoices, Units);
  }
  return Units;
}

bool choiceParts(const Expr *E, const PurityFacts &Facts, std::vector<const CallExpr *> &Calls,
                 std::vector<const Expr *> &Parts) {
  const Expr *W = E->IgnoreParenImpCasts();
  if (isPureCall(W, Facts)) {
    Calls.push_back(cast<CallExpr>(W));
    return true;
  }
  if (const auto *CO = dyn_cast<ConditionalOperator>(W)) {
    if (containsPureCall(CO->getCond(), Facts))
      return false;
    Parts.push_back(CO->getCond());
    return choiceParts(CO->getTrueExpr(), Facts, Calls, Parts) &&
           choiceParts(CO->getFalseExpr(), Facts, Calls, Parts);
  }
  if (containsPureCall(W, Facts))
    return false;
  Parts.push_back(E);
  return true;
}

void collectConditionals(const Expr *E, std::vector<const Expr *> &Out) {
  if (!E || isa<LambdaExpr, UnaryExprOrTypeTraitExpr, CXXTypeidExpr, CXXNoexceptExpr, StmtExpr>(E))
    return;
  if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->isLogicalOp()) {
    Out.push_back(BO);
    return;
  }
  if (isa<AbstractConditionalOperator>(E)) {
    Out.push_back(E);
    return;
  }
  for (const Stmt *Child : E->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      collectConditionals(CE, Out);
}

} // namespace purecc
