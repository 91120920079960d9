//===- CallArguments.h - what a call may do with its arguments -----------===//
//
// The dependence scanner (StmtDeps.h) asks, for every argument of a call it
// cannot read into, what the callee may do with it: write through it (a
// non-const reference or pointer parameter), write the range it denotes
// (`std::fill(v.begin(), ...)` writes v), call it (a lambda, a function
// wrapper), pass it on unchanged (a forwarding reference bound to an
// lvalue), or only touch a temporary that dies with the call. These are the
// shapes of arguments it recognizes.
//
//   if (const Expr *Owner = rangeOwner(Arg)) ... // a write of Owner's elements
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/ADT/STLFunctionalExtras.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

namespace purecc {

/// A parameter through which the callee may write what the argument is: a
/// reference to non-const.
bool writableReference(clang::QualType PT);

/// The same through a pointer: a pointer to non-const data (not a function).
bool writablePointer(clang::QualType PT);

/// `std::move(x)`, `std::ref(x)` ...: x itself, for a write through the
/// result (the library model's address-only functions).
const clang::Expr *throughAddressOnly(const clang::Expr *E);

/// std::begin(v), std::data(v) ...: the free functions that mirror a
/// container's access members hand out access and change nothing.
bool isAccessFunction(const clang::FunctionDecl *FD);

/// The lambda a callable argument is: written there, or the initializer of
/// the local it names. Null when it is something else.
const clang::LambdaExpr *lambdaOf(const clang::Expr *A);

/// `v.begin()`, `std::end(v)`, `v.data()`, `&x`, an array that decays, or
/// one of them plus or minus an offset: v (or x), whose elements a library
/// call writing through the argument writes.
const clang::Expr *rangeOwner(const clang::Expr *A);

/// Parameter I of the library function FD is a forwarding reference (`T&&`
/// of the function template's own T) bound to an lvalue: the library passes
/// it on (to a constructor that copies it, to a callable judged where it is
/// given) and does not write it. Bound to an xvalue it may be moved from.
bool forwardsLvalue(const clang::FunctionDecl *FD, unsigned I);

/// std::function, std::move_only_function, std::reference_wrapper: calling
/// one calls whatever it holds.
bool isIndirectCallable(clang::QualType T);

/// A temporary materialized for one call's argument (not bound to a named
/// reference): whatever the callee writes there dies with the expression.
bool isPrivateTemporary(const clang::Expr *Arg);

/// A constructor, destructor or copy or move assignment that is trivial,
/// or defaulted and, for each base and member (a library class: each type
/// it holds), runs only the compiler's special members or ones
/// KnownEffectFree accepts: it reads and writes only its object and its
/// argument. A defaulted `P::operator=` calls its member's user-provided
/// `Inner::operator=`, which may write anything (adv39 t02: a map ran a
/// logging one in another order, on several threads).
bool isTrivialSpecialMember(const clang::FunctionDecl *FD,
                            llvm::function_ref<bool(const clang::FunctionDecl *)> KnownEffectFree);

/// For a defaulted special member FD: the first user-provided special
/// member it calls on a base or member (isTrivialSpecialMember) that
/// KnownEffectFree does not accept, to name in a remark; else null.
const clang::CXXMethodDecl *
userSpecialMemberCalled(const clang::FunctionDecl *FD,
                        llvm::function_ref<bool(const clang::FunctionDecl *)> KnownEffectFree);

} // namespace purecc
