//===- JumpTargets.h - where a jump may arrive inside a statement ---------===//
//
// Two rewrites must know whether a jump may arrive inside a statement:
//
//   * a loop body copied into a serial clone must not declare a label
//     twice (`goto` targets are unique in a function);
//   * a call hoisted out of a run of statements must not be skipped by a
//     `goto` or a `case` that arrives between the statements (the serial
//     program makes the call after the jump, the parallel one never).
//
// One walk answers both; JumpTarget says which targets count. A call of
// `setjmp` (or `sigsetjmp`, `vfork`, `getcontext`) is a label too: a `longjmp` arrives
// there again, from anywhere after it (adv49 t64).
//
//   if (containsJumpTarget(Body, JumpTarget::Label)) ...           // clone
//   if (containsJumpTarget(S, JumpTarget::LabelOrCase)) ...        // runs
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/Stmt.h"

namespace purecc {

/// Which statements count as a place a jump arrives at.
enum class JumpTarget {
  Label,       // `name:` (a `goto` target)
  LabelOrCase, // also `case`/`default` of a `switch` around S
};

/// Whether S is a call of `setjmp` (or another function that returns twice).
bool isSetjmp(const clang::Stmt *S);

/// Whether S is or contains a jump target of kind K (null: no).
bool containsJumpTarget(const clang::Stmt *S, JumpTarget K);

} // namespace purecc
