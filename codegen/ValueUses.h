//===- ValueUses.h - does a statement use a variable only for its value? --===//
//
// Hoisting a pure call before other code is safe only if that code cannot
// change what the call reads. The dependence scanner sees writes by name,
// through a pointer and by impure calls; but code may also hand a variable
// on as an lvalue to code that writes it without any of those shapes
// showing: a reference a library returns (`std::get<0>(pr) = 4`,
// `*v.begin() = 4`, `*opt = 4`), a move (`auto w = std::move(v);`), an
// address (`__atomic_store_n(&x, 4, ...)`), a pointer to member
// (`o.*pm = 4`). This answers the narrower, sound question: is every use
// of the variable a use of its value?
//
// A use of the value is a read (an lvalue-to-rvalue conversion), also of a
// field or an element (`pr.first`, `a[1]`), also into braces (`Bx{n}`); a
// copy construction; a 'const'
// member call, or a call with a 'const' reference parameter, that returns
// a number (no address can come back); the array or `&x` given for a
// pointer to 'const' parameter (`mean(a, n)`, `peak(&y[0], 3)`); an iterator from `v.begin()` (or
// `+ n`) that only reaches a standard container's range constructor
// (`std::vector<int>(a.begin(), a.begin() + mid)`); a `std::span` of const
// elements or a `std::string_view` made from it; an unevaluated operand; a branch of
// `?:` used so; a reference the function returns (its caller writes it
// only after the function's last expression). Anything else counts as
// possibly writing.
//
//   if (namedOtherThanByValue(Ctx, Between, VD)) ... // keep the call after
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace purecc {

/// The first place in S that names VD (or one of its structured bindings)
/// other than for its value, or nullptr when every use reads the value.
/// Expressions in Skip (the calls being hoisted) are not looked into.
const clang::DeclRefExpr *
namedOtherThanByValue(clang::ASTContext &Ctx, const clang::Stmt *S, const clang::VarDecl *VD,
                      const llvm::SmallPtrSetImpl<const clang::Expr *> *Skip = nullptr);

/// Adds to Out every variable S names (itself or through one of its
/// structured bindings) other than for its value: one walk over S, where
/// namedOtherThanByValue asks about one variable.
void addNamedOtherThanByValue(clang::ASTContext &Ctx, const clang::Stmt *S,
                              llvm::SmallPtrSetImpl<const clang::VarDecl *> &Out);

} // namespace purecc
