//===- Subscripts.h - the parts of an element access `a[k]` ---------------===//
//
// An element is written `a[k]` of a built-in array or pointer, `k[a]` (the
// same built-in subscript, its operands swapped), or `v[k]` of a class with
// an operator[] taking one index (std::vector, std::array, a user's
// matrix row). Maps, array reductions, member-container reads and the
// remarks about them all take such an access apart; they do it here, so
// that what one of them takes for "an element" the others take too.
//
//   if (Subscript S = subscriptParts(E->IgnoreParenImpCasts()))
//     ... S.Base ... S.Index ...
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/Expr.h"

namespace purecc {

/// The operands of an element access as written (neither stripped of
/// parentheses nor of implicit casts). Base is the array or pointer
/// operand of a built-in subscript (also in `k[a]`, where it is written
/// second) or the object of an operator[] call; Index is the other one.
/// Both are null when E itself is not an element access.
struct Subscript {
  const clang::Expr *Base = nullptr;
  const clang::Expr *Index = nullptr;
  /// The base is written second (`k[a]`): only a built-in subscript.
  bool Swapped = false;
  explicit operator bool() const { return Base != nullptr; }
};
Subscript subscriptParts(const clang::Expr *E);

} // namespace purecc
