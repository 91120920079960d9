//===- ParallelStatements.cpp - runs of independent call statements as tasks
#include "ParallelStatements.h"
#include "CallHoisting.h"
#include "JumpTargets.h"
#include "OutlivesException.h"
#include "PlaceNames.h"
#include "Places.h"
#include "PreprocessorRecord.h"
#include "Shapes.h"
#include "SiblingCalls.h"
#include "Speculation.h"
#include "ValueUses.h"
#include "analysis/Unevaluated.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace purecc {

namespace {

/// The structured binding S assigns or increments first (`a = 4`, `++a`,
/// `a += 3`), or nullptr: the scanner sees such a write as one through the
/// binding's hidden reference, a remark names the binding.
const BindingDecl *writtenBinding(const Stmt *S) {
  if (!S)
    return nullptr;
  const Expr *Target = nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(S); BO && BO->isAssignmentOp())
    Target = BO->getLHS();
  else if (const auto *UO = dyn_cast<UnaryOperator>(S); UO && UO->isIncrementDecrementOp())
    Target = UO->getSubExpr();
  if (Target)
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Target->IgnoreParenImpCasts()))
      if (const auto *BD = dyn_cast<BindingDecl>(DRE->getDecl()))
        return BD;
  for (const Stmt *Child : S->children())
    if (const BindingDecl *BD = writtenBinding(Child))
      return BD;
  return nullptr;
}

} // namespace

struct ParallelStatements::Candidate {
  const Stmt *S;
  const CallExpr *Call;
  const VarDecl *Target; // the variable the statement stores the result in
  const Expr *Value;      // what it stores: the call, or a conversion of its result
  StmtDeps Args;
  bool ArgsReadMemory = false; // the call reads through pointers or references
  std::string Blocked; // why the statement cannot join a run (empty: it can)
  bool Apart = false;  // statements without calls of their own stand before it in the run
  // What the call's arguments hand on to be changed (`fv(std::move(v))`).
  std::vector<const VarDecl *> HandedOn;
};

// Why a statement that stores a pure call's result is no statement of a
// run: only a local variable the function owns is a run's target, stored
// after every call of the run has returned.
static std::string storedWhere(const PlanContext &PC, const Stmt *S, const VarDecl *Target,
                               const CallExpr *Call) {
  std::string Only = ": only a result stored into a local variable joins a run of calls";
  if (Target && Target->getType()->isReferenceType())
    return isa<DeclStmt>(S) ? quoted(Target) + " is a reference bound to the result of '" +
                                  calleeName(Call) + "'" + Only
                            // `rx = fib(k);` stores into what 'rx' refers to (adv29 R2).
                            : "the result of '" + calleeName(Call) +
                                  "' is stored through the reference " + quoted(Target) + Only;
  if (Target)
    return "the result of '" + calleeName(Call) + "' is stored into " + quoted(Target) +
           ", which is not a local variable" + Only;
  const Expr *LHS = nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(S))
    LHS = BO->getLHS();
  else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S))
    LHS = Op->getArg(0);
  // `auto [x, y] = q; x = fib(k);`: 'x' names a part of the object the
  // declaration made (adv29 R2).
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(LHS ? LHS->IgnoreParenImpCasts() : nullptr))
    if (const auto *BD = dyn_cast<BindingDecl>(DRE->getDecl()))
      return "the result of '" + calleeName(Call) + "' is stored into " + quoted(BD) +
             ", a structured binding, which names a part of an object, not a variable" + Only;
  return "the result of '" + calleeName(Call) + "' is stored into " +
         (LHS ? quotedPlace(PC, LHS, "a part of an object") : std::string("a part of an object")) +
         ", not into a variable" + Only;
}


