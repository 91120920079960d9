//===- FixedCallee.h - the one function a call through a pointer reaches --===//
//
// `double (*fp)(long) = heavy; ... b += fp(i);` calls `heavy` every time:
// a call through a variable of pointer- or reference-to-function type is a
// direct call in all but its spelling when the variable can hold nothing
// else. The may-throw analysis (MayThrow.h) and codegen's dependence scan
// (codegen/StmtDeps.h) ask which function that is, so that such a call is
// judged as the call of that function, and, when it is not one function,
// why not (a remark gives the true reason).
//
// The variable holds one function when its initializer names one (`heavy`,
// `&heavy`, under casts; a captureless lambda converted to a pointer names
// its call operator) and nothing can change it afterwards:
//
//  * a reference to a function is never reseated;
//  * a `const` pointer is never written (writing one is undefined);
//  * a local pointer (automatic or `static`) is only read: every use in its
//    function, lambdas inside it included, loads its value (a call through
//    it, a copy, a comparison). An assignment, `&fp` or a binding to a
//    reference is a use that may change it; a capture by reference is no
//    use of its own (the lambda's body, where it is used, is looked at).
//
// Parameters (the caller chooses) and non-`const` globals (any function may
// assign them) hold whatever they hold at the call. A parameter the function
// only reads holds what each call passes: isFixedParameter says so, and the
// checker and the may-throw and no-return facts judge such a call at the
// function's calls, with the function each passes.
//
// An initializer that chooses, `c ? f : g` (nested, each branch one of the
// above), leaves the variable holding one of a few known functions: a call
// through it is a call of one of them (Unfixed::Several, Candidates), which
// is pure when each of them is and may throw when any may.
//
// reachedFunctions is the one entry point for "which code does this call
// run" that loop terms (codegen/StmtDeps.h, MayThrow.h, the cost model) and
// sibling calls (codegen/SiblingCalls.h) share: the direct callee (a
// lambda's call operator for `lf(1)` with `auto lf = [](long k) {...}`),
// or the functions a fixed pointer holds.
//
//   FixedCallee T = fixedCallee(CE);
//   if (T.Function) ... // judge CE as a call of T.Function
//   else if (T.Through) ... // explain with T.Why (and T.Where)
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallVector.h"

namespace purecc {

/// Why a call through a variable does not reach one known function.
enum class Unfixed {
  None,          // it does: FixedCallee::Function
  Direct,        // no pointer is called through: a direct callee (or a
                 // scalar's pseudo-destructor, `p->~T()`)
  Dependent,     // a template has yet to say what is called
  NotAVariable,  // through a function or member pointer no variable names
                 // (`tbl[k](i)`, `(o.*pm)(i)`, `pick()(i)`); Where is it
  Parameter,     // a parameter: the caller's choice
  Global,        // a global (or static member) that is not `const`
  NotOneFunction, // its initializer names no function (or there is none)
  Changed,       // a use other than a read may change it (Where)
  Several,       // it holds one of Candidates, chosen by its initializer's '?:'
};

struct FixedCallee {
  /// The function every call reaches (Why is Unfixed::None).
  const clang::FunctionDecl *Function = nullptr;
  /// The pointer or reference called through, when the callee names one.
  const clang::VarDecl *Through = nullptr;
  Unfixed Why = Unfixed::Direct;
  /// The functions the variable may hold, in written order: Function alone
  /// (Unfixed::None), or the choices of a '?:' (Unfixed::Several).
  llvm::SmallVector<const clang::FunctionDecl *, 2> Candidates;
  /// Unfixed::Changed: the first use that may change it; NotOneFunction:
  /// the initializer (null when there is none); NotAVariable: the pointer
  /// called through, as written (`tbl[k]`, `o.*pm`).
  const clang::Expr *Where = nullptr;
};

/// The function an initializer names: `heavy`, `&heavy`, `{heavy}`, under
/// casts, or the call operator of a captureless lambda converted to a
/// pointer (`+[](long k) {...}`); null for anything else.
const clang::FunctionDecl *namedFunction(const clang::Expr *Init);

/// The functions an initializer may name: namedFunction's one, or those of
/// each branch of a '?:' (`c ? f : &g`); false (Out unchanged) when some
/// branch names none.
bool namedFunctions(const clang::Expr *Init,
                    llvm::SmallVectorImpl<const clang::FunctionDecl *> &Out);

/// What CE, a call without a direct callee, calls through a variable
/// (see the file comment). A call with a direct callee gives Direct.
FixedCallee fixedCallee(const clang::CallExpr *CE);

/// The first use of V in Body that may change it (an assignment, `&V`, a
/// binding to a reference; see the file comment), or null when every use
/// only reads its value.
const clang::Expr *firstChange(const clang::VarDecl *V, const clang::Stmt *Body);

/// E without parentheses, implicit casts and a `std::forward<F>(x)` or
/// `std::move(x)` around it: what a forwarding reference passes on.
const clang::Expr *forwardedOperand(const clang::Expr *E);

/// Whether T is a pointer or a reference to a function.
bool isFunctionPointerOrReference(clang::QualType T);

/// Whether V is a parameter of Owner (not of a function around a lambda)
/// of function pointer or function reference type that Owner only reads:
/// what a call through it runs, each caller of Owner passes, so the purity
/// checker (ImpureCall.cpp), the may-throw fact and codegen's no-return
/// fact judge it at the call (adv118 F1: glm's `functor1::call(R
/// (*Func)(T), v)`).
bool isFixedParameter(const clang::VarDecl *V, const clang::FunctionDecl *Owner);

/// Every function CE may run: its direct callee, or fixedCallee's
/// Candidates; empty when that is not known.
llvm::SmallVector<const clang::FunctionDecl *, 2> reachedFunctions(const clang::CallExpr *CE);

} // namespace purecc
