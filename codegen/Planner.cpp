//===- Planner.cpp - the plan step ----------------------------------------===//
//
// Walks every function defined in the main file and offers each statement
// to the transformations (transforms/Transforms.def), outermost first: a
// loop is a reduction or a parallel map before anything inside it is
// considered; a block's consecutive independent statements (parallel-calls)
// before each statement's sibling calls (parallel-calls); algorithm calls
// (parallel-algorithm) inside any expression. A function marked
// [[purecc::memo]] is then wrapped (memo). Functions outside the main file
// are never edited.
//
//===----------------------------------------------------------------------===//
#include "Algorithms.h"
#include "IotaLoops.h"
#include "ArrayReductions.h"
#include "BodyWalk.h"
#include "Selections.h"
#include "Concatenations.h"
#include "Escapes.h"
#include "LoopBodies.h"
#include "FastClone.h"
#include "HiddenAttributes.h"
#include "LookupShield.h"
#include "ConstantEvaluated.h"
#include "Maps.h"
#include "Memoize.h"
#include "PlaceNames.h"
#include "ParallelCalls.h"
#include "Plan.h"
#include "StepReasons.h"
#include "UnrecognizedLoops.h"
#include "PlanContext.h"
#include "PureCalls.h"
#include "Reductions.h"
#include "TripCounts.h"

#include "analysis/Attributes.h"
#include "analysis/FixedCallee.h"
#include "analysis/Stdlib.h"

#include "clang/AST/ASTLambda.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

#include <functional>

using namespace clang;

namespace purecc {
namespace {

/// A loop that runs into the next `case` label of its switch falls through
/// on purpose; g++'s -Wimplicit-fallthrough is silent after a loop but not
/// after the statement that replaces it, so the rewritten loop says so.
void keepFallthrough(PlanContext &PC, const LoopShape &L) {
  // Up through the labels that hold it: `case 1: for (...) ...;`.
  const Stmt *S = L.Loop;
  const CompoundStmt *Block = nullptr;
  while (S) {
    DynTypedNodeList Parents = PC.Ctx.getParents(*S);
    if (Parents.empty())
      return;
    if (const auto *Label = Parents[0].get<SwitchCase>())
      S = Label;
    else if (const auto *Named = Parents[0].get<LabelStmt>())
      S = Named;
    else {
      Block = Parents[0].get<CompoundStmt>();
      break;
    }
  }
  if (!Block)
    return;
  const auto *It = llvm::find(Block->body(), S);
  if (It == Block->body_end() || std::next(It) == Block->body_end() ||
      !isa<SwitchCase>(*std::next(It)))
    return;
  // In the serial clone too, where the rewritten loop is repeated.
  bool Repeat = PC.repeatsInSerialClone(L.HeaderBegin, L.BodyEnd);
  PC.insert(L.BodyEnd, " [[fallthrough]];");
  PC.P.Edits.back().RepeatInSerialClone = Repeat;
}

/// Whether Body is, or directly contains, a `try` statement: a reduction's
/// accumulations are not looked for inside one.
bool hasTry(const Stmt *Body) {
  if (isa<CXXTryStmt>(Body))
    return true;
  if (const auto *CS = dyn_cast<CompoundStmt>(Body))
    return llvm::any_of(CS->body(), [](const Stmt *S) { return isa<CXXTryStmt>(S); });
  return false;
}



/// Plans the rewrites inside one function body.
class FunctionPlanner {
public:
  FunctionPlanner(PlanContext &PC, const FunctionDecl *FD)
      : PC(PC), Calls(PC, FD), Sites(findEscapes(FD, PC)), Escaped(Sites.all()),
        Algos(PC, Escaped, Sites) {}

  bool throwOrderMatters() const { return Calls.throwOrderMatters(); }

