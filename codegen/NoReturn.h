//===- NoReturn.h - code that may never return to the code after it -------===//
//
// Hoisting a pure call before other code makes the call even when that code
// never returns: `long a = fib(k); assert(k < 40); long b = endless(k);`
// aborts in the serial program, but the rewritten one starts 'endless'
// before the 'assert' and waits for it for ever (adv27 H1). The
// speculation rule (Speculation.h) counts what may throw; this counts the
// other way out of a statement: a call of a function that does not return
// ('abort', 'exit', 'std::terminate', '__builtin_trap', glibc's
// '__assert_fail' behind 'assert', a user's '[[noreturn]]' function),
// written in the code or reached through the bodies of the user's functions
// it calls (32 calls deep; a deeper chain is taken not to return). A
// library function's body is not followed: what it throws is the
// speculation rule's. Code that traps (a division by zero, a null
// dereference) has undefined behaviour, and is not counted.
//
// The hoisted calls themselves count too: a call that may not return (an
// 'assert' in it) ends the serial program before the later calls, while
// in the rewritten one they run beside it and may end the process first,
// another way: a division by the zero the failed check stops traps with
// SIGFPE where the serial program aborts (adv35 t01). A process that
// aborts on one thread does end every other, but not before them. So a
// call that may not return is only ever the last of its run or group, and
// a loop whose body may not return stays serial (Speculation.h, Loops.cpp's
// exceptionReason), as for code that may throw. Under NDEBUG, 'assert'
// makes no call and counts for nothing.
//
//   NoReturnCalls NoReturn(PC);
//   if (std::optional<NoReturnCall> N = NoReturn.first(Gap))
//     Why = N->Named + " runs between them, ...";   // "'assert', which does not return"
//
//===----------------------------------------------------------------------===//
#pragma once

#include "PlanContext.h"

#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <optional>
#include <string>

namespace purecc {

/// A call in the scanned code that may not return.
struct NoReturnCall {
  const clang::CallExpr *Call; // as written in the scanned code
  /// For remarks: "'abort', which does not return" (a call of a function
  /// declared so; a macro such as 'assert' named as written), or "'check',
  /// which may not return" (a function whose body may make such a call).
  std::string Named;
};

class NoReturnCalls {
public:
  explicit NoReturnCalls(PlanContext &PC) : PC(PC) {}

  /// The first call in S (in source order) that may not return, looking
  /// into neither the expressions in Skip nor unevaluated operands nor the
  /// bodies of lambdas it does not call; std::nullopt when none.
  std::optional<NoReturnCall> first(const clang::Stmt *S,
                                    const llvm::SmallPtrSetImpl<const clang::Expr *> *Skip = nullptr);

private:
  /// Whether a call to FD may not return (its declaration, or a call in the
  /// body of a function of the user's).
  bool mayNotReturn(const clang::FunctionDecl *FD, unsigned Depth);
  const clang::CallExpr *firstIn(const clang::Stmt *S,
                                 const llvm::SmallPtrSetImpl<const clang::Expr *> *Skip,
                                 unsigned Depth);

  PlanContext &PC;
  llvm::DenseMap<const clang::FunctionDecl *, bool> Known;
};

} // namespace purecc
