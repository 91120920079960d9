//===- ImpureCall.h - R4: calls only to pure code -------------------------===//
//
// Rule: everything a pure function calls must be pure, including the calls
// nobody wrote: constructors, destructors of locals, temporaries, members
// and bases, copies and moves, overloaded and conversion operators, and the
// calls inside default arguments (the walker shows those to every rule).
//
// This rule only *finds* the calls. It records:
//  - Call for a callee judged by inference (a definition in this unit) or
//    without one; the fixpoint decides (SCCs, R7), and maps the callee's
//    writes to `*this` and to its parameters onto this call site;
//  - LibraryCall for a standard/C library function that the table
//    (StdlibPurity.def) does not list as pure, with the table's reason;
//  - IndirectCall for calls through function pointers, pointers to member
//    functions and std::function.
// Callees declared [[pure]] (verified on their own) or
// [[purecc::assume_pure]] (trusted) are not recorded. Callables passed to
// library algorithms (std::sort's comparator, std::transform's lambda)
// are recorded as calls made here. Virtual and atomic calls belong to
// VirtualCall and AtomicAccess.
//
// Depends on: Locality (object/argument provenance at each call site),
// Stdlib (the table), VirtualCall, AtomicAccess, Attributes.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Rule.h"

namespace purecc {
std::unique_ptr<Rule> makeImpureCallRule();
} // namespace purecc
