//===- SiblingCalls.h - which pure calls of an expression are siblings ----===//
//
// Sibling calls are pure calls of one expression that the serial program
// evaluates whenever it evaluates the expression, none inside another:
// `fib(n - 1) + fib(n - 2)`, `f(g(x), h(y))` (through the single pure call
// `f`, whose arguments offer `g` and `h`). Calls under '&&', '||', '?:', in
// a lambda or an unevaluated operand are evaluated on some paths only (or
// never), so they are no siblings of the others.
//
// A choice, a '?:' that picks one pure call (or a plain value) to make,
// `a > 0 ? f(a) : g(a)`, is one piece of sibling work (siblingUnits): its
// task evaluates the condition and the call it picks, as the serial program
// does.
//
//   std::vector<const CallExpr *> Calls = siblingCalls(Full, PC.Facts);
//   if (Calls.size() >= 2) ... // candidates to run side by side
//
//===----------------------------------------------------------------------===//
#pragma once

#include "analysis/PurityChecker.h"

#include "clang/AST/Expr.h"

#include <vector>

namespace purecc {

/// The function CE calls: its direct callee, or the one function a local
/// pointer or reference it calls through holds (`fp(1) + fp(2)` with
/// `long (*fp)(long) = fib`, analysis/FixedCallee.h); null for any other.
const clang::FunctionDecl *calledFunction(const clang::CallExpr *CE);

/// E is a call to a function judged pure (calledFunction).
bool isPureCall(const clang::Expr *E, const PurityFacts &Facts);

/// The pure calls of E that are always evaluated and not nested in another
/// one, appended to Out.
void collectFrontier(const clang::Expr *E, const PurityFacts &Facts,
                     std::vector<const clang::CallExpr *> &Out);

/// The sibling calls of E: its frontier, descending through single pure
/// calls (`f(g(x), h(y))` offers g and h).
std::vector<const clang::CallExpr *> siblingCalls(const clang::Expr *E, const PurityFacts &Facts);

/// siblingCalls, where a choice is one piece of work.
std::vector<const clang::Expr *> siblingUnits(const clang::Expr *E, const PurityFacts &Facts);

/// The parts of E as a branch of a choice: a pure call (into Calls), a
/// value with no pure call in it, or a '?:' of those whose condition has
/// none (into Parts); false when E is none of them.
bool choiceParts(const clang::Expr *E, const PurityFacts &Facts,
                 std::vector<const clang::CallExpr *> &Calls,
                 std::vector<const clang::Expr *> &Parts);

/// The '?:', '&&' and '||' operators evaluated whenever E is, or on some of
/// its paths (a branch, or the right operand, is evaluated entirely whenever
/// its operator picks it), outermost first; not those in a lambda or an
/// unevaluated operand.
void collectConditionals(const clang::Expr *E, std::vector<const clang::Expr *> &Out);

} // namespace purecc
