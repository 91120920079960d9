//===- VirtualCall.h - R5: virtual calls only to [[pure]] methods ---------===//
//
// Rule: a virtual call (one that dispatches at run time, also the destructor
// run by `delete base` or `p->~Base()`) is allowed only to
// a method declared [[pure]] in the static type of the object; and every
// override of a [[pure]] virtual must itself be declared [[pure]] (checked
// at the override, see PurityChecker.cpp). Calls Clang can devirtualize
// (final classes or methods, qualified calls, objects of known dynamic
// type) are ordinary calls, judged by ImpureCall.
//
// Why: the body that runs is chosen at run time, possibly from a class that
// has not been written yet; only the declaration can promise purity.
//
// Depends on: Attributes (is the static callee declared pure), Clang's
// devirtualization (CXXMethodDecl::getDevirtualizedMethod).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Rule.h"

namespace purecc {
std::unique_ptr<Rule> makeVirtualCallRule();
/// The method a call dispatches to at run time, or null for a direct call.
const clang::CXXMethodDecl *virtualTarget(const clang::Expr *Call);
/// The destructor a `delete` dispatches to at run time (a virtual one that
/// Clang cannot devirtualize), or null when it calls the static type's.
const clang::CXXDestructorDecl *virtualDestructor(const clang::CXXDeleteExpr *DE);
} // namespace purecc
