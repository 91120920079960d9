//===- SameExpr.h - whether two expressions compute the same value --------===//
//
// Several transformations recognize a value written twice: the term of an
// if-form max (`if (e > m) m = e;`), a map's index on both sides, a
// selection's compared term, and a comparator's key of each argument
// (`[](long a, long b) { return cost(a) < cost(b); }`). They compare
// expressions here and nowhere else, so that what one of them takes for
// "the same expression" the others take too.
//
//   if (sameExpr(Ctx, Cmp->getRHS(), E)) ...           // e written twice
//   if (sameExprRenaming(Key(a), Key(b), A, B)) ...    // key(a) vs key(b)
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

namespace purecc {

/// Whether A and B are the same expression, as Clang's canonical profile
/// sees them (the same declarations, operators and literals; parentheses
/// and implicit casts around the whole are ignored).
bool sameExpr(clang::ASTContext &Ctx, const clang::Expr *A, const clang::Expr *B);

/// Whether Y is X with parameter B wherever X names parameter A (and
/// neither names the other): `cost(a)` and `cost(b)`. Clang's profile
/// records each declaration's identity and has no hook to rename one, so
/// this compares node by node; only the kinds of expressions listed in it
/// are compared, and any other is taken to differ, so an unknown construct
/// never passes for the same key.
bool sameExprRenaming(const clang::Stmt *X, const clang::Stmt *Y, const clang::ParmVarDecl *A,
                      const clang::ParmVarDecl *B);

} // namespace purecc