  void walk(const Stmt *S, const Stmt *Parent, bool InParallelLoop) {
    if (!S)
      return;
    if (const auto *CS = dyn_cast<CompoundStmt>(S)) {
      llvm::SmallPtrSet<const Stmt *, 4> Done;
      if (!InParallelLoop)
        Done = Calls.planRuns(CS);
      for (const Stmt *Child : CS->body())
        if (!Done.contains(Child))
          walk(Child, CS, InParallelLoop);
      return;
    }
    if (isa<ForStmt, CXXForRangeStmt>(S)) {
      bool Parallel = planLoop(S);
      if (const auto *For = dyn_cast<ForStmt>(S)) {
        Algos.planWithin(For->getCond());
        walk(For->getInit(), S, InParallelLoop);
        // A loop that stays serial evaluates its condition and its step
        // every iteration: their sibling calls run in parallel there, as in
        // a `while` condition (adv33 t06).
        if (!Parallel && !InParallelLoop) {
          planCondition(For->getConditionVariable(), For->getCond());
          Calls.planCondition(For->getInc());
        }
      } else if (!Parallel && !InParallelLoop) {
        // The range is evaluated once, before the loop (adv33 t05).
        Calls.planCondition(cast<CXXForRangeStmt>(S)->getRangeInit());
      }
      const Stmt *Body = isa<ForStmt>(S) ? cast<ForStmt>(S)->getBody()
                                         : cast<CXXForRangeStmt>(S)->getBody();
      // Inside a parallel loop the iterations already run in parallel.
      walk(Body, S, InParallelLoop || Parallel);
      return;
    }
    if (isa<ReturnStmt, DeclStmt>(S) || isa<Expr>(S)) {
      Algos.planWithin(S);
      if (!InParallelLoop) {
        Calls.planStatement(S, Parent);
        Calls.remarkStatementExpressions(S);
      }
      return;
    }
    if (const auto *If = dyn_cast<IfStmt>(S)) {
      walk(If->getInit(), S, InParallelLoop);
      Algos.planWithin(If->getCond());
      // A condition variable's scope is the whole statement: its calls run
      // inside its initializer.
      if (!InParallelLoop)
        planCondition(If->getConditionVariable(), If->getCond());
      walk(If->getThen(), S, InParallelLoop);
      walk(If->getElse(), S, InParallelLoop);
      return;
    }
    if (const auto *W = dyn_cast<WhileStmt>(S)) {
      remarkUncounted(S);
      Algos.planWithin(W->getCond());
      if (!InParallelLoop)
        planCondition(W->getConditionVariable(), W->getCond());
      walk(W->getBody(), S, InParallelLoop);
      return;
    }
    if (const auto *Switch = dyn_cast<SwitchStmt>(S)) {
      walk(Switch->getInit(), S, InParallelLoop);
      Algos.planWithin(Switch->getConditionVariable()
                           ? static_cast<const Stmt *>(Switch->getConditionVariableDeclStmt())
                           : Switch->getCond());
      if (!InParallelLoop)
        planCondition(Switch->getConditionVariable(), Switch->getCond());
      walk(Switch->getBody(), S, InParallelLoop);
      return;
    }
    if (const auto *Do = dyn_cast<DoStmt>(S)) {
      remarkUncounted(S);
      walk(Do->getBody(), S, InParallelLoop);
      if (!InParallelLoop)
        Calls.planCondition(Do->getCond());
      return;
    }
    // A statement under a label, a 'case' or an attribute is planned as
    // it would be without (adv37 t01: `case 1: y += f(a) * f(b);` was
    // skipped as an expression, with no remark); the rewrite braces it.
    if (const Stmt *Sub = isa<LabelStmt>(S)        ? cast<LabelStmt>(S)->getSubStmt()
                          : isa<SwitchCase>(S)     ? cast<SwitchCase>(S)->getSubStmt()
                          : isa<AttributedStmt>(S) ? cast<AttributedStmt>(S)->getSubStmt()
                                                   : nullptr) {
      walk(Sub, S, InParallelLoop);
      return;
    }
    for (const Stmt *Child : S->children())
      if (Child && !isa<Expr>(Child))
        walk(Child, S, InParallelLoop);
  }

  /// A constructor's member initializers: each one's sibling calls run
  /// inside it; calls in different ones get a remark.
  void planMemberInitializers(const CXXConstructorDecl *Ctor) {
    const SourceManager &SM = PC.SM;
    for (const CXXCtorInitializer *I : Ctor->inits())
      if (I->isWritten() && I->getInit() &&
          SM.isWrittenInMainFile(SM.getExpansionLoc(I->getSourceLocation()))) {
        Algos.planWithin(I->getInit());
        Calls.planInitializer(I->getInit());
      }
    Calls.remarkMemberInitializers(Ctor);
  }

private:
  /// The condition of an `if`, `while` or `switch`: a condition variable's
  /// initializer, or the condition itself.
  void planCondition(const VarDecl *CV, const Expr *Cond) {
    if (CV)
      Calls.planInitializer(CV->getInit());
    else
      Calls.planCondition(Cond);
  }

  /// Never silent about a `while` or `do` loop over pure calls: none is
  /// rewritten, since the iterations a runtime splits up must be numbered
  /// before the loop runs, which only a counted `for` header says
  /// (`while (i < n) { ...; ++i; }` is that loop too, but the counter's
  /// updates may hide anywhere in the body: the user's rewrite to `for` is
  /// the safe one).
  void remarkUncounted(const Stmt *Loop) {
    if (PC.Absorbed.contains(Loop) || !callsPure(Loop, PC.Facts, PureCalls::OrLibraryWork))
      return;
    if (auto D = PC.remark(Loop->getBeginLoc(), Diag::RemarkMissedReduction))
      *D << std::string("a '") + (isa<DoStmt>(Loop) ? "do" : "while") +
                "' loop is not rewritten: only a 'for' header ('for (T i = b; i < e; ++i)') "
                "numbers the iterations before the loop runs";
  }

