//===- ParallelCalls.cpp - parallel-calls: independent pure calls as tasks ===//
#include "ParallelCalls.h"
#include "BodyWalk.h"
#include "Loops.h"
#include "Shapes.h"
#include "TaskRegistry.h"
#include "WhatMayThrow.h"

#include "analysis/Attributes.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <functional>

using namespace clang;

namespace purecc {

struct ParallelCalls::Candidate {
  const Stmt *S;
  const CallExpr *Call;
  const VarDecl *Target; // the variable the statement stores the result in
  const Expr *Value;      // what it stores: the call, or a conversion of its result
  StmtDeps Args;
  std::string Blocked; // why the statement cannot join a run (empty: it can)
};

namespace {

bool isPureCall(const Expr *E, const PurityFacts &Facts) {
  const auto *CE = dyn_cast<CallExpr>(E);
  return CE && CE->getDirectCallee() && Facts.isPure(CE->getDirectCallee());
}

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

/// The pure calls of E that are always evaluated and not nested in another
/// one.
void collectFrontier(const Expr *E, const PurityFacts &Facts,
                     std::vector<const CallExpr *> &Out) {
  std::vector<const Expr *> Calls;
  collectPieces(E, Facts, Pieces::Calls, Calls);
  for (const Expr *C : Calls)
    Out.push_back(cast<CallExpr>(C));
}

/// Descends through single pure calls: `f(g(x), h(y))` offers g and h.
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

/// A const object can be written by nobody while the calls run (writing it
/// is undefined behaviour), unless it has a `mutable` member.
bool isImmutable(const VarDecl *VD, const ASTContext &Ctx) {
  if (VD->isConstexpr())
    return true;
  QualType T = VD->getType();
  if (T->isReferenceType() || !T.isConstant(Ctx))
    return false;
  const auto *RD = T->getBaseElementTypeUnsafe()->getAsCXXRecordDecl();
  return !RD || (RD->hasDefinition() && !RD->hasMutableFields());
}

std::string calleeName(const CallExpr *CE) { return displayName(CE->getDirectCallee()); }

} // namespace

ParallelCalls::ParallelCalls(PlanContext &PC, const FunctionDecl *FD)
    : PC(PC), FD(FD), Scanner(PC), Sites(FD ? findEscapes(FD, PC) : EscapeSites()),
      Throws(PC.Ctx), Cost(PC.Ctx) {
  if (!FD)
    return;
  std::function<bool(const Stmt *)> Jumps = [&](const Stmt *S) {
    if (!S)
      return false;
    if (isa<GotoStmt, IndirectGotoStmt>(S))
      return true;
    for (const Stmt *Child : S->children())
      if (Jumps(Child))
        return true;
    return false;
  };
  HasJumps = Jumps(FD->getBody());
}

std::optional<ParallelCalls::LiveEscape>
ParallelCalls::liveEscape(const VarDecl *VD, const Stmt *Where) const {
  auto It = Sites.Sites.find(VD);
  if (It == Sites.Sites.end() || It->second.empty())
    return std::nullopt;
  const Stmt *First = It->second.front();
  // A variable of an enclosing function (a lambda's capture) outlives calls
  // of this one: an escape in an earlier call counts.
  if (VD->getParentFunctionOrMethod() != FD)
    return LiveEscape{First, LiveBecause::OfEnclosingFunction};
  if (HasJumps)
    return LiveEscape{First, LiveBecause::FunctionHasGoto};
  const SourceManager &SM = PC.SM;
  SourceLocation End = SM.getExpansionLoc(Where->getEndLoc());
  // The loops around Where: an escape anywhere in one happened in an
  // earlier iteration.
  std::vector<SourceRange> Loops;
  const Stmt *Child = Where;
  while (true) {
    DynTypedNodeList Parents = PC.Ctx.getParents(*Child);
    const Stmt *Parent = Parents.empty() ? nullptr : Parents[0].get<Stmt>();
    if (!Parent)
      break;
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(Parent))
      Loops.push_back(SourceRange(SM.getExpansionLoc(Parent->getBeginLoc()),
                                  SM.getExpansionLoc(Parent->getEndLoc())));
    Child = Parent;
  }
  for (const Stmt *Site : It->second) {
    SourceLocation At = SM.getExpansionLoc(Site->getBeginLoc());
    if (At.isInvalid() || !SM.isBeforeInTranslationUnit(End, At))
      return LiveEscape{Site, LiveBecause::EscapesBefore};
    for (SourceRange L : Loops)
      if (!SM.isBeforeInTranslationUnit(At, L.getBegin()) &&
          !SM.isBeforeInTranslationUnit(L.getEnd(), At))
        return LiveEscape{Site, LiveBecause::EscapesInLoopAround};
  }
  return std::nullopt;
}

std::string ParallelCalls::escapeReason(const VarDecl *VD, const LiveEscape &E) const {
  const SourceManager &SM = PC.SM;
  std::string Line =
      "line " + std::to_string(SM.getPresumedLineNumber(SM.getExpansionLoc(E.Site->getBeginLoc())));
  std::string Address = "the address of " + quoted(VD) + " escapes ";
  switch (E.Because) {
  case LiveBecause::EscapesBefore:
    return Address + "before them (" + Line + ")";
  case LiveBecause::EscapesInLoopAround:
    return Address + "inside a loop around them (" + Line + ")";
  case LiveBecause::FunctionHasGoto:
    return Address + "(" + Line + ") in a function with 'goto'";
  case LiveBecause::OfEnclosingFunction:
    return Address + "in the function around the lambda (" + Line + ")";
  }
  return Address;
}

/// At least two of the calls do enough work for a task; otherwise says so
/// in a remark naming the cheap ones.
bool ParallelCalls::worthTasks(const std::vector<const CallExpr *> &Calls) {
  std::vector<std::string> Cheap, All;
  unsigned Worth = 0;
  for (const CallExpr *CE : Calls) {
    All.push_back(calleeName(CE));
    if (Cost.worthATask(CE->getDirectCallee()))
      ++Worth;
    else if (std::find(Cheap.begin(), Cheap.end(), calleeName(CE)) == Cheap.end())
      Cheap.push_back(calleeName(CE));
  }
  if (Worth >= 2)
    return true;
  if (auto D = PC.remark(Calls.front()->getExprLoc(), Diag::RemarkCheapCalls))
    *D << quotedList(All) << quotedList(Cheap) + (Cheap.size() == 1 ? " is" : " are")
       << unsigned(Cheap.size() == 1 ? 0 : 1);
  return false;
}

