//===- Speculation.h - would a hoisted call run where the serial one doesn't?
//
// Hoisting a sibling call into a task starts it before anything else of
// its statement runs. The serial program makes it only once the operands
// evaluated before it have been evaluated: when one of them may throw, the
// serial program may never make the call, which could run for hours
// (`chk(a) + slow(a)`). Such a call is speculation, and purecc does not
// speculate (docs/codegen.md, "Speculation").
//
// "Before" is the order the serial program is taken to evaluate operands
// in: C++17's where it fixes one (a braced initializer's elements, the
// operands of `,` `<<` `>>` `=` `[]`, a member call's object before its
// arguments), otherwise the order they are written in. For built-in
// operators that is what g++ and clang++ do; a function's or a
// constructor's arguments and an overloaded operator's operands are
// evaluated left to right by clang++ and right to left by g++, so there an
// operand written after the call counts as "before" it too (adv56 t04).
//
//   if (std::optional<std::string> Why = unreachedBecause(PC, Throws, NoReturn, Region, CE, Name))
//     ... // "the call to 'slow' comes after 'chk', which may throw"
//
//===----------------------------------------------------------------------===//
#pragma once

#include "NoReturn.h"
#include "PlanContext.h"

#include "analysis/MayThrow.h"

#include <optional>
#include <string>

namespace purecc {

/// The may-throw answers of the speculation rule, one for both of its
/// cases: a loop's later iterations (Loops.cpp, Algorithms.cpp) and the
/// calls a statement or an expression makes after code that may throw
/// (CallTasks.h). What the standard library throws counts by the contract
/// of the function the user's code calls (`v.at(i)`, `std::stoi(s)`,
/// `s.substr(p)` do; `std::to_string(n) + "/"` does not), allocation
/// failure never counts, and `std::length_error` only from a count or a
/// size the user's code computes (`v.resize(n)`, `std::string(n, c)`:
/// analysis/SizeLimit.h), not from appending (analysis/MayThrow.h,
/// Operands::Speculated; docs/codegen.md).
MayThrow speculationThrows(clang::ASTContext &Ctx);

/// Why hoisting Piece (a call, or a choice named Name in remarks) out of
/// Region would evaluate work the serial program might not reach: an
/// operand evaluated before it in Region may throw, or may not return
/// (NoReturn.h: an 'assert' in the earlier call ends the serial program,
/// while the hoisted piece, running beside it, may trap first on what the
/// failed check would have stopped, adv35 t01). Or, when Piece may throw,
/// an operand the compiler may evaluate before or after it (a function's
/// arguments, the operands of `+`: g++ goes right to left where clang++
/// goes left to right) may throw too: which exception escapes is then the
/// compiler's choice, which hoisting Piece would take away (adv52 t126,
/// t74). Nothing when it is reached whenever Region is.
std::optional<std::string> unreachedBecause(PlanContext &PC, MayThrow &Throws,
                                            NoReturnCalls &NoReturn, const clang::Expr *Region,
                                            const clang::Expr *Piece, const std::string &Name);

/// Whether Why (from unreachedBecause) says that Piece and an operand the
/// compiler may evaluate before it may both throw ("the call to 'chk' and
/// another call to 'chk' may both throw, and the compiler chooses which
/// runs first"), rather than that it comes after one: a remark names the
/// latter first, which says more.
bool isOrderChoice(const std::string &Why);

/// What in S may throw, as a clause: "'chk', which may throw"
/// (whatMayThrow), "a 'throw' expression", or "code that may throw" when no
/// part can be named.
std::string whichMayThrow(PlanContext &PC, MayThrow &Throws, const clang::Stmt *S);

/// whichMayThrow followed by the rest of a sentence (Then: "runs between
/// them"), with the comma only after a "which" clause.
std::string whichMayThrowThen(PlanContext &PC, MayThrow &Throws, const clang::Stmt *S,
                              const std::string &Then);

} // namespace purecc