  /// A reduction or a parallel map for one loop; remarks on a refusal when the loop calls a pure
  /// function (other loops are nobody's business).
  bool planLoop(const Stmt *Loop) {
    if (PC.Absorbed.contains(Loop))
      return true; // part of an enclosing reduction: its leaves run it serially
    std::string WhyNot;
    Diag Missed = Diag::RemarkMissedReduction;
    LoopOutcome Outcome = LoopOutcome::NotThisKind;
    if (std::optional<LoopShape> L = matchLoop(PC, Loop, WhyNot)) {
      // Only an address that has escaped by the time the loop runs (or
      // escapes again on a later round of an enclosing loop) can be used
      // while it runs.
      llvm::SmallPtrSet<const VarDecl *, 8> During = Sites.during(Loop, PC);
      for (const VarDecl *X : During)
        for (const Stmt *Site : Sites.sitesDuring(X, Loop, PC))
          if (auto It = Sites.Because.find({X, Site}); It != Sites.Because.end()) {
            L->EscapeBecause.try_emplace(X, It->second);
            break;
          }
      // A local the body reads through a holder of its address (`const
      // long &cs = s; ... s += f(cs)`) is shared with the body like an
      // escaped one.
      llvm::SmallPtrSet<const VarDecl *, 8> Reads(L->Body_.Reads.begin(), L->Body_.Reads.end());
      addBindingReads(L->Body, Reads);
      for (const auto &[H, Held] : Sites.Holds)
        if (Reads.contains(H) && H != L->Element && !L->Body_.Locals.contains(H))
          for (const VarDecl *X : Held) {
            During.insert(X);
            L->ReadThrough.try_emplace(X, H); // for the remark
          }
      // The header (start, bound, step) is evaluated again as iterations
      // run; read through a holder (`const long &lim = s; i < lim`,
      // `i += 1 + (*it > 0)` with `it` into the written vector), it sees
      // what the body changes, which the parallel loop would not.
      if (std::string Why = headerReadThroughReason(*L); !Why.empty())
        WhyNot = Why, Outcome = LoopOutcome::Refused;
      if (Outcome == LoopOutcome::NotThisKind)
        Outcome = planSelection(PC, *L, During, WhyNot);
      if (Outcome == LoopOutcome::NotThisKind)
        Outcome = planConcatenation(PC, *L, During, WhyNot);
      if (Outcome == LoopOutcome::NotThisKind)
        Outcome = planReduction(PC, *L, During, Sites, WhyNot);
      if (Outcome == LoopOutcome::NotThisKind)
        Outcome = planArrayReduction(PC, *L, During, WhyNot);
      if (Outcome == LoopOutcome::NotThisKind) {
        Outcome = planMap(PC, *L, During, Sites, WhyNot);
        Missed = Diag::RemarkMissedMap;
      }
      if (Outcome == LoopOutcome::Rewritten) {
        guardStride(PC, *L); // a step that is no constant: only when it is positive
        keepFallthrough(PC, *L);
      }
      if (Outcome == LoopOutcome::NotThisKind)
        WhyNot = L->Body_.ImpureCall ? (L->Body_.ImpureWhy.empty() ? impureReason(L->Body_.ImpureCall)
                                                                    : L->Body_.ImpureWhy)
                 : hasTry(L->Body)
                     ? "the loop body's statements are inside a 'try' statement, where reductions "
                       "are not recognized"
                     : unrecognizedReason(PC, *L);
      if (Outcome == LoopOutcome::NotThisKind && !L->Body_.ImpureCall && !hasTry(L->Body) &&
          WhyNot != kNeitherReason)
        Missed = Diag::RemarkMissedReduction; // a recurrence or a max, not a map
      // `if (d < best) { best = d; arg = i; } else ...`: the refusal that
      // names best (or finds nothing) comes from the selection not matched.
      if (Outcome != LoopOutcome::Rewritten)
        if (auto [Best, Why] = nearSelectionReason(PC, *L);
            Best && (WhyNot == kNeitherReason || llvm::StringRef(WhyNot).starts_with(quoted(Best) + " "))) {
          WhyNot = Why;
          Missed = Diag::RemarkMissedReduction;
        }
      if (Outcome != LoopOutcome::Rewritten && WhyNot == kNeitherReason)
        if (std::string Why = overwrittenReason(PC, *L); !Why.empty()) {
          WhyNot = Why;
          Missed = Diag::RemarkMissedReduction;
        }
      if (Outcome != LoopOutcome::Rewritten && WhyNot == kNeitherReason)
        if (std::string Why = unrecognizedWriteReason(PC, *L); !Why.empty()) {
          WhyNot = Why;
          Missed = Diag::RemarkMissedReduction;
        }
    } else if (WhyNot.empty()) {
      return false;
    } else if (storesByIndexOnly(loopBody(Loop))) {
      // Refused by its header before any transformation looked at it: a
      // body that only stores elements is a map that was missed (user41
      // t03 said 'purecc-missed-reduction').
      Missed = Diag::RemarkMissedMap;
    }
    if (Outcome == LoopOutcome::Rewritten)
      return true;
    if (!WhyNot.empty() && callsPure(Loop, PC.Facts, PureCalls::OrLibraryWork))
      if (auto D = PC.remark(Loop->getBeginLoc(), Missed))
        *D << WhyNot;
    return false;
  }

