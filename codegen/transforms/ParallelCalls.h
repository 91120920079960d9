//===- ParallelCalls.h - parallel-calls: independent pure calls as tasks --===//
//
// Two shapes of independence:
//
//  * sibling calls in one full-expression, `fib(n - 1) + fib(n - 2)`,
//    `f(g(x), h(y))`, `std::max(a(x), b(y))`: the calls are hoisted into one
//    parallel_invoke just before the statement and their results take their
//    places;
//  * consecutive statements `auto l = solve(left); auto r = solve(right);`
//    whose calls do not read what an earlier one of them stores (by name or
//    through a holder), whose targets' addresses cannot be used while the
//    calls run (no escape before them, in a loop around them, or in a
//    function with `goto`: an escape after them is no matter), and where
//    every statement but the last cannot throw (otherwise the later ones
//    would run where the serial program had already left by the exception).
//
// Hoisting is only done when it cannot be observed: the calls are evaluated
// whenever the statement is (not under &&, ||, ?: or in a lambda), no call
// comes after code that may throw, in the order C++ fixes (a braced
// initializer's elements, the operands of `,` `<<` `>>` `=` `[]`) or else
// in the order they are written (the operands of `+`, a call's arguments):
// the serial program would not reach it (see analysis/MayThrow.h; a call
// that would is left where it is, and the calls before it still form a
// group), their arguments
// have no side effects, and nothing else in the statement can write what
// they read. In a function that is not itself pure (e.g. `main`) that last
// point needs the arguments to read only locals whose address never escapes.
//
// A group inside one branch of '?:' (or the right operand of && or ||) is
// evaluated only when the serial program evaluates that branch, so its calls
// run inside it: the branch becomes an immediately invoked lambda,
// `c ? n : [&] { auto [r0, r1] = parallel_invoke(...); return r0 + r1; }()`.
// The same shape serves conditions of `if`, `while` and `switch`, and
// initializers that are not statements in a block (an init-statement, a
// condition variable, a default or constructor's member initializer).
//
// A choice, a '?:' whose branches are pure calls or plain values
// (`a > 0 ? f(a) : g(a)`), is one piece of sibling work: its task evaluates
// the condition and the one call it picks, as the serial program does. A
// call on one side of '&&', '||' or '?:' is no sibling of one made always:
// a remark says when the serial program makes it.
//
// And only when it pays: at least two of the calls must do enough work for
// a task (a loop or recursion in what they run, see CallCost.h); otherwise
// the statement stays serial with a purecc-cheap-calls remark.
//
//   ParallelCalls Calls(PC, FD);
//   Calls.planStatement(S, Parent);  // sibling calls
//   Calls.planRuns(Compound);        // consecutive statements
//
//===----------------------------------------------------------------------===//
#pragma once

#include "CallCost.h"
#include "StmtDeps.h"
#include "Escapes.h"
#include "PlanContext.h"

#include "analysis/MayThrow.h"

#include "clang/AST/Stmt.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace purecc {

class ParallelCalls {
public:
  /// FD is null for an initializer outside any function (a default
  /// member initializer): it reads no local.
  ParallelCalls(PlanContext &PC, const clang::FunctionDecl *FD);

  /// Sibling calls in the full-expression of a return, declaration or
  /// expression statement. True if S was rewritten.
  bool planStatement(const clang::Stmt *S, const clang::Stmt *Parent);

  /// Runs of consecutive independent call statements in CS; returns the
  /// statements it rewrote (their text is now taken).
  llvm::SmallPtrSet<const clang::Stmt *, 4> planRuns(const clang::CompoundStmt *CS);

  /// Sibling calls in the condition of an `if` or `while` (evaluated every
  /// time the condition is). True if something was rewritten.
  bool planCondition(const clang::Expr *Cond);

  /// Sibling calls in an initializer outside a block: a variable declared
  /// in an `if`/`switch`/`for` header or a condition, a default member
  /// initializer, a constructor's member initializer. They run inside it,
  /// as a region (`long v = [&] { ... return f(r0) + g(r1); }()`). True if
  /// something was rewritten.
  bool planInitializer(const clang::Expr *Init);

  /// A default member initializer: planInitializer, unless it calls a
  /// 'constexpr' function (it may be evaluated at compile time, where no
  /// task runs: `constexpr S s;`).
  bool planDefaultMemberInitializer(const clang::Expr *Init);

  /// Never silent about calls in different member initializers of Ctor:
  /// each is a full-expression of its own, run in declaration order, with
  /// no statement before them to host a parallel_invoke.
  void remarkMemberInitializers(const clang::CXXConstructorDecl *Ctor);
  /// Never silent about sibling calls in the initializer of a variable of
  /// static or thread storage (namespace scope, a static data member, a
  /// `static` or `thread_local` local): they stay serial, and the remark
  /// says why (no task starts during static initialization or under a
  /// one-time initialization guard).
  void remarkStaticInitializer(const clang::VarDecl *VD);

