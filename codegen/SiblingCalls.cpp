//===- SiblingCalls.cpp - which pure calls of an expression are siblings --===//
#include "SiblingCalls.h"
#include "analysis/FixedCallee.h"
#include "analysis/Unevaluated.h"

#include "clang/AST/ASTLambda.h"

#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace purecc {

namespace {

bool isChoice(const Expr *E, const PlanContext &PC);

/// What collectPieces takes as one piece of work: a pure call only, or also
/// a choice (a '?:' that picks one pure call to make, see isChoice).
/// CallsAndExplained: also a call that reaches a pure function but is no
/// pure call (whyNotPureCall), for the remark that says why.
enum class Pieces { Calls, CallsAndChoices, CallsAndExplained };

/// The pieces of E that are always evaluated and not nested in another one:
/// candidates to run side by side.
void collectPieces(const Expr *E, const PlanContext &PC, Pieces Kind,
                   std::vector<const Expr *> &Out) {
  if (!E)
    return;
  if (isPureCall(E, PC) || (Kind == Pieces::CallsAndChoices && isChoice(E, PC)) ||
      (Kind == Pieces::CallsAndExplained && isa<CallExpr>(E) &&
       !whyNotPureCall(cast<CallExpr>(E), PC).empty())) {
    Out.push_back(E);
    return;
  }
  // Not evaluated, or evaluated only on some paths.
  if (isa<LambdaExpr, StmtExpr>(E) || isUnevaluatedOperand(E))
    return;
  if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->isLogicalOp())
    return collectPieces(BO->getLHS(), PC, Kind, Out);
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E))
    return collectPieces(CO->getCond(), PC, Kind, Out);
  for (const Stmt *Child : E->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      collectPieces(CE, PC, Kind, Out);
}

bool containsPureCall(const Stmt *S, const PlanContext &PC) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (const auto *E = dyn_cast<Expr>(S); E && isPureCall(E, PC))
    return true;
  return llvm::any_of(S->children(), [&](const Stmt *C) { return containsPureCall(C, PC); });
}

/// A choice: a '?:' that picks one pure call (or a plain value) to make.
bool isChoice(const Expr *E, const PlanContext &PC) {
  std::vector<const CallExpr *> Calls;
  std::vector<const Expr *> Parts;
  return isa<ConditionalOperator>(E) && choiceParts(E, PC, Calls, Parts) && !Calls.empty();
}

} // namespace

const FunctionDecl *calledFunction(const CallExpr *CE) {
  if (const FunctionDecl *FD = CE->getDirectCallee())
    return FD;
  return fixedCallee(CE).Function;
}

const VarDecl *namingVariable(const CallExpr *CE) {
  const FunctionDecl *FD = calledFunction(CE);
  if (FD && !isLambdaCallOperator(FD))
    return nullptr;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(CE); Op && Op->getOperator() == OO_Call)
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreParenImpCasts()))
      return dyn_cast<VarDecl>(DRE->getDecl());
  return fixedCallee(CE).Through;
}

namespace {

/// What a call runs besides its arguments (a lambda's body), scanned as
/// code run at the call.
StmtDeps bodyDeps(const CallExpr *CE, const PlanContext &PC) {
  llvm::SmallPtrSet<const Expr *, 4> Args(CE->arg_begin(), CE->arg_end());
  return DepScanner(PC).scan(CE, &Args);
}

/// Why the lambda body CE runs is not pure code; empty when it is.
std::string impureBody(const CallExpr *CE, const PlanContext &PC) {
  StmtDeps D = bodyDeps(CE, PC);
  const VarDecl *V = namingVariable(CE);
  std::string Who = V ? "the lambda " + quoted(V) : std::string("the lambda");
  if (D.ImpureCall == CE && !D.ImpureWhy.empty())
    return D.ImpureWhy; // the pointer's own reason (FixedCallee.h)
  if (D.ImpureCall) {
    if (!D.ImpureWhy.empty())
      return Who + " is no pure code: " + D.ImpureWhy;
    const auto *Call = dyn_cast<CallExpr>(D.ImpureCall);
    const FunctionDecl *Callee = Call ? calledFunction(Call) : nullptr;
    return Who + " calls " + (Callee ? quoted(Callee) : std::string("code")) +
           ", which is not known to be pure";
  }
  for (const VarDecl *W : D.Writes)
    if (!D.Locals.contains(W))
      return Who + " writes " + quoted(W);
  if (D.MemoryWrite)
    return Who + " writes through a pointer or reference";
  if (D.Unmovable)
    return Who + " uses " + D.UnmovableWhy;
  return "";
}

/// A function judged pure is reached by CE, or called in the body of a
/// lambda it reaches (depth-limited), or named by the initializer of the
/// pointer it calls through.
bool reachesPure(const Stmt *S, const PlanContext &PC, unsigned Depth) {
  if (!S || Depth > 3)
    return false;
  if (const auto *CE = dyn_cast<CallExpr>(S)) {
    llvm::SmallVector<const FunctionDecl *, 2> Reached = reachedFunctions(CE);
    if (const VarDecl *V = Reached.empty() ? fixedCallee(CE).Through : nullptr)
      namedFunctions(V->getAnyInitializer(), Reached);
    for (const FunctionDecl *FD : Reached)
      if (PC.Facts.isPure(FD) ||
          (isLambdaCallOperator(FD) && reachesPure(FD->getBody(), PC, Depth + 1)))
        return true;
  }
  return llvm::any_of(S->children(),
                      [&](const Stmt *C) { return reachesPure(C, PC, Depth); });
}

} // namespace

