//===- ParallelCalls.cpp - parallel-calls: independent pure calls as tasks ===//
#include "ParallelCalls.h"
#include "ApartCalls.h"
#include "CallHoisting.h"
#include "GroupProblems.h"
#include "JumpTargets.h"
#include "PlaceNames.h"
#include "PlainValues.h"
#include "SiblingCalls.h"
#include "Speculation.h"

#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace purecc {

ParallelCalls::ParallelCalls(PlanContext &PC, const FunctionDecl *FD)
    : PC(PC), Tasks(PC, FD), Statements(Tasks) {}

llvm::SmallPtrSet<const Stmt *, 4> ParallelCalls::planRuns(const CompoundStmt *CS) {
  return Statements.planRuns(CS);
}

void ParallelCalls::remarkMemberInitializers(const CXXConstructorDecl *Ctor) {
  purecc::remarkMemberInitializers(Tasks, Ctor);
}

void ParallelCalls::remarkStaticInitializer(const VarDecl *VD) {
  purecc::remarkStaticInitializer(Tasks, VD);
}

void ParallelCalls::remarkDefaultArgument(const ParmVarDecl *P) {
  purecc::remarkDefaultArgument(Tasks, P);
}

void ParallelCalls::remarkStatementExpressions(const Stmt *S) {
  struct Finder : RecursiveASTVisitor<Finder> {
    ParallelCalls &Self;
    std::vector<const CallExpr *> *Inside = nullptr; // the calls of the outermost one
    std::vector<std::vector<const CallExpr *>> Found;
    explicit Finder(ParallelCalls &Self) : Self(Self) {}
    bool TraverseLambdaExpr(LambdaExpr *) { return true; } // a function of its own
    bool TraverseStmtExpr(StmtExpr *E) {
      if (Inside)
        return RecursiveASTVisitor<Finder>::TraverseStmtExpr(E);
      Found.emplace_back();
      Inside = &Found.back();
      RecursiveASTVisitor<Finder>::TraverseStmtExpr(E);
      Inside = nullptr;
      return true;
    }
    bool VisitCallExpr(CallExpr *CE) {
      if (Inside && isPureCall(CE, Self.PC) && Self.Tasks.Cost.worthACall(CE))
        Inside->push_back(CE);
      return true;
    }
  } F(*this);
  F.TraverseStmt(const_cast<Stmt *>(S));
  for (const std::vector<const CallExpr *> &Calls : F.Found)
    if (Calls.size() >= 2)
      refuse(Calls.front()->getExprLoc(), namesOf(Calls),
             "they are in a GNU statement expression '({ ... })', whose statements purecc does "
             "not rewrite");
}

bool ParallelCalls::refuse(SourceLocation Loc, const std::vector<std::string> &Names,
                           const std::string &Why) {
  if (auto D = PC.remark(Loc, Diag::RemarkMissedParallelCalls))
    *D << quotedList(Names) << Why;
  return false;
}

void ParallelCalls::emitGroup(const Placement &P, const std::string &Invoke, SourceLocation Loc,
                              const std::vector<std::string> &Names) {
  PC.insert(P.Open, P.Before + Invoke + P.BeforeRest);
  if (!P.After.empty())
    PC.insert(P.Close, P.After);
  if (auto D = PC.remark(Loc, Diag::RemarkParallelCalls))
    *D << quotedList(Names);
  PC.note(Loc, Transform::ParallelCalls, llvm::join(Names, " "));
}