namespace {

/// The operands of E in the order C++17 sequences their evaluation, when E
/// sequences them (a braced initializer, `,`, `<<`, `>>`, an assignment,
/// `a[i]`, a member call's object before its arguments); empty otherwise
/// (`+`, a function's arguments: unsequenced or in an unspecified order).
std::vector<const Expr *> sequencedOperands(const Expr *E) {
  std::vector<const Expr *> Out;
  auto Args = [&](auto Range) {
    for (const Expr *A : Range)
      Out.push_back(A);
  };
  if (const auto *IL = dyn_cast<InitListExpr>(E))
    Args(IL->inits());
  else if (const auto *CE = dyn_cast<CXXConstructExpr>(E); CE && CE->isListInitialization())
    Args(CE->arguments());
  else if (const auto *PL = dyn_cast<CXXParenListInitExpr>(E))
    Args(PL->getInitExprs());
  else if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->isAssignmentOp())
      Out = {BO->getRHS(), BO->getLHS()};
    else if (BO->isCommaOp() || BO->isShiftOp() || BO->isPtrMemOp())
      Out = {BO->getLHS(), BO->getRHS()};
  } else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
    Out = {AS->getLHS(), AS->getRHS()};
  else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E); Op && Op->getNumArgs() == 2) {
    OverloadedOperatorKind K = Op->getOperator();
    if (K == OO_Equal || (K >= OO_PlusEqual && K <= OO_GreaterGreaterEqual && K != OO_LessLess &&
                          K != OO_GreaterGreater))
      Out = {Op->getArg(1), Op->getArg(0)};
    else if (K == OO_Comma || K == OO_LessLess || K == OO_GreaterGreater || K == OO_Subscript)
      Out = {Op->getArg(0), Op->getArg(1)};
  } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    Out.push_back(MC->getCallee());
    Args(MC->arguments());
  }
  return Out;
}

/// The operands of E in the order the serial program is taken to evaluate
/// them: C++17's where it fixes one (sequencedOperands), otherwise the
/// order they are written in. For built-in operators (`+`, `*`, `<`) that
/// is what g++ and clang++ do; for a function's or constructor's arguments
/// and overloaded operators it is clang++'s order, g++ evaluates them right
/// to left (docs/codegen.md, "Speculation").
std::vector<const Expr *> serialOperands(const Expr *E) {
  std::vector<const Expr *> Out = sequencedOperands(E);
  if (!Out.empty())
    return Out;
  for (const Stmt *Child : E->children())
    if (const auto *C = dyn_cast_or_null<Expr>(Child))
      Out.push_back(C);
  return Out;
}

/// Whether the operand Earlier is the node Child, seen through the two
/// forms of a braced initializer (the parent map may hand back the
/// semantic form of a list whose syntactic form holds Child).
bool sameOperand(const Expr *Earlier, const Expr *Child) {
  if (Earlier == Child)
    return true;
  const auto *A = dyn_cast<InitListExpr>(Earlier->IgnoreImplicit());
  const auto *B = dyn_cast<InitListExpr>(Child->IgnoreImplicit());
  if (!A || !B)
    return Earlier->IgnoreImplicit() == Child->IgnoreImplicit();
  auto Semantic = [](const InitListExpr *L) { return L->isSemanticForm() ? L : L->getSemanticForm(); };
  return Semantic(A) == Semantic(B);
}

/// What in S may throw, as a clause: "'chk', which may throw"
/// (whatMayThrow), "a 'throw' expression", or "code that may throw" when no
/// part can be named.
std::string whichMayThrow(PlanContext &PC, MayThrow &Throws, const Stmt *S) {
  std::string What = whatMayThrow(PC, Throws, S);
  if (What.empty())
    return "code that may throw";
  return What == ThrowExpression ? What : What + ", which may throw";
}

/// Why a handler can see one of Written after an exception thrown at Where,
/// or empty: it is not a local of the function (a reference parameter, a
/// global: the caller's handler), or it is declared outside a `try` whose
/// block holds Where.
std::string outlivesException(PlanContext &PC, const Stmt *Where,
                              llvm::ArrayRef<const VarDecl *> Written) {
  // The try statements whose block holds Where, innermost first.
  std::vector<const CXXTryStmt *> Tries;
  // A lambda's body runs where the lambda is called, whose handlers see
  // what it captured: the try statements around its definition do not count.
  const Stmt *LambdaBody = nullptr;
  const Stmt *At = Where;
  for (unsigned Depth = 0; At && Depth < 256; ++Depth) {
    const Stmt *Up = nullptr;
    const Decl *Owner = nullptr;
    for (const DynTypedNode &P : PC.Ctx.getParents(*At)) {
      if ((Up = P.get<Stmt>()))
        break;
      if (!Owner)
        Owner = P.get<Decl>();
    }
    if (const auto *LE = dyn_cast_or_null<LambdaExpr>(Up)) {
      LambdaBody = LE->getBody();
      break;
    }
    if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Owner); !Up && MD && MD->getParent()->isLambda())
      LambdaBody = MD->getBody();
    if (const auto *Try = dyn_cast_or_null<CXXTryStmt>(Up); Try && Try->getTryBlock() == At)
      Tries.push_back(Try);
    At = Up;
  }
  const SourceManager &SM = PC.SM;
  auto Inside = [&](const VarDecl *V, const Stmt *Block) {
    SourceRange B = Block->getSourceRange();
    SourceLocation Loc = V->getLocation();
    return !SM.isBeforeInTranslationUnit(Loc, B.getBegin()) &&
           !SM.isBeforeInTranslationUnit(B.getEnd(), Loc);
  };
  std::string Seen;
  for (const VarDecl *V : Written) {
    if (!V)
      continue;
    if (!isOwnedLocal(V)) {
      Seen = quoted(V) + " outlives the function, so a caller that catches the exception reads it";
      break;
    }
    if (LambdaBody && !Inside(V, LambdaBody)) {
      Seen = quoted(V) + " is captured by the lambda on line " +
             std::to_string(SM.getPresumedLineNumber(LambdaBody->getBeginLoc())) +
             ", whose caller may catch the exception and read it";
      break;
    }
    for (const CXXTryStmt *Try : Tries)
      if (!Inside(V, Try->getTryBlock())) {
        bool HandlerReads = false;
        for (unsigned H = 0; H < Try->getNumHandlers(); ++H)
          HandlerReads |= mentions(Try->getHandler(H)->getHandlerBlock(), V);
        Seen = quoted(V) + " is declared outside the 'try' statement on line " +
               std::to_string(SM.getPresumedLineNumber(Try->getBeginLoc())) +
               (HandlerReads ? ", whose handlers read it after the exception"
                             : ", so it is still in scope after its handlers");
        break;
      }
    if (!Seen.empty())
      break;
  }
  return Seen;
}

} // namespace