StmtDeps lambdaBodyReads(const CallExpr *CE, const PlanContext &PC) {
  StmtDeps Out;
  if (llvm::none_of(reachedFunctions(CE), [](const FunctionDecl *FD) { return isLambdaCallOperator(FD); }))
    return Out;
  StmtDeps D = bodyDeps(CE, PC);
  for (const VarDecl *VD : D.Reads)
    if (!D.Locals.contains(VD))
      Out.Reads.insert(VD);
  Out.ReadsMemory = D.ReadsMemory;
  return Out;
}

bool isPureCall(const Expr *E, const PlanContext &PC) {
  const auto *CE = dyn_cast<CallExpr>(E);
  if (!CE)
    return false;
  llvm::SmallVector<const FunctionDecl *, 2> Reached = reachedFunctions(CE);
  if (Reached.empty())
    return false;
  bool Lambda = false;
  for (const FunctionDecl *FD : Reached) {
    if (PC.Facts.isPure(FD))
      continue;
    if (!isLambdaCallOperator(FD))
      return false;
    Lambda = true;
  }
  return !Lambda || impureBody(CE, PC).empty();
}

std::string whyNotPureCall(const CallExpr *CE, const PlanContext &PC) {
  const FunctionDecl *Direct = CE->getDirectCallee();
  if ((Direct && !isLambdaCallOperator(Direct)) || !reachesPure(CE, PC, 0) || isPureCall(CE, PC))
    return "";
  if (std::string Why = impureBody(CE, PC); !Why.empty())
    return Why;
  // A candidate the checker did not judge pure.
  for (const FunctionDecl *FD : reachedFunctions(CE))
    if (!PC.Facts.isPure(FD) && !isLambdaCallOperator(FD))
      return quoted(FD) + " is not known to be pure";
  return "";
}

void collectFrontier(const Expr *E, const PlanContext &PC,
                     std::vector<const CallExpr *> &Out) {
  std::vector<const Expr *> Calls;
  collectPieces(E, PC, Pieces::Calls, Calls);
  for (const Expr *C : Calls)
    Out.push_back(cast<CallExpr>(C));
}

std::vector<const CallExpr *> siblingCalls(const Expr *E, const PlanContext &PC) {
  std::vector<const CallExpr *> Frontier;
  collectFrontier(E, PC, Frontier);
  while (Frontier.size() == 1) {
    const CallExpr *Only = Frontier.front();
    Frontier.clear();
    for (const Expr *Arg : Only->arguments())
      collectFrontier(Arg, PC, Frontier);
  }
  return Frontier;
}

std::vector<const CallExpr *> explainedSiblings(const Expr *E, const PlanContext &PC) {
  std::vector<const Expr *> Pieces;
  collectPieces(E, PC, Pieces::CallsAndExplained, Pieces);
  std::vector<const CallExpr *> Out;
  for (const Expr *P : Pieces)
    Out.push_back(cast<CallExpr>(P));
  return Out;
}

std::vector<const Expr *> siblingUnits(const Expr *E, const PlanContext &PC) {
  std::vector<const Expr *> Units;
  collectPieces(E, PC, Pieces::CallsAndChoices, Units);
  while (Units.size() == 1 && isa<CallExpr>(Units.front())) {
    const auto *Only = cast<CallExpr>(Units.front());
    Units.clear();
    for (const Expr *Arg : Only->arguments())
      collectPieces(Arg, PC, Pieces::CallsAndChoices, Units);
  }
  return Units;
}

bool choiceParts(const Expr *E, const PlanContext &PC, std::vector<const CallExpr *> &Calls,
                 std::vector<const Expr *> &Parts) {
  const Expr *W = E->IgnoreParenImpCasts();
  if (isPureCall(W, PC)) {
    Calls.push_back(cast<CallExpr>(W));
    return true;
  }
  if (const auto *CO = dyn_cast<ConditionalOperator>(W)) {
    if (containsPureCall(CO->getCond(), PC))
      return false;
    Parts.push_back(CO->getCond());
    return choiceParts(CO->getTrueExpr(), PC, Calls, Parts) &&
           choiceParts(CO->getFalseExpr(), PC, Calls, Parts);
  }
  if (containsPureCall(W, PC))
    return false;
  Parts.push_back(E);
  return true;
}

void collectConditionals(const Expr *E, std::vector<const Expr *> &Out) {
  if (!E || isa<LambdaExpr, StmtExpr>(E) || isUnevaluatedOperand(E))
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
