//===- ParallelStatements.h - runs of independent call statements as tasks ===//
//
// Consecutive statements `auto l = solve(left); auto r = solve(right);`
// that each store one pure call into a local run their calls side by side:
//
//   auto [r0, r1] = purecc::parallel_invoke([&] { return solve(left); },
//                                           [&] { return solve(right); });
//   auto l = r0; auto r = r1;
//
// when no call reads what an earlier statement of the run stores (by name
// or through a holder), no target's address can be used while the calls
// run (no escape before them, in a loop around them, or in a function with
// `goto`: an escape after them is no matter, LiveEscapes.h), and every
// statement but the last cannot throw (otherwise the later ones would run
// where the serial program had already left by the exception), nor the
// last one when a handler could see an earlier target (OutlivesException.h).
// A statement that could have joined its neighbour but cannot gets a
// remark saying why.
//
// Statements that call nothing worth a task may stand between two of a run
// (`long e = fib(k); v.push_back(k); long f = fib(k - 1);`): the later call
// then moves before them, which is the serial program's answer when they
// cannot leave the block or throw (the speculation rule), call only code
// known to be pure or the library's, write nothing the call reads (by
// name, or any variable when the call reads through a pointer), declare
// nothing it reads, and, when the call may throw, change nothing outside
// themselves. The calls then all run where the first statement stood, and
// each statement stores its result where it stands (gapReason).

//
//   ParallelStatements Statements(Tasks);
//   auto Done = Statements.planRuns(Compound); // the statements rewritten
//
//===----------------------------------------------------------------------===//
#pragma once

#include "CallTasks.h"

#include "clang/AST/Stmt.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace purecc {

class ParallelStatements {
public:
  explicit ParallelStatements(CallTasks &Tasks) : Tasks(Tasks), PC(Tasks.PC) {}

  /// Runs of consecutive independent call statements in CS; returns the
  /// statements it rewrote (their text is now taken).
  llvm::SmallPtrSet<const clang::Stmt *, 4> planRuns(const clang::CompoundStmt *CS);

private:
  struct Candidate;
  /// S as a statement of a run: the call it stores into a local. When S
  /// stores one pure call into a local but cannot join a run, why not (a
  /// remark if a neighbour could have joined it), in *WhyNot with the call.
  std::optional<Candidate> runCandidate(const clang::Stmt *S,
                                        std::pair<const clang::CallExpr *, std::string> *WhyNot =
                                            nullptr) const;
  /// The one pure call worth a task that Value computes with built-in
  /// arithmetic (`argc + slow(k)`), when the rest of Value neither writes
  /// nor throws; nullptr otherwise (and when Value is the call itself).
  /// When the rest is what keeps the call out, the call and why in Refused.
  const clang::CallExpr *operandCall(const clang::Expr *Value,
                                     std::pair<const clang::CallExpr *, std::string> &Refused) const;
  /// The one pure call worth a task in S (nullptr if none or several).
  const clang::CallExpr *lonePureCall(const clang::Stmt *S);
  /// The pure calls worth a task in S (outside lambdas).
  std::vector<const clang::CallExpr *> worthPureCalls(const clang::Stmt *S) const;
  /// The first statement of Gap that changes something outside itself (a
  /// variable declared before it, memory, impure code), quoted; empty if none.
  std::string gapEffect(const std::vector<const clang::Stmt *> &Gap) const;
  /// Why the calls of Run and C cannot all move to where Run's first
  /// statement stands: a preprocessor directive between, or a call written
  /// with a macro (`__LINE__` would change). Empty when they can.
  std::string movedReason(const std::vector<Candidate> &Run, const Candidate &C) const;
  /// Whether a write through a pointer or reference in Where may reach
  /// VD: a local holds VD's address, or it escaped where Where could use it.
  bool mayBeReachedThrough(const clang::VarDecl *VD, const clang::Stmt *Where) const;
  /// Why C's call cannot move before the statements Gap, which stand
  /// between it and the run's last statement: one has a label, may leave
  /// the block or throw, calls code not known to be pure, writes through a
  /// pointer, declares or writes what the call reads, or has an effect the
  /// serial program shows before the call throws. Empty when it can.
  std::string gapReason(const std::vector<const clang::Stmt *> &Gap, const Candidate &C) const;
  /// Why Reader's call may not run beside Giver's: it reads a variable
  /// Giver's arguments hand on to be changed (CallTasks::handedOn). Empty
  /// when it may.
  std::string handedOnReason(const Candidate &Giver, const Candidate &Reader) const;
  /// A pragma from the end of the statement before First (in CS) to the
  /// end of Last, as its line reads; empty when there is none.
  std::string pragmaAmong(const clang::CompoundStmt *CS, const clang::Stmt *First,
                          const clang::Stmt *Last) const;
  void emitRun(const std::vector<Candidate> &Run);

  CallTasks &Tasks;
  PlanContext &PC;
};

} // namespace purecc