const CallExpr *ParallelStatements::operandCall(
    const Expr *Value, std::pair<const CallExpr *, std::string> &Refused) const {
  // `long f = argc + slow(k);`, `long e = -fib(k) * 2;`: the one pure call
  // worth a task, reached through built-in arithmetic only (no '?:',
  // '&&', '||' or ',', which decide whether or when it runs). The call
  // runs with the run's others; the rest of the expression stays where it
  // stands and reads the result, so it must neither write anything nor
  // throw (a serial program that throws there may never make the call).
  std::vector<const CallExpr *> Found = worthPureCalls(Value);
  // `long r = c ? fib(24) : fib(27);`: the condition decides which call is
  // made, so neither is a sibling of the next statement's (adv43 t03: this
  // was silent; one call in one branch is judged below).
  if (const auto *Choice = dyn_cast<AbstractConditionalOperator>(Value->IgnoreImplicit()->IgnoreParens());
      Choice && Found.size() >= 2) {
    Refused = {Found.front(), "the call to '" + calleeName(Found.front()) +
                                  "' is in a branch of '?:', whose condition decides which call "
                                  "is made, and the serial program may not make it"};
    return nullptr;
  }
  if (Found.size() != 1)
    return nullptr; // none, or a group of its own (ParallelCalls)
  // The operands that lead from Value to the call, found once (a long
  // chain `slow(k) + x + ... + x` is walked in linear time).
  llvm::SmallPtrSet<const Stmt *, 8> OnPath;
  for (const Stmt *N = Found.front(); N && N != Value;) {
    OnPath.insert(N);
    DynTypedNodeList Parents = PC.Ctx.getParents(*N);
    N = Parents.empty() ? nullptr : Parents[0].get<Stmt>();
  }
  std::vector<const Expr *> Rest;
  // Never silent when the call is reached through more than arithmetic.
  auto Unmoved = [&](const std::string &How) {
    Refused = {Found.front(), "the result of '" + calleeName(Found.front()) + "' is " + How +
                                  ": only a call whose result built-in arithmetic uses joins a "
                                  "run"};
  };
  const Expr *E = Value;
  while (E) {
    E = E->IgnoreParens();
    // The temporaries of the rest (`m.at(argc)` binds 'argc' to a 'const
    // long &') are destroyed at the end of the statement, where they stay.
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E)) {
      E = Cleanups->getSubExpr();
      continue;
    }
    if (const auto *CE = dyn_cast<CallExpr>(E)) {
      if (!isPureCall(CE, PC)) {
        // `M2 m = pm(k) + 2L;` with a class's 'operator+' (adv26 d5, d6).
        const FunctionDecl *Callee = calledFunction(CE);
        Unmoved(Callee ? "passed to " + quoted(Callee) : std::string("passed to a call"));
        return nullptr;
      }
      if (E == Value)
        return nullptr;
      std::string Call = "'" + calleeName(CE) + "'";
      for (const Expr *R : Rest) {
        if (StmtDeps D = Tasks.Scanner.scan(R); !D.isEffectFree()) {
          // Said as the sibling-call remarks say it ("'off' is written in
          // the same expression").
          const auto *Impure = dyn_cast_or_null<CallExpr>(D.ImpureCall);
          const FunctionDecl *Callee = Impure ? calledFunction(Impure) : nullptr;
          std::string Why;
          if (Callee)
            Why = quoted(Callee) + ", called in the same expression as " + Call +
                  ", is not known to be pure";
          else if (!D.Writes.empty())
            Why = quotedObject(inSourceOrder(D.Writes, R, PC.SM).front()) +
                  " is written in the same expression as " + Call;
          else if (const BindingDecl *BD = writtenBinding(R))
            Why = quoted(BD) + " is written in the same expression as " + Call;
          else
            Why = "the expression with " + Call + " writes through a pointer or reference";
          Refused = {CE, Why};
          return nullptr;
        }
        if (Tasks.Throws.mayThrow(R)) {
          Refused = {CE, whichMayThrowThen(PC, Tasks.Throws, R,
                                           "is computed with the result of " + Call) +
                             ", and the serial program may not make the call then"};
          return nullptr;
        }
        if (std::optional<NoReturnCall> N = Tasks.NoReturn.first(R)) {
          Refused = {CE, N->Named + ", is computed with the result of " + Call +
                             ", and the serial program may not make the call then"};
          return nullptr;
        }
      }
      return CE;
    }
    // `k < lim ? endless(k) : 0`, `k >= lim || endless(k)`: the serial
    // program may never make the call (adv29 R1: this was silent).
    if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
      if (OnPath.contains(CO->getCond()))
        Unmoved("the condition of '?:'");
      else
        Refused = {Found.front(), "the call to '" + calleeName(Found.front()) +
                                      "' is made only when the condition of '?:' chooses its "
                                      "branch, and the serial program may not make it"};
      return nullptr;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
      std::string Op = "'" + BO->getOpcodeStr().str() + "'";
      if (BO->isLogicalOp() && OnPath.contains(BO->getRHS())) {
        Refused = {Found.front(), "the call to '" + calleeName(Found.front()) +
                                      "' is made only when the left operand of " + Op +
                                      " does not decide it, and the serial program may not "
                                      "make it"};
        return nullptr;
      }
      if (BO->isLogicalOp() || BO->isCommaOp() || BO->isAssignmentOp()) {
        Unmoved("an operand of " + Op);
        return nullptr;
      }
      bool InLeft = OnPath.contains(BO->getLHS());
      if (!InLeft && !OnPath.contains(BO->getRHS()))
        return nullptr;
      Rest.push_back(InLeft ? BO->getRHS() : BO->getLHS());
      E = InLeft ? BO->getLHS() : BO->getRHS();
    } else if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (!UO->isArithmeticOp())
        return nullptr;
      E = UO->getSubExpr();
    } else if (const auto *Cast = dyn_cast<CastExpr>(E)) {
      // Conversions between scalars; a class's conversion is a call.
      if (!E->getType()->isScalarType() || !Cast->getSubExpr()->getType()->isScalarType() ||
          Cast->getConversionFunction()) {
        if (const NamedDecl *Conversion = Cast->getConversionFunction())
          Unmoved("converted by " + quoted(Conversion));
        return nullptr;
      }
      E = Cast->getSubExpr();
    } else {
      // `Money m = fib(k);` with a converting constructor (adv26 d1-d3).
      if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
        Unmoved("converted by " + quoted(Construct->getConstructor()));
      // `S s{fib(k)};`, `S s = {.y = fib(k)};` (adv30 R2: this was silent).
      else if (isa<InitListExpr, CXXParenListInitExpr, DesignatedInitExpr>(E))
        Unmoved("an element of an aggregate's initializer");
      return nullptr;
    }
  }
  return nullptr;
}