/// Why hoisting CE out of Region would evaluate a call the serial program
/// might not reach: something evaluated before it in Region may throw.
std::optional<std::string> ParallelCalls::unreachedBecause(const Expr *Region, const CallExpr *CE) {
  return unreachedBecause(Region, CE, calleeName(CE));
}

std::optional<std::string> ParallelCalls::unreachedBecause(const Expr *Region, const Expr *Piece,
                                                           const std::string &Name) {
  const auto *CE = dyn_cast<CallExpr>(Piece);
  const Expr *Child = Piece;
  while (Child != Region) {
    DynTypedNodeList Parents = PC.Ctx.getParents(*Child);
    const Expr *Parent = Parents.empty() ? nullptr : Parents[0].get<Expr>();
    if (!Parent)
      break;
    for (const Expr *Earlier : serialOperands(Parent)) {
      if (sameOperand(Earlier, Child))
        break;
      if (!Throws.mayThrow(Earlier))
        continue;
      std::string What = whichMayThrow(PC, Throws, Earlier);
      // `total(0, m) + total(m, n)`: not "'total' comes after 'total'".
      if (CE && CE->getDirectCallee() &&
          What == "'" + CE->getDirectCallee()->getNameAsString() + "', which may throw")
        What = "another call to " + What;
      return (CE ? "the call to '" + Name + "'" : "'" + Name + "'") + " comes after " + What;
    }
    Child = Parent;
  }
  return std::nullopt;
}

bool ParallelCalls::acceptableCall(const CallExpr *CE, std::string &WhyNot) const {
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

bool ParallelCalls::planStatement(const Stmt *S, const Stmt *Parent) {
  const Expr *Full = nullptr;
  const VarDecl *Declared = nullptr;
  if (const auto *RS = dyn_cast<ReturnStmt>(S))
    Full = RS->getRetValue();
  else if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    if (!DS->isSingleDecl()) {
      // Never silent: `long a = f(1) + f(2), b = f(3);` keeps its calls.
      std::vector<const CallExpr *> All;
      const Expr *OnlyInit = nullptr;
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D); VD && VD->getInit()) {
          size_t Before = All.size();
          collectFrontier(VD->getInit(), PC.Facts, All);
          if (All.size() > Before)
            OnlyInit = VD->getInit();
        }
      if (All.size() == 1)
        All = siblingCalls(OnlyInit, PC.Facts);
      keepWorthTasks(All);
      if (All.size() >= 2)
        if (auto D = PC.remark(All.front()->getExprLoc(), Diag::RemarkMissedParallelCalls))
          *D << quotedList(namesOf(All))
             << "the declaration declares several variables: calls are run in parallel only "
                "out of a declaration of one variable";
      return false;
    }
    Declared = dyn_cast<VarDecl>(DS->getSingleDecl());
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
    // A declaration must stay in its scope; anything else gets its own
    // block when it is not directly in one (or is in a switch, where a
    // declaration would be jumped over).
    bool InSwitch = false;
    if (Parent)
      for (const DynTypedNode &Up : PC.Ctx.getParents(*Parent))
        InSwitch |= Up.get<SwitchStmt>() != nullptr;
    bool Brace = !Declared && (!isa_and_nonnull<CompoundStmt>(Parent) || InSwitch);
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

namespace {

/// The '?:', '&&' and '||' operators evaluated whenever E is, or on some of
/// its paths (a branch, or the right operand, is evaluated entirely whenever
/// its operator picks it), outermost first; not those in a lambda or an
/// unevaluated operand.
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

} // namespace

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

namespace {
void collectConditionals(const Expr *E, std::vector<const Expr *> &Out);
} // namespace