bool ParallelCalls::planStatement(const Stmt *S, const Stmt *Parent) {
  const Expr *Full = nullptr;
  const VarDecl *Declared = nullptr;
  if (const auto *RS = dyn_cast<ReturnStmt>(S))
    Full = RS->getRetValue();
  else if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    // `struct { long x, y; } s{f(1), f(2)};` declares a type and one
    // variable (adv29 R2: "declares several variables").
    const VarDecl *Only = nullptr;
    bool OneVariable = true;
    for (const Decl *D : DS->decls()) {
      const auto *VD = dyn_cast<VarDecl>(D);
      if (VD && !Only)
        Only = VD;
      else if (!isa<TagDecl>(D))
        OneVariable = false;
    }
    if (!Only || !OneVariable) {
      // Never silent: `long a = f(1) + f(2), b = f(3);` keeps its calls.
      std::vector<const CallExpr *> All;
      const Expr *OnlyInit = nullptr;
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D); VD && VD->getInit()) {
          size_t Before = All.size();
          collectFrontier(VD->getInit(), PC, All);
          if (All.size() > Before)
            OnlyInit = VD->getInit();
        }
      if (All.size() == 1)
        All = siblingCalls(OnlyInit, PC);
      // Never silent either when the calls are too little work: say so.
      if (All.size() < 2 || !Tasks.worthTasks(All))
        return false;
      Tasks.keepWorthTasks(All);
      if (auto D = PC.remark(All.front()->getExprLoc(), Diag::RemarkMissedParallelCalls))
        *D << quotedList(namesOf(All))
           << "the declaration declares several variables: calls are run in parallel only "
              "out of a declaration of one variable";
      return false;
    }
    Declared = Only;
    if (Declared && !Declared->hasLocalStorage())
      remarkStaticInitializer(Declared);
    if (!Declared || !Declared->hasLocalStorage())
      return false;
    Full = Declared->getInit();
    // Hoisting before a declaration outside a block would change its scope:
    // the calls run inside its initializer.
    if (Full && !isa_and_nonnull<CompoundStmt>(Parent))
      return planInitializer(Full);
  } else
    Full = dyn_cast<Expr>(S);
  if (!Full)
    return false;
  // The init-statement of a header (`for (i = f(1) + f(2); ...)`) has no
  // room for a block: the calls run inside the value it stores.
  const Stmt *HeaderInit = nullptr;
  if (const auto *For = dyn_cast_or_null<ForStmt>(Parent))
    HeaderInit = For->getInit();
  else if (const auto *If = dyn_cast_or_null<IfStmt>(Parent))
    HeaderInit = If->getInit();
  else if (const auto *Switch = dyn_cast_or_null<SwitchStmt>(Parent))
    HeaderInit = Switch->getInit();
  if (HeaderInit == S && !Declared) {
    const auto *Assign = dyn_cast<BinaryOperator>(Full->IgnoreImplicit());
    return planRegion(Full, Assign && Assign->isAssignmentOp() ? Assign->getRHS() : Full);
  }

  return planGroup(Full, Full, [&] {
    Placement P;
    auto Begin = PC.offsets(S->getSourceRange());
    std::optional<unsigned> End = PC.endOfStatement(S);
    if (!Begin || !End || PC.isTaken(Begin->first, *End - 1)) {
      P.NotEditable = "the statement is written in a macro or rewritten otherwise";
      return P;
    }
    // The results are declared in front of the statement, on its line.
    if (std::string Why = columnUseReason(S, PC.Ctx); !Why.empty()) {
      P.Unfit = "the statement uses " + Why;
      return P;
    }
    // A declaration must stay in its scope; anything else gets its own
    // block when it is not directly in one (or is in a switch, where a
    // declaration would be jumped over).
    bool InSwitch = false;
    if (Parent)
      for (const DynTypedNode &Up : PC.Ctx.getParents(*Parent))
        InSwitch |= Up.get<SwitchStmt>() != nullptr;
    // So does a statement a later label or 'case' follows: a jump from
    // before it may not cross the declaration of the results (adv26 C1).
    bool JumpedOver = false;
    if (const auto *Block = dyn_cast_or_null<CompoundStmt>(Parent))
      if (auto It = llvm::find(Block->body(), S); It != Block->body_end())
        JumpedOver = std::any_of(std::next(It), Block->body_end(), [](const Stmt *Later) {
          return containsJumpTarget(Later, JumpTarget::LabelOrCase);
        });
    bool Brace =
        !Declared && (!isa_and_nonnull<CompoundStmt>(Parent) || InSwitch || JumpedOver);
    P.Open = Begin->first;
    P.Close = *End;
    P.Before = Brace ? "{ " : "";
    P.After = Brace ? " }" : "";
    return P;
  });
}

