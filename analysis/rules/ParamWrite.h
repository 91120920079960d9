//===- ParamWrite.h - R1: no writes through reference/pointer parameters --===//
//
// Rule: a pure function does not write what its reference or pointer
// parameters refer to. For a declared-pure function ParamIndirection already
// rejects such parameters unless they are const; a write through a const
// one needs a cast and is reported by GlobalWrite.
//
// Why: the referent belongs to the caller.
//
// In functions that are not declared pure, these writes are relative: a
// helper `fill(std::vector<int>& out)` is fine when the caller passes a
// local, and the fixpoint re-judges each write against the argument.
// Writes through rvalue-reference parameters are the caller giving the
// object away (a moved-from temporary) and are not counted.
//
// Depends on: Locality.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Rule.h"

namespace purecc {
std::unique_ptr<Rule> makeParamWriteRule();
} // namespace purecc
