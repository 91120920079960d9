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
//   - Flush to zero: under x86's FTZ or DAZ (AArch64's FZ) the namespace
//     also holds those bits (flush_namespace): a subnormal result computed
//     without them never answers a call made under them, nor the reverse.
//   - x86's other controls: fegetround reports the x87 unit's rounding, but
//     `double` arithmetic rounds as SSE's MXCSR says, and `long double`
//     arithmetic to the x87 precision control (`_FPU_SETCW(_FPU_DOUBLE)`,
//     or -mpc64/-mpc32 at link time, make `1.0L / 3` the double's value).
//     A precision other than extended, or an SSE rounding other than the
//     x87 one, puts those bits in the namespace too (control_namespace,
//     adv72 F1). Under the defaults they are 0 and keys are as before.
//   - Traps: while any exception trap is enabled (glibc's fegetexcept),
//     the call is not looked up nor stored: the body runs, and traps
//     exactly where the serial program traps.
// The cluster backend (purecc/distributed.h, purecc/task_site.h) ships a
// task with the caller's rounding mode (purecc/shipped_rounding.h) and keys
// its persisted results with namespace_under; while a trap is enabled it
// ships nothing: the work runs on this rank's cores, where
// purecc/branch_fenv.h carries the environment to each thread.
//
// Cost: on x86-64 glibc one fnstcw and one stmxcsr per memoized call (what
// fegetround and fegetexcept read, read once); elsewhere fegetround +
// fegetexcept + the flush bits (bench/runtime/bench_memo.cpp, docs/memo.md).
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
  /// Flush-to-zero and denormals-are-zero: x86's MXCSR FTZ (0x8000) and DAZ
  /// (0x0040) bits, AArch64's FPCR FZ bit (1 << 24), as set; 0 on others.
  /// Numeric codes set them to avoid slow subnormals, and under them the same
  /// body computes 0 where it computed a subnormal (adv32 t03).
  unsigned flush = 0;
  /// x86's controls that fegetround does not report, as departures from the
  /// defaults (0 when there are none): the x87 precision control (bits 8-9
  /// of the x87 control word, XOR extended's 0x300) and, when MXCSR's
  /// rounding control (bits 13-14) differs from the x87 one that fegetround
  /// reports, 0x1000 | those bits. 0 on other targets.
  unsigned control = 0;
};

/// The calling thread's flush-to-zero bits (fp_modes::flush).
inline unsigned current_flush_bits() noexcept {
#if defined(__SSE__)
  return __builtin_ia32_stmxcsr() & 0x8040u; // _mm_getcsr, without <xmmintrin.h>
#elif defined(__aarch64__)
  unsigned long fpcr = 0;
  __asm__ __volatile__("mrs %0, fpcr" : "=r"(fpcr));
  return static_cast<unsigned>(fpcr & (1ul << 24));
#else
  return 0;
#endif
}

/// fp_modes::control from the x87 control word and MXCSR.
inline unsigned control_bits(unsigned x87, unsigned mxcsr) noexcept {
  const unsigned precision = (x87 & 0x300u) ^ 0x300u;
  const unsigned x87_rounding = (x87 >> 10) & 3u;
  const unsigned sse_rounding = (mxcsr >> 13) & 3u;
  return precision | (x87_rounding != sse_rounding ? 0x1000u | (sse_rounding << 13) : 0u);
}

/// The calling thread's x86 controls that fegetround does not report
/// (fp_modes::control).
inline unsigned current_control_bits() noexcept {
#if defined(__x86_64__)
  unsigned short x87 = 0;
  __asm__ __volatile__("fnstcw %0" : "=m"(x87));
  return control_bits(x87, __builtin_ia32_stmxcsr());
#else
  return 0;
#endif
}

/// The calling thread's rounding mode, enabled traps, flush bits and other
/// controls.
inline fp_modes current_fp_modes() noexcept {
#if defined(__x86_64__) && defined(__GLIBC__)
  // glibc's fegetround (x87 control word & 0xc00) and fegetexcept (its
  // unmasked exceptions) each read the x87 control word: one read serves
  // them and the precision control, one stmxcsr the flush and SSE rounding
  // bits (BM_FenvRead, CPU medians on the loaded 2-core VM: 20.0 ns with
  // three reads of the x87 word and two of MXCSR, 7.9 ns with one each).
  unsigned short x87 = 0;
  __asm__ __volatile__("fnstcw %0" : "=m"(x87));
  const unsigned mxcsr = __builtin_ia32_stmxcsr();
  return {x87 & 0xc00, ~x87 & FE_ALL_EXCEPT, mxcsr & 0x8040u, control_bits(x87, mxcsr)};
#elif defined(__GLIBC__)
  return {std::fegetround(), fegetexcept(), current_flush_bits(), current_control_bits()};
#else
  return {std::fegetround(), 0, current_flush_bits(), current_control_bits()};
#endif
}

/// The name of a rounding mode in the namespace text: "upward",
/// "downward", "toward-zero", "to-nearest", or "mode <n>".
std::string rounding_mode_name(int rounding);

/// XXH3-128(ns.hi · ns.lo · "; round " + rounding_mode_name(rounding)).
Hash128 rounding_namespace(const Hash128 &ns, int rounding);

/// XXH3-128(rounding_namespace(ns, rounding) · "; flush " + the bits in hex).
Hash128 flush_namespace(const Hash128 &ns, int rounding, unsigned flush);

/// XXH3-128(under · "; control " + the bits in hex), `under` being the
/// namespace of the rounding mode and flush bits.
Hash128 control_namespace(const Hash128 &under, unsigned control);

/// The memo namespace of calls made under `modes`: `ns` itself under
/// FE_TONEAREST without flush or control bits (so those keys are the keys
/// of caches written before the rounding mode was keyed),
/// rounding_namespace(ns, modes.rounding) under another mode without them,
/// flush_namespace(ns, modes.rounding, modes.flush) with flush bits; and
/// with control bits, control_namespace of that.
inline Hash128 namespace_under(const Hash128 &ns, const fp_modes &modes) {
  if (modes.rounding == FE_TONEAREST && modes.flush == 0 && modes.control == 0) [[likely]]
    return ns;
  const Hash128 under = modes.flush == 0 ? rounding_namespace(ns, modes.rounding)
                                         : flush_namespace(ns, modes.rounding, modes.flush);
  return modes.control == 0 ? under : control_namespace(under, modes.control);
}

} // namespace purecc
