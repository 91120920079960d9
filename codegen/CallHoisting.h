//===- CallHoisting.h - sibling work moved into a parallel_invoke ---------===//
//
// The code a group of independent calls becomes: each call (or choice) is
// replaced by its result, and the parallel_invoke that computes the
// results is returned for the caller to place before the statement or at
// the head of a region:
//
//   auto [r0, r1] = purecc::parallel_invoke([&] { return fib(n - 1); },
//                                           [&] { return fib(n - 2); });
//   return r0 + r1;
//
// In a distributed build a call that can travel becomes a purecc::call_at
// branch of purecc::invoke_at (TaskRegistry.h); everything else keeps its
// plain form.
//
//   PC.insert(Open, hoistCalls(Tasks, Calls));
//
//===----------------------------------------------------------------------===//
#pragma once

#include "CallTasks.h"

#include <string>
#include <vector>

namespace purecc {

/// The branch that makes CE, whose text is CallText: a plain one, or in a
/// distributed build one that may run on another rank (then AnyRemote is
/// set).
std::string branchText(CallTasks &Tasks, const clang::CallExpr *CE, const std::string &CallText,
                       bool &AnyRemote);

/// Replaces the calls by their results; returns the parallel_invoke that
/// computes them.
std::string hoistCalls(CallTasks &Tasks, const std::vector<const clang::CallExpr *> &Calls);

/// The same for pieces of sibling work, each a call or a choice: a choice
/// is hoisted whole, its condition and the call it picks in its task.
std::string hoistPieces(CallTasks &Tasks, const std::vector<const clang::Expr *> &Pieces);

} // namespace purecc