bool ParallelCalls::planCondition(const Expr *Cond) {
  if (!Cond)
    return false;
  return planRegion(Cond, Cond);
}

bool ParallelCalls::planBranches(const Expr *Full, const Expr *E) {
  std::vector<const Expr *> Conds;
  collectConditionals(E, Conds);
  bool Any = false;
  for (const Expr *C : Conds) {
    if (const auto *BO = dyn_cast<BinaryOperator>(C)) {
      Any |= planBranches(Full, BO->getLHS());
      Any |= planRegion(Full, BO->getRHS());
      continue;
    }
    const auto *CO = cast<AbstractConditionalOperator>(C);
    // The condition is evaluated whenever the operator is; `a ?: b` has
    // its condition as its true branch.
    Any |= planBranches(Full, CO->getCond());
    if (isa<ConditionalOperator>(CO))
      Any |= planRegion(Full, CO->getTrueExpr());
    Any |= planRegion(Full, CO->getFalseExpr());
  }
  return Any;
}

namespace {
/// Whether E creates a temporary whose storage it addresses (a member
/// call on a prvalue, a prvalue bound to a reference), outside its own
/// lambdas: in the serial program it lives to the end of the
/// full-expression, in the lambda a region becomes only to the lambda's
/// return (adv33).
bool addressesTemporary(const Expr *E) {
  struct Finder : RecursiveASTVisitor<Finder> {
    bool Found = false;
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    bool VisitMaterializeTemporaryExpr(MaterializeTemporaryExpr *) {
      Found = true;
      return false;
    }
  } F;
  F.TraverseStmt(const_cast<Expr *>(E));
  return F.Found;
}

/// "'co_await'" or "'co_yield'" when E suspends its coroutine outside any
/// lambda of its own, else empty: such an expression cannot be the body of
/// the lambda a region becomes (adv32 t08).
std::string suspension(const Expr *E) {
  struct Finder : RecursiveASTVisitor<Finder> {
    std::string Found;
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    bool found(const char *Op) {
      Found = Op;
      return false; // the first is enough
    }
    bool VisitCoawaitExpr(CoawaitExpr *) { return found("'co_await'"); }
    bool VisitDependentCoawaitExpr(DependentCoawaitExpr *) { return found("'co_await'"); }
    bool VisitCoyieldExpr(CoyieldExpr *) { return found("'co_yield'"); }
  } F;
  F.TraverseStmt(const_cast<Expr *>(E));
  return F.Found;
}
} // namespace

bool ParallelCalls::planRegion(const Expr *Full, const Expr *Region) {
  return planGroup(Full, Region, [&] {
    Placement P;
    // The region becomes `[&] { <hoisted calls> return <region>; }()`,
    // whose value is the region's own prvalue: a glvalue would become a
    // copy.
    const Expr *Written = Region->IgnoreImplicit();
    if (!Written->isPRValue() || Written->getType()->isVoidType() ||
        Written->getType()->isArrayType()) {
      P.Unfit = "the expression around them is not a value";
      return P;
    }
    // `k > 0 ? cat(f(a), g(b)).c_str() : "none"`: the pointer would
    // outlive the temporary it points into.
    if (holdsAddress(Written->getType()) && addressesTemporary(Written)) {
      P.Unfit = "the value of the expression around them may point into a temporary it "
                "creates, which the lambda it would become destroys before the value is used";
      return P;
    }
    if (std::string Op = suspension(Written); !Op.empty()) {
      P.Unfit = "the expression around them uses " + Op + ", which a lambda cannot hold";
      return P;
    }
    // `__func__` in the lambda names its 'operator()' (adv37 t02); the
    // lambda's text moves the column.
    if (std::string Why = placeNameReason(Written, PC.Ctx); !Why.empty()) {
      P.Unfit = "the expression around them uses " + Why + ", and it would move into a lambda";
      return P;
    }
    auto O = PC.offsets(Written->getSourceRange());
    if (!O || PC.isTaken(O->first, O->second)) {
      P.NotEditable = "the expression is written in a macro or rewritten otherwise";
      return P;
    }
    P.Open = O->first;
    P.Close = O->second;
    P.Before = "[&] { ";
    P.BeforeRest = "return ";
    P.After = "; }()";
    return P;
  });
}