bool ParallelCalls::planGroup(const Expr *Full, const Expr *Region,
                              llvm::function_ref<Placement()> Place) {
  std::vector<const CallExpr *> Calls = siblingCalls(Region, PC.Facts);
  // No group runs on every evaluation: the serial program evaluates one
  // branch of each '?:', so a group can only run inside its branch.
  if (Calls.size() < 2)
    return planChoices(Full, Region, Place) || planBranches(Full, Region);
  // Only calls worth a task are hoisted; the cheap ones stay where they are.
  if (!worthTasks(Calls))
    return false;
  keepWorthTasks(Calls);
  std::vector<std::string> Names = namesOf(Calls);
  SourceLocation Loc = Calls.front()->getExprLoc();
  auto Refuse = [&](const std::string &Why) {
    if (auto D = PC.remark(Loc, Diag::RemarkMissedParallelCalls))
      *D << quotedList(Names) << Why;
    return false;
  };
  Placement P = Place();
  if (!P.Unfit.empty())
    return Refuse(P.Unfit);
  // The serial program evaluates the operands in order (serialOperands):
  // a call after one that may throw, or after other code that may, is a
  // call it might never make, which could run for hours (`chk(a) +
  // slow(a)`). Such calls stay where they are, evaluated after the group
  // as before; the calls before them still run in parallel, so a group
  // whose only call that may throw is its last one stays whole.
  std::vector<const CallExpr *> Reached, Unreached;
  std::optional<std::string> Unreach;
  for (const CallExpr *CE : Calls) {
    std::optional<std::string> Why = unreachedBecause(Region, CE);
    (Why ? Unreached : Reached).push_back(CE);
    if (Why && !Unreach)
      Unreach = std::move(Why);
  }
  if (Reached.size() < 2)
    return Refuse(*Unreach);
  if (!Unreached.empty()) {
    // Named with the reached call that may throw (at most one: a later
    // one would come after it), or else the last one reached.
    const CallExpr *Before = Reached.back();
    for (const CallExpr *CE : Reached)
      if (Throws.mayThrow(CE))
        Before = CE;
    std::vector<const CallExpr *> Pair{Before};
    Pair.insert(Pair.end(), Unreached.begin(), Unreached.end());
    if (auto D = PC.remark(Unreached.front()->getExprLoc(), Diag::RemarkMissedParallelCalls))
      *D << quotedList(namesOf(Pair)) << *Unreach;
    Calls = std::move(Reached);
    Names = namesOf(Calls);
    Loc = Calls.front()->getExprLoc();
  }
  if (std::optional<std::string> Why = groupProblem(Full, Region, Calls))
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
  std::string Hoist = hoist(Calls);
  PC.insert(P.Open, P.Before + Hoist + P.BeforeRest);
  if (!P.After.empty())
    PC.insert(P.Close, P.After);
  if (auto D = PC.remark(Loc, Diag::RemarkParallelCalls))
    *D << quotedList(Names);
  PC.note(Loc, Transform::ParallelCalls, llvm::join(Names, " "));
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

void ParallelCalls::keepWorthTasks(std::vector<const CallExpr *> &Calls) {
  Calls.erase(std::remove_if(Calls.begin(), Calls.end(),
                             [&](const CallExpr *CE) {
                               return !Cost.worthATask(CE->getDirectCallee());
                             }),
              Calls.end());
}

std::vector<std::string> ParallelCalls::namesOf(const std::vector<const CallExpr *> &Calls) {
  std::vector<std::string> Names;
  for (const CallExpr *CE : Calls)
    Names.push_back(calleeName(CE));
  return Names;
}

std::optional<std::string>
ParallelCalls::groupProblem(const Expr *Full, const Expr *Region,
                            const std::vector<const CallExpr *> &Calls) {
  // Every call must be movable out of the region...
  llvm::SmallPtrSet<const Expr *, 4> CallSet;
  llvm::SmallPtrSet<const VarDecl *, 8> ArgReads;
  bool ArgsReadMemory = false;
  for (const CallExpr *CE : Calls) {
    std::string Why;
    if (!acceptableCall(CE, Why))
      return Why;
    CallSet.insert(CE);
    for (const Expr *Arg : CE->arguments()) {
      StmtDeps E = Scanner.scan(Arg);
      ArgReads.insert(E.Reads.begin(), E.Reads.end());
      ArgsReadMemory |= E.ReadsMemory;
    }
  }
  // ...(the serial program reaches every one of them once it evaluates
  // the region: planGroup kept only those) and nothing else in the full-expression may write what their
  // arguments read.
  StmtDeps Rest = Scanner.scan(Full, &CallSet);
  // The assignment itself, under the cleanups of its temporaries (`p =
  // P{f(x), g(y)}` materializes the aggregate before storing it).
  const Expr *Assign = Full->IgnoreParens();
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(Assign))
    Assign = EWC->getSubExpr()->IgnoreParens();
  if (const auto *BO = dyn_cast<BinaryOperator>(Assign); BO && BO->isAssignmentOp())
    if (const VarDecl *Target = baseVariable(BO->getLHS()); Target && Rest.FirstWrite[Target] == BO)
      Rest.Writes.erase(Target); // stored after the calls, as before
  // `p = P{f(x), g(y)}`, `v = {f(x), g(y)}`: likewise, the whole object is
  // built (both calls returned) before operator= stores it, so a throw
  // leaves the target as it was, in the serial program as in the parallel.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Assign);
      Op && Op->getOperator() == OO_Equal)
    if (const VarDecl *Target = baseVariable(Op->getArg(0)); Target && Rest.FirstWrite[Target] == Op)
      Rest.Writes.erase(Target);
  // ...nor store something a handler reads that the serial program stored
  // before a call threw (`a = heavy(1), b = checked(2)`): the rewritten
  // expression stores only once every call has returned.
  if (llvm::any_of(Calls, [&](const CallExpr *CE) { return Throws.mayThrow(CE); })) {
    std::vector<const VarDecl *> Stored(Rest.Writes.begin(), Rest.Writes.end());
    llvm::sort(Stored, [](const VarDecl *A, const VarDecl *B) {
      return A->getBeginLoc() < B->getBeginLoc();
    });
    if (std::string Seen = outlivesException(PC, Full, Stored); !Seen.empty())
      return "a call may throw, and " + Seen +
             ": the serial program stores it before the call, the parallel one only after all";
  }
  // Reading a local that holds another's address reads that other local.
  addBindingReads(Region, ArgReads);
  for (const auto &[H, Held] : Sites.Holds)
    if (ArgReads.contains(H))
      ArgReads.insert(Held.begin(), Held.end());
  for (const VarDecl *VD : ArgReads)
    if (Rest.Writes.contains(VD))
      return quoted(VD) + " is written in the same expression";
  if (Rest.ImpureCall || Rest.MemoryWrite) {
    // A write through a reference or pointer has no callee to name.
    std::string Writer = "the expression";
    if (const FunctionDecl *Callee = calleeOf(Rest.ImpureCall ? Rest.ImpureCall : Rest.MemoryWrite))
      Writer = quoted(Callee);
    if (ArgsReadMemory)
      return Writer + " may write the memory their arguments read";
    for (const VarDecl *VD : ArgReads)
      if (!isOwnedLocal(VD) || liveEscape(VD, Full))
        if (!isImmutable(VD, PC.Ctx))
          return Writer + " may write '" + VD->getNameAsString() + "', whose address escapes";
    // `(sv[0] = 9, f(v[0]) + f(v[1]))`: a write through a local that holds
    // the address of what the calls read.
    addBindingReads(Full, Rest.Reads);
    for (const VarDecl *VD : ArgReads)
      if (!isImmutable(VD, PC.Ctx))
        for (const auto &[H, Held] : Sites.Holds)
          if (Held.contains(VD) && Rest.Reads.contains(H))
            return Writer + " may write " + quoted(VD) + " through " + quoted(H);
  }
  return std::nullopt;
}

namespace {

/// The distributed form of parallel calls (TaskRegistry.h): in a
/// distributed build, a call that can travel becomes a purecc::call_at
/// branch of purecc::invoke_at; everything else keeps its plain form.
std::string branchText(PlanContext &PC, MayThrow &Throws, const CallExpr *CE,
                       const std::string &CallText, bool &AnyRemote) {
  // The parameter's copy is made by the branch either way (call_at holds
  // the argument by reference): only evaluating the argument counts.
  auto Evaluated = [](const Expr *A) {
    A = A->IgnoreImplicit();
    if (const auto *C = dyn_cast<CXXConstructExpr>(A);
        C && C->getNumArgs() == 1 && C->getConstructor()->isCopyOrMoveConstructor())
      A = C->getArg(0)->IgnoreImplicit();
    return A;
  };
  bool ArgsMayThrow = llvm::any_of(CE->arguments(),
                                   [&](const Expr *A) { return Throws.mayThrow(Evaluated(A)); });
  if (std::optional<std::string> Remote = planCallTask(PC, CE, ArgsMayThrow)) {
    AnyRemote = true;
    return *Remote;
  }
  return shapes::invokeBranch(CallText);
}

} // namespace

