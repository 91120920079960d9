//===- VirtualDispatch.h - may a call run an override the unit does not show? -===//
//
// A call of a virtual member through a pointer or a reference runs the
// override of the object's dynamic type, which another file may define:
// what that override does (throw, not return) is not what the member's body
// shows. The may-throw fact (MayThrow.h) and codegen's remarks
// (codegen/NoReturn.h, codegen/WhatMayThrow.h) ask the same question, so
// they give the same answer and the remarks name the same reason:
//
//   struct Shape { virtual long area() const; };
//   long f(const Shape &s) { return s.area(); }   // may run an override
//   long g(Shape s) { return s.area(); }          // a local object: its own
//   long k(const std::vector<Shape> &v) { return v[0].area(); } // an element
//   long h(const Shape &s) { return s.Shape::area(); } // named: no override
//
// A member declared `final`, or of a `final` class, has no override.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

namespace purecc {

/// How a call reaches a virtual member: through the object's dynamic type
/// (an override the unit may not see may run) or to the member named
/// (`d.D::f(i)`, a local object `d.f(i)`).
enum class Dispatch { Dynamic, Static };

/// How \p CE reaches its callee: Static for a member named with a
/// qualifier or called on a most-derived object (whose dynamic type is its
/// declared type): a variable or data member of class type, an element of
/// an array or of a standard container; Dynamic otherwise (through a
/// pointer or a reference).
Dispatch dispatchOf(const clang::CallExpr *CE);

/// Whether a call of \p FD reached as \p How may run an override of it: a
/// virtual member, not `final`, of a class that is not `final`, reached
/// dynamically.
bool mayRunOverride(const clang::FunctionDecl *FD, Dispatch How);

/// Whether \p CE, a call of \p FD, may run an override of it.
inline bool mayRunUnseenOverride(const clang::CallExpr *CE, const clang::FunctionDecl *FD) {
  return mayRunOverride(FD, dispatchOf(CE));
}

} // namespace purecc
