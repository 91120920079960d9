//===- GlobalWrite.h - R1: no writes to memory the call does not own ------===//
//
// Rule: a pure function writes only its own locals. Writing a global, a
// namespace or class static, a static or thread_local local, memory reached
// through a loaded pointer (a pointer member of a const object: const is
// shallow), or non-local storage through const_cast / reinterpret_cast /
// placement new is a violation wherever the function is called from.
// Writing a stream global (std::cout) is reported as I/O.
//
// Why: such a write is visible to the caller and to every other call, so
// calls could neither run in parallel nor be memoized.
//
// Depends on: Locality (where a write lands, including the library calls
// that mutate their object or arguments). Writes to `*this` and through
// parameters are relative and belong to ThisWrite and ParamWrite.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Rule.h"

namespace purecc {
std::unique_ptr<Rule> makeGlobalWriteRule();
} // namespace purecc