std::string ParallelCalls::pragmaOwning(const Expr *Full) {
  // The statement of a block (or a label's) that holds Full.
  const Stmt *S = Full;
  for (unsigned Depth = 0; S && Depth < 64; ++Depth) {
    DynTypedNodeList Ps = PC.Ctx.getParents(*S);
    if (Ps.empty())
      return "";
    if (const auto *P = Ps[0].get<Stmt>()) {
      if (isa<CompoundStmt, SwitchCase, LabelStmt>(P))
        break;
      S = P;
    } else if (const auto *VD = Ps[0].get<VarDecl>()) {
      DynTypedNodeList Up = PC.Ctx.getParents(*VD);
      S = Up.empty() ? nullptr : Up[0].get<DeclStmt>();
    } else {
      return ""; // a member or default initializer
    }
  }
  if (!S)
    return "";
  std::optional<std::pair<unsigned, unsigned>> Where = PC.offsets(S->getSourceRange());
  if (!Where)
    return "";
  // `#pragma GCC unroll 2` / `while (...)`: Clang makes the loop pragma an
  // attribute of the statement, which begins where the pragma does.
  if (const auto *AS = dyn_cast<AttributedStmt>(S);
      AS && llvm::any_of(AS->getAttrs(), [](const Attr *A) { return isa<LoopHintAttr>(A); })) {
    std::optional<std::pair<unsigned, unsigned>> Sub = PC.offsets(AS->getSubStmt()->getSourceRange());
    std::string Pragma = Sub ? PC.pragmaRightBefore(Sub->first) : std::string();
    return Pragma.empty() ? std::string("#pragma") : Pragma;
  }
  return PC.pragmaRightBefore(Where->first);
}

