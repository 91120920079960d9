//===- Effects.h - what a piece of code reads, writes and calls -----------===//
//
// Every parallelizing rewrite rests on one question: can these computations
// run in any order? EffectScanner answers it conservatively for a statement
// or expression: which variables it reads and writes, whether it reads or
// writes memory it cannot name (through pointers, references, globals),
// whether it calls something not known to be free of side effects, and
// whether it jumps out. A call is effect-free when the purity checker judged
// the callee pure, when it is a const Clang builtin (libm: errno is not
// observable in purecc), or when it is one of the few standard-library
// operations listed in Effects.cpp (std::max, a container's size() ...).
//
//   EffectScanner Scan(PC);
//   Effects E = Scan.scan(Body);
//   if (E.ImpureCall) ... // explain with E.ImpureCall's callee
//
// escapedLocals() finds the locals whose address leaves the function's
// direct control (&x, x.data(), binding to a non-const reference, capture
// by reference): writes through unknown memory might reach them.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "PlanContext.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"

namespace purecc {

struct Effects {
  /// Variables whose value (or an element or member of it) is read.
  llvm::SmallPtrSet<const clang::VarDecl *, 8> Reads;
  /// Variables assigned, incremented, or mutated through a member call.
  llvm::SmallPtrSet<const clang::VarDecl *, 8> Writes;
  /// Variables declared inside the scanned code (private to each run of it).
  llvm::SmallPtrSet<const clang::VarDecl *, 8> Locals;
  /// Reads through a pointer, a reference, `this`, or of a global.
  bool ReadsMemory = false;
  /// Writes through a pointer or a reference.
  const clang::Expr *MemoryWrite = nullptr;
  /// The first call not known to be free of side effects.
  const clang::Expr *ImpureCall = nullptr;
  /// The first break/continue/return/goto that leaves the scanned code.
  const clang::Stmt *Exit = nullptr;
  /// The first break/return/goto that leaves the scanned code: an exit that
  /// is not a `continue` of the scanned loop body.
  const clang::Stmt *Leave = nullptr;
  /// The `continue`s that leave the scanned code (not those of inner loops;
  /// those in a `switch` do): in a loop body, the end of one iteration.
  llvm::SmallVector<const clang::ContinueStmt *, 2> Continues;
  /// Where each written variable is first written (for remarks).
  llvm::DenseMap<const clang::VarDecl *, const clang::Expr *> FirstWrite;

  bool isEffectFree() const { return Writes.empty() && !MemoryWrite && !ImpureCall; }
};

class EffectScanner {
public:
  explicit EffectScanner(const PlanContext &PC) : PC(PC) {}

  /// Scans S. Expressions in Skip (with everything inside them) are left
  /// out: code the caller judges itself, such as an accumulator's position.
  Effects scan(const clang::Stmt *S,
               const llvm::SmallPtrSetImpl<const clang::Expr *> *Skip = nullptr) const;

  /// True when a call to FD is free of side effects (see the file comment).
  bool isEffectFreeCallee(const clang::FunctionDecl *FD) const;

private:
  const PlanContext &PC;
};

/// The variable an lvalue designates (x, x.m, x[i] for arrays and standard
/// containers), or null when it goes through a pointer or is not a variable.
const clang::VarDecl *baseVariable(const clang::Expr *LValue);

/// Locals and parameters of FD whose address escapes (see the file
/// comment); Escapes.h also says where (findEscapes).
llvm::SmallPtrSet<const clang::VarDecl *, 8> escapedLocals(const clang::FunctionDecl *FD,
                                                          const PlanContext &PC);

/// True for a variable local to a function (automatic storage, parameters
/// included) that is not a reference.
bool isOwnedLocal(const clang::VarDecl *VD);

} // namespace purecc
