// purecc/memo_site.h — the static descriptor of one memoized function.
//
// Why: the memo key needs the function's 128-bit fingerprint (computed by
// purecc's code generator from the function and everything it calls), and
// statistics need a name. A MemoSite is constant-initialized, so declaring
// it as a function-local static costs no guard and no allocation.
//
// What the function calls in other translation units (or libraries) is
// named by linker symbol in `linked`; on first use the site completes its
// fingerprint with what the running program links for those symbols
// (purecc/memo_link.h), once.
//
// Usage (what `purecc rewrite` emits for `[[purecc::memo]] long fib(int n)`,
// the body kept on its lines):
//   long fib(int n) { static const purecc::MemoSite purecc_site1{"fib", 0x9e3779b97f4a7c15ULL, 0x243f6a8885a308d3ULL};
//     return purecc::memoize(purecc_site1, [&]() -> long {
//       /* the original body */
//   }, n); }
//   // integral() calls kernel(double), defined in kernel.cpp:
//   static const purecc::MemoSite site{"integral", 0x1ULL, 0x2ULL, "_Z6kerneld"};
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include "purecc/memo_key.h"

#include <atomic>
#include <cstdint>

namespace purecc {

class MemoSite {
public:
  /// `name` and `linked` must outlive the program (string literals); the
  /// fingerprint is the two halves of the codegen's 128-bit function hash;
  /// `linked` lists the linker symbols, space-separated, of what the
  /// function depends on that its translation unit does not define.
  constexpr MemoSite(const char *name, std::uint64_t fingerprint_hi,
                     std::uint64_t fingerprint_lo, const char *linked = nullptr) noexcept
      : name_(name), fingerprint_{fingerprint_hi, fingerprint_lo}, linked_(linked) {}
  MemoSite(const MemoSite &) = delete;
  MemoSite &operator=(const MemoSite &) = delete;

  const char *name() const noexcept { return name_; }
  /// The fingerprint that keys the cache: the codegen's, completed with the
  /// linked program's definitions of `linked` (computed on first use).
  const Hash128 &fingerprint() const noexcept {
    if (linked_ == nullptr || linked_[0] == '\0')
      return fingerprint_;
    if (linked_ready_.load(std::memory_order_acquire)) [[likely]]
      return linked_fingerprint_;
    return link();
  }
  /// The codegen's fingerprint alone (this translation unit's part).
  const Hash128 &local_fingerprint() const noexcept { return fingerprint_; }
  const char *linked() const noexcept { return linked_ ? linked_ : ""; }

  /// A small process-unique number, 0-based, given on first use; indexes
  /// per-function counters without a hash lookup.
  std::uint32_t id() const noexcept {
    const std::uint32_t v = id_.load(std::memory_order_relaxed);
    return v != 0 ? v - 1 : assign_id();
  }

private:
  std::uint32_t assign_id() const noexcept;
  /// Completes the fingerprint (memo_link.cpp), once per site.
  const Hash128 &link() const noexcept;

  const char *name_;
  Hash128 fingerprint_;
  const char *linked_;
  mutable std::atomic<std::uint32_t> id_{0}; // id + 1; 0 = not yet assigned
  mutable std::atomic<bool> linked_ready_{false};
  mutable Hash128 linked_fingerprint_{}; // written once, before linked_ready_
};

} // namespace purecc