bool ParallelCalls::planGroup(const Expr *Full, const Expr *Region,
                              llvm::function_ref<Placement()> Place) {
  std::vector<const CallExpr *> Calls = siblingCalls(Region, PC);
  // No group runs on every evaluation: the serial program evaluates one
  // branch of each '?:', so a group can only run inside its branch.
  if (Calls.size() < 2) {
    remarkExplained(Region);
    return planChoices(Full, Region, Place) || planBranches(Full, Region);
  }
  // Only calls worth a task are hoisted; the cheap ones stay where they are.
  if (!Tasks.worthTasks(Calls))
    return false;
  Tasks.keepWorthTasks(Calls);
  std::vector<std::string> Names = namesOf(Calls);
  SourceLocation Loc = Calls.front()->getExprLoc();
  auto Refuse = [&](const std::string &Why) { return refuse(Loc, Names, Why); };
  // `(fib(ns) + ...)`: one text stands for every call of a pack's
  // expansion, and is the same for every instantiation (adv29 R2).
  for (size_t I = 1; I < Calls.size(); ++I)
    if (Calls[I]->getBeginLoc() == Calls[I - 1]->getBeginLoc())
      return Refuse("the calls are expanded from one pack ('...'), whose one text cannot hold "
                    "a task for each");
  Placement P = Place();
  if (!P.Unfit.empty())
    return Refuse(P.Unfit);
  // `#pragma omp critical` before `g = f(k) + f(k + 1);`, `#pragma GCC
  // unroll 2` before a `while` whose condition calls: the pragma applies to
  // the statement, which the rewrite makes into several, or into a loop
  // whose condition is a lambda call (adv68 F18, F19).
  if (std::string Pragma = pragmaOwning(Full); !Pragma.empty())
    return Refuse("'" + Pragma + "' applies to the statement, which the calls' tasks would make "
                  "into other code: statements a pragma applies to are left as written");
  // The serial program evaluates the operands in order (Speculation.h):
  // a call after one that may throw or not return, or after other code
  // that may, is a call it might never make, which could run for hours
  // (`chk(a) + slow(a)`) or trap on what the failed check would have
  // stopped. Such calls stay where they are, evaluated after the group
  // as before; the calls before them still run in parallel, so a group
  // whose only call that may throw is its last one stays whole.
  // The remark names what decided: the compiler's order of evaluation
  // when the calls left out for it alone would have made a group (adv52
  // t126: `h3(leaf(5), chk(1), chk(2))`), else a call that comes after
  // one that may throw (`add(chk(1), chk(2))`).
  std::vector<const CallExpr *> Reached, Unreached;
  std::optional<std::string> Unreach, OrderUnreach;
  for (const CallExpr *CE : Calls) {
    std::optional<std::string> Why = unreachedBecause(PC, Tasks.Throws, Tasks.NoReturn, Region, CE, calleeName(CE));
    (Why ? Unreached : Reached).push_back(CE);
    std::optional<std::string> &Slot = Why && isOrderChoice(*Why) ? OrderUnreach : Unreach;
    if (Why && !Slot)
      Slot = std::move(Why);
  }
  size_t LeftForOrder = llvm::count_if(Unreached, [&](const CallExpr *CE) {
    std::optional<std::string> Why = unreachedBecause(PC, Tasks.Throws, Tasks.NoReturn, Region, CE, calleeName(CE));
    return Why && isOrderChoice(*Why);
  });
  if (OrderUnreach && (!Unreach || Reached.size() + LeftForOrder >= 2))
    Unreach = OrderUnreach;
  if (Reached.size() < 2)
    return Refuse(*Unreach);
  if (!Unreached.empty()) {
    // Named with the reached call that may throw (at most one: a later
    // one would come after it), or else the last one reached.
    const CallExpr *Before = Reached.back();
    for (const CallExpr *CE : Reached)
      if (Tasks.Throws.mayThrow(CE) || Tasks.NoReturn.first(CE))
        Before = CE;
    std::vector<const CallExpr *> Pair{Before};
    Pair.insert(Pair.end(), Unreached.begin(), Unreached.end());
    if (auto D = PC.remark(Unreached.front()->getExprLoc(), Diag::RemarkMissedParallelCalls))
      *D << quotedList(namesOf(Pair)) << *Unreach;
    Calls = std::move(Reached);
    Names = namesOf(Calls);
    Loc = Calls.front()->getExprLoc();
  }
  if (std::optional<std::string> Why = groupProblem(Tasks, Full, Region, Calls))
    return Refuse(*Why);
  if (!P.NotEditable.empty())
    return Refuse(P.NotEditable);
  // The groups inside the branches of its '?:' operators run inside their
  // branch, after the hoisted calls (none of which is in a branch); those
  // in the argument of a hoisted call go with it into its task.
  std::vector<std::pair<unsigned, unsigned>> Moved;
  for (const CallExpr *CE : Calls)
    if (auto O = PC.offsets(CE->getSourceRange()))
      Moved.push_back(*O);
  SeveralMayThrow |= llvm::count_if(Calls, [&](const CallExpr *CE) { return Tasks.Throws.mayThrow(CE); }) > 1;
  emitGroup(P, hoistCalls(Tasks, Calls), Loc, Names);
  std::vector<const Expr *> Conds;
  collectConditionals(Region, Conds);
  for (const Expr *C : Conds) {
    auto O = PC.offsets(C->getSourceRange());
    if (O && llvm::none_of(Moved, [&](const std::pair<unsigned, unsigned> &M) {
          return M.first <= O->first && O->second <= M.second;
        }))
      planBranches(Full, C);
  }
  return true;
}

