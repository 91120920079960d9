// purecc/shipped_rounding.h — the caller's rounding mode, carried with a
// task to the rank that runs it.
//
// Why: the rounding mode changes what a floating-point body computes
// (`std::fesetround(FE_UPWARD)` then `1.0 / 3` rounds up). A task shipped
// to another rank (purecc/distributed.h, purecc/task_site.h) must compute
// there what the serial program computes here, so the task message carries
// the caller's mode and the worker runs the task under it. The message
// carries a code of its own, not the <cfenv> value: FE_UPWARD is 0x800 on
// x86-64 and 0x400000 on AArch64, and a byte that means the same to every
// rank is what a protocol wants (the start-up check already refuses ranks
// that run different builds).
//
// Traps do not travel: a trap on another rank kills that rank, which ends
// the job differently from the serial program's SIGFPE; while one is
// enabled nothing ships (detail::cluster_for_call).
//
// Usage:
//   // rank 0, encoding a task:
//   if (auto code = purecc::encode_rounding(std::fegetround())) w.uint(static_cast<std::uint8_t>(*code));
//   // a worker, running it:
//   { purecc::rounding_scope under(*purecc::decode_rounding(byte)); result = entry.run(...); }
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

/// A rounding mode as it travels between ranks: the same byte everywhere.
enum class rounding_code : std::uint8_t { to_nearest = 0, upward = 1, downward = 2, toward_zero = 3 };

/// The code of a <cfenv> rounding mode (fegetround()); nullopt for a mode
/// the code does not name (a platform's own, or fegetround's -1): such a
/// call stays on this rank.
inline std::optional<rounding_code> encode_rounding(int mode) noexcept {
  switch (mode) {
  case FE_TONEAREST:
    return rounding_code::to_nearest;
#if defined(FE_UPWARD)
  case FE_UPWARD:
    return rounding_code::upward;
#endif
#if defined(FE_DOWNWARD)
  case FE_DOWNWARD:
    return rounding_code::downward;
#endif
#if defined(FE_TOWARDZERO)
  case FE_TOWARDZERO:
    return rounding_code::toward_zero;
#endif
  default:
    return std::nullopt;
  }
}

/// The <cfenv> rounding mode of a code read from a message; nullopt for a
/// byte that is no code (a malformed message: the task fails, it does not
/// run under a guessed mode).
inline std::optional<int> decode_rounding(std::uint8_t code) noexcept {
  switch (static_cast<rounding_code>(code)) {
  case rounding_code::to_nearest:
    return FE_TONEAREST;
#if defined(FE_UPWARD)
  case rounding_code::upward:
    return FE_UPWARD;
#endif
#if defined(FE_DOWNWARD)
  case rounding_code::downward:
    return FE_DOWNWARD;
#endif
#if defined(FE_TOWARDZERO)
  case rounding_code::toward_zero:
    return FE_TOWARDZERO;
#endif
  default:
    return std::nullopt;
  }
}

/// Runs its scope under `mode` and restores the thread's own mode at its
/// end, also when the scope is left by an exception: a worker's main thread
/// runs task after task, each under its caller's mode, and must not carry
/// one task's mode into the next (nor into its own bookkeeping). Nothing is
/// written when the thread already runs under `mode`.
///   { purecc::rounding_scope under(FE_UPWARD); r = task(); }
class rounding_scope {
public:
  explicit rounding_scope(int mode) noexcept : own_(std::fegetround()) {
    if (mode != own_)
      std::fesetround(mode);
  }
  ~rounding_scope() {
    if (std::fegetround() != own_)
      std::fesetround(own_);
  }
  rounding_scope(const rounding_scope &) = delete;
  rounding_scope &operator=(const rounding_scope &) = delete;

private:
  int own_;
};

} // namespace purecc
