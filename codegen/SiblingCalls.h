//===- SiblingCalls.h - which pure calls of an expression are siblings ----===//
//
// Sibling calls are pure calls of one expression that the serial program
// evaluates whenever it evaluates the expression, none inside another:
// `fib(n - 1) + fib(n - 2)`, `f(g(x), h(y))` (through the single pure call
// `f`, whose arguments offer `g` and `h`). Calls under '&&', '||', '?:', in
// a lambda or an unevaluated operand are evaluated on some paths only (or
// never), so they are no siblings of the others.
//
// A pure call is a call of a function the checker judged pure, direct or
// through a pointer that holds one of known functions (analysis/
// FixedCallee.h, reachedFunctions: the entry point loop terms use too), or
// a call of a lambda (`lf(1)` with `auto lf = [](long k) { return fib(k);
// };`, or a pointer converted from one) whose body, scanned as code run at
// the call (codegen/StmtDeps.h), writes nothing outside itself and calls
// only pure code; what it captures by reference are reads of the call.
//
// A choice, a '?:' that picks one pure call (or a plain value) to make,
// `a > 0 ? f(a) : g(a)`, is one piece of sibling work (siblingUnits): its
// task evaluates the condition and the call it picks, as the serial program
// does.
//
//   std::vector<const CallExpr *> Calls = siblingCalls(Full, PC);
//   if (Calls.size() >= 2) ... // candidates to run side by side
//
//===----------------------------------------------------------------------===//
#pragma once

#include "PlanContext.h"
#include "StmtDeps.h"

#include "clang/AST/Expr.h"

#include <vector>

namespace purecc {

/// The function CE calls: its direct callee, or the one function a local
/// pointer or reference it calls through holds (`fp(1) + fp(2)` with
/// `long (*fp)(long) = fib`, analysis/FixedCallee.h); null for any other.
const clang::FunctionDecl *calledFunction(const clang::CallExpr *CE);

/// The variable CE calls through, when remarks name the call by it: a
/// lambda held by a local (`lf`), or a pointer that holds a converted lambda
/// or one of several functions (`fp` with `c ? f : g`); null otherwise.
const clang::VarDecl *namingVariable(const clang::CallExpr *CE);

/// What the lambda bodies CE runs read (captures by reference, globals),
/// besides its arguments; nothing when it reaches no lambda.
StmtDeps lambdaBodyReads(const clang::CallExpr *CE, const PlanContext &PC);

/// E is a pure call (see the file comment).
bool isPureCall(const clang::Expr *E, const PlanContext &PC);

/// Why CE, a call of a lambda or through a pointer, a reference or a lambda
/// variable, that reaches a pure function somewhere (a candidate, or a call
/// in the lambda's body), is no pure call: "the lambda 'lf' calls 'printf',
/// which is not known to be pure", "'fp' is assigned on line 9 ...". Empty
/// when it is one, or when it reaches no pure function (nothing a user
/// expects to run in parallel).
std::string whyNotPureCall(const clang::CallExpr *CE, const PlanContext &PC);

/// The pure calls of E that are always evaluated and not nested in another
/// one, appended to Out.
void collectFrontier(const clang::Expr *E, const PlanContext &PC,
                     std::vector<const clang::CallExpr *> &Out);

/// The sibling calls of E: its frontier, descending through single pure
/// calls (`f(g(x), h(y))` offers g and h).
std::vector<const clang::CallExpr *> siblingCalls(const clang::Expr *E, const PlanContext &PC);

/// The frontier of E (collectFrontier) with the calls whyNotPureCall
/// explains: what would be siblings if those were pure.
std::vector<const clang::CallExpr *> explainedSiblings(const clang::Expr *E,
                                                       const PlanContext &PC);

/// siblingCalls, where a choice is one piece of work.
std::vector<const clang::Expr *> siblingUnits(const clang::Expr *E, const PlanContext &PC);

/// The parts of E as a branch of a choice: a pure call (into Calls), a
/// value with no pure call in it, or a '?:' of those whose condition has
/// none (into Parts); false when E is none of them.
bool choiceParts(const clang::Expr *E, const PlanContext &PC,
                 std::vector<const clang::CallExpr *> &Calls,
                 std::vector<const clang::Expr *> &Parts);

/// The '?:', '&&' and '||' operators evaluated whenever E is, or on some of
/// its paths (a branch, or the right operand, is evaluated entirely whenever
/// its operator picks it), outermost first; not those in a lambda or an
/// unevaluated operand.
void collectConditionals(const clang::Expr *E, std::vector<const clang::Expr *> &Out);

} // namespace purecc
