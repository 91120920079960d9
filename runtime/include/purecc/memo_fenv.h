// purecc/memo_fenv.h — the floating-point environment of a memoized call.
//
// Why: the rounding mode changes what a floating-point body computes
// (`std::fesetround(FE_UPWARD)` then `x / 3.0` rounds up), so a result
// computed under round-to-nearest must never answer a call made under
// FE_UPWARD, from memory or from the disk store of an earlier run. And a
// cached value returned where the serial program would have trapped
// (`feenableexcept(FE_DIVBYZERO)`) is a different behaviour: no SIGFPE.
//
// The rules (MemoRuntime::call, purecc/memo.h):
//   - Rounding: under any mode other than FE_TONEAREST the memo namespace
//     becomes XXH3-128(namespace · mode name), so each mode has its own
//     entries. Under FE_TONEAREST the namespace, and so every key, is
//     byte-for-byte what it was before this rule: existing caches stay valid.
//   - Traps: while any exception trap is enabled (glibc's fegetexcept),
//     the call is not looked up nor stored: the body runs, and traps
//     exactly where the serial program traps.
// The cluster backend (purecc/distributed.h, purecc/task_site.h) ships a
// task with the caller's rounding mode (purecc/shipped_rounding.h) and keys
// its persisted results with namespace_under; while a trap is enabled it
// ships nothing: the work runs on this rank's cores, where
// purecc/branch_fenv.h carries the environment to each thread.
//
// Cost: fegetround + fegetexcept per memoized call, two reads of the control
// word (bench/runtime/bench_memo.cpp, docs/memo.md).
//
// Usage:
//   const purecc::fp_modes m = purecc::current_fp_modes();
//   if (m.traps == 0) key = purecc::make_memo_key(fp, purecc::namespace_under(ns, m), x);
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include "purecc/memo_key.h"

#include <cfenv>

namespace purecc {

/// The parts of the calling thread's floating-point environment that decide
/// whether a cached result may stand for a call.
struct fp_modes {
  int rounding = FE_TONEAREST; ///< fegetround()
  int traps = 0;               ///< the FE_* exceptions that trap (glibc), else 0
};

/// The calling thread's rounding mode and enabled traps.
inline fp_modes current_fp_modes() noexcept {
#if defined(__GLIBC__)
  return {std::fegetround(), fegetexcept()};
#else
  return {std::fegetround(), 0};
#endif
}

/// The name of a rounding mode in the namespace text: "upward",
/// "downward", "toward-zero", "to-nearest", or "mode <n>".
std::string rounding_mode_name(int rounding);

/// XXH3-128(ns.hi · ns.lo · "; round " + rounding_mode_name(rounding)).
Hash128 rounding_namespace(const Hash128 &ns, int rounding);

/// The memo namespace of calls made under `modes`: `ns` itself under
/// FE_TONEAREST (so those keys are the keys of caches written before the
/// rounding mode was keyed), else rounding_namespace(ns, modes.rounding).
inline Hash128 namespace_under(const Hash128 &ns, const fp_modes &modes) {
  if (modes.rounding == FE_TONEAREST) [[likely]]
    return ns;
  return rounding_namespace(ns, modes.rounding);
}

} // namespace purecc
