//===- ParallelCalls.h - parallel-calls: independent pure calls as tasks --===//
//
// Two shapes of independence:
//
//  * sibling calls in one full-expression, `fib(n - 1) + fib(n - 2)`,
//    `f(g(x), h(y))`, `std::max(a(x), b(y))`: the calls are hoisted into one
//    parallel_invoke just before the statement and their results take their
//    places;
//  * consecutive statements `auto l = solve(left); auto r = solve(right);`
//    (ParallelStatements.h).
//
// Hoisting is only done when it cannot be observed: the calls are evaluated
// whenever the statement is (not under &&, ||, ?: or in a lambda), no call
// comes after code that may throw, in the order C++ fixes (a braced
// initializer's elements, the operands of `,` `<<` `>>` `=` `[]`) or else
// in the order they are written (the operands of `+`, a call's arguments):
// the serial program would not reach it (Speculation.h; a call that would
// is left where it is, and the calls before it still form a group), their
// arguments have no side effects, and nothing else in the statement can
// write what they read (GroupProblems.h). In a function that is not itself
// pure (e.g. `main`) that last point needs the arguments to read only
// locals whose address never escapes.
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
// a remark says when the serial program makes it (ApartCalls.h).
//
// And only when it pays: at least two of the calls must do enough work for
// a task (a loop or recursion in what they run, see CallCost.h); otherwise
// the statement stays serial with a purecc-cheap-calls remark.
//
// Which calls are siblings is SiblingCalls.h; whether one may become a task
// and pays, CallTasks.h; the code the group becomes, CallHoisting.h.
//
//   ParallelCalls Calls(PC, FD);
//   Calls.planStatement(S, Parent);  // sibling calls
//   Calls.planRuns(Compound);        // consecutive statements
//
//===----------------------------------------------------------------------===//
#pragma once

#include "CallTasks.h"
#include "ParallelStatements.h"

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

  /// Runs of consecutive independent call statements in CS
  /// (ParallelStatements.h); returns the statements it rewrote (their text
  /// is now taken).
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
  /// Never silent about sibling calls in a parameter's default argument:
  /// they stay serial, and the remark says why.
  void remarkDefaultArgument(const clang::ParmVarDecl *P);
  /// Never silent about pure calls worth a task inside a GNU statement
  /// expression `({ ... })` in S: its statements are not planned, and
  /// the remark says so (adv39 t05).
  void remarkStatementExpressions(const clang::Stmt *S);

  /// Whether some group of unsequenced calls has more than one call that
  /// may throw. The parallel path would then throw the leftmost one's
  /// exception, the serial clone whichever the compiler evaluates first, so
  /// such a function gets no clone. The speculation rule (planGroup) keeps
  /// at most one call that may throw in a group, the last one, so this
  /// stays false; it guards the clone should that rule ever loosen.
  bool throwOrderMatters() const { return SeveralMayThrow; }

private:
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
  /// The pragma that applies to the statement holding Full, as its line
  /// reads (PlanContext::pragmaRightBefore); empty when none does.
  std::string pragmaOwning(const clang::Expr *Full);
  /// Sibling work of Region where one or more pieces is a choice, a '?:'
  /// whose branches are pure calls (or effect-free values):
  /// `(a > 0 ? f(a) : g(a)) + (b > 0 ? f(b) : g(b))`. Each piece, condition
  /// and all, becomes one branch of the parallel_invoke: the serial program
  /// evaluates every piece, and each piece evaluates its condition and the
  /// one call it picks. Otherwise says why calls of Region on one side of
  /// '&&', '||' or '?:' do not run beside the others (remarkOneSided).
  bool planChoices(const clang::Expr *Full, const clang::Expr *Region,
                   llvm::function_ref<Placement()> Place);
  /// Says why calls of Region through a lambda or a pointer variable that
  /// reach a pure function are no siblings (SiblingCalls.h,
  /// whyNotPureCall), when two calls worth a task would otherwise be.
  void remarkExplained(const clang::Expr *Region);
  /// A purecc-missed-parallel-calls remark at Loc naming the calls; false.
  bool refuse(clang::SourceLocation Loc, const std::vector<std::string> &Names,
              const std::string &Why);
  /// Puts Invoke, the parallel_invoke of a group, where P says, and says so.
  void emitGroup(const Placement &P, const std::string &Invoke, clang::SourceLocation Loc,
                 const std::vector<std::string> &Names);

  PlanContext &PC;
  CallTasks Tasks;
  ParallelStatements Statements;
  bool SeveralMayThrow = false;
};

} // namespace purecc
