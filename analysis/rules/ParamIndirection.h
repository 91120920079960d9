//===- ParamIndirection.h - R3: no mutable indirection in the interface ---===//
//
// Rule: a pure function takes its parameters by value, by const reference
// or by pointer-to-const (or a view of const elements); it returns no
// non-const reference, and no non-const pointer into its arguments or
// object. Rvalue references (the caller hands over a temporary) and
// function pointers (calls through them are IndirectCall's business) are
// allowed in the interface.
//
// Why: D's "weak purity" (writing through parameters) breaks the
// independence that parallel calls and memoization rely on: two calls that
// share an argument would see each other's writes.
//
// These are interface effects: recorded for every function, reported only
// for functions that must be pure (declared, or candidates for --suggest).
// The reporter offers `T&` -> `const T&` when the parameter is only read.
//
// Depends on: Stdlib (recognizing std::span).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Rule.h"

namespace purecc {
std::unique_ptr<Rule> makeParamIndirectionRule();
} // namespace purecc
