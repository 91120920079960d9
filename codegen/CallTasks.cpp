//===- CallTasks.cpp - may a pure call become a task, and does it pay? ----===//
#include "CallTasks.h"
#include "PlainValues.h"
#include "SiblingCalls.h"
#include "Speculation.h"
#include "StackUse.h"
#include "ValueUses.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

#include <algorithm>

using namespace clang;

namespace purecc {

CallTasks::CallTasks(PlanContext &PC, const FunctionDecl *FD)
    : PC(PC), FD(FD), Scanner(PC), Escapes(PC, FD), Throws(speculationThrows(PC.Ctx)), NoReturn(PC),
      Cost(PC.Ctx) {}

bool CallTasks::acceptableCall(const CallExpr *CE, std::string &WhyNot) const {
  QualType T = CE->getType();
  std::string Name = calleeName(CE);
  if (T->isVoidType() || !CE->isPRValue() || T->isArrayType()) {
    WhyNot = "'" + Name + "' does not return an object";
    return false;
  }
  // A task's lambda returns its result without the 'const' (a prvalue of
  // class type keeps it: `const std::string mk()` binds to a
  // `const std::string &&` overload, adv34 t04), and moving from a 'const'
  // object copies it.
  if (T->isRecordType() && T.isConstQualified()) {
    WhyNot = "the result of '" + Name + "' has type '" + typeName(T, PC.Ctx) +
             "', whose 'const' a task's result would not keep";
    return false;
  }
  // The serial program builds the result in the variable it initializes;
  // a task builds it in parallel_invoke's storage and hands it on by value
  // through its frames (StackUse.h, adv35 t08).
  if (std::string Why = largeResultReason(T, PC.Ctx); !Why.empty()) {
    WhyNot = "the result of '" + Name + "' " + Why +
             ", and a task would hold copies of it on the stack";
    return false;
  }
  if (!isMovable(T)) {
    WhyNot = "the result of '" + Name + "' cannot be moved";
    return false;
  }
  // The serial program constructs the result in place; the parallel one
  // moves it out of the task, which the user's code would see (adv27 W4).
  if (std::string Why = observableMoveReason(T); !Why.empty()) {
    WhyNot = "the result of '" + Name + "' has type '" +
             typeName(T.getUnqualifiedType(), PC.Ctx) + "', which " + Why +
             ": the parallel program would move it out of a task, where the serial one makes "
             "it in place";
    return false;
  }
  auto O = PC.offsets(CE->getSourceRange());
  if (!O) {
    WhyNot = "the call to '" + Name + "' is written in a macro";
    return false;
  }
  if (PC.isTaken(O->first, O->second)) {
    // adv86 F13: "rewritten otherwise" did not say by what.
    WhyNot = "the call to '" + Name + "' is part of code that runs in parallel already (the "
             "loop, algorithm or calls around it, as its remark says)";
    return false;
  }
  for (const Expr *Arg : callOperands(CE)) {
    StmtDeps E = Scanner.scan(Arg);
    if (!E.isEffectFree()) {
      WhyNot = "an argument of '" + Name + "' has side effects";
      if (!E.ImpureWhy.empty()) // say which, when the scanner knows
        WhyNot += ": " + E.ImpureWhy;
      else if (!E.ImpureCall && !E.MemoryWrite && !E.Writes.empty()) {
        // `sink(std::move(v))`: the move into the parameter empties 'v'.
        WhyNot += ": it changes " + quoted(inSourceOrder(E.Writes, Arg, PC.SM).front());
      }
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

StmtDeps CallTasks::callReads(const CallExpr *CE) {
  StmtDeps Out;
  for (const Expr *Operand : callOperands(CE)) {
    StmtDeps E = Scanner.scan(Operand);
    Out.Reads.insert(E.Reads.begin(), E.Reads.end());
    Out.ReadsMemory |= E.ReadsMemory;
  }
  // `p->f(1)`, `f(1)` in a member function: the object is reached through
  // a pointer, which the scan of the pointer itself does not count.
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
    if (const Expr *Object = MC->getImplicitObjectArgument();
        Object && !Object->isGLValue() && Object->getType()->isPointerType())
      Out.ReadsMemory = true;
  StmtDeps Body = lambdaBodyReads(CE, PC);
  Out.Reads.insert(Body.Reads.begin(), Body.Reads.end());
  Out.ReadsMemory |= Body.ReadsMemory;
  Escapes.addHeldReads(CE, Out.Reads);
  return Out;
}

std::vector<const VarDecl *> CallTasks::handedOn(const CallExpr *CE) {
  // The variables some use of which in the arguments is not of the value,
  // found in one walk of each argument.
  llvm::SmallPtrSet<const VarDecl *, 8> Named;
  for (const Expr *Arg : CE->arguments())
    addNamedOtherThanByValue(PC.Ctx, Arg, Named);
  llvm::SmallPtrSet<const VarDecl *, 8> Out;
  for (const VarDecl *VD : Named) {
    if (isImmutable(VD, PC.Ctx))
      continue;
    Out.insert(VD);
    // `fv(std::move(r))` with `auto &r = v;` changes `v`.
    if (auto It = Escapes.holds().find(VD); It != Escapes.holds().end())
      Out.insert(It->second.begin(), It->second.end());
  }
  return inSourceOrder(Out, CE, PC.SM);
}

namespace {

/// Whether CE calls a lambda where it is written (`[&] { ... }()`) that
/// captures VD by reference.
bool callsLambdaCapturingByReference(const CallExpr *CE, const VarDecl *VD) {
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(CE);
  const auto *L = Op && Op->getNumArgs() > 0
                      ? dyn_cast<LambdaExpr>(Op->getArg(0)->IgnoreImplicit()->IgnoreParens())
                      : nullptr;
  return L && llvm::any_of(L->captures(), [&](const LambdaCapture &Cap) {
           return Cap.capturesVariable() && Cap.getCaptureKind() == LCK_ByRef &&
                  Cap.getCapturedVar() == VD;
         });
}

} // namespace

std::string CallTasks::handedOnReason(const CallExpr *Giver, const VarDecl *VD,
                                      const CallExpr *Reader) {
  std::string Reads = "the call to '" + calleeName(Reader) + "' reads it";
  if (callsLambdaCapturingByReference(Giver, VD))
    return "the lambda called on line " +
           std::to_string(VD->getASTContext().getSourceManager().getPresumedLineNumber(
               Giver->getBeginLoc())) +
           " captures " + quoted(VD) +
           " by reference, and purecc does not follow what it does with it; " + Reads;
  return quoted(VD) + " is used other than by its value in an argument of '" +
         calleeName(Giver) + "', which may change it, and " + Reads;
}

std::vector<const Expr *> callOperands(const CallExpr *CE) {
  std::vector<const Expr *> Out(CE->arg_begin(), CE->arg_end());
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
    if (const Expr *Object = MC->getImplicitObjectArgument())
      Out.insert(Out.begin(), Object);
  return Out;
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
  // `E(E &&) = delete;` is chosen for an xvalue, and fails, where the
  // serial program copies (adv30 C2); a defaulted move constructor that is
  // deleted is ignored by overload resolution, and the copy is used.
  for (const CXXConstructorDecl *C : RD->ctors())
    if (C->isMoveConstructor() && C->isDeletedAsWritten())
      return false;
  if ((RD->needsImplicitMoveConstructor() && !RD->defaultedMoveConstructorIsDeleted()) ||
      (RD->needsImplicitCopyConstructor() && !RD->defaultedCopyConstructorIsDeleted()))
    return true;
  // The result is stored by copy-initialization (`T a = std::move(r1);`),
  // which an 'explicit' constructor cannot do (adv27 C2).
  for (const CXXConstructorDecl *C : RD->ctors())
    if (C->isCopyOrMoveConstructor() && !C->isDeleted() && !C->isExplicit())
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

std::string constantVariableReason(const VarDecl *VD, ASTContext &Ctx) {
  if (!VD->isConstexpr() && !VD->isUsableInConstantExpressions(Ctx))
    return "";
  return quoted(VD) + " is a constant, which only a constant expression written in place may "
                      "initialize";
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
  std::optional<std::string> T = quotable(PC.shownText(E->getSourceRange()));
  return T ? "'" + *T + "'" : Otherwise;
}

} // namespace purecc
