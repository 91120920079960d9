//===- LinkNote.h - what this unit defines for other units' memo keys -----===//
//
// A unit sees only declarations of what other units define, so a memoized
// function's fingerprint lists those by linker symbol (Fingerprint.h:
// External). Each unit records, in an ELF note of its object file, the
// fingerprint and the External list of every pure function (and constant)
// whose definition it provides: strong definitions, and its own copy of each
// inline function or implicit instantiation it uses (of which the linker
// keeps one unit's, compiled with that unit's flags: adv102 F2). At run time
// purecc/memo_link.h follows the symbols through the notes of the linked
// program to complete the key. docs/memo.md, "The records cover...".
//
//   std::string Records = linkNote(Ctx, Facts, 2);
//   // "_Z6kerneld 0123...cdef _Z4stepd\n" ...
//
//===----------------------------------------------------------------------===//
#pragma once

#include "clang/AST/ASTContext.h"

#include <string>

namespace purecc {

class PurityFacts;

/// The records of this unit's link note, or "" when the unit defines no pure
/// function another unit could call: one line "<symbol> <32 hex digits>
/// <external>..." per pure function defined here for others (a strong
/// external definition, or the unit's copy of a used inline function or
/// implicit instantiation: linkerKeepsOneCopy), and, in such a unit, per
/// constant with external linkage defined here. Sorted by symbol. A
/// record's list leaves out the symbols another listed symbol reaches
/// through this unit's records (the runtime follows them), so a chain of
/// inline functions is a line each, not a triangle. OptimizationLevel: the
/// build's -O (Fingerprint.h: fingerprint).
std::string linkNote(clang::ASTContext &Ctx, const PurityFacts &Facts, unsigned OptimizationLevel);

} // namespace purecc
