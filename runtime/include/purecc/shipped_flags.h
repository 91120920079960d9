// purecc/shipped_flags.h — the floating-point exception flags a task raised,
// carried back with its result to the rank that asked for it.
//
// Why: the sticky flags (`fetestexcept`) belong to a thread. A serial loop
// whose term overflows at one index leaves FE_OVERFLOW set for the code
// after it; a branch another thread of this process ran brings its flags
// back at the join (purecc/branch_fenv.h). A node or branch another rank
// ran must do the same, so every result message carries the flags raised
// while computing it, and rank 0 sets their union on the caller's thread
// (detail::set_fp_flags: the flags are set, never raised, so nothing can
// trap — and no trap is enabled while work ships, purecc/distributed.h).
// The message carries a code of its own, not the <cfenv> bits: FE_OVERFLOW
// is 0x08 on x86-64 and 0x04 on AArch64.
//
// Usage:
//   // a worker, around a task:
//   std::feclearexcept(FE_ALL_EXCEPT); r = task(); w.uint(purecc::encode_fp_flags(std::fetestexcept(FE_ALL_EXCEPT)));
//   // rank 0, reading the result:
//   if (auto raised = purecc::decode_fp_flags(byte)) flags |= *raised;
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include <cfenv>
#include <cstdint>
#include <optional>

namespace purecc {

/// The bits of a flags code: the same byte on every rank.
namespace fp_flag_code {
inline constexpr std::uint8_t invalid = 1, divbyzero = 2, overflow = 4, underflow = 8, inexact = 16;
inline constexpr std::uint8_t all = 31;
} // namespace fp_flag_code

namespace detail {
/// One <cfenv> exception and its code bit (a platform without the
/// exception has the code bit never set, and never raises it).
struct fp_flag_pair {
  int fe;
  std::uint8_t code;
};
inline constexpr fp_flag_pair kFpFlagPairs[] = {
#if defined(FE_INVALID)
    {FE_INVALID, fp_flag_code::invalid},
#endif
#if defined(FE_DIVBYZERO)
    {FE_DIVBYZERO, fp_flag_code::divbyzero},
#endif
#if defined(FE_OVERFLOW)
    {FE_OVERFLOW, fp_flag_code::overflow},
#endif
#if defined(FE_UNDERFLOW)
    {FE_UNDERFLOW, fp_flag_code::underflow},
#endif
#if defined(FE_INEXACT)
    {FE_INEXACT, fp_flag_code::inexact},
#endif
};
} // namespace detail

/// The code of a set of <cfenv> exception flags (fetestexcept's value);
/// bits outside the five standard exceptions (x86's denormal flag) are
/// not part of the serial program's observable environment and are dropped.
inline std::uint8_t encode_fp_flags(int excepts) noexcept {
  std::uint8_t code = 0;
  for (const detail::fp_flag_pair &p : detail::kFpFlagPairs)
    if (excepts & p.fe)
      code = static_cast<std::uint8_t>(code | p.code);
  return code;
}

/// The <cfenv> flags of a code read from a message or a resume record;
/// nullopt for a byte with bits no code has (a malformed message: its
/// result is refused, not read with a guessed set of flags).
inline std::optional<int> decode_fp_flags(std::uint8_t code) noexcept {
  if (code & ~fp_flag_code::all)
    return std::nullopt;
  int excepts = 0;
  for (const detail::fp_flag_pair &p : detail::kFpFlagPairs)
    if (code & p.code)
      excepts |= p.fe;
  return excepts;
}

} // namespace purecc
