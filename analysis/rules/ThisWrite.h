//===- ThisWrite.h - R1: a pure member function does not modify *this -----===//
//
// Rule: a pure member function must be `const` or static (a pure
// constructor may initialize, and a destructor tear down, its own object),
// and must not modify its object anyway: through `mutable` members or a
// `const_cast` of `this`. A mutable lambda is a non-const member function of
// its closure.
//
// Why: the object is state shared between calls; a call that changes it
// changes what the next call returns.
//
// Writes to `*this` in functions that are not declared pure are relative:
// a helper's `count_ += 1` is fine when the helper is called on a local
// object, and is re-judged at each call site by the fixpoint.
//
// Depends on: Locality. The non-const member check is an interface effect,
// reported only for functions that must be pure.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Rule.h"

namespace purecc {
std::unique_ptr<Rule> makeThisWriteRule();
} // namespace purecc