std::string ParallelCalls::hoist(const std::vector<const CallExpr *> &Calls) {
  SeveralMayThrow |= llvm::count_if(Calls, [&](const CallExpr *CE) { return Throws.mayThrow(CE); }) > 1;
  std::vector<std::string> Results, Branches;
  bool AnyRemote = false;
  for (const CallExpr *CE : Calls) {
    std::string Result = PC.freshName("r");
    auto O = *PC.offsets(CE->getSourceRange());
    Branches.push_back(branchText(PC, Throws, CE, PC.textAt(O.first, O.second), AnyRemote));
    // An object, or a scalar bound to a reference, stays an rvalue.
    bool Move = CE->getType()->isRecordType();
    for (const DynTypedNode &P : PC.Ctx.getParents(*CE))
      Move |= P.get<MaterializeTemporaryExpr>() != nullptr;
    PC.replace(O.first, O.second, shapes::useResult(Result, Move));
    PC.take(O.first, O.second);
    Results.push_back(std::move(Result));
  }
  return shapes::invokeHead(Results, AnyRemote) + llvm::join(Branches, shapes::InvokeSeparator) +
         shapes::InvokeTail + " ";
}

std::optional<ParallelCalls::Candidate>
ParallelCalls::runCandidate(const Stmt *S, std::pair<const CallExpr *, std::string> *WhyNot) const {
  Candidate C{S, nullptr, nullptr, nullptr, StmtDeps(), ""};
  const Expr *Value = nullptr;
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    const auto *VD = DS->isSingleDecl() ? dyn_cast<VarDecl>(DS->getSingleDecl()) : nullptr;
    if (!VD || !VD->hasLocalStorage() || !VD->getInit())
      return std::nullopt;
    C.Target = VD;
    Value = VD->getInit();
  } else if (const auto *BO = dyn_cast<BinaryOperator>(S); BO && BO->getOpcode() == BO_Assign) {
    C.Target = dyn_cast_or_null<VarDecl>(
        isa<DeclRefExpr>(BO->getLHS()->IgnoreParenImpCasts())
            ? cast<DeclRefExpr>(BO->getLHS()->IgnoreParenImpCasts())->getDecl()
            : nullptr);
    Value = BO->getRHS();
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
             Op && Op->getOperator() == OO_Equal) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreParenImpCasts()))
      C.Target = dyn_cast<VarDecl>(DRE->getDecl());
    Value = Op->getArg(1);
  }
  if (!C.Target || !isOwnedLocal(C.Target) || !Value)
    return std::nullopt;
  C.Value = Value;
  const Expr *W = written(Value);
  // `long x = nh(a);` where nh returns a class with `operator long()`: the
  // conversion is applied where the result is stored, after the run's
  // calls, so it must be pure (a later call's argument may read what it
  // would write) and, unless it is the last statement's, cannot throw
  // (planRuns checks the whole statement).
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(W);
      MC && isa_and_nonnull<CXXConversionDecl>(MC->getMethodDecl())) {
    const Expr *Object = MC->getImplicitObjectArgument();
    auto Whole = PC.offsets(MC->getSourceRange());
    auto Inner = Object ? PC.offsets(Object->getSourceRange()) : std::nullopt;
    const Expr *Converted = Object ? written(Object) : nullptr;
    // Implicit: the conversion is no text of its own.
    if (Whole && Inner && *Whole == *Inner && isPureCall(Converted, PC.Facts)) {
      llvm::SmallPtrSet<const Expr *, 1> Inside{Converted};
      if (StmtDeps Rest = Scanner.scan(MC, &Inside); !Rest.isEffectFree()) {
        if (WhyNot)
          *WhyNot = {cast<CallExpr>(Converted),
                     "the conversion of the result of '" +
                         calleeName(cast<CallExpr>(Converted)) + "' calls " +
                         quoted(MC->getMethodDecl()) + ", which is not known to be pure"};
        return std::nullopt;
      }
      W = Converted;
    }
  }
  if (!isPureCall(W, PC.Facts))
    return std::nullopt;
  C.Call = cast<CallExpr>(W);
  std::string Why;
  if (!acceptableCall(C.Call, Why)) {
    if (WhyNot)
      *WhyNot = {C.Call, Why};
    return std::nullopt;
  }
  for (const Expr *Arg : C.Call->arguments()) {
    StmtDeps E = Scanner.scan(Arg);
    C.Args.Reads.insert(E.Reads.begin(), E.Reads.end());
  }
  // Reading a local that holds another's address (`const long &ra = a;`, a
  // view, a lambda capturing by reference) reads that other local.
  addBindingReads(C.Call, C.Args.Reads);
  for (const auto &[H, Held] : Sites.Holds)
    if (C.Args.Reads.contains(H))
      C.Args.Reads.insert(Held.begin(), Held.end());
  auto Begin = PC.offsets(S->getSourceRange());
  std::optional<unsigned> End = PC.endOfStatement(S);
  if (!Begin || !End || PC.isTaken(Begin->first, *End))
    return std::nullopt;
  // The calls of the run all run before the first target is stored: one
  // of them could read the old value through an address of the target
  // that escaped earlier (an argument `*p`). An escape after the statement
  // is no matter: not inside the run (a later call of the run that takes
  // the address reads the target, which ends the run before it), nor
  // after it.
  if (std::optional<LiveEscape> E = liveEscape(C.Target, S))
    C.Blocked = escapeReason(C.Target, *E);
  return C;
}