  /// Whether some group of unsequenced calls has more than one call that
  /// may throw. The parallel path would then throw the leftmost one's
  /// exception, the serial clone whichever the compiler evaluates first, so
  /// such a function gets no clone. The speculation rule (planGroup) keeps
  /// at most one call that may throw in a group, the last one, so this
  /// stays false; it guards the clone should that rule ever loosen.
  bool throwOrderMatters() const { return SeveralMayThrow; }

private:
  struct Candidate;
  bool acceptableCall(const clang::CallExpr *CE, std::string &WhyNot) const;
  /// S as a statement of a run: the call it stores into a local. When S
  /// stores one pure call into a local but cannot join a run, why not (a
  /// remark if a neighbour could have joined it), in *WhyNot with the call.
  std::optional<Candidate> runCandidate(const clang::Stmt *S,
                                        std::pair<const clang::CallExpr *, std::string> *WhyNot =
                                            nullptr) const;
  /// The one pure call worth a task in S (nullptr if none or several).
  const clang::CallExpr *lonePureCall(const clang::Stmt *S);
  void emitRun(const std::vector<Candidate> &Run);
  /// Groups inside the branches of the '?:' operators of E (part of Full)
  /// and the right operands of its '&&' and '||'.
  bool planBranches(const clang::Expr *Full, const clang::Expr *E);
  /// The sibling calls of Region (part of Full) run inside it, as
  /// `[&] { auto [r...] = parallel_invoke(...); return <Region>; }()`.
  bool planRegion(const clang::Expr *Full, const clang::Expr *Region);
  /// Where a group's parallel_invoke goes: Before, the hoisted calls and
  /// BeforeRest at Open, After at Close; or why it cannot go there.
  struct Placement {
    std::string Unfit;       // the calls cannot run there (checked first)
    std::string NotEditable; // the text cannot be edited (checked last)
    unsigned Open = 0, Close = 0;
    std::string Before, BeforeRest, After;
  };
  /// The steps every group of sibling calls takes, whether it goes before
  /// a statement or into a region: find the calls of Region (part of Full),
  /// or the groups of its branches; keep the ones worth a task; refuse with
  /// a remark (Place's reasons, groupProblem); hoist them where Place says.
  bool planGroup(const clang::Expr *Full, const clang::Expr *Region,
                 llvm::function_ref<Placement()> Place);
  /// Sibling work of Region where one or more pieces is a choice, a '?:'
  /// whose branches are pure calls (or effect-free values):
  /// `(a > 0 ? f(a) : g(a)) + (b > 0 ? f(b) : g(b))`. Each piece, condition
  /// and all, becomes one branch of the parallel_invoke: the serial program
  /// evaluates every piece, and each piece evaluates its condition and the
  /// one call it picks. Otherwise says why calls of Region on one side of
  /// '&&', '||' or '?:' do not run beside the others (remarkOneSided).
  bool planChoices(const clang::Expr *Full, const clang::Expr *Region,
                   llvm::function_ref<Placement()> Place);
  /// Why the parts of the choices that are not calls (conditions, values)
  /// cannot move into a task: they read what the rest of Full writes.
  std::optional<std::string> choiceProblem(const clang::Expr *Full,
                                           const std::vector<const clang::Expr *> &Units,
                                           const std::vector<const clang::Expr *> &Parts);
  /// A remark for each pure call of Region evaluated only on one side of a
  /// '&&', '||' or '?:' where another pure call is evaluated always: they
  /// are not siblings, and the remark says when the serial program makes
  /// the one.
  void remarkOneSided(const clang::Expr *Region);
  /// Why Calls, sibling calls of Region, cannot run side by side.
  std::optional<std::string> groupProblem(const clang::Expr *Full, const clang::Expr *Region,
                                          const std::vector<const clang::CallExpr *> &Calls);
  /// Replaces the calls by their results; returns the parallel_invoke that
  /// computes them.
  std::string hoist(const std::vector<const clang::CallExpr *> &Calls);
  void keepWorthTasks(std::vector<const clang::CallExpr *> &Calls);
  static std::vector<std::string> namesOf(const std::vector<const clang::CallExpr *> &Calls);

  PlanContext &PC;
  const clang::FunctionDecl *FD;
  bool worthTasks(const std::vector<const clang::CallExpr *> &Calls);
  /// Why CE (part of Region) may be a call the serial program never makes:
  /// an operand evaluated before it may throw (docs/codegen.md,
  /// "Speculation"); nothing when it is reached whenever Region is.
  std::optional<std::string> unreachedBecause(const clang::Expr *Region, const clang::CallExpr *CE);
  /// The same for a piece of work Piece (a choice, named Name in remarks).
  std::optional<std::string> unreachedBecause(const clang::Expr *Region, const clang::Expr *Piece,
                                              const std::string &Name);

  /// An escape of VD's address that could be used while the code of Where
  /// runs (an impure call there could write VD through it, or a call of
  /// a group read VD through it): one before Where ends, or anywhere in a
  /// loop around Where (an earlier iteration); any escape at all in a
  /// function with `goto`, or of a variable of an enclosing function (a
  /// lambda's capture, which outlives one call of the lambda).
  enum class LiveBecause {
    EscapesBefore,         // before Where ends, or in the same statement
    EscapesInLoopAround,   // in a loop around Where: an earlier iteration
    FunctionHasGoto,       // any escape: jumps defeat the order of the text
    OfEnclosingFunction,   // any escape: a lambda's capture outlives one call
  };
  struct LiveEscape {
    const clang::Stmt *Site;
    LiveBecause Because;
  };
  std::optional<LiveEscape> liveEscape(const clang::VarDecl *VD, const clang::Stmt *Where) const;
  /// A remark's reason naming where VD's address escapes.
  std::string escapeReason(const clang::VarDecl *VD, const LiveEscape &E) const;

  DepScanner Scanner;
  EscapeSites Sites;
  bool HasJumps = false;
  MayThrow Throws;
  CallCost Cost;
  bool SeveralMayThrow = false;
};

} // namespace purecc
