//===- FastClone.h - keep the serial code as the fast path (Cilk-style) ---===//
//
// A rewritten recursive function pays for its parallel shape on every call,
// even when every core is busy and no task will ever be spawned: fib through
// parallel_invoke runs several times slower than fib. So a pure function
// whose body codegen parallelized gets a serial clone, the user's original
// text renamed, placed just before it (with `#line` directives mapping it to
// the same source lines), and the parallel version starts with
//
//   if (!purecc::should_spawn()) return purecc_serial_fib(n);
//
// one relaxed atomic load: when no worker can be idle, the whole subtree runs
// the original code with its inlining and register allocation intact.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "PlanContext.h"

namespace purecc {

/// Plans the serial clone of FD (whose body received parallel rewrites).
/// Returns false, planning nothing, when FD does not fit (a virtual member
/// or one defined outside its class, unnamed or defaulted parameters, not at
/// the start of a line). A member's clone is a member of the same class,
/// placed just before it, with the same qualifiers and access.
bool planFastClone(PlanContext &PC, const clang::FunctionDecl *FD);

} // namespace purecc