  /// Why a counted loop's header may not be evaluated apart from its body:
  /// it reads a local the body changes through a holder of its address
  /// (empty when it does not).
  std::string headerReadThroughReason(const LoopShape &L) const {
    const auto *For = dyn_cast<ForStmt>(L.Loop);
    // An iota view numbered from 0 evaluates its start again in each leaf.
    const Expr *IotaStart = nullptr;
    if (const auto *RF = dyn_cast<CXXForRangeStmt>(L.Loop); RF && !L.IndexValue.empty())
      if (std::optional<IotaBounds> Iota = iotaBounds(RF->getRangeInit()))
        IotaStart = Iota->Begin;
    if (!For && !IotaStart)
      return "";
    llvm::SmallPtrSet<const VarDecl *, 8> Reads;
    llvm::SmallPtrSet<const BindingDecl *, 4> Bindings; // for the remark
    struct Refs : RecursiveASTVisitor<Refs> {
      llvm::SmallPtrSetImpl<const VarDecl *> &Reads;
      llvm::SmallPtrSetImpl<const BindingDecl *> &Bindings;
      Refs(llvm::SmallPtrSetImpl<const VarDecl *> &Reads,
           llvm::SmallPtrSetImpl<const BindingDecl *> &Bindings)
          : Reads(Reads), Bindings(Bindings) {}
      bool VisitDeclRefExpr(DeclRefExpr *DRE) {
        if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
          Reads.insert(VD);
        if (const auto *BD = dyn_cast<BindingDecl>(DRE->getDecl()))
          Bindings.insert(BD);
        return true;
      }
    } R(Reads, Bindings);
    std::vector<const Stmt *> Parts = {IotaStart};
    if (For)
      Parts = {For->getInit(), For->getCond(), For->getInc()};
    for (const Stmt *Part : Parts)
      if (Part) {
        R.TraverseStmt(const_cast<Stmt *>(Part));
        addBindingReads(Part, Reads);
      }
    for (const auto &[H, Held] : Sites.Holds) {
      if (!Reads.contains(H) || H == L.Induction)
        continue;
      for (const VarDecl *X : Held)
        if (X != H && L.Body_.Writes.contains(X))
          return "the loop's header reads " + quoted(X) + " through " + holderName(H, Bindings) +
                 ", and the loop body changes " + quoted(X);
    }
    return "";
  }

  /// A holder as the user names it: a structured binding's holder has no
  /// name of its own, so the binding the header reads ('a' of
  /// `auto [a, b] = std::tie(s, t)`), or all of them.
  static std::string holderName(const VarDecl *H,
                                const llvm::SmallPtrSetImpl<const BindingDecl *> &Read) {
    const auto *DD = dyn_cast<DecompositionDecl>(H);
    if (!DD)
      return quoted(H);
    std::vector<std::string> Used;
    for (const BindingDecl *B : DD->bindings())
      if (Read.contains(B))
        Used.push_back(B->getNameAsString());
    if (Used.empty())
      for (const BindingDecl *B : DD->bindings())
        Used.push_back(B->getNameAsString());
    return quotedList(Used);
  }

  PlanContext &PC;
  ParallelCalls Calls;
  EscapeSites Sites;
  llvm::SmallPtrSet<const VarDecl *, 8> Escaped;
  Algorithms Algos;
};

/// The function definitions whose bodies codegen may edit, in source order.
class FunctionFinder : public RecursiveASTVisitor<FunctionFinder> {
public:
  /// Out: groups in source order; a group of several is the instantiations
  /// of one template.
  FunctionFinder(PlanContext &PC, std::vector<std::vector<const FunctionDecl *>> &Out)
      : PC(PC), Out(Out) {}
  // A lambda's body is planned like a function's: its loops and calls,
  // with its captures as variables from outside (a lambda gets no serial
  // clone: it has no name to dispatch through). Generic lambdas are
  // templates; they are left alone.
  bool VisitLambdaExpr(LambdaExpr *LE) {
    FunctionTemplateDecl *FT = LE->getDependentCallOperator();
    if (!FT) {
      VisitFunctionDecl(LE->getCallOperator());
      return true;
    }
    // Never silent: say why calls to pure functions in it stay serial.
    if (PC.SM.isWrittenInMainFile(PC.SM.getExpansionLoc(LE->getBeginLoc())))
      for (const FunctionDecl *Spec : FT->specializations())
        if (Spec->getBody() && callsPure(Spec->getBody(), PC.Facts)) {
          if (auto D = PC.remark(LE->getBeginLoc(), Diag::RemarkNotRewritten))
            *D << LE->getCallOperator() << "it is a generic lambda (a template)";
          break;
        }
    return true;
  }

