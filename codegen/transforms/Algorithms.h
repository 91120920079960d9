//===- Algorithms.h - parallel-algorithm: standard algorithms -------------===//
//
// Calls of the standard numeric algorithms become runtime calls:
//
//   std::accumulate(v.begin(), v.end(), init[, std::plus<>()])   reduction
//   std::reduce(v.begin(), v.end()[, init[, op]])                reduction
//   std::transform_reduce(v.begin(), v.end(), init, op, f)       reduction
//   std::transform_reduce(v.begin(), v.end(), w.begin(), init)   reduction
//   std::count_if(v.begin(), v.end(), pred)                      reduction
//   std::transform(v.begin(), v.end(), out.begin(), f);          map
//
// over a named array or random-access standard container, when the
// callables are pure (a pure function, or a lambda whose body only calls
// pure functions and writes its own locals), the operation is one with an
// identity (std::plus, std::multiplies, std::bit_*), and the same type rules
// as loop reductions hold (`std::accumulate(d.begin(), d.end(), 0)` over
// doubles truncates every step: refused). An execution policy means the user
// already chose: left alone. std::min_element, max_element and
// minmax_element whose comparator is a lambda comparing one key of each
// argument (`return cost(a) < cost(b);`) compute the keys in parallel and
// run the library's own scan over them (purecc/keyed_selection.h): the
// serial answer to every comparison, so the serial element, even for a
// comparison that is no strict weak ordering; any other stays a serial
// scan, with a remark saying why.
//
//   Algorithms A(PC, Escaped, Sites);
//   A.planWithin(Stmt);   // every algorithm call in the statement's expressions
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Escapes.h"
#include "NoReturn.h"
#include "PlanContext.h"
#include "StmtDeps.h"

namespace purecc {

class Algorithms {
public:
  /// Sites: the function's escapes (only those before the call, or in a
  /// loop around it, can reach the output while it runs) and holders (a
  /// function applied that reads a view of the output reads the output).
  Algorithms(PlanContext &PC, const llvm::SmallPtrSetImpl<const clang::VarDecl *> &Escaped,
             const EscapeSites &Sites)
      : PC(PC), Escaped(Escaped), Sites(Sites) {}

  /// Plans every recognized algorithm call in S (lambda bodies excluded).
  void planWithin(const clang::Stmt *S);

private:
  struct Range;
  bool plan(const clang::CallExpr *CE, llvm::StringRef Name, std::string &WhyNot);
  /// A std::min_element, max_element or minmax_element call whose
  /// comparator compares one key of each argument becomes the keys computed
  /// in parallel and the library's scan over them; otherwise WhyNot says
  /// why it stays a serial scan (empty when it is not the user's text).
  bool planSelection(const clang::CallExpr *CE, llvm::StringRef Name, std::string &WhyNot);
  std::optional<Range> range(const clang::Expr *First, const clang::Expr *Last) const;
  bool pureCallable(const clang::Expr *F, clang::QualType &Result,
                    llvm::SmallPtrSetImpl<const clang::VarDecl *> &Reads) const;
  /// Why applying F to the elements in parallel would call it where the
  /// serial algorithm does not (F may throw: the serial algorithm stops
  /// there), or empty. What names F in the reason ("the predicate").
  std::string throwReason(const clang::Expr *F, llvm::StringRef What) const;
  /// Why a callable FD's body may end the program (an 'assert' in it,
  /// NoReturn.h): What, "calls 'f', which may not return, and ..."; or empty.
  std::string noReturnReason(const clang::FunctionDecl *FD, llvm::StringRef What) const;
  /// Why F would read another value on a worker thread (a 'thread_local':
  /// each thread has its own, adv37 t06), or empty. What names F.
  std::string perThreadReason(const clang::Expr *F, llvm::StringRef What) const;
  bool givenPureWork(const clang::CallExpr *CE) const;
  /// Why the callable F (named What in remarks: "the predicate") may not be
  /// applied to many elements at once: not known to be pure
  /// (pureCallable, which fills Result and Reads), reading what differs per
  /// thread, or throwing or not returning where the serial algorithm stops.
  /// Empty when it may.
  std::string callableReason(const clang::Expr *F, llvm::StringRef What, clang::QualType &Result,
                             llvm::SmallPtrSetImpl<const clang::VarDecl *> &Reads) const;

  PlanContext &PC;
  /// What callables' bodies may not return, kept across the unit's calls.
  mutable NoReturnCalls NoReturn{PC};
  const llvm::SmallPtrSetImpl<const clang::VarDecl *> &Escaped;
  const EscapeSites &Sites;
};

} // namespace purecc