llvm::SmallPtrSet<const Stmt *, 4> ParallelCalls::planRuns(const CompoundStmt *CS) {
  llvm::SmallPtrSet<const Stmt *, 4> Done;
  std::vector<Candidate> Run;
  // Emits the parts of Run between its blocked statements, and a remark
  // for each blocked statement that would have joined a neighbour.
  auto Flush = [&] {
    std::vector<Candidate> Part;
    auto Emit = [&] {
      std::vector<const CallExpr *> Calls;
      for (const Candidate &C : Part)
        Calls.push_back(C.Call);
      if (Part.size() >= 2 && worthTasks(Calls)) {
        emitRun(Part);
        for (const Candidate &C : Part)
          Done.insert(C.S);
      }
      Part.clear();
    };
    for (size_t I = 0; I < Run.size(); ++I) {
      const Candidate &C = Run[I];
      if (C.Blocked.empty()) {
        Part.push_back(C);
        continue;
      }
      Emit();
      if (Run.size() >= 2) {
        const Candidate &Other = Run[I + 1 < Run.size() ? I + 1 : I - 1];
        if (auto D = PC.remark(C.Call->getExprLoc(), Diag::RemarkMissedParallelCalls))
          *D << quotedList(I + 1 < Run.size()
                               ? std::vector<std::string>{calleeName(C.Call), calleeName(Other.Call)}
                               : std::vector<std::string>{calleeName(Other.Call), calleeName(C.Call)})
             << C.Blocked;
      }
    }
    Emit();
    Run.clear();
  };
  // Never silent about a statement that stores a pure call but cannot join
  // its neighbour's run: the previous statement's call and why, until the
  // next statement says whether it could have joined.
  std::optional<std::pair<const CallExpr *, std::string>> Pending;
  const CallExpr *Said = nullptr;
  // Said at the call of the statement that cannot join.
  auto Missed = [&](const CallExpr *First, const CallExpr *Second, const std::string &Why,
                    const CallExpr *At) {
    if (auto D = PC.remark(At->getExprLoc(), Diag::RemarkMissedParallelCalls))
      *D << quotedList({calleeName(First), calleeName(Second)}) << Why;
  };
  for (const Stmt *S : CS->body()) {
    std::pair<const CallExpr *, std::string> WhyNot{nullptr, ""};
    std::optional<Candidate> C = runCandidate(S, &WhyNot);
    if (WhyNot.first && !Cost.worthATask(WhyNot.first->getDirectCallee()))
      WhyNot = {nullptr, ""};
    if (!C) {
      const CallExpr *Lone = WhyNot.first ? WhyNot.first : lonePureCall(S);
      // After the run's last statement: it could have joined the run.
      // (A call that reads what the run stores is no sibling of it.)
      if (!Run.empty() && WhyNot.first && !Throws.mayThrow(Run.back().S)) {
        llvm::SmallPtrSet<const VarDecl *, 8> Reads;
        for (const Expr *Arg : WhyNot.first->arguments()) {
          StmtDeps E = Scanner.scan(Arg);
          Reads.insert(E.Reads.begin(), E.Reads.end());
        }
        addBindingReads(WhyNot.first, Reads);
        for (const auto &[H, Held] : Sites.Holds)
          if (Reads.contains(H))
            Reads.insert(Held.begin(), Held.end());
        if (llvm::none_of(Run, [&](const Candidate &Earlier) {
              return Reads.contains(Earlier.Target);
            })) {
          Missed(Run.back().Call, WhyNot.first, WhyNot.second, WhyNot.first);
          Said = WhyNot.first; // one remark per statement
        }
      }
      Pending.reset();
      // Before the next statement: a statement that may throw keeps every
      // later call where it is (the speculation rule), whatever else it is.
      if (Lone && Throws.mayThrow(S))
        Pending = {Lone, "the statement that calls '" + calleeName(Lone) + "' may throw (" +
                             whichMayThrow(PC, Throws, isa<Expr>(S) ? cast<Expr>(S) : [&]() -> const Expr * {
                               const auto *DS = dyn_cast<DeclStmt>(S);
                               const auto *VD = DS && DS->isSingleDecl()
                                                    ? dyn_cast<VarDecl>(DS->getSingleDecl())
                                                    : nullptr;
                               return VD && VD->getInit() ? VD->getInit() : Lone;
                             }()) +
                             "), and the serial program does not make the later call then"};
      else if (WhyNot.first)
        Pending = WhyNot;
      Flush();
      continue;
    }
    if (Pending && Pending->first != Said)
      Missed(Pending->first, C->Call, Pending->second, Pending->first);
    Pending.reset();
    // A call may not read what an earlier statement of the run stores.
    bool Feeds = false;
    for (const Candidate &Earlier : Run)
      Feeds |= C->Args.Reads.contains(Earlier.Target) || C->Target == Earlier.Target;
    if (Feeds)
      Flush();
    // Nor run where the serial program has left by an exception: only the
    // last statement of a run may throw.
    if (!Run.empty() && Throws.mayThrow(Run.back().S)) {
      if (auto D = PC.remark(Run.back().Call->getExprLoc(), Diag::RemarkMissedParallelCalls))
        *D << quotedList({calleeName(Run.back().Call), calleeName(C->Call)})
           << (Throws.mayThrow(Run.back().Call)
                   ? "'" + calleeName(Run.back().Call) + "' may throw"
                   // What is around the call: a conversion of its result.
                   : "the statement that calls '" + calleeName(Run.back().Call) +
                         "' may throw (" + whichMayThrow(PC, Throws, Run.back().Value) + ")") +
                  ", and the serial program does not make the later call then";
      Flush();
    }
    // Nor store late what a handler reads: when this call throws, the
    // serial program has stored every earlier statement's result, the
    // parallel one none of them.
    if (!Run.empty() && Throws.mayThrow(C->S)) {
      std::vector<const VarDecl *> Stored;
      for (const Candidate &Earlier : Run)
        Stored.push_back(Earlier.Target);
      if (std::string Seen = outlivesException(PC, C->S, Stored); !Seen.empty()) {
        std::vector<std::string> Names;
        for (const Candidate &Earlier : Run)
          Names.push_back(calleeName(Earlier.Call));
        Names.push_back(calleeName(C->Call));
        if (auto D = PC.remark(C->Call->getExprLoc(), Diag::RemarkMissedParallelCalls))
          *D << quotedList(Names)
             << "'" + calleeName(C->Call) + "' may throw, and " + Seen +
                    ": the serial program has stored the earlier results by then, the parallel "
                    "one none of them";
        Flush();
      }
    }
    Run.push_back(std::move(*C));
  }
  Flush();
  return Done;
}