  /// A default member initializer is evaluated by every constructor that
  /// does not name the member: its sibling calls run inside it.
  bool VisitFieldDecl(FieldDecl *FD) {
    const Expr *Init = FD->getInClassInitializer();
    if (Init && !FD->getParent()->isDependentContext() &&
        PC.SM.isWrittenInMainFile(PC.SM.getExpansionLoc(Init->getBeginLoc())))
      ParallelCalls(PC, nullptr).planDefaultMemberInitializer(Init);
    return true;
  }

  /// Never silent about sibling calls in a default argument (written in
  /// the main file, not in a template: an instantiation's is the
  /// pattern's, said once).
  bool VisitParmVarDecl(ParmVarDecl *P) {
    if (P->hasDefaultArg() && !P->hasUninstantiatedDefaultArg() && !P->hasUnparsedDefaultArg() &&
        !P->hasInheritedDefaultArg() && !P->getDeclContext()->isDependentContext() &&
        PC.SM.isWrittenInMainFile(PC.SM.getExpansionLoc(P->getDefaultArgRange().getBegin())))
      ParallelCalls(PC, nullptr).remarkDefaultArgument(P);
    return true;
  }

  /// Never silent about a namespace-scope variable or a static data member
  /// whose initializer holds sibling calls (a local is the planner's).
  bool VisitVarDecl(VarDecl *VD) {
    if ((VD->isFileVarDecl() || VD->isStaticDataMember()) && VD->getInit() &&
        !VD->getDeclContext()->isDependentContext() && !isa<VarTemplateSpecializationDecl>(VD) &&
        !VD->getDescribedVarTemplate() &&
        PC.SM.isWrittenInMainFile(PC.SM.getExpansionLoc(VD->getInit()->getBeginLoc())))
      ParallelCalls(PC, nullptr).remarkStaticInitializer(VD);
    return true;
  }

  /// A function template of the user's marked pure (or memo) in a header:
  /// its instantiations are called as they are, like a plain function's
  /// there (adv35 t02: this was silent, and a memo template in a header
  /// was never memoized without a word). Said at the template, when one of
  /// its instantiations is pure.
  void remarkTemplateOutsideMainFile(const FunctionDecl *Pattern) {
    const FunctionTemplateDecl *Template = Pattern->getDescribedFunctionTemplate();
    if (!Template || !Pattern->doesThisDeclarationHaveABody())
      return;
    SourceLocation Loc = Pattern->getBody()->getBeginLoc();
    if (Loc.isMacroID() || PC.SM.isWrittenInMainFile(Loc) || PC.SM.isInSystemHeader(Loc) ||
        !(isDeclaredPure(Pattern) || isMemoized(Pattern)))
      return;
    if (llvm::any_of(Template->specializations(),
                     [&](const FunctionDecl *Spec) { return PC.Facts.isPure(Spec); }) &&
        Reported.insert(Pattern->getCanonicalDecl()).second)
      if (auto D = PC.remark(Pattern->getLocation(), Diag::RemarkOutsideMainFile))
        *D << quoted(Pattern) << (isMemoized(Pattern) ? ", without memoization" : "");
  }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->doesThisDeclarationHaveABody() && FD->isDependentContext() &&
        !FD->isTemplateInstantiation() && isDeclaredPure(FD) &&
        PC.SM.isWrittenInMainFile(FD->getLocation())) {
      planTemplate(FD);
      return true;
    }
    if (FD->doesThisDeclarationHaveABody() && FD->isDependentContext() &&
        !FD->isTemplateInstantiation() && !isLambdaCallOperator(FD) &&
        PC.SM.isWrittenInMainFile(PC.SM.getExpansionLoc(FD->getLocation())))
      remarkUnmarkedTemplate(FD);
    if (FD->isDependentContext() && !FD->isTemplateInstantiation())
      remarkTemplateOutsideMainFile(FD);
    // `= default`: the compiler writes the body, there is nothing to
    // rewrite (and Clang makes it 'constexpr' implicitly).
    if (!FD->doesThisDeclarationHaveABody() || FD->isDependentContext() ||
        FD->isTemplateInstantiation() || FD->isDefaulted())
      return true;
    const SourceManager &SM = PC.SM;
    SourceLocation Loc = FD->getBody()->getBeginLoc();
    if (Loc.isMacroID() || !SM.isWrittenInMainFile(Loc)) {
      // `DEF(fib)` defining `[[pure]] long fib(...) {...}`: one text for
      // every function the macro defines, which an edit of one would
      // change for all (adv29 R1: this was silent).
      if (Loc.isMacroID() && SM.isWrittenInMainFile(SM.getExpansionLoc(Loc)) &&
          (isDeclaredPure(FD) || isMemoized(FD)) && callsPure(FD->getBody(), PC.Facts) &&
          Reported.insert(FD->getCanonicalDecl()).second)
        if (auto D = PC.remark(FD->getLocation(), Diag::RemarkNotRewritten))
          *D << quoted(FD)
             << "its body is written in the macro '" +
                    outermostMacro(Loc, PC.Ctx).str() + "'";
      // Only for what the user marked: a header's accessors and helpers that
      // the checker merely infers pure were never meant to be rewritten, and
      // a library's headers have hundreds of them, in every unit.
      if ((isDeclaredPure(FD) || isMemoized(FD)) && PC.Facts.isPure(FD) && !Loc.isMacroID() &&
          !SM.isInSystemHeader(Loc) && Reported.insert(FD->getCanonicalDecl()).second)
        if (auto D = PC.remark(FD->getLocation(), Diag::RemarkOutsideMainFile))
          *D << quoted(FD) << (isMemoized(FD) ? ", without memoization" : "");
      return true;
    }
    // A lambda's call operator is constexpr implicitly whenever it can be
    // (and Clang marks it so); only `constexpr` written in its declarator
    // says it is meant for constant evaluation.
    // One that the program calls where the compiler evaluates it is not
    // rewritten either (ConstantEvaluated.h).
    bool Compiled = isLambdaCallOperator(FD) && !writesConstexpr(FD) && FD->isConstexpr() &&
                    constantEvaluated().contains(FD->getCanonicalDecl());
    if (isLambdaCallOperator(FD) ? writesConstexpr(FD) || Compiled : FD->isConstexpr()) {
      // Constant evaluation cannot run tasks.
      if (PC.Facts.isPure(FD) || callsPure(FD->getBody(), PC.Facts))
        if (auto D = PC.remark(FD->getLocation(), Diag::RemarkNotRewritten))
          *D << quoted(FD)
             << (Compiled ? "it is evaluated in a constant expression" : "it is 'constexpr'");
      return true;
    }
    Out.push_back({FD});
    return true;
  }

private:
  /// The functions the unit calls where the compiler evaluates them, found
  /// on first use.
  const llvm::SmallPtrSetImpl<const FunctionDecl *> &constantEvaluated() {
    if (!ConstantEvaluatedFound) {
      addConstantEvaluatedCallees(PC.Ctx, ConstantEvaluatedCallees);
      ConstantEvaluatedFound = true;
    }
    return ConstantEvaluatedCallees;
  }
  llvm::SmallPtrSet<const FunctionDecl *, 8> ConstantEvaluatedCallees;
  bool ConstantEvaluatedFound = false;