void ParallelCalls::remarkExplained(const Expr *Region) {
  // Never silent: `lf(1) + lf(2)` with a lambda that calls a pure function
  // but also prints, `fp(1) + fp(2)` with a pointer assigned elsewhere.
  std::vector<const CallExpr *> Would = explainedSiblings(Region, PC);
  Tasks.keepWorthTasks(Would);
  if (Would.size() < 2)
    return;
  for (const CallExpr *CE : Would)
    if (std::string Why = whyNotPureCall(CE, PC); !Why.empty()) {
      refuse(Would.front()->getExprLoc(), namesOf(Would), Why);
      return;
    }
}

bool ParallelCalls::planInitializer(const Expr *Init) {
  if (!Init)
    return false;
  // A braced list or a constructor's parenthesized arguments is no
  // expression of its own: no region can wrap it, but one of its arguments
  // can.
  const Expr *Written = Init->IgnoreImplicit();
  llvm::ArrayRef<const Expr *> Args;
  if (const auto *IL = dyn_cast<InitListExpr>(Written))
    Args = llvm::ArrayRef(IL->getInits(), IL->getNumInits());
  else if (const auto *PL = dyn_cast<ParenListExpr>(Written))
    Args = llvm::ArrayRef(const_cast<ParenListExpr *>(PL)->getExprs(), PL->getNumExprs());
  else if (const auto *PI = dyn_cast<CXXParenListInitExpr>(Written))
    Args = PI->getInitExprs();
  else if (const auto *CE = dyn_cast<CXXConstructExpr>(Written); CE && !isa<CXXTemporaryObjectExpr>(CE))
    Args = llvm::ArrayRef(CE->getArgs(), CE->getNumArgs());
  else
    return planRegion(Init, Init);
  // One argument holding the calls (`D(long k) : B(f(k) + f(k - 1))`, a
  // delegating or base initializer, a member of class type) is an
  // expression of its own, wrapped as a member initializer is (adv32 t10).
  bool Planned = false;
  for (const Expr *Arg : Args)
    if (siblingCalls(Arg, PC).size() >= 2)
      Planned |= planRegion(Init, Arg);
  if (Planned)
    return true;
  return planGroup(Init, Init, [] {
    Placement P;
    P.Unfit = "they are arguments of a braced or parenthesized initializer outside a block, "
              "where no statement can run before them";
    return P;
  });
}

bool ParallelCalls::planDefaultMemberInitializer(const Expr *Init) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const FunctionDecl *Found = nullptr;
    bool VisitCallExpr(CallExpr *CE) {
      if (const FunctionDecl *Callee = CE->getDirectCallee(); Callee && Callee->isConstexpr())
        Found = Callee;
      return !Found;
    }
  } Constant;
  Constant.TraverseStmt(const_cast<Expr *>(Init));
  if (!Constant.Found)
    return planInitializer(Init);
  std::vector<const CallExpr *> Calls = siblingCalls(Init, PC);
  Tasks.keepWorthTasks(Calls);
  if (Calls.size() >= 2)
    if (auto D = PC.remark(Calls.front()->getExprLoc(), Diag::RemarkMissedParallelCalls))
      *D << quotedList(namesOf(Calls))
         << "the default member initializer calls " + quoted(Constant.Found) +
                ", which is 'constexpr': it may be evaluated at compile time, where no task runs";
  return false;
}

