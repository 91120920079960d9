//===- GroupProblems.h - may sibling work run beside its statement's rest? -===//
//
// Sibling calls hoisted out of a full-expression run before the rest of it,
// side by side. That is the serial program's answer only when
//
//  * every call can become a task (CallTasks::acceptableCall);
//  * nothing else in the full-expression writes what their arguments read
//    (by name, through a local that holds the address, or, in a function
//    that is not pure, through an address that escaped: LiveEscapes.h);
//  * when a call may throw, nothing the rest of the expression stores
//    before it can be seen by a handler (OutlivesException.h): the
//    rewritten expression stores only once every call has returned.
//
// A choice's parts that are not calls (its conditions, its plain values)
// move into the task too, so they must not read what the rest writes.
//
//   if (std::optional<std::string> Why = groupProblem(Tasks, Full, Region, Calls))
//     ... // remark: "'x' is written in the same expression"
//
//===----------------------------------------------------------------------===//
#pragma once

#include "CallTasks.h"

#include <optional>
#include <string>
#include <vector>

namespace purecc {

/// Why Full is a constant the compiler computes (an `if constexpr`
/// condition, a `case` label, the initializer of a `constexpr` variable or
/// of a 'const' one usable as a constant), which no call moved into a task
/// can be; empty when it is not.
std::string constantContext(PlanContext &PC, const clang::Expr *Full);

/// Why Calls, sibling calls of Region (part of the full-expression Full),
/// cannot run side by side.
std::optional<std::string> groupProblem(CallTasks &Tasks, const clang::Expr *Full,
                                        const clang::Expr *Region,
                                        const std::vector<const clang::CallExpr *> &Calls);

/// Why the parts of the choices Units that are not calls (Parts: conditions,
/// values) cannot move into a task: they read what the rest of Full writes.
std::optional<std::string> choiceProblem(CallTasks &Tasks, const clang::Expr *Full,
                                         const std::vector<const clang::Expr *> &Units,
                                         const std::vector<const clang::Expr *> &Parts);

} // namespace purecc