  /// Whether `constexpr` or `consteval` is written between the start of the
  /// lambda FD and its body.
  bool writesConstexpr(const FunctionDecl *FD) const {
    auto Head = PC.offsets(SourceRange(FD->getBeginLoc(), FD->getBody()->getBeginLoc()));
    if (!Head)
      return true; // cannot tell: leave it alone
    std::string Text = PC.textAt(Head->first, Head->second);
    return Text.find("constexpr") != std::string::npos ||
           Text.find("consteval") != std::string::npos;
  }

  /// Never silent about a function template not declared [[pure]] whose
  /// instantiations call pure functions: only a [[pure]] template is
  /// planned (planTemplate), since one text serves every instantiation and
  /// the checker's verdict on each is what vouches for the shared edits.
  ///
  /// A member function of a class template, or a member function template,
  /// is not planned even when declared [[pure]] (planTemplate): its
  /// instantiations are members of classes the planner does not follow.
  void remarkUnmarkedTemplate(const FunctionDecl *Pattern) {
    const FunctionTemplateDecl *FT = Pattern->getDescribedFunctionTemplate();
    const auto *Method = dyn_cast<CXXMethodDecl>(Pattern);
    if (!FT && !Method)
      return;
    bool Calls = callsPure(Pattern->getBody(), PC.Facts, PureCalls::OrLibraryWork);
    std::vector<const FunctionDecl *> Uses =
        FT && Method ? memberTemplateInstantiationsOf(FT)
        : FT         ? instantiationsOf(FT)
                     : memberInstantiationsOf(Method);
    for (const FunctionDecl *Use : Uses)
      Calls |= Use->getBody() && callsPure(Use->getBody(), PC.Facts, PureCalls::OrLibraryWork);
    if (!Calls)
      return;
    std::string Why =
        !Method ? "it is a function template not declared '[[pure]]': a template is rewritten "
                  "only when it is declared '[[pure]]' (one text serves every instantiation)"
        : Method->getParent()->isDependentContext()
            ? "it is a member of a class template: only a free function template declared "
              "'[[pure]]' is rewritten (one text serves every instantiation)"
            : "it is a member function template: only a free function template declared "
              "'[[pure]]' is rewritten (one text serves every instantiation)";
    if (auto D = PC.remark(Pattern->getLocation(), Diag::RemarkNotRewritten))
      *D << quoted(Pattern) << Why;
  }

