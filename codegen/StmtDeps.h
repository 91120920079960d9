//===- StmtDeps.h - statement dependences: what code reads, writes, calls -===//
//
// Every parallelizing rewrite rests on one question: can these computations
// run in any order? That is a question of dependences between statements,
// not of purity (analysis/Effects.h models what makes a function impure).
// DepScanner answers it conservatively for a statement
// or expression: which variables it reads and writes, whether it reads or
// writes memory it cannot name (through pointers, references, globals),
// whether it calls something not known to be free of side effects, and
// whether it jumps out. A call is known when the purity checker judged the
// callee pure, or when the standard-library model (analysis/Stdlib.h, the
// one table the checker uses too) says what it does: which arguments and
// which object it writes (a push_back on a local written in the scanned code
// is a write of that local, not an unknown effect), which callables it
// calls (a lambda's body is scanned as code run here) and which members of
// user types it runs (LibraryRuns). Clang's const builtins (libm: errno is
// not observable in purecc) are known too.
//
//   DepScanner Scan(PC);
//   StmtDeps D = Scan.scan(Body);
//   if (D.ImpureCall) ... // explain with D.ImpureCall's callee
//
// Which locals' addresses leave the function's control (and so may be
// written through unknown memory) is Escapes.h's question.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "PlanContext.h"

#include "analysis/LibraryRuns.h"
#include "analysis/Stdlib.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"

#include <optional>
#include <string>
#include <vector>

namespace purecc {

struct StmtDeps {
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
  /// Why, when it is not that its callee is not known to be pure: a member
  /// of a user type the library call runs, a callable given to it.
  std::string ImpureWhy;
  /// The first break/continue/return/goto that leaves the scanned code.
  const clang::Stmt *Exit = nullptr;
  /// The first break/return/goto that leaves the scanned code: an exit that
  /// is not a `continue` of the scanned loop body.
  const clang::Stmt *Leave = nullptr;
  /// The `continue`s that leave the scanned code (not those of inner loops;
  /// those in a `switch` do): in a loop body, the end of one iteration.
  llvm::SmallVector<const clang::ContinueStmt *, 2> Continues;
  /// The first name that means something else in code moved into a task
  /// (a lambda that may run on another thread) and why, as "'x', which
  /// ...": `__func__` names the function it is written in, a
  /// `thread_local` variable is another object on another thread, and a
  /// structured binding of a bit-field cannot be captured by reference, and
  /// a `static` local declared in the code is one object every run of it
  /// shares (threads running iterations at once would race on it).
  const clang::Stmt *Unmovable = nullptr;
  std::string UnmovableWhy;
  /// Where each written variable is first written (for remarks).
  llvm::DenseMap<const clang::VarDecl *, const clang::Expr *> FirstWrite;

  bool isEffectFree() const { return Writes.empty() && !MemoryWrite && !ImpureCall; }
  /// Adds what From found, as if it had been scanned with this: for code a
  /// transformation scans apart (the values of skipped appends and folds).
  void merge(const StmtDeps &From);
};

/// Vars (a set of StmtDeps) in source order: first those S names, in the
/// order it first names them, then the others in the order they are
/// declared. A remark that names one of several picks the same one on every
/// run (a set of pointers iterates in address order once it grows).
std::vector<const clang::VarDecl *>
inSourceOrder(const llvm::SmallPtrSetImpl<const clang::VarDecl *> &Vars, const clang::Stmt *S,
              const clang::SourceManager &SM);

/// "'__func__', which names the function it is written in": the reason
/// code using it stays where it is written. Used by a macro (`assert`), it
/// is named as the macro the user wrote: "'assert', whose message names the
/// function it is written in".
std::string functionNameReason(const clang::PredefinedExpr *E, const clang::ASTContext &Ctx);

class DepScanner {
public:
  explicit DepScanner(const PlanContext &PC) : PC(PC) {}

  /// Scans S. Expressions in Skip (with everything inside them) are left
  /// out: code the caller judges itself, such as an accumulator's position.
  StmtDeps scan(const clang::Stmt *S,
               const llvm::SmallPtrSetImpl<const clang::Expr *> *Skip = nullptr) const;

  /// True when a call to FD is free of side effects whatever its arguments:
  /// judged pure, or a library function that writes no argument, takes no
  /// callable and runs no user member (see the file comment).
  bool isEffectFreeCallee(const clang::FunctionDecl *FD) const;

  /// The library model's verdict on a call to FD (a member called through
  /// ObjectClass), or nullopt when FD is not the library's (user code, or
  /// judged pure by the checker). With FD null: ObjectClass used as a
  /// callable (std::less<T>), a value member when the model lists it.
  std::optional<LibraryVerdict> libraryVerdict(const clang::FunctionDecl *FD,
                                               const clang::CXXRecordDecl *ObjectClass) const;

  /// The members of user types a library function runs.
  const std::vector<UserRun> &runsOf(const clang::FunctionDecl *FD) const;

  /// The plan's context (the file's text, for reasons that quote it).
  const PlanContext &context() const { return PC; }

private:
  const PlanContext &PC;
};

/// The variable an lvalue designates (x, x.m, x[i] for arrays and standard
/// containers), or null when it goes through a pointer or is not a variable.
const clang::VarDecl *baseVariable(const clang::Expr *LValue);

/// True for a variable local to a function (automatic storage, parameters
/// included) that is not a reference.
bool isOwnedLocal(const clang::VarDecl *VD);

} // namespace purecc
