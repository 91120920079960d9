//===- Resizes.h - whether a loop body may change a container's size -----===//
//
// A loop's bound is often the size of a container that is not the loop's
// own variable: the row a range-for reaches by reference
// (`for (auto &row : g) for (auto &x : row) ...`), `j < r.size()` with `r`
// such a row. Writing an element of it (`x = f(x)`, `r[j] = f(j)`) does not
// change its size; only what may resize some container does: a non-const
// member that is not an element access (push_back, resize, insert, erase,
// clear, assign, swap, `=` of the whole container), a move from it, or the
// container passed by non-const reference or pointer. Which container a
// reference names is not followed, so the question is asked of every
// container the body does not declare itself.
//
//   if (boundReadsOnlySizes(BoundExpr) && !mayResizeAny(L.Body, L.Body_)) ...
//   if (usesOnlySize(BoundExpr, Out) && !mayResize(L.Body, Out)) ... // one container
//
//===----------------------------------------------------------------------===//
#pragma once

#include "StmtDeps.h"

#include "clang/AST/Expr.h"

namespace purecc {

class PurityFacts;

/// The first expression in Body that may change the size of a container
/// Body does not declare (Fx: Body's effects, for its locals), or null.
/// Facts, when given, tell which of the program's compound assignments
/// write only their left operand (`a += x` of a user's `V2`).
const clang::Expr *mayResizeAny(const clang::Stmt *Body, const StmtDeps &Fx,
                                const PurityFacts *Facts = nullptr);

/// Whether the memory Bound reads is only the size of named containers
/// (`r.size()`, `n - v.size()`, `h.v.size()` and `v.size()` of a member in
/// a member function: Places.h's memberPathOf): besides those, it reads only local
/// variables that are not references, constants and arithmetic on them.
bool boundReadsOnlySizes(const clang::Expr *Bound);

/// Whether S uses the standard container X only through its size
/// (`X.size()`, `X.length()`, `X.empty()`), or X only through the sizes of
/// containers that are members of it (`X.v.size()`, `X.a.b.size()`). S
/// may be null.
bool usesOnlySize(const clang::Stmt *S, const clang::VarDecl *X);

/// Whether Body may change the size of the standard container X (one the
/// loop's bound names, `i < out.size()`): anything but storing into, or
/// reading, its elements — a member call that is not one of those, an
/// assignment to X itself, X bound to a non-const reference or pointer,
/// `&X`, a capture.
bool mayResize(const clang::Stmt *Body, const clang::VarDecl *X);

} // namespace purecc