  /// The instantiated definitions of FT, a member function template: its
  /// own specializations and, in a class template (`Box<T>::mt<U>`), those
  /// of the member templates instantiated from it in each specialization of
  /// the class.
  static std::vector<const FunctionDecl *>
  memberTemplateInstantiationsOf(const FunctionTemplateDecl *FT) {
    std::vector<const FunctionDecl *> Out = instantiationsOf(FT);
    const auto *Method = cast<CXXMethodDecl>(FT->getTemplatedDecl());
    for (const FunctionDecl *Member : memberInstantiationsOf(Method, FT))
      if (const FunctionTemplateDecl *Inst = Member->getDescribedFunctionTemplate())
        for (const FunctionDecl *Use : instantiationsOf(Inst))
          Out.push_back(Use);
    return Out;
  }

  /// The instantiated definitions of Pattern, a member function of a class
  /// template (or of a class nested in one); with FT, the member templates
  /// instantiated from FT (their patterns, bodies not yet instantiated).
  static std::vector<const FunctionDecl *>
  memberInstantiationsOf(const CXXMethodDecl *Pattern, const FunctionTemplateDecl *FT = nullptr) {
    std::vector<const FunctionDecl *> Out;
    const CXXRecordDecl *Outer = Pattern->getParent();
    while (Outer && !Outer->getDescribedClassTemplate())
      Outer = dyn_cast<CXXRecordDecl>(Outer->getDeclContext());
    if (!Outer)
      return Out;
    std::function<void(const DeclContext *)> Find = [&](const DeclContext *DC) {
      for (const Decl *D : DC->decls()) {
        if (const auto *M = dyn_cast<CXXMethodDecl>(D);
            !FT && M && M->getTemplateInstantiationPattern() == Pattern && M->hasBody())
          Out.push_back(M);
        if (const auto *T = dyn_cast<FunctionTemplateDecl>(D);
            FT && T && T->getInstantiatedFromMemberTemplate() == FT)
          Out.push_back(T->getTemplatedDecl());
        if (const auto *RD = dyn_cast<CXXRecordDecl>(D); RD && !RD->isInjectedClassName())
          Find(RD);
      }
    };
    for (const ClassTemplateSpecializationDecl *Spec :
         Outer->getDescribedClassTemplate()->specializations())
      Find(Spec);
    return Out;
  }

  /// A template's calls are resolved per instantiation, and one text serves
  /// every instantiation. A free function template is planned through its
  /// instantiations in this file (their nodes point at the template's text),
  /// and rewritten only if all of them need the same edits.
  void planTemplate(const FunctionDecl *Pattern) {
    const FunctionTemplateDecl *FT = Pattern->getDescribedFunctionTemplate();
    std::vector<const FunctionDecl *> Uses;
    if (FT && !isa<CXXMethodDecl>(Pattern) && !Pattern->isConstexpr())
      Uses = instantiationsOf(FT);
    bool AllPure = llvm::all_of(Uses, [&](const FunctionDecl *F) { return PC.Facts.isPure(F); });
    if (!Uses.empty() && AllPure) {
      Out.push_back(std::move(Uses));
      return;
    }
    std::string Why = !FT || (isa<CXXMethodDecl>(Pattern) &&
                              cast<CXXMethodDecl>(Pattern)->getParent()->isDependentContext())
                          ? "it is in a class template"
                      : isa<CXXMethodDecl>(Pattern) ? "it is a member function template"
                      : Pattern->isConstexpr()           ? "it is 'constexpr'"
                      : Uses.empty() ? "it is a template that is never used"
                                     : "an instantiation of it is not verified pure";
    if (auto D = PC.remark(Pattern->getLocation(), Diag::RemarkNotRewritten))
      *D << quoted(Pattern) << Why;
  }

  PlanContext &PC;
  std::vector<std::vector<const FunctionDecl *>> &Out;
  llvm::DenseSet<const FunctionDecl *> Reported;
};

/// Plans FD's body and, when something in it became parallel, its serial
/// clone: the path taken when no worker is idle.
void planFunction(PlanContext &PC, const FunctionDecl *FD) {
  size_t Before = PC.P.Entries.size();
  FunctionPlanner Planner(PC, FD);
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    Planner.planMemberInitializers(Ctor);
  Planner.walk(FD->getBody(), nullptr, /*InParallelLoop=*/false);
  // The clone evaluates unsequenced calls in the compiler's order, the
  // parallel path throws the leftmost exception: where several may throw,
  // one rule for every thread count beats a faster path.
  if (PC.P.Entries.size() > Before && PC.Facts.isPure(FD) && !Planner.throwOrderMatters())
    planFastClone(PC, FD);
}