const CallExpr *ParallelCalls::lonePureCall(const Stmt *S) {
  struct Finder : RecursiveASTVisitor<Finder> {
    ParallelCalls &Self;
    std::vector<const CallExpr *> Found;
    explicit Finder(ParallelCalls &Self) : Self(Self) {}
    bool TraverseLambdaExpr(LambdaExpr *) { return true; } // runs elsewhere, if at all
    bool VisitCallExpr(CallExpr *CE) {
      if (isPureCall(CE, Self.PC.Facts) && Self.Cost.worthATask(CE->getDirectCallee()))
        Found.push_back(CE);
      return true;
    }
  } F(*this);
  F.TraverseStmt(const_cast<Stmt *>(S));
  return F.Found.size() == 1 ? F.Found.front() : nullptr;
}

void ParallelCalls::emitRun(const std::vector<Candidate> &Run) {
  std::vector<std::string> Results, Names, Stores, Branches;
  bool AnyRemote = false;
  for (const Candidate &C : Run) {
    Results.push_back(PC.freshName("r"));
    Names.push_back(calleeName(C.Call));
    auto [CB, CE] = *PC.offsets(C.Call->getSourceRange());
    Branches.push_back(branchText(PC, Throws, C.Call, PC.textAt(CB, CE), AnyRemote));
  }
  for (size_t I = 0; I < Run.size(); ++I) {
    const Candidate &C = Run[I];
    unsigned SB = PC.offsets(C.S->getSourceRange())->first;
    unsigned SE = *PC.endOfStatement(C.S);
    auto [CB, CE] = *PC.offsets(C.Call->getSourceRange());
    bool Move = C.Call->getType()->isRecordType();
    Stores.push_back(PC.textAt(SB, CB) + shapes::useResult(Results[I], Move) + PC.textAt(CE, SE));
    std::string Text = I == 0 ? shapes::invokeHead(Results, AnyRemote) : "";
    Text += Branches[I];
    Text += I + 1 < Run.size() ? std::string(",") : shapes::InvokeTail + (" " + llvm::join(Stores, " "));
    PC.replace(SB, SE, Text);
    PC.take(SB, SE);
  }
  SourceLocation Loc = Run.front().Call->getExprLoc();
  if (auto D = PC.remark(Loc, Diag::RemarkParallelCalls))
    *D << quotedList(Names);
  PC.note(Loc, "parallel-statements", llvm::join(Names, " "));
}


// --- Initializers outside a block, choices, calls on one side ---------------

bool ParallelCalls::planInitializer(const Expr *Init) {
  if (!Init)
    return false;
  // A braced list or a constructor's parenthesized arguments is no
  // expression of its own: no region can wrap it.
  const Expr *Written = Init->IgnoreImplicit();
  if (isa<InitListExpr, ParenListExpr, CXXParenListInitExpr>(Written) ||
      (isa<CXXConstructExpr>(Written) && !isa<CXXTemporaryObjectExpr>(Written)))
    return planGroup(Init, Init, [] {
      Placement P;
      P.Unfit = "they are arguments of a braced or parenthesized initializer outside a block, "
                "where no statement can run before them";
      return P;
    });
  return planRegion(Init, Init);
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
  std::vector<const CallExpr *> Calls = siblingCalls(Init, PC.Facts);
  keepWorthTasks(Calls);
  if (Calls.size() >= 2)
    if (auto D = PC.remark(Calls.front()->getExprLoc(), Diag::RemarkMissedParallelCalls))
      *D << quotedList(namesOf(Calls))
         << "the default member initializer calls " + quoted(Constant.Found) +
                ", which is 'constexpr': it may be evaluated at compile time, where no task runs";
  return false;
}

/// The calls a remark about calls that stay apart names: those worth a
/// task, and any the user declared [[pure]] (an accessor the checker found
/// pure is nobody's business).
static void keepNamed(std::vector<const CallExpr *> &Calls, CallCost &Cost) {
  llvm::erase_if(Calls, [&](const CallExpr *CE) {
    return !Cost.worthATask(CE->getDirectCallee()) && !isDeclaredPure(CE->getDirectCallee());
  });
}