std::optional<ParallelStatements::Candidate>
ParallelStatements::runCandidate(const Stmt *S, std::pair<const CallExpr *, std::string> *WhyNot) const {
  Candidate C{S, nullptr, nullptr, nullptr, StmtDeps(), false, "", false, {}};
  const Expr *Value = nullptr;
  // `a = mk(k);` of a class binds the result to operator='s parameter, a
  // temporary destroyed at the end of the statement (adv29 R1: silent).
  const Stmt *Assignment = S;
  if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(S))
    Assignment = Cleanups->getSubExpr();
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    const auto *VD = DS->isSingleDecl() ? dyn_cast<VarDecl>(DS->getSingleDecl()) : nullptr;
    // `static long s = fib(k);`: initialized the first time only, under a
    // guard the rewrite would run around (adv29 R1: this was silent).
    // `long a = w(x), b = 0;`: a run stores into the one variable a
    // declaration makes (adv69 F3: this was silent).
    if (!DS->isSingleDecl() && WhyNot)
      for (const Decl *D : DS->decls())
        if (const auto *Each = dyn_cast<VarDecl>(D); Each && Each->getInit())
          if (const Expr *W = written(Each->getInit()); W && isPureCall(W, PC)) {
            *WhyNot = {cast<CallExpr>(W), "the declaration declares several variables: only a "
                                          "declaration of one local variable joins a run of calls"};
            break;
          }
    if (VD && !VD->hasLocalStorage() && VD->getInit() && WhyNot)
      if (const Expr *W = written(VD->getInit()); W && isPureCall(W, PC))
        *WhyNot = {cast<CallExpr>(W),
                   quoted(VD) + " is " +
                       (VD->getTLSKind() != VarDecl::TLS_None ? "'thread_local'" : "'static'") +
                       ", initialized only the first time its declaration runs: only a result "
                       "stored into a local variable joins a run of calls"};
    if (!VD || !VD->hasLocalStorage() || !VD->getInit())
      return std::nullopt;
    C.Target = VD;
    Value = VD->getInit();
    // `decltype(auto) a = mk(k);`: the type follows the initializer as
    // written, and the run would store a moved result (adv27 C1).
    if (const AutoType *Auto = VD->getType()->getContainedAutoType();
        Auto && Auto->isDecltypeAuto()) {
      if (const Expr *W = written(VD->getInit()); W && WhyNot && isPureCall(W, PC))
        *WhyNot = {cast<CallExpr>(W), quoted(VD) +
                                          " is declared 'decltype(auto)', whose type would "
                                          "change with the initializer the run writes"};
      return std::nullopt;
    }
    // `constexpr long a = fib(10);`, or a 'const' one the compiler may use
    // as a constant (`std::array<long, a>`): its initializer must stay a
    // constant expression, written where it is (adv27 C3).
    if (std::string Why = constantVariableReason(VD, PC.Ctx); !Why.empty()) {
      if (const Expr *W = written(Value); W && WhyNot && isPureCall(W, PC))
        *WhyNot = {cast<CallExpr>(W), std::move(Why)};
      return std::nullopt;
    }
    // `long e{fib(k)};` and `long e = {fib(k)};` store the one value the
    // braces hold (adv26 t20).
    if (const auto *List = dyn_cast<InitListExpr>(Value->IgnoreImplicit());
        List && List->getNumInits() == 1 && VD->getType()->isScalarType())
      Value = List->getInit(0);
  } else if (const auto *BO = dyn_cast<BinaryOperator>(Assignment); BO && BO->isAssignmentOp()) {
    // `e = ...` and `e += ...`: the store stays where it stands, so a
    // compound assignment reads the target there, as the serial one does.
    C.Target = dyn_cast_or_null<VarDecl>(
        isa<DeclRefExpr>(BO->getLHS()->IgnoreParenImpCasts())
            ? cast<DeclRefExpr>(BO->getLHS()->IgnoreParenImpCasts())->getDecl()
            : nullptr);
    Value = BO->getRHS();
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Assignment);
             Op && Op->getOperator() == OO_Equal) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreParenImpCasts()))
      C.Target = dyn_cast<VarDecl>(DRE->getDecl());
    Value = Op->getArg(1);
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Assignment);
             Op && Op->isAssignmentOp() && Op->getNumArgs() == 2) {
    // `a += mkc(k);` of a class: its operator+= takes the result where the
    // statement stands (adv30 R1: this was silent).
    const auto *Target = dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreParenImpCasts());
    const auto *Local = Target ? dyn_cast<VarDecl>(Target->getDecl()) : nullptr;
    if (const Expr *W = written(Op->getArg(1));
        W && WhyNot && Local && isOwnedLocal(Local) && isPureCall(W, PC))
      if (const FunctionDecl *Operator = Op->getDirectCallee())
        *WhyNot = {cast<CallExpr>(W), "the result of '" + calleeName(cast<CallExpr>(W)) +
                                          "' is passed to " + quoted(Operator) +
                                          ": only a result stored by '=' joins a run of calls"};
    return std::nullopt;
  } else if (const auto *E = dyn_cast<Expr>(Assignment); E && WhyNot) {
    // `(void)fib(k);` and `burn(n);`: a pure call's statement that keeps
    // no result computes nothing the program sees (adv36 t08: this was
    // silent). Said so a user who wrote it as a warm-up knows why.
    const Expr *Kept = E->IgnoreParens();
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(Kept); Cast && Cast->getType()->isVoidType())
      Kept = Cast->getSubExpr();
    if (const Expr *W = written(Kept); W && isPureCall(W, PC)) {
      const auto *Call = cast<CallExpr>(W);
      *WhyNot = {Call, (Call->getType()->isVoidType()
                            ? "'" + calleeName(Call) + "' returns 'void', so its call computes "
                            : "the result of '" + calleeName(Call) +
                                  "' is discarded, so its call computes ") +
                           "nothing the program uses: only a result stored into a local "
                           "variable joins a run of calls"};
    } else if (std::pair<const CallExpr *, std::string> Refused{nullptr, ""};
               !operandCall(Kept, Refused) && Refused.first) {
      // `out.push_back(w(1));`: the result goes to a call that stays
      // where it stands (adv69 F3: this was silent), named as written.
      *WhyNot = Refused;
      for (const Stmt *N = Refused.first; N && N != Kept;) {
        DynTypedNodeList Parents = PC.Ctx.getParents(*N);
        N = Parents.empty() ? nullptr : Parents[0].get<Stmt>();
        if (const auto *Taker = dyn_cast_or_null<CallExpr>(N)) {
          if (const FunctionDecl *F = calledFunction(Taker); F && F->getIdentifier())
            WhyNot->second = "the result of '" + calleeName(Refused.first) + "' is passed to '" +
                             F->getName().str() +
                             "': only a result stored into a local variable joins a run of calls";
          break;
        }
      }
    }
    return std::nullopt;
  }
  if (!C.Target || !isOwnedLocal(C.Target) || !Value) {
    // Never silent: a pure call stored somewhere else than a local the
    // statement owns (`arr[0] = f(a);`, `p.x = f(a);`, `const long &r =
    // f(a);`) could have been a sibling; say where it is stored.
    if (const Expr *W = Value ? written(Value) : nullptr; W && WhyNot && isPureCall(W, PC))
      *WhyNot = {cast<CallExpr>(W), storedWhere(PC, S, C.Target, cast<CallExpr>(W))};
    else if (std::pair<const CallExpr *, std::string> Refused{nullptr, ""};
             Value && WhyNot && !operandCall(Value, Refused) && Refused.first)
      *WhyNot = Refused; // `const long &r = c ? fib(24) : fib(27);`
    return std::nullopt;
  }
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
    if (Whole && Inner && *Whole == *Inner && isPureCall(Converted, PC)) {
      llvm::SmallPtrSet<const Expr *, 1> Inside{Converted};
      if (StmtDeps Rest = Tasks.Scanner.scan(MC, &Inside); !Rest.isEffectFree()) {
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
  if (!isPureCall(W, PC)) {
    std::pair<const CallExpr *, std::string> Refused{nullptr, ""};
    if (const CallExpr *Operand = operandCall(Value, Refused))
      W = Operand;
    else if (Refused.first) {
      if (WhyNot)
        *WhyNot = Refused;
      return std::nullopt;
    }
  }
  if (!isPureCall(W, PC)) {
    // `long a = lf(1);` with a lambda that calls a pure function but is no
    // pure code: say why, should a neighbour have been its sibling.
    if (const auto *CE = dyn_cast<CallExpr>(W); CE && WhyNot)
      if (std::string Why = whyNotPureCall(CE, PC); !Why.empty())
        *WhyNot = {CE, Why};
    return std::nullopt;
  }
  C.Call = cast<CallExpr>(W);
  std::string Why;
  if (!Tasks.acceptableCall(C.Call, Why)) {
    if (WhyNot)
      *WhyNot = {C.Call, Why};
    return std::nullopt;
  }
  // Its arguments, its object, what a lambda captures by reference, and
  // through a local that holds another's address (`const long &ra = a;`,
  // a view), that other local.
  StmtDeps Reads = Tasks.callReads(C.Call);
  C.Args.Reads = std::move(Reads.Reads);
  C.ArgsReadMemory = Reads.ReadsMemory;
  C.HandedOn = Tasks.handedOn(C.Call);
  auto Begin = PC.offsets(S->getSourceRange());
  std::optional<unsigned> End = PC.endOfStatement(S);
  if (!Begin || !End || PC.isTaken(Begin->first, *End))
    return std::nullopt;
  // `long z = __COUNTER__ + fib(19 + __COUNTER__);`: the call would move
  // before the rest of its statement, and its macros expand first (adv37
  // t08).
  if (PC.changesPreprocessorState(Begin->first, *End)) {
    if (WhyNot)
      *WhyNot = {C.Call, "its statement changes the preprocessor's state ('__COUNTER__' or a "
                         "directive in it), and the call to '" +
                             calleeName(C.Call) + "' would move before the rest of it"};
    return std::nullopt;
  }
  // The calls of the run all run before the first target is stored: one
  // of them could read the old value through an address of the target
  // that escaped earlier (an argument `*p`). An escape after the statement
  // is no matter: not inside the run (a later call of the run that takes
  // the address reads the target, which ends the run before it), nor
  // after it.
  if (std::optional<LiveEscape> E = Tasks.Escapes.liveEscape(C.Target, S))
    C.Blocked = Tasks.Escapes.reason(C.Target, *E);
  return C;
}

std::string ParallelStatements::pragmaAmong(const CompoundStmt *CS, const Stmt *First,
                                            const Stmt *Last) const {
  unsigned Begin = 0;
  bool Known = false;
  if (SourceLocation Brace = PC.SM.getExpansionLoc(CS->getLBracLoc());
      Brace.isValid() && PC.SM.getFileID(Brace) == PC.SM.getMainFileID()) {
    Begin = PC.endOfToken(Brace);
    Known = true;
  }
  for (auto It = CS->body_begin(); It != CS->body_end() && *It != First; ++It)
    if (std::optional<unsigned> End = PC.endOfStatement(*It)) {
      Begin = *End;
      Known = true;
    }
  std::optional<unsigned> End = PC.endOfStatement(Last);
  if (!Known || !End)
    return "";
  std::vector<std::string> Pragmas = PC.pragmasBetween(Begin, *End);
  return Pragmas.empty() ? "" : Pragmas.front();
}

llvm::SmallPtrSet<const Stmt *, 4> ParallelStatements::planRuns(const CompoundStmt *CS) {
  llvm::SmallPtrSet<const Stmt *, 4> Done;
  std::vector<Candidate> Run;
  // The first statement between two of the run's that changes something
  // outside itself ('x = 4'), quoted; empty when none.
  std::string RunGapLeaves;
  // Emits the parts of Run between its blocked statements, and a remark
  // for each blocked statement that would have joined a neighbour.
  auto Flush = [&] {
    std::vector<Candidate> Part;
    auto Emit = [&] {
      std::vector<const CallExpr *> Calls;
      for (const Candidate &C : Part)
        Calls.push_back(C.Call);
      if (Part.size() >= 2 && Tasks.worthTasks(Calls)) {
        // The results are declared where the first statement stands: a
        // jump from before it to a label or 'case' after the run would
        // cross that declaration, which C++ forbids (adv26 C1).
        auto After = llvm::find(CS->body(), Part.back().S);
        if (After != CS->body_end() &&
            std::any_of(std::next(After), CS->body_end(), [](const Stmt *Later) {
              return containsJumpTarget(Later, JumpTarget::LabelOrCase);
            })) {
          if (auto D = PC.remark(Calls.front()->getExprLoc(), Diag::RemarkMissedParallelCalls))
            *D << quotedList(namesOf(Calls))
               << "a label or 'case' after them may be reached by a jump from before them, "
                  "which may not cross the declaration of their results";
        } else {
          emitRun(Part);
          for (const Candidate &C : Part)
            Done.insert(C.S);
        }
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
    RunGapLeaves.clear();
  };
  // Never silent about a statement that stores a pure call but cannot join
  // its neighbour's run: the previous statement's call and why, until the
  // next statement says whether it could have joined.
  std::optional<std::pair<const CallExpr *, std::string>> Pending;
  const CallExpr *Said = nullptr;
  std::string SaidWhy; // and why: another reason at the same call is said too
  // Said at the call of the statement that cannot join.
  auto Missed = [&](const CallExpr *First, const CallExpr *Second, const std::string &Why,
                    const CallExpr *At) {
    if (auto D = PC.remark(At->getExprLoc(), Diag::RemarkMissedParallelCalls))
      *D << quotedList({calleeName(First), calleeName(Second)}) << Why;
  };
  // The statements after the run's last one that call nothing worth a
  // task: the next statement of a run may still join it across them
  // (gapReason).
  std::vector<const Stmt *> Gap;
  for (const Stmt *Written : CS->body()) {
    // `default: x = fib(k);` starts a run after its label (adv26 d7, d8):
    // a jump there arrives before the calls, as in the serial program. A
    // label ends the run before it, whose calls a jump would skip.
    const Stmt *S = Written;
    while (isa<LabelStmt, SwitchCase>(S))
      S = isa<LabelStmt>(S) ? cast<LabelStmt>(S)->getSubStmt() : cast<SwitchCase>(S)->getSubStmt();
    std::pair<const CallExpr *, std::string> WhyNot{nullptr, ""};
    std::optional<Candidate> C = runCandidate(S, &WhyNot);
    if (S != Written) {
      if (C && !Run.empty())
        Missed(Run.back().Call, C->Call,
               "a label stands before the call to '" + calleeName(C->Call) +
                   "', where a jump would arrive without the calls before it",
               C->Call);
      Flush();
      Gap.clear();
    }
    if (WhyNot.first && !Tasks.Cost.worthACall(WhyNot.first))
      WhyNot = {nullptr, ""};
    if (!C && !Run.empty() && !WhyNot.first && worthPureCalls(S).empty()) {
      Gap.push_back(S);
      continue;
    }
    bool Apart = false;
    // A call that reads what an earlier statement of the run stores is no
    // sibling of it, whatever stands between them: nothing to say of the
    // statements between (user49 f03: `H h = march(x); if (!h.hit) return
    // 0.0; double s = shade(h.t);` blamed the 'return').
    if (C && !Gap.empty() && llvm::any_of(Run, [&](const Candidate &Earlier) {
          return C->Args.Reads.contains(Earlier.Target);
        }))
      Flush();
    if (C && !Gap.empty() && !Run.empty()) {
      // `long e = fib(k); v.push_back(k); long f = fib(k - 1);`: the later
      // call moves before the statements between them.
      if (std::string Why = gapReason(Gap, *C); !Why.empty()) {
        Missed(Run.back().Call, C->Call, Why, C->Call);
        Flush();
      } else {
        Apart = true;
      }
    }
    // The calls hoisted in front of the first statement and the names that
    // replace them move the rest of their lines (adv37 t03).
    if (C && !Run.empty())
      for (const Candidate *E : {&Run.front(), &*C})
        if (std::string Why = columnUseReason(E->S, PC.Ctx); !Why.empty()) {
          Missed(Run.back().Call, C->Call,
                 "the statement that calls '" + calleeName(E->Call) + "' uses " + Why, C->Call);
          Flush();
          Apart = false;
          break;
        }
    // The calls move to where the first statement stands, out of the reach
    // of a pragma among the statements (`#pragma GCC diagnostic ignored`
    // around one of them, `#pragma omp critical` before one: adv67 F9).
    if (C && !Run.empty())
      if (std::string Pragma = pragmaAmong(CS, Run.front().S, C->S); !Pragma.empty()) {
        Missed(Run.back().Call, C->Call,
               "'" + Pragma + "' stands among the statements, and the calls would move out of its "
               "reach: statements with a pragma among them are left as written",
               C->Call);
        Flush();
        Apart = false;
      }
    // With statements between, every call of the run moves to where the
    // first statement stands (emitRun).
    if (C && !Run.empty() &&
        (Apart || llvm::any_of(Run, [](const Candidate &E) { return E.Apart; })))
      if (std::string Why = movedReason(Run, *C); !Why.empty()) {
        Missed(Run.back().Call, C->Call, Why, C->Call);
        Flush();
        Apart = false;
      }
    // What the statements between leave outside themselves, which a later
    // call of the run that throws must not skip (adv26 W2).
    std::string GapLeaves = Apart ? gapEffect(Gap) : std::string();
    Gap.clear();
    if (!C) {
      const CallExpr *Lone = WhyNot.first ? WhyNot.first : lonePureCall(S);
      // After the run's last statement: it could have joined the run.
      // (A call that reads what the run stores is no sibling of it.)
      if (!Run.empty() && WhyNot.first && !Tasks.Throws.mayThrow(Run.back().S)) {
        StmtDeps Reads = Tasks.callReads(WhyNot.first);
        if (llvm::none_of(Run, [&](const Candidate &Earlier) {
              return Reads.Reads.contains(Earlier.Target);
            })) {
          Missed(Run.back().Call, WhyNot.first, WhyNot.second, WhyNot.first);
          Said = WhyNot.first; // one remark per statement and reason
          SaidWhy = WhyNot.second;
        }
      }
      // After a statement that could not join a run either: the two could
      // have been siblings, and the earlier one says why not.
      if (Pending && WhyNot.first && !(Pending->first == Said && Pending->second == SaidWhy) &&
          Said != WhyNot.first) {
        Missed(Pending->first, WhyNot.first, Pending->second, Pending->first);
        Said = Pending->first;
        SaidWhy = Pending->second;
      }
      Pending.reset();
      // Before the next statement: a statement that may throw keeps every
      // later call where it is (the speculation rule), whatever else it is.
      if (Lone && Tasks.Throws.mayThrow(S))
        Pending = {Lone, "the statement that calls '" + calleeName(Lone) + "' may throw (" +
                             whichMayThrow(PC, Tasks.Throws, isa<Expr>(S) ? cast<Expr>(S) : [&]() -> const Expr * {
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
    if (Pending && !(Pending->first == Said && Pending->second == SaidWhy))
      Missed(Pending->first, C->Call, Pending->second, Pending->first);
    Pending.reset();
    // A call may not read what an earlier statement of the run stores (no
    // remark: it is no sibling of the call it needs). Storing into the same
    // variable twice is no matter: each statement stores where it stands,
    // in the serial order.
    bool Feeds = false;
    for (const Candidate &Earlier : Run)
      Feeds |= C->Args.Reads.contains(Earlier.Target);
    if (Feeds)
      Flush();
    // Nor read what another call of the run hands on to be changed, nor
    // hand on what another reads: `long a = fv(std::move(v)); long b =
    // gv(v);` would race on 'v' (adv27 W1).
    for (const Candidate &Earlier : Run) {
      std::string Why = handedOnReason(Earlier, *C);
      if (Why.empty())
        Why = handedOnReason(*C, Earlier);
      if (!Why.empty()) {
        Missed(Run.back().Call, C->Call, Why, C->Call);
        Flush();
        break;
      }
    }
    // Nor run where the serial program has left by an exception: only the
    // last statement of a run may throw.
    if (!Run.empty() && Tasks.Throws.mayThrow(Run.back().S)) {
      if (auto D = PC.remark(Run.back().Call->getExprLoc(), Diag::RemarkMissedParallelCalls))
        *D << quotedList({calleeName(Run.back().Call), calleeName(C->Call)})
           << (Tasks.Throws.mayThrow(Run.back().Call)
                   ? "'" + calleeName(Run.back().Call) + "' may throw"
                   // What is around the call: a conversion of its result.
                   : "the statement that calls '" + calleeName(Run.back().Call) +
                         "' may throw (" + whichMayThrow(PC, Tasks.Throws, Run.back().Value) + ")") +
                  ", and the serial program does not make the later call then";
      Flush();
    }
    // Nor make a call the serial program never makes: the rest of the
    // last statement, run after every call of the run, may end the program
    // (`long a = fib(k) + guard(k);` with an 'assert' in 'guard'; adv27 H1).
    // Nor when that call itself may not return (an 'assert' in it): the
    // later call, running beside it, may trap first on what the failed
    // check stops in the serial program (adv35 t01).
    if (!Run.empty()) {
      const CallExpr *Last = Run.back().Call;
      llvm::SmallPtrSet<const Expr *, 1> Own{Last};
      std::string Why;
      if (std::optional<NoReturnCall> N = Tasks.NoReturn.first(Last))
        Why = N->At == Last ? "'" + calleeName(Last) + "' may not return"
                              : N->Named + ", is an argument of '" + calleeName(Last) + "'";
      else if (std::optional<NoReturnCall> N = Tasks.NoReturn.first(Run.back().S, &Own))
        Why = N->Named + ", runs after the call to '" + calleeName(Last) + "'";
      if (!Why.empty()) {
        Missed(Last, C->Call, Why + ", and the serial program does not make the later call then",
               Last);
        Flush();
      }
    }
    // Nor store late what a handler reads: when this call throws, the
    // serial program has stored every earlier statement's result, the
    // parallel one none of them.
    if (!Run.empty() && Tasks.Throws.mayThrow(C->S)) {
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
    // Nor skip what statements between earlier ones of the run changed:
    // the serial program has made those changes when this call throws.
    if (!Run.empty() && !RunGapLeaves.empty() && Tasks.Throws.mayThrow(C->S)) {
      Missed(Run.back().Call, C->Call,
             whichMayThrowThen(PC, Tasks.Throws, C->S,
                               "runs after " + RunGapLeaves + " in the serial program") +
                 ", which would not run if it threw first",
             C->Call);
      Flush();
    }
    C->Apart = Apart && !Run.empty();
    if (C->Apart && RunGapLeaves.empty())
      RunGapLeaves = GapLeaves;
    Run.push_back(std::move(*C));
  }
  Flush();
  return Done;
}

std::string ParallelStatements::handedOnReason(const Candidate &Giver,
                                               const Candidate &Reader) const {
  for (const VarDecl *VD : Giver.HandedOn)
    if (Reader.Args.Reads.contains(VD))
      return CallTasks::handedOnReason(Giver.Call, VD, Reader.Call);
  return "";
}

namespace {

/// A call of a member function (not a static one) reads its object, which a
/// write through a pointer, a reference or `this` may change.
bool readsItsObject(const CallExpr *Call) {
  if (isa<CXXMemberCallExpr>(Call))
    return true;
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
  const auto *MD = Op ? dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee()) : nullptr;
  return MD && !MD->isStatic();
}

} // namespace

std::string ParallelStatements::gapEffect(const std::vector<const Stmt *> &Gap) const {
  for (const Stmt *B : Gap) {
    StmtDeps D = Tasks.Scanner.scan(B);
    if (D.MemoryWrite || D.ImpureCall ||
        llvm::any_of(D.Writes, [&](const VarDecl *VD) { return !D.Locals.contains(VD); })) {
      std::optional<std::string> Text = quotable(PC.shownText(B->getSourceRange()));
      return Text ? "'" + *Text + "'"
                  : "the statement on line " +
                       std::to_string(PC.SM.getPresumedLineNumber(B->getBeginLoc()));
    }
  }
  return "";
}

namespace {

/// Whether any part of E is written with a macro (`slow(K2)`, `__LINE__`).
bool usesMacro(const Stmt *E) {
  if (!E)
    return false;
  if (E->getBeginLoc().isMacroID() || E->getEndLoc().isMacroID())
    return true;
  return llvm::any_of(E->children(), [](const Stmt *C) { return usesMacro(C); });
}

} // namespace

std::string ParallelStatements::movedReason(const std::vector<Candidate> &Run,
                                            const Candidate &C) const {
  auto First = PC.offsets(Run.front().S->getSourceRange());
  auto Last = PC.offsets(C.S->getSourceRange());
  if (First && Last && PC.changesPreprocessorState(First->first, Last->first))
    return "a preprocessor directive stands between them, and the call to '" +
           calleeName(C.Call) + "' would move before it";
  std::vector<const CallExpr *> Calls;
  for (const Candidate &E : Run)
    Calls.push_back(E.Call);
  Calls.push_back(C.Call);
  for (const CallExpr *Call : Calls) {
    if (usesMacro(Call))
      return "the call to '" + calleeName(Call) +
             "' is written with a macro, and the statements between them would move it to "
             "another line";
    // `long f = at(k);` with `long at(long, long line = __builtin_LINE())`.
    if (const SourceLocExpr *Line = lineUse(Call))
      return "the call to '" + calleeName(Call) + "' uses '" + Line->getBuiltinStr().str() +
             "()'" + (Line->getBeginLoc() == Call->getBeginLoc() ? "" : " (a default argument)") +
             ", and the statements between them would move it to another line";
  }
  return "";
}

bool ParallelStatements::mayBeReachedThrough(const VarDecl *VD, const Stmt *Where) const {
  if (Tasks.Escapes.liveEscape(VD, Where))
    return true;
  return llvm::any_of(Tasks.Escapes.holds(),
                      [&](const auto &Holder) { return Holder.second.contains(VD); });
}

std::string ParallelStatements::gapReason(const std::vector<const Stmt *> &Gap,
                                          const Candidate &C) const {
  std::string Call = "the call to '" + calleeName(C.Call) + "'";
  const char *NotMade = ", and the serial program does not make the later call then";
  for (const Stmt *B : Gap) {
    std::optional<std::string> Text = quotable(PC.shownText(B->getSourceRange()));
    std::string What = Text ? "'" + *Text + "'"
                            : "the statement on line " +
                                 std::to_string(PC.SM.getPresumedLineNumber(B->getBeginLoc()));
    // A jump to a label or a 'case' in B would skip the calls hoisted
    // before B while running the statements after it.
    if (containsJumpTarget(B, JumpTarget::LabelOrCase))
      return What + " between them has a label, where a jump would arrive without the calls";
    if (std::string Why = columnUseReason(B, PC.Ctx); !Why.empty())
      return What + " between them uses " + Why;
    if (const auto *DS = dyn_cast<DeclStmt>(B);
        DS && llvm::any_of(DS->decls(), [](const Decl *D) { return !isa<VarDecl>(D); }))
      return What + " between them declares a name other than a variable, which " + Call +
             " could not name before it";
    StmtDeps D = Tasks.Scanner.scan(B);
    if (D.Exit)
      return What + " between them may leave the block" + NotMade;
    if (Tasks.Throws.mayThrow(B))
      return whichMayThrowThen(PC, Tasks.Throws, B, "runs between them") + NotMade;
    // `assert(k < 40);`: the serial program may end there (adv27 H1).
    if (std::optional<NoReturnCall> N = Tasks.NoReturn.first(B))
      return N->Named + ", runs between them" + NotMade;
    if (D.ImpureCall) {
      const auto *Impure = dyn_cast<CallExpr>(D.ImpureCall);
      const FunctionDecl *Callee = Impure ? calledFunction(Impure) : nullptr;
      return (Callee ? quoted(Callee) : What) +
             " between them is not known to be pure: it may write what " + Call + " reads";
    }
    // A pure call reads no memory but through its arguments and its
    // object: one that takes only values cannot see the write (adv24 R4);
    // but when it throws, the serial program has made the write by then.
    if (D.MemoryWrite) {
      if (C.ArgsReadMemory || readsItsObject(C.Call))
        return What + " between them writes through a pointer or reference, which " + Call +
               " may read";
      // A value read by name may itself be what the pointer reaches: a
      // local held by a reference, pointer or view, one whose address
      // escaped, or a structured binding (its object is written through
      // the binding's hidden reference) (adv26 W1).
      if (const BindingDecl *BD = writtenBinding(B))
        if (const auto *DD = dyn_cast_or_null<DecompositionDecl>(BD->getDecomposedDecl());
            DD && C.Args.Reads.contains(DD))
          return quoted(BD) + " is written between them (" + What + "), and " + Call +
                 " reads " + quotedObject(DD);
      for (const VarDecl *VD : inSourceOrder(C.Args.Reads, C.Call, PC.SM))
        if (isa<DecompositionDecl>(VD) || mayBeReachedThrough(VD, B))
          return What + " between them writes through a pointer or reference, which may reach " +
                 quotedObject(VD) + ", and " + Call + " reads it";
      if (Tasks.Throws.mayThrow(C.Call))
        return "'" + calleeName(C.Call) + "' may throw, and " + What +
               " runs before it in the serial program";
    }
    for (const VarDecl *VD : D.Locals)
      if (C.Args.Reads.contains(VD))
        return quotedObject(VD) + " is declared between them, and " + Call + " reads it";
    for (const VarDecl *VD : D.Writes) {
      if (D.Locals.contains(VD))
        continue;
      if (C.Args.Reads.contains(VD))
        return quotedObject(VD) + " is written between them (" + What + "), and " + Call + " reads it";
      // A write to a member of a holder (`hold.r = 4` with a reference
      // member) writes what the holder reaches (adv26 W1).
      if (auto Held = Tasks.Escapes.holds().find(VD); Held != Tasks.Escapes.holds().end())
        for (const VarDecl *Read : inSourceOrder(C.Args.Reads, C.Call, PC.SM))
          if (Held->second.contains(Read))
            return quotedObject(VD) + " is written between them (" + What + "), and it may reach " +
                   quotedObject(Read) + ", which " + Call + " reads";
      if (C.ArgsReadMemory)
        return quotedObject(VD) + " is written between them (" + What + "), and " + Call +
               " reads through a pointer or reference";
      // When the later call throws, the serial program has run the
      // statements between them, the parallel one has not.
      if (Tasks.Throws.mayThrow(C.Call))
        return "'" + calleeName(C.Call) + "' may throw, and " + What +
               " runs before it in the serial program";
    }
    // What the scanner takes for a read may hand the variable on to be
    // written: a reference a library returns, a move (adv27 W0, W1).
    for (const VarDecl *VD : inSourceOrder(C.Args.Reads, C.Call, PC.SM))
      if (namedOtherThanByValue(PC.Ctx, B, VD))
        return What + " between them uses " + quotedObject(VD) +
               " other than by its value, which may change it, and " + Call + " reads it";
  }
  return "";
}

const CallExpr *ParallelStatements::lonePureCall(const Stmt *S) {
  std::vector<const CallExpr *> Found = worthPureCalls(S);
  return Found.size() == 1 ? Found.front() : nullptr;
}

std::vector<const CallExpr *> ParallelStatements::worthPureCalls(const Stmt *S) const {
  struct Finder : RecursiveASTVisitor<Finder> {
    const ParallelStatements &Self;
    std::vector<const CallExpr *> Found;
    explicit Finder(const ParallelStatements &Self) : Self(Self) {}
    bool TraverseLambdaExpr(LambdaExpr *) { return true; } // runs elsewhere, if at all
    // Operands that are never evaluated call nothing (adv26 b6, b8).
    bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *E) {
      return isUnevaluatedOperand(E) ||
             RecursiveASTVisitor<Finder>::TraverseUnaryExprOrTypeTraitExpr(E);
    }
    bool TraverseCXXNoexceptExpr(CXXNoexceptExpr *) { return true; }
    bool TraverseDecltypeTypeLoc(DecltypeTypeLoc) { return true; }
    // Nor do constants the compiler computes: `given<s6(6)>()`'s template
    // argument, a `consteval` call.
    bool TraverseConstantExpr(ConstantExpr *) { return true; }
    bool TraverseTemplateArgumentLoc(const TemplateArgumentLoc &) { return true; }
    bool TraverseCXXTypeidExpr(CXXTypeidExpr *E) {
      return isUnevaluatedOperand(E) ||
             RecursiveASTVisitor<Finder>::TraverseCXXTypeidExpr(E);
    }
    bool VisitCallExpr(CallExpr *CE) {
      if (isPureCall(CE, Self.PC) && Self.Tasks.Cost.worthACall(CE))
        Found.push_back(CE);
      return true;
    }
  } F(*this);
  F.TraverseStmt(const_cast<Stmt *>(S));
  return F.Found;
}

void ParallelStatements::emitRun(const std::vector<Candidate> &Run) {
  std::vector<std::string> Results, Names, Stores, Branches;
  bool AnyRemote = false;
  for (const Candidate &C : Run) {
    Results.push_back(PC.freshName("r"));
    Names.push_back(calleeName(C.Call));
    auto [CB, CE] = *PC.offsets(C.Call->getSourceRange());
    Branches.push_back(branchText(Tasks, C.Call, PC.textAt(CB, CE), AnyRemote));
  }
  // Statements between them: the calls all run where the first statement
  // stood, and each statement stores its result where it stands.
  if (llvm::any_of(Run, [](const Candidate &C) { return C.Apart; })) {
    for (size_t I = 0; I < Run.size(); ++I) {
      const Candidate &C = Run[I];
      unsigned SB = PC.offsets(C.S->getSourceRange())->first;
      unsigned SE = *PC.endOfStatement(C.S);
      auto [CB, CE] = *PC.offsets(C.Call->getSourceRange());
      std::string Store = PC.textAt(SB, CB) +
                          shapes::useResult(Results[I], C.Call->getType()->isRecordType()) +
                          PC.textAt(CE, SE);
      PC.replace(SB, SE,
                 I == 0 ? shapes::invokeHead(Results, AnyRemote) + llvm::join(Branches, ", ") +
                              shapes::InvokeTail + " " + Store
                        : Store);
      PC.take(SB, SE);
    }
  } else
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

} // namespace purecc