bool sameEdit(const Edit &A, const Edit &B) {
  return A.Begin == B.Begin && A.End == B.End && A.Text == B.Text &&
         A.EndsWithLineDirective == B.EndsWithLineDirective;
}

/// Whether every instantiation of one template gets the same edits of its
/// text (each planned quietly, into a plan of its own). Types the rewrite
/// spells out differ between instantiations, so such rewrites do not pass.
bool sameEditsForAll(ASTContext &Ctx, const PurityFacts &Facts, Reporter &R,
                     const PlanConfig &Config, const std::vector<const FunctionDecl *> &Uses) {
  PlanConfig Quiet = Config;
  Quiet.ShowRemarks = false;
  std::optional<std::vector<Edit>> First;
  for (const FunctionDecl *FD : Uses) {
    Plan Scratch;
    PlanContext Trial(Ctx, Facts, R, Quiet, Scratch);
    planFunction(Trial, FD);
    if (!First) {
      First = std::move(Scratch.Edits);
      continue;
    }
    if (!std::equal(First->begin(), First->end(), Scratch.Edits.begin(), Scratch.Edits.end(),
                    sameEdit))
      return false;
  }
  return true;
}

} // namespace

Plan planRewrites(ASTContext &Ctx, const PurityFacts &Facts, Reporter &R,
                  const PlanConfig &Config) {
  Plan P;
  collectAttributes(Ctx, P);
  shieldLookups(Ctx, P);
  PlanContext PC(Ctx, Facts, R, Config, P);
  std::vector<std::vector<const FunctionDecl *>> Groups;
  FunctionFinder(PC, Groups).TraverseDecl(Ctx.getTranslationUnitDecl());
  std::vector<const FunctionDecl *> Functions; // one per group, for memo
  for (const std::vector<const FunctionDecl *> &Uses : Groups) {
    Functions.push_back(Uses.front()); // memo also explains what it refuses
    if (Uses.size() == 1 || sameEditsForAll(Ctx, Facts, R, Config, Uses)) {
      planFunction(PC, Uses.front());
      continue;
    }
    const FunctionDecl *Pattern = Uses.front()->getTemplateInstantiationPattern();
    if (auto D = PC.remark(Pattern->getLocation(), Diag::RemarkNotRewritten))
      *D << quoted(Pattern) << "its instantiations need different rewrites";
  }
  // Memoization wraps whole bodies, around whatever was planned inside them.
  for (const FunctionDecl *FD : Functions)
    planMemo(PC, FD);
  // Other units' memoized functions may call this unit's pure functions.
  planLinkNote(PC);
  return P;
}

llvm::StringRef transformName(Transform T) {
  switch (T) {
#define PURECC_TRANSFORM(Name, Spelling, Test, Ids)                            \
  case Transform::Name:                                                        \
    return Spelling;
#include "transforms/Transforms.def"
  }
  return "";
}

void dumpPlan(const Plan &P, const ASTContext &Ctx, raw_ostream &OS) {
  const SourceManager &SM = Ctx.getSourceManager();
  for (const AttributeToHide &A : P.Attributes) {
    PresumedLoc L = SM.getPresumedLoc(A.Range.getBegin());
    OS << "hide-attribute " << L.getLine() << ":" << L.getColumn() << "\n";
  }
  for (const Edit &Q : P.Qualifications) {
    const FileID Main = SM.getMainFileID();
    OS << "qualify-call " << SM.getLineNumber(Main, Q.Begin) << ":"
       << SM.getColumnNumber(Main, Q.Begin) << " " << Q.Text << "\n";
  }
  for (const PlanEntry &E : P.Entries) {
    PresumedLoc L = SM.getPresumedLoc(E.Loc);
    OS << E.Kind << " " << L.getLine() << ":" << L.getColumn() << " " << E.Detail << "\n";
  }
  // The edits, in the order they apply: what rewrite will do to the text.
  // Positions are line:column of the main file; each line of the new text
  // follows, after "  | ".
  std::vector<const Edit *> Sorted;
  for (const Edit &Ed : P.Edits)
    Sorted.push_back(&Ed);
  llvm::stable_sort(Sorted, [](const Edit *A, const Edit *B) { return A->Begin < B->Begin; });
  const FileID Main = SM.getMainFileID();
  auto Where = [&](unsigned Offset) {
    return std::to_string(SM.getLineNumber(Main, Offset)) + ":" +
           std::to_string(SM.getColumnNumber(Main, Offset));
  };
  for (const Edit *Ed : Sorted) {
    OS << "edit " << Where(Ed->Begin) << "-" << Where(Ed->End)
       << (Ed->Begin == Ed->End ? " inserts" : " replaces") << "\n";
    llvm::SmallVector<llvm::StringRef, 8> Lines;
    llvm::StringRef(Ed->Text).split(Lines, '\n');
    for (llvm::StringRef Line : Lines)
      OS << "  | " << Line << "\n";
  }
}

} // namespace purecc