void ParallelCalls::remarkStaticInitializer(const VarDecl *VD) {
  // A constant initializer is evaluated by the compiler, where no call runs.
  if (!VD->getInit() || VD->isConstexpr() || VD->hasConstantInitialization())
    return;
  std::vector<const CallExpr *> Calls;
  collectFrontier(VD->getInit(), PC.Facts, Calls);
  if (Calls.size() == 1)
    Calls = siblingCalls(VD->getInit(), PC.Facts);
  keepWorthTasks(Calls);
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

void ParallelCalls::remarkMemberInitializers(const CXXConstructorDecl *Ctor) {
  std::vector<const CallExpr *> All;
  unsigned Inits = 0;
  for (const CXXCtorInitializer *I : Ctor->inits()) {
    if (!I->isWritten() || !I->getInit())
      continue;
    if (siblingCalls(I->getInit(), PC.Facts).size() >= 2)
      continue; // a group of its own, with its own remark
    std::vector<const CallExpr *> Here;
    collectFrontier(I->getInit(), PC.Facts, Here);
    keepNamed(Here, Cost);
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

namespace {

bool containsPureCall(const Stmt *S, const PurityFacts &Facts) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (const auto *E = dyn_cast<Expr>(S); E && isPureCall(E, Facts))
    return true;
  return llvm::any_of(S->children(), [&](const Stmt *C) { return containsPureCall(C, Facts); });
}

/// The parts of E as a branch of a choice: a pure call (into Calls), a
/// value with no pure call in it, or a '?:' of those whose condition has
/// none (into Parts); false when E is none of them.
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

/// A choice: a '?:' that picks one pure call (or a plain value) to make.
bool isChoice(const Expr *E, const PurityFacts &Facts) {
  std::vector<const CallExpr *> Calls;
  std::vector<const Expr *> Parts;
  return isa<ConditionalOperator>(E) && choiceParts(E, Facts, Calls, Parts) && !Calls.empty();
}

/// siblingCalls, where a choice is one piece of work.
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

/// E as the user wrote it, in quotes, when it is short; Otherwise if not.
std::string shown(const PlanContext &PC, const Expr *E, const std::string &Otherwise) {
  std::optional<std::string> T = PC.text(E->getSourceRange());
  return T && T->size() <= 60 ? "'" + *T + "'" : Otherwise;
}

} // namespace

bool ParallelCalls::planChoices(const Expr *Full, const Expr *Region,
                                llvm::function_ref<Placement()> Place) {
  std::vector<const Expr *> Units = siblingUnits(Region, PC.Facts);
  if (Units.size() < 2) {
    remarkOneSided(Region);
    return false;
  }
  // A piece is worth a task when every call it may make is.
  std::vector<const Expr *> Worth, Parts;
  std::vector<const CallExpr *> Calls;
  std::vector<std::string> All, Names, Cheap;
  for (const Expr *U : Units) {
    std::vector<const CallExpr *> Its;
    std::vector<const Expr *> ItsParts;
    choiceParts(U, PC.Facts, Its, ItsParts);
    std::vector<std::string> Callees = namesOf(Its);
    llvm::sort(Callees);
    Callees.erase(std::unique(Callees.begin(), Callees.end()), Callees.end());
    std::optional<std::string> Text = PC.text(U->getSourceRange());
    std::string Name = isa<CallExpr>(U) ? calleeName(cast<CallExpr>(U))
                       : Text && Text->size() <= 60 ? *Text
                                                    : llvm::join(Callees, "' or '");
    All.push_back(Name);
    bool IsWorth = true;
    for (const CallExpr *CE : Its)
      if (!Cost.worthATask(CE->getDirectCallee())) {
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
    if (auto D = PC.remark(Loc, Diag::RemarkCheapCalls))
      *D << quotedList(All) << quotedList(Cheap) + (Cheap.size() == 1 ? " is" : " are")
         << unsigned(Cheap.size() == 1 ? 0 : 1);
    return false;
  }
  Loc = Worth.front()->getExprLoc();
  auto Refuse = [&](const std::string &Why) {
    if (auto D = PC.remark(Loc, Diag::RemarkMissedParallelCalls))
      *D << quotedList(Names) << Why;
    return false;
  };
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
  for (size_t K = 0; K < Worth.size(); ++K)
    if (std::optional<std::string> Why = unreachedBecause(Region, Worth[K], Names[K]))
      return Refuse(*Why);
  if (std::optional<std::string> Why = groupProblem(Full, Region, Calls))
    return Refuse(*Why);
  if (std::optional<std::string> Why = choiceProblem(Full, Worth, Parts))
    return Refuse(*Why);
  if (!P.NotEditable.empty())
    return Refuse(P.NotEditable);
  // Hoist each piece whole: a choice evaluates its condition and the call
  // it picks inside its task.
  SeveralMayThrow |= llvm::count_if(Worth, [&](const Expr *U) { return Throws.mayThrow(U); }) > 1;
  std::vector<std::string> Results, Branches;
  bool AnyRemote = false;
  for (const Expr *U : Worth) {
    std::string Result = PC.freshName("r");
    auto O = *PC.offsets(U->getSourceRange());
    std::string Text = PC.textAt(O.first, O.second);
    Branches.push_back(isa<CallExpr>(U)
                           ? branchText(PC, Throws, cast<CallExpr>(U), Text, AnyRemote)
                           : shapes::invokeBranch(Text));
    // An object, or a scalar bound to a reference, stays an rvalue.
    bool Move = U->getType()->isRecordType();
    const Expr *Up = U;
    while (true) {
      DynTypedNodeList Parents = PC.Ctx.getParents(*Up);
      const auto *Paren = Parents.empty() ? nullptr : Parents[0].get<ParenExpr>();
      if (!Paren) {
        for (const DynTypedNode &N : Parents)
          Move |= N.get<MaterializeTemporaryExpr>() != nullptr;
        break;
      }
      Up = Paren;
    }
    PC.replace(O.first, O.second, shapes::useResult(Result, Move));
    PC.take(O.first, O.second);
    Results.push_back(std::move(Result));
  }
  PC.insert(P.Open, P.Before + shapes::invokeHead(Results, AnyRemote) +
                        llvm::join(Branches, shapes::InvokeSeparator) + shapes::InvokeTail + " " +
                        P.BeforeRest);
  if (!P.After.empty())
    PC.insert(P.Close, P.After);
  if (auto D = PC.remark(Loc, Diag::RemarkParallelCalls))
    *D << quotedList(Names);
  PC.note(Loc, Transform::ParallelCalls, llvm::join(Names, " "));
  return true;
}

std::optional<std::string> ParallelCalls::choiceProblem(const Expr *Full,
                                                        const std::vector<const Expr *> &Units,
                                                        const std::vector<const Expr *> &Parts) {
  llvm::SmallPtrSet<const Expr *, 4> UnitSet(Units.begin(), Units.end());
  StmtDeps Rest = Scanner.scan(Full, &UnitSet);
  std::string Writer = "the expression";
  if (const Expr *W = Rest.ImpureCall ? Rest.ImpureCall : Rest.MemoryWrite)
    if (const FunctionDecl *Callee = calleeOf(W))
      Writer = quoted(Callee);
  for (const Expr *Part : Parts) {
    StmtDeps D = Scanner.scan(Part);
    std::string What = shown(PC, Part, "a condition of a '?:'");
    if (!D.isEffectFree())
      return What + " has side effects";
    llvm::SmallPtrSet<const VarDecl *, 8> Reads(D.Reads.begin(), D.Reads.end());
    addBindingReads(Part, Reads);
    for (const auto &[H, Held] : Sites.Holds)
      if (Reads.contains(H))
        Reads.insert(Held.begin(), Held.end());
    for (const VarDecl *VD : Reads)
      if (Rest.Writes.contains(VD))
        return quoted(VD) + " is written in the same expression";
    if (!Rest.ImpureCall && !Rest.MemoryWrite)
      continue;
    if (D.ReadsMemory)
      return Writer + " may write the memory " + What + " reads";
    for (const VarDecl *VD : Reads)
      if ((!isOwnedLocal(VD) || liveEscape(VD, Full)) && !isImmutable(VD, PC.Ctx))
        return Writer + " may write '" + VD->getNameAsString() + "', whose address escapes";
  }
  return std::nullopt;
}

void ParallelCalls::remarkOneSided(const Expr *Region) {
  std::vector<const CallExpr *> Always;
  collectFrontier(Region, PC.Facts, Always);
  keepNamed(Always, Cost);
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
        if (siblingCalls(Side, PC.Facts).size() >= 2)
          continue; // a group of its own, with its own remark
        std::vector<const CallExpr *> One;
        collectFrontier(Side, PC.Facts, One);
        keepNamed(One, Cost);
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

} // namespace purecc
