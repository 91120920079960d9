//===- CallTasks.cpp - may a pure call become a task, and does it pay? ----===//
#include "CallTasks.h"
#include "SiblingCalls.h"
#include "Speculation.h"

#include "clang/AST/DeclCXX.h"

#include <algorithm>

using namespace clang;

namespace purecc {

CallTasks::CallTasks(PlanContext &PC, const FunctionDecl *FD)
    : PC(PC), FD(FD), Scanner(PC), Escapes(PC, FD), Throws(speculationThrows(PC.Ctx)), Cost(PC.Ctx) {}

bool CallTasks::acceptableCall(const CallExpr *CE, std::string &WhyNot) const {
  QualType T = CE->getType();
  std::string Name = calleeName(CE);
  if (T->isVoidType() || !CE->isPRValue() || T->isArrayType()) {
    WhyNot = "'" + Name + "' does not return an object";
    return false;
  }
  if (!isMovable(T)) {
    WhyNot = "the result of '" + Name + "' cannot be moved";
    return false;
  }
  auto O = PC.offsets(CE->getSourceRange());
  if (!O) {
    WhyNot = "the call to '" + Name + "' is written in a macro";
    return false;
  }
  if (PC.isTaken(O->first, O->second)) {
    WhyNot = "the call to '" + Name + "' is rewritten otherwise";
    return false;
  }
  for (const Expr *Arg : CE->arguments()) {
    StmtDeps E = Scanner.scan(Arg);
    if (!E.isEffectFree()) {
      WhyNot = "an argument of '" + Name + "' has side effects";
      if (!E.ImpureWhy.empty()) // say which, when the scanner knows
        WhyNot += ": " + E.ImpureWhy;
      return false;
    }
    if (E.Unmovable) {
      // A task is a lambda that may run on another thread.
      WhyNot = "an argument of '" + Name + "' uses " + E.UnmovableWhy;
      return false;
    }
  }
  return true;
}

bool CallTasks::worthTasks(const std::vector<const CallExpr *> &Calls) {
  std::vector<std::string> Cheap, All;
  unsigned Worth = 0;
  for (const CallExpr *CE : Calls) {
    All.push_back(calleeName(CE));
    if (Cost.worthACall(CE))
      ++Worth;
    else if (std::find(Cheap.begin(), Cheap.end(), calleeName(CE)) == Cheap.end())
      Cheap.push_back(calleeName(CE));
  }
  if (Worth >= 2)
    return true;
  remarkCheap(PC, Calls.front()->getExprLoc(), All, Cheap);
  return false;
}

void remarkCheap(PlanContext &PC, SourceLocation Loc, const std::vector<std::string> &All,
                 const std::vector<std::string> &Cheap) {
  if (auto D = PC.remark(Loc, Diag::RemarkCheapCalls))
    *D << quotedList(All) << quotedList(Cheap) + (Cheap.size() == 1 ? " is" : " are")
       << unsigned(Cheap.size() == 1 ? 0 : 1);
}

void CallTasks::keepWorthTasks(std::vector<const CallExpr *> &Calls) {
  Calls.erase(std::remove_if(Calls.begin(), Calls.end(),
                             [&](const CallExpr *CE) {
                               return !Cost.worthACall(CE);
                             }),
              Calls.end());
}

std::vector<std::string> namesOf(const std::vector<const CallExpr *> &Calls) {
  std::vector<std::string> Names;
  for (const CallExpr *CE : Calls)
    Names.push_back(calleeName(CE));
  return Names;
}

bool isMovable(QualType T) {
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return true;
  if (!RD->hasDefinition())
    return false;
  if ((RD->needsImplicitMoveConstructor() && !RD->defaultedMoveConstructorIsDeleted()) ||
      (RD->needsImplicitCopyConstructor() && !RD->defaultedCopyConstructorIsDeleted()))
    return true;
  for (const CXXConstructorDecl *C : RD->ctors())
    if (C->isCopyOrMoveConstructor() && !C->isDeleted())
      return true;
  return false;
}

bool isImmutable(const VarDecl *VD, const ASTContext &Ctx) {
  if (VD->isConstexpr())
    return true;
  QualType T = VD->getType();
  if (T->isReferenceType() || !T.isConstant(Ctx))
    return false;
  const auto *RD = T->getBaseElementTypeUnsafe()->getAsCXXRecordDecl();
  return !RD || (RD->hasDefinition() && !RD->hasMutableFields());
}

std::string calleeName(const CallExpr *CE) {
  // A lambda has no name of its own, and a pointer holding one of several
  // functions no one function: named by the variable called through.
  if (const VarDecl *V = namingVariable(CE))
    return V->getNameAsString();
  const FunctionDecl *FD = calledFunction(CE);
  return FD ? displayName(FD) : std::string("lambda");
}

std::string shown(const PlanContext &PC, const Expr *E, const std::string &Otherwise) {
  std::optional<std::string> T = PC.text(E->getSourceRange());
  return T && T->size() <= 60 ? "'" + *T + "'" : Otherwise;
}

} // namespace purecc