bool ParallelCalls::planChoices(const Expr *Full, const Expr *Region,
                                llvm::function_ref<Placement()> Place) {
  std::vector<const Expr *> Units = siblingUnits(Region, PC);
  if (Units.size() < 2) {
    remarkOneSided(Tasks, Region);
    return false;
  }
  // A piece is worth a task when every call it may make is.
  std::vector<const Expr *> Worth, Parts;
  std::vector<const CallExpr *> Calls;
  std::vector<std::string> All, Names, Cheap;
  for (const Expr *U : Units) {
    std::vector<const CallExpr *> Its;
    std::vector<const Expr *> ItsParts;
    choiceParts(U, PC, Its, ItsParts);
    std::vector<std::string> Callees = namesOf(Its);
    llvm::sort(Callees);
    Callees.erase(std::unique(Callees.begin(), Callees.end()), Callees.end());
    std::optional<std::string> Text = quotable(PC.shownText(U->getSourceRange()));
    std::string Name = isa<CallExpr>(U) ? calleeName(cast<CallExpr>(U))
                       : Text ? *Text
                              : llvm::join(Callees, "' or '");
    All.push_back(Name);
    bool IsWorth = true;
    for (const CallExpr *CE : Its)
      if (!Tasks.Cost.worthACall(CE)) {
        IsWorth = false;
        if (!llvm::is_contained(Cheap, calleeName(CE)))
          Cheap.push_back(calleeName(CE));
      }
    if (!IsWorth)
      continue;
    Worth.push_back(U);
    Names.push_back(Name);
    Calls.insert(Calls.end(), Its.begin(), Its.end());
    Parts.insert(Parts.end(), ItsParts.begin(), ItsParts.end());
  }
  SourceLocation Loc = Units.front()->getExprLoc();
  if (Worth.size() < 2) {
    remarkCheap(PC, Loc, All, Cheap);
    return false;
  }
  Loc = Worth.front()->getExprLoc();
  auto Refuse = [&](const std::string &Why) { return refuse(Loc, Names, Why); };
  Placement P = Place();
  if (!P.Unfit.empty())
    return Refuse(P.Unfit);
  for (const Expr *U : Worth) {
    if (isa<CallExpr>(U))
      continue;
    QualType T = U->getType();
    if (!U->isPRValue() || T->isVoidType() || T->isArrayType() || !isMovable(T))
      return Refuse("the '?:' " + shown(PC, U, "around them") + " does not give an object that "
                    "can be moved");
    auto O = PC.offsets(U->getSourceRange());
    if (!O || PC.isTaken(O->first, O->second))
      return Refuse("the '?:' " + shown(PC, U, "around them") +
                    " is written in a macro or rewritten otherwise");
  }
  // The speculation rule, as planGroup applies it: no piece may start
  // before code the serial program evaluates ahead of it that may throw (a
  // choice whose taken branch throws: `(a < 0 ? chk(a) : g(a)) + slow(-a)`).
  // Here the group is refused whole.
  // Named by a piece that comes after code that may throw, if any (a piece
  // that may throw beside another one is the other's reason too).
  std::optional<std::string> Unreached;
  for (size_t K = 0; K < Worth.size(); ++K)
    if (std::optional<std::string> Why = unreachedBecause(PC, Tasks.Throws, Tasks.NoReturn, Region, Worth[K], Names[K]))
      if (!Unreached || (isOrderChoice(*Unreached) && !isOrderChoice(*Why)))
        Unreached = std::move(Why);
  if (Unreached)
    return Refuse(*Unreached);
  if (std::optional<std::string> Why = groupProblem(Tasks, Full, Region, Calls))
    return Refuse(*Why);
  if (std::optional<std::string> Why = choiceProblem(Tasks, Full, Worth, Parts))
    return Refuse(*Why);
  if (!P.NotEditable.empty())
    return Refuse(P.NotEditable);
  // Hoist each piece whole: a choice evaluates its condition and the call
  // it picks inside its task.
  SeveralMayThrow |= llvm::count_if(Worth, [&](const Expr *U) { return Tasks.Throws.mayThrow(U); }) > 1;
  emitGroup(P, hoistPieces(Tasks, Worth), Loc, Names);
  return true;
}

} // namespace purecc
