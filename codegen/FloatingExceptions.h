//===- FloatingExceptions.h - operations that may raise an IEEE 754 exception
//
// A floating-point operation whose operands are not exact for it raises an
// exception flag (FE_DIVBYZERO, FE_INVALID, FE_OVERFLOW, FE_UNDERFLOW,
// FE_INEXACT), and traps where the program enabled the trap
// (`feenableexcept`). The runtime gives every task the caller's rounding
// mode and trap mask and carries the flags the task raised back at the
// join (docs/codegen.md, "Floating-point environment"), so work the serial
// program also does raises the same flags. Work it never does is another
// matter: a selection's one-pass block run for a term the serial loop never
// selects (`ratio = 1.0 / scale` with a 'scale' that is 0.0 there) sets
// FE_DIVBYZERO the serial program never sets, or dies of SIGFPE where it
// enabled that trap (adv41 t02). Such speculated code must hold no
// operation this names.
//
// Named: the arithmetic operators (`+ - * /`, their compound assignments,
// `++`/`--`) and the ordered comparisons (`< > <= >=`, FE_INVALID on a
// NaN) on a floating type; a conversion from a floating type to an integer
// (FE_INVALID out of range) or to a narrower floating type (overflow,
// underflow, inexact), and from an integer wider than the floating type's
// significand (inexact). Not named: copies, negation, `==`/`!=` (quiet
// comparisons), widening conversions, and constants the compiler folds.
// Calls are the caller's to judge (a library function handed a floating
// value may raise anything).
//
//   if (std::string Op = floatingExceptionOperation(Ctx, S); !Op.empty())
//     ... Op + " may raise a floating-point exception there"  // "a division"
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"

#include <string>

namespace purecc {

/// What S itself (not its children) does that may raise a floating-point
/// exception, as a noun phrase for a remark ("a floating-point division",
/// "a conversion of a floating-point value to an integer"), or empty.
std::string floatingExceptionOperation(const clang::ASTContext &Ctx, const clang::Stmt *S);

} // namespace purecc
