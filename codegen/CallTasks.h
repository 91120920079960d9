//===- CallTasks.h - may a pure call become a task, and does it pay? ------===//
//
// The two transformations of independent calls, sibling calls in one
// full-expression (ParallelCalls.h) and runs of consecutive statements
// (ParallelStatements.h), move a pure call into a task that may run on
// another thread. What they need in one function is here:
//
//  * acceptableCall: the call returns an object that can be moved out of
//    the task, is written outside macros and not rewritten otherwise, and
//    its arguments have no side effects and use nothing a task cannot;
//  * worthTasks: at least two of the calls do enough work for a task (a
//    loop or recursion in what they run, CallCost.h), else a
//    purecc-cheap-calls remark;
//  * callReads and handedOn: what a call reads (its arguments, its
//    object, what a lambda it calls captures by reference) and which
//    variables its arguments hand on to be changed (`fv(std::move(v))`);
//  * the function's dependence scanner, live escapes and may-throw answers
//    (the speculation rule's, Speculation.h: library code by its contract),
//    shared so that each is computed once; and the calls that may not
//    return (NoReturn.h), which a hoisted call may not move before.
//
//   CallTasks Tasks(PC, FD);
//   std::string Why;
//   if (!Tasks.acceptableCall(CE, Why)) ... // "'f' does not return an object"
//
//===----------------------------------------------------------------------===//
#pragma once

#include "CallCost.h"
#include "LiveEscapes.h"
#include "NoReturn.h"
#include "PlanContext.h"
#include "StmtDeps.h"

#include "analysis/MayThrow.h"

#include <string>
#include <vector>

namespace purecc {

struct CallTasks {
  /// FD is null for an initializer outside any function (a default member
  /// initializer): it reads no local.
  CallTasks(PlanContext &PC, const clang::FunctionDecl *FD);

  /// Whether CE can become a task; otherwise why not, in WhyNot.
  bool acceptableCall(const clang::CallExpr *CE, std::string &WhyNot) const;

  /// At least two of the calls do enough work for a task; otherwise says so
  /// in a remark naming the cheap ones.
  bool worthTasks(const std::vector<const clang::CallExpr *> &Calls);

  /// Drops the calls that do too little work for a task.
  void keepWorthTasks(std::vector<const clang::CallExpr *> &Calls);
  /// What CE reads when it runs: its arguments; the object of a member
  /// call (`c.f(1)` reads `c`, `p->f(1)` reads memory); what a lambda it
  /// calls captures by reference; and, through a local that holds another's
  /// address, that other local (adv27 W3).
  StmtDeps callReads(const clang::CallExpr *CE);
  /// The variables CE's arguments use other than by their value (and the
  /// locals those hold the address of), in source order: a move into a
  /// by-value parameter (`fv(std::move(v))`), a non-const reference
  /// parameter (`T&&`, which a pure function may write). The call may
  /// change them, so no sibling may read them (adv27 W1).
  std::vector<const clang::VarDecl *> handedOn(const clang::CallExpr *CE);
  /// Why Reader cannot run beside Giver, which hands VD on (handedOn):
  /// "'v' is used other than by its value in an argument of 'fv', which may
  /// change it, and the call to 'gv' reads it". A lambda called where it
  /// is written names its capture: "the lambda captures 'k' by reference,
  /// and purecc does not follow what it does with it".
  static std::string handedOnReason(const clang::CallExpr *Giver, const clang::VarDecl *VD,
                                    const clang::CallExpr *Reader);

  PlanContext &PC;
  const clang::FunctionDecl *FD;
  DepScanner Scanner;
  LiveEscapes Escapes;
  MayThrow Throws;
  NoReturnCalls NoReturn;
  CallCost Cost;
};

/// The purecc-cheap-calls remark: of the calls (or pieces) All, the ones
/// named in Cheap do too little work for a task.
void remarkCheap(PlanContext &PC, clang::SourceLocation Loc, const std::vector<std::string> &All,
                 const std::vector<std::string> &Cheap);

/// The expressions CE evaluates before its callee runs: the object of a
/// member call (`c` of `c.f(1)`), then the arguments.
std::vector<const clang::Expr *> callOperands(const clang::CallExpr *CE);
/// The name of CE's callee, as remarks show it.
std::string calleeName(const clang::CallExpr *CE);
/// The callees' names, in order.
std::vector<std::string> namesOf(const std::vector<const clang::CallExpr *> &Calls);

/// E as the user wrote it, in quotes, when it is short; Otherwise if not.
std::string shown(const PlanContext &PC, const clang::Expr *E, const std::string &Otherwise);

/// A value of type T can be moved (or copied) out of a task.
bool isMovable(clang::QualType T);

/// A const object can be written by nobody while the calls run (writing it
/// is undefined behaviour), unless it has a `mutable` member.
bool isImmutable(const clang::VarDecl *VD, const clang::ASTContext &Ctx);

/// Why VD's initializer must stay a constant expression written in place:
/// VD is 'constexpr', or 'const' and usable as a constant (`std::array<long,
/// a>`), and a call moved into a task initializes nothing at compile time
/// (adv27 C3). Empty when VD is neither.
std::string constantVariableReason(const clang::VarDecl *VD, clang::ASTContext &Ctx);

} // namespace purecc
