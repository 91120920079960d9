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
// it calls (32 calls deep; a deeper chain is taken not to return). Calls
// the AST shows only implicitly count too: a constructor (its initializers
// and its body), the destructor of a local or a temporary (adv57 t01, t03).
// A call whose target purecc cannot see may not return: through a pointer
// it cannot follow, to a virtual function an unseen override of which may
// run, to a function defined in another file, unless that function is
// declared '[[pure]]' (checked where it is defined); a 'noexcept' promises
// nothing here, `exit` is 'noexcept' (adv57 t04, t05). A library
// function's body is not followed: what it throws is the speculation
// rule's. Code that traps (a division by zero, a null dereference) has
// undefined behaviour, and is not counted.
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
  /// The call, or the construction or declaration whose constructor or
  /// destructor it is, as written in the scanned code.
  const clang::Stmt *At;
  /// For remarks: "'abort', which does not return" (a call of a function
  /// declared so; a macro such as 'assert' named as written), "'check',
  /// which may not return" (a function whose body may make such a call),
  /// "the destructor of 'Guard', which may not return", "the call through
  /// 'fp', which may not return", "'check' (virtual: an override purecc
  /// does not see may run), which may not return", "'ext' (defined in
  /// another file), which may not return".
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
  /// Why a call may not return.
  enum class Reason {
    Returns,  // it returns
    Declared, // declared not to ('abort', '[[noreturn]]')
    Body,     // its body (or initializers, or members' destructors) may not
    Unseen,   // defined in another file
    Override, // virtual: an override purecc does not see may run
    Pointer,  // through a pointer purecc cannot follow
  };
  struct Hit;

  /// Whether a call to FD may not return, and why.
  Reason mayNotReturn(const clang::FunctionDecl *FD, unsigned Depth);
  /// Whether destroying an object of RD after its destructor's body (its
  /// members and bases) may not return.
  bool destroysMembersAndBases(const clang::CXXRecordDecl *RD, unsigned Depth);
  std::optional<Hit> firstIn(const clang::Stmt *S,
                             const llvm::SmallPtrSetImpl<const clang::Expr *> *Skip,
                             unsigned Depth);
  /// What CE passes FD for its function pointer parameters, which FD may
  /// call through them (analysis/FixedCallee.h, isFixedParameter): a named
  /// function that may not return, or a pointer that is not known.
  std::optional<Hit> passedCallables(const clang::CallExpr *CE, const clang::FunctionDecl *FD,
                                     unsigned Depth);

  PlanContext &PC;
  llvm::DenseMap<const clang::FunctionDecl *, Reason> Known;
  /// The function whose body is being looked at (null for a statement).
  const clang::FunctionDecl *Owner = nullptr;
};

} // namespace purecc
