//===- Unevaluated.h - operands the program never evaluates ---------------===//
//
// C++ names some expressions only for their type: `sizeof(f(x))`,
// `alignof`, `noexcept(f(x))`, `decltype(f(x))`, and `typeid(e)` unless `e`
// is a glvalue of polymorphic class type ([expr.context], [expr.typeid]).
// Nothing in them runs: no call, no read, no write, no throw. Nor does a
// call of a 'consteval' function, which the compiler evaluates. Every walk
// that asks what code does (the checker's rules, may-throw, does-not-return,
// which calls an expression makes) skips them through this one predicate,
// so the walks agree on what runs.
//
//   if (isUnevaluatedOperand(S))
//     return; // sizeof(log_and_count(x)) calls nothing
//
// Two operands look unevaluated and are not: `sizeof` of a variable-length
// array type (a GNU extension in C++) computes its bound, which clang keeps
// in the type, and `typeid(*p)` of a polymorphic `*p` reads the object.
// `decltype` is a type, not a statement: a RecursiveASTVisitor skips it by
// overriding TraverseDecltypeTypeLoc; a walk over children never sees it.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/Stmt.h"

namespace purecc {

/// Whether S is an operator whose operand the program never evaluates:
/// `sizeof`/`alignof`/`__alignof` of a type or an expression (not of a
/// variable-length array type), `noexcept(e)`, and `typeid` of a type or of
/// an expression that is not a polymorphic glvalue, and a call of a
/// 'consteval' function (an immediate invocation: the compiler evaluates it,
/// adv63 F16) whose value does not depend on where it is written (not
/// `std::source_location::current()`). S itself evaluates to a constant;
/// its children never run. Null: false.
bool isUnevaluatedOperand(const clang::Stmt *S);

} // namespace purecc
