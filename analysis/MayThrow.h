//===- MayThrow.h - can this code end by throwing an exception? -----------===//
//
// The may-throw fact. Parallel code must not evaluate a call the serial
// program would not have reached: in `long v = check(x); long s = run(x);`
// the serial program never calls `run` when `check` throws, so the two run
// side by side only when `check` cannot throw (docs/codegen.md,
// "Speculation"). This analysis answers "can evaluating this end in an
// exception?" conservatively (a "no" is a proof):
//
//  * a `throw` expression may throw (even inside a `try`: not looked into);
//  * a call may throw unless the callee is `noexcept` (or a destructor, or
//    a const builtin such as libm), or its body is visible and, followed
//    through every callee's visible body (recursion included: a fixed point
//    over the call graph), contains no `throw` and no call that may throw;
//  * a pseudo-destructor call (`p->~T()` of a scalar T, as in
//    std::destroy_at<long>) does nothing, so it cannot throw;
//  * virtual calls, calls through pointers, `dynamic_cast` to a reference
//    and `typeid` of a polymorphic object may throw unless `noexcept`; a
//    pointer or reference that holds one function (FixedCallee.h) calls
//    that function; a parameter of function pointer type the function only
//    reads calls what each call passes, judged at the call (a named
//    function is a callee there, anything else may throw unless its type
//    is `noexcept`), and mayThrow(FunctionDecl) asked of such a function
//    without a call says it may throw;
//  * what a `try` block with a `catch (...)` handler throws does not escape
//    it, unless a handler rethrows it (`throw;`); its handlers are scanned
//    as usual; a handler of one type may not catch it, so that counts as
//    escaping;
//  * a local object's destructor runs at the end of its scope: one declared
//    `noexcept(false)` may throw there, and so may the destructors of its
//    members and bases, which run after its body;
//  * a `catch (...)` whose handler rethrows (`throw;`) lets what its
//    `try` block throws escape: counted in the block;
//  * with Operands::Speculated, a call of the user's code to a
//    standard-library function counts by its contract (throwsByContract);
//  * allocation failure is exempt, as `errno` is: the global `operator new`
//    and libstdc++'s `__throw_bad_alloc` are taken not to throw. A program
//    out of memory is not one whose exceptions purecc keeps in order;
//  * a count or a size the user's code gives a container (`v.resize(n)`,
//    `std::string(n, c)`) counts, with Operands::Speculated and
//    Operands::Other, unless it is known to be small (SizeLimit.h): one
//    that wrapped below zero throws std::length_error at once; a call
//    that appends does not.
//
// With Operands::Other (asked by the tree folds, whose question is "could
// calling this on other operands than the serial program's throw?", see
// docs/codegen.md, "ordered-reduction"):
//
//  * the standard library's size limit, `std::__throw_length_error`, does
//    not count inside the library: a container asked to hold more than
//    max_size() elements (2^62 bytes and more), which growing by appending
//    cannot reach before memory runs out (allocation failure, exempt
//    already). A size the user's code asks for directly
//    (`std::string(n, c)`, `v.resize(n)`, with an n that wrapped below
//    zero) reaches it, and counts (SizeLimit.h);
//  * `throw;` inside a `catch` handler (libstdc++'s cleanup after a failed
//    element copy) does not count: it rethrows what the `try` block threw,
//    which is counted there already;
//  * a user's function declared `noexcept` (or a destructor) is judged by
//    its body all the same: a throw out of it ends the program
//    (std::terminate), which on the serial program's operands it may not.
//
//   MayThrow Throws(Ctx);
//   if (!Throws.mayThrow(Stmt)) ... // evaluating Stmt cannot throw
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

namespace purecc {

/// Whose operands the code runs on (see above).
enum class Operands {
  /// The serial program's: statements and loops whose exceptions purecc
  /// keeps in order. `noexcept` is taken at its word.
  Serial,
  /// Others (a tree fold's partial results): the library's size limit does
  /// not count, and a user's `noexcept` function is judged by its body.
  Other,
  /// A loop's later iterations, which a parallel loop starts before the
  /// earlier ones end: as Other, and what a standard-library function
  /// throws counts only by the contract of the function the user's code
  /// calls (throwsByContract: `v.at(i)`, `std::stoi(s)`, `opt.value()`),
  /// not by the library's inner code: `"item-" + std::to_string(i)` cannot
  /// be proved never to reach libstdc++'s `out_of_range` branch of
  /// `insert`, but `operator+` has no such contract. User code the library
  /// calls back (a comparator, a lambda) is followed. docs/codegen.md.
  Speculated,
};

/// Whether E, a call or a construction, calls a standard-library function
/// that throws by its documented contract given these operands
/// (analysis/Stdlib.h, contractThrow; StdlibPurity.def, PURECC_STD_THROWS):
/// `v.at(i)`, `std::stoi(s)`, `std::get<T>(var)`, `s.substr(p)` with p not
/// the default nor 0, `v.resize(n)` with an n not known to be small
/// (SizeLimit.h: std::length_error). Allocation failure is not a contract
/// on values and never counts.
bool throwsByContract(const clang::Expr *E, clang::ASTContext &Ctx);

class MayThrow {
public:
  explicit MayThrow(clang::ASTContext &Ctx, Operands On = Operands::Serial)
      : Ctx(Ctx), On(On) {}

  /// Whether evaluating S (an expression or a statement) may throw.
  bool mayThrow(const clang::Stmt *S);

  /// Whether a call to FD may throw (its own exception specification and,
  /// without one, its body and its callees' bodies).
  bool mayThrow(const clang::FunctionDecl *FD);

  /// Whether passing lvalues to FD's by-value parameters may throw: the
  /// copy of each argument and its destruction, which the caller makes (a
  /// library algorithm's `op(*it)`), so FD's body does not show them.
  bool mayThrowPassingCopies(const clang::FunctionDecl *FD);

private:
  /// Whether FD's body, or a body it reaches, may throw: FD is a definition
  /// a call was found to run as written (Promise::SeeBody, with the
  /// dispatch that call has: `sq.area(i)` on a local runs Sq::area itself).
  bool bodyMayThrow(const clang::FunctionDecl *Root);

  clang::ASTContext &Ctx;
  Operands On;
  /// Final answers, for every function whose call graph was explored.
  llvm::DenseMap<const clang::FunctionDecl *, bool> Known;
  /// Those that call through a function pointer parameter: their answer
  /// holds at a call site that judged what it passes.
  llvm::DenseSet<const clang::FunctionDecl *> ParameterCallers;
};

} // namespace purecc
