//===- ApartCalls.cpp - never silent about pure calls that are no siblings ===//
#include "ApartCalls.h"
#include "SiblingCalls.h"

#include "analysis/Attributes.h"
#include "analysis/FixedCallee.h"

#include <functional>

using namespace clang;

namespace purecc {

namespace {

/// The calls a remark about calls that stay apart names: those worth a
/// task, and any the user declared [[pure]] (an accessor the checker found
/// pure is nobody's business).
void keepNamed(std::vector<const CallExpr *> &Calls, CallCost &Cost) {
  llvm::erase_if(Calls, [&](const CallExpr *CE) {
    return !Cost.worthACall(CE) && llvm::none_of(reachedFunctions(CE), [](const FunctionDecl *FD) {
             return isDeclaredPure(FD);
           });
  });
}

} // namespace

void remarkOneSided(CallTasks &Tasks, const Expr *Region) {
  PlanContext &PC = Tasks.PC;
  std::vector<const CallExpr *> Always;
  collectFrontier(Region, PC, Always);
  keepNamed(Always, Tasks.Cost);
  if (Always.empty())
    return;
  std::function<void(const Expr *)> Visit = [&](const Expr *E) {
    std::vector<const Expr *> Conds;
    collectConditionals(E, Conds);
    for (const Expr *C : Conds) {
      std::vector<std::pair<const Expr *, std::string>> Sides; // a side, and when it runs
      if (const auto *BO = dyn_cast<BinaryOperator>(C)) {
        Visit(BO->getLHS());
        Sides.push_back({BO->getRHS(), shown(PC, BO->getLHS(), "the left operand of '" +
                                                                   BO->getOpcodeStr().str() + "'") +
                                           (BO->getOpcode() == BO_LOr ? " is false" : " is true")});
      } else {
        const auto *CO = cast<AbstractConditionalOperator>(C);
        Visit(CO->getCond());
        std::string Cond = shown(PC, CO->getCond(), "the condition of '?:'");
        if (isa<ConditionalOperator>(CO))
          Sides.push_back({CO->getTrueExpr(), Cond + " is true"});
        Sides.push_back({CO->getFalseExpr(), Cond + " is false"});
      }
      for (const auto &[Side, When] : Sides) {
        if (siblingCalls(Side, PC).size() >= 2)
          continue; // a group of its own, with its own remark
        std::vector<const CallExpr *> One;
        collectFrontier(Side, PC, One);
        keepNamed(One, Tasks.Cost);
        if (One.empty())
          continue;
        if (auto D = PC.remark(One.front()->getExprLoc(), Diag::RemarkMissedParallelCalls))
          *D << quotedList({calleeName(Always.front()), calleeName(One.front())})
             << shown(PC, One.front(), "the call to '" + calleeName(One.front()) + "'") +
                    " is evaluated only when " + When;
      }
    }
  };
  Visit(Region);
}

void remarkMemberInitializers(CallTasks &Tasks, const CXXConstructorDecl *Ctor) {
  PlanContext &PC = Tasks.PC;
  std::vector<const CallExpr *> All;
  unsigned Inits = 0;
  for (const CXXCtorInitializer *I : Ctor->inits()) {
    if (!I->isWritten() || !I->getInit())
      continue;
    if (siblingCalls(I->getInit(), PC).size() >= 2)
      continue; // a group of its own, with its own remark
    std::vector<const CallExpr *> Here;
    collectFrontier(I->getInit(), PC, Here);
    keepNamed(Here, Tasks.Cost);
    if (Here.empty())
      continue;
    All.insert(All.end(), Here.begin(), Here.end());
    ++Inits;
  }
  if (Inits < 2)
    return;
  if (auto D = PC.remark(All.front()->getExprLoc(), Diag::RemarkMissedParallelCalls))
    *D << quotedList(namesOf(All))
       << "they are in different member initializers of the constructor, each a "
          "full-expression of its own run in declaration order, and no statement runs before "
          "member initializers to run them in parallel";
}

void remarkStaticInitializer(CallTasks &Tasks, const VarDecl *VD) {
  PlanContext &PC = Tasks.PC;
  // A constant initializer is evaluated by the compiler, where no call runs.
  if (!VD->getInit() || VD->isConstexpr() || VD->hasConstantInitialization())
    return;
  std::vector<const CallExpr *> Calls;
  collectFrontier(VD->getInit(), PC, Calls);
  if (Calls.size() == 1)
    Calls = siblingCalls(VD->getInit(), PC);
  Tasks.keepWorthTasks(Calls);
  if (Calls.size() < 2)
    return;
  std::string Why;
  if (VD->getTLSKind() != VarDecl::TLS_None)
    Why = quoted(VD) + " is 'thread_local': its initializer runs on each thread's first use, "
                       "where purecc starts no tasks";
  else if (VD->isStaticLocal())
    // A thread waiting for a task may run other tasks meanwhile; one that
    // reaches the same initialization would wait for itself.
    Why = quoted(VD) + " is a 'static' local: its initializer runs once under the "
                       "compiler's initialization guard, where purecc starts no tasks (a "
                       "thread waiting there for a task could run other work that reaches the "
                       "same guard)";
  else
    Why = quoted(VD) + " has static storage: its initializer runs before 'main', during "
                       "static initialization, where purecc starts no tasks";
  if (auto D = PC.remark(Calls.front()->getExprLoc(), Diag::RemarkMissedParallelCalls))
    *D << quotedList(namesOf(Calls)) << Why;
}

void remarkDefaultArgument(CallTasks &Tasks, const ParmVarDecl *P) {
  PlanContext &PC = Tasks.PC;
  const Expr *Default = P->hasUninstantiatedDefaultArg() || P->hasUnparsedDefaultArg() ||
                                P->hasInheritedDefaultArg()
                            ? nullptr
                            : P->getDefaultArg();
  if (!Default)
    return;
  std::vector<const CallExpr *> Calls;
  collectFrontier(Default, PC, Calls);
  if (Calls.size() == 1)
    Calls = siblingCalls(Default, PC);
  Tasks.keepWorthTasks(Calls);
  if (Calls.size() < 2)
    return;
  std::string Name = P->getIdentifier() ? " " + quoted(P) : "";
  if (auto D = PC.remark(Calls.front()->getExprLoc(), Diag::RemarkMissedParallelCalls))
    *D << quotedList(namesOf(Calls))
       << "they are in the default argument of parameter" + Name +
              ", which each call leaving it out evaluates where the call is: purecc rewrites "
              "function bodies, not default arguments";
}

} // namespace purecc
