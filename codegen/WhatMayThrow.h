//===- WhatMayThrow.h - name the part of the code that may throw ----------===//
//
// A loop or a run of calls stays serial when something in it may throw
// (analysis/MayThrow.h, the speculation rule of docs/codegen.md). The
// remark names that something as the user wrote it: the first part, in
// evaluation order, that may throw by itself (its operands cannot):
//
//   a 'throw' expression             `throw std::runtime_error("x")`
//   'work'                            a call of a function that may throw
//   'work' (defined in another file; declare it 'noexcept' if it cannot
//     throw)                          only its declaration can promise
//   'v.at', 'std::stoi'               a library call that throws by its
//                                     contract, named as written
//   the lambda 'f'                    a call of a lambda held by 'f'
//   the lambda on line 12             a call of a lambda written there
//   'work' (called through 'fp')      a pointer that holds one function
//                                     (analysis/FixedCallee.h)
//   the construction of a 'T'         a constructor that may throw
//   the assignment to a 'T'           an `operator=` that may throw
//   the destructor of a temporary 'T' at the end of the full-expression
//   the destruction of 'g'            a local's, at the end of its scope
//   'dynamic_cast<D &>(b)', 'typeid(*p)'  the language's own throws, as
//                                     written (short) or by keyword
//
// One phrase for both rules, so that a loop and a run of calls say the
// same thing of the same code.
//
//   if (Throws.mayThrow(S))
//     if (std::string What = whatMayThrow(PC, Throws, S); !What.empty())
//       Why = What + " may throw, and ...";
//
//===----------------------------------------------------------------------===//
#pragma once

#include "PlanContext.h"

#include <string>

namespace purecc {

class MayThrow;

/// What whatMayThrow names a `throw` expression: it throws, so no "which
/// may throw" follows it.
inline constexpr const char *ThrowExpression = "a 'throw' expression";

/// The part of S that may throw, as a noun phrase (above); empty when no
/// part can be named, for the caller to say what S is ("code in the loop
/// body").
std::string whatMayThrow(PlanContext &PC, MayThrow &Throws, const clang::Stmt *S);

} // namespace purecc
