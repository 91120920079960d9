//===- CallCost.h - is a call worth a parallel task? -----------------------===//
//
// A task costs ~0.1 µs to spawn and join (docs/runtime.md); a call that
// runs a few dozen instructions gains nothing from one and loses the
// inlining the serial code had (issue: a parser building one-character
// strings got 3-7x slower). As for loops (Loops.cpp's tiny-loop rule),
// what makes a call worth a task is repetition: a loop or recursion
// somewhere in what it runs. So a call is worth a task when its callee,
// followed through every callee whose body is visible in the user's code,
//
//  * contains a loop (for, while, do, range-for), or
//  * is part of, or reaches, a recursion (a cycle in that call graph), or
//  * calls a user function whose body is not visible (another file: its
//    cost is unknown, and purecc keeps the benefit of the doubt), or
//  * calls a standard algorithm that walks a range (std::accumulate,
//    std::sort, ...).
//
// Other standard-library calls (string and container members, math) count
// as cheap: their loops run over the data the caller hands them, which for
// the calls this rule is about (building small strings) is small.
//
//   CallCost Cost(Ctx);
//   if (!Cost.worthATask(Callee)) ... // too little work: keep it serial
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"

namespace purecc {

class CallCost {
public:
  explicit CallCost(clang::ASTContext &Ctx) : Ctx(Ctx) {}

  /// Whether a call to FD does enough work for a task (see the file comment).
  bool worthATask(const clang::FunctionDecl *FD);
  /// Whether the call CE does: every function it may reach does
  /// (analysis/FixedCallee.h, reachedFunctions; an unknown one gets the
  /// benefit of the doubt), or a call in its operands does (the task
  /// evaluates them: `add(fib(27), 1)`).
  bool worthACall(const clang::CallExpr *CE);

private:
  bool worthForItself(const clang::CallExpr *CE);
  bool worthForOperands(const clang::CallExpr *CE);

  clang::ASTContext &Ctx;
  llvm::DenseMap<const clang::FunctionDecl *, bool> Known;
  /// worthACall's answers: the planners ask about one call several times,
  /// and each answer may scan the call's operands.
  llvm::DenseMap<const clang::CallExpr *, bool> KnownCalls;
};

} // namespace purecc
