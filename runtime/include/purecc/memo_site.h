// purecc/memo_site.h — the static descriptor of one memoized function.
//
// Why: the memo key needs the function's 128-bit fingerprint (computed by
// purecc's code generator from the function and everything it calls), and
// statistics need a name. A MemoSite is constant-initialized, so declaring
// it as a function-local static costs no guard and no allocation.
//
// Usage (what `purecc rewrite` emits for `[[purecc::memo]] long fib(int n)`):
//   long fib(int n) {
//     static const purecc::MemoSite site{"fib", 0x9e3779b97f4a7c15ULL, 0x243f6a8885a308d3ULL};
//     return purecc::memoize(site, [&] { return fib__purecc_body(n); }, n);
//   }
#pragma once

#include "purecc/memo_key.h"

#include <atomic>
#include <cstdint>

namespace purecc {

class MemoSite {
public:
  /// `name` must outlive the program (a string literal); the fingerprint is
  /// the two halves of the codegen's 128-bit function hash.
  constexpr MemoSite(const char *name, std::uint64_t fingerprint_hi,
                     std::uint64_t fingerprint_lo) noexcept
      : name_(name), fingerprint_{fingerprint_hi, fingerprint_lo} {}
  MemoSite(const MemoSite &) = delete;
  MemoSite &operator=(const MemoSite &) = delete;

  const char *name() const noexcept { return name_; }
  const Hash128 &fingerprint() const noexcept { return fingerprint_; }

  /// A small process-unique number, 0-based, given on first use; indexes
  /// per-function counters without a hash lookup.
  std::uint32_t id() const noexcept {
    const std::uint32_t v = id_.load(std::memory_order_relaxed);
    return v != 0 ? v - 1 : assign_id();
  }

private:
  std::uint32_t assign_id() const noexcept;

  const char *name_;
  Hash128 fingerprint_;
  mutable std::atomic<std::uint32_t> id_{0}; // id + 1; 0 = not yet assigned
};

} // namespace purecc
