// purecc/memo.h — memoized calls: purecc::memoize and the runtime behind it.
//
// For `[[purecc::memo]] R f(A a, B b) { body }` purecc's code generator
// makes `f` route through the cache, the original body (on its original
// lines) becoming the compute callback:
//
//   R f(A a, B b) { static const purecc::MemoSite purecc_site1{"f", 0x<hi>ULL, 0x<lo>ULL};
//     return purecc::memoize(purecc_site1, [&]() -> R {
//       body
//   }, a, b); }
//
// Requirements: every argument type has a purecc::codec (purecc/serialize.h)
// with `write`; the result type R is a default-constructible value type with
// a full codec (write and read), because results are stored as bytes.
//
// What a call does (MemoRuntime::call):
//   0. While a floating-point trap is enabled, run the body uncached (it
//      traps where the serial program traps); see purecc/memo_fenv.h.
//   1. key = XXH3-128(fingerprint · namespace · canonical argument bytes),
//      the namespace made distinct per rounding mode other than
//      FE_TONEAREST (purecc/memo_fenv.h).
//   2. In-process tier (purecc/memo_cache.h): a hit decodes and returns.
//      If another thread is computing the same key, wait for it; if that
//      computation throws, every waiter runs the body itself (and so gets
//      its own value or its own exception) — never another call's value.
//   3. Disk tier (purecc/disk_store.h, PURECC_MEMO=disk): a verified hit is
//      decoded, promoted to memory and returned.
//   4. Shared tier (purecc/shared_store.h, PURECC_CACHE_REDIS): a verified
//      hit is decoded, copied into the disk and memory tiers and returned.
//   5. Otherwise run the body, time it, keep the bytes in memory and, if it
//      took >= PURECC_MEMO_MIN_MS, queue them for the disk and shared tiers.
//   Exceptions from the body propagate unchanged and nothing is cached.
//
// Hand-written use:
//   long slow_square(long x) {
//     static const purecc::MemoSite site{"slow_square", 0x1ULL, 0x2ULL};
//     return purecc::memoize(site, [&] { return x * x; }, x);
//   }
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include "purecc/disk_store.h"
#include "purecc/memo_cache.h"
#include "purecc/memo_config.h"
#include "purecc/memo_fenv.h"
#include "purecc/quiet_fenv.h"
#include "purecc/memo_key.h"
#include "purecc/memo_site.h"
#include "purecc/memo_stats.h"
#include "purecc/serialize.h"
#include "purecc/shared_store.h"

#include <chrono>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <ostream>
#include <string>
#include <type_traits>
#include <utility>

namespace purecc {

/// One memoization context: the two tiers, the per-function counters and
/// the settings. Programs use the process-wide one through memoize(); tests
/// and tools may create their own.
///
///   purecc::MemoConfig cfg;  cfg.mode = purecc::MemoMode::mem;
///   purecc::MemoRuntime rt(cfg);
///   int v = rt.call(site, [&] { return f_body(3); }, 3);
class MemoRuntime {
public:
  /// Opens the disk tier if `config.mode` is disk, and the shared tier if
  /// `config.shared_url` is set (and mode is not off). Any problem
  /// (config.problems, an unusable cache directory) is reported as ONE line
  /// through `warn` (default: stderr) and the runtime continues with memory
  /// only; a shared-tier problem is one line too and turns only that tier off.
  explicit MemoRuntime(const MemoConfig &config,
                       std::function<void(const std::string &)> warn = nullptr);
  /// Writes per-function counters and queued results to disk.
  ~MemoRuntime();
  MemoRuntime(const MemoRuntime &) = delete;
  MemoRuntime &operator=(const MemoRuntime &) = delete;

  /// The process-wide runtime, configured from the environment on first use.
  /// At exit it prints PURECC_STATS and flushes the disk tier.
  static MemoRuntime &global();

  template <class Fn, class... Args>
  std::remove_cvref_t<std::invoke_result_t<Fn &>> call(const MemoSite &site, Fn &&compute,
                                                      const Args &...args);

  /// The mode in effect (after any fallback to memory).
  MemoMode mode() const noexcept { return mode_; }
  const MemoConfig &config() const noexcept { return config_; }
  /// The warning this runtime printed, or "".
  const std::string &warning() const noexcept { return warning_; }
  MemoCache &memory() noexcept { return memory_; }
  DiskStore *disk() noexcept { return disk_.get(); }
  SharedStore *shared() noexcept { return shared_.get(); }
  MemoStats &stats() noexcept { return stats_; }
  /// Writes pending per-function counters and queued results to disk now.
  void flush();
  /// The PURECC_STATS report of this runtime.
  void print_stats(std::ostream &out) const;

private:
  /// What step 3 found, as bytes.
  bool disk_lookup(const MemoKey &key, std::string &value, std::uint64_t &cost_ns);
  /// What step 4 found, as bytes; counts a rejected entry.
  bool shared_lookup(SiteCounters &counters, const MemoKey &key, std::string &value,
                     std::uint64_t &cost_ns);
  /// Copies a shared hit into the disk tier.
  void keep_shared_hit(const MemoSite &site, const MemoKey &key, const std::string &value,
                       std::uint64_t cost_ns);
  void open_shared();
  void disk_reject(const MemoKey &key);
  void persist(const MemoSite &site, SiteCounters &counters, const MemoKey &key,
               const std::string &value, std::uint64_t cost_ns);
  void report(const std::string &line);

  template <class Result, class Fn>
  Result compute_and_publish(const MemoSite &site, SiteCounters &counters, const MemoKey &key,
                        Fn &compute, MemoCache::Claim *claim);

  MemoConfig config_;
  MemoMode mode_;
  std::function<void(const std::string &)> warn_;
  std::mutex report_mutex_; // warnings come from callers and writer threads
  std::string warning_;
  MemoCache memory_;
  std::unique_ptr<DiskStore> disk_;
  std::unique_ptr<SharedStore> shared_;
  MemoStats stats_;
};

/// The call codegen emits: memoizes `compute()` under `site` and `args`
/// through the process-wide runtime.
template <class Fn, class... Args>
std::remove_cvref_t<std::invoke_result_t<Fn &>> memoize(const MemoSite &site, Fn &&compute,
                                                       const Args &...args) {
  return MemoRuntime::global().call(site, compute, args...);
}

// ---- implementation ----------------------------------------------------------

template <class Result, class Fn>
Result MemoRuntime::compute_and_publish(const MemoSite &site, SiteCounters &counters, const MemoKey &key,
                                   Fn &compute, MemoCache::Claim *claim) {
  const auto start = std::chrono::steady_clock::now();
  std::optional<Result> computed;
  try {
    computed.emplace(compute());
  } catch (const std::bad_alloc &) {
    throw; // not the body's answer: the claim ends without one and waiters try themselves
  } catch (...) {
    // Threads waiting for this key get the exception: their own call of
    // the pure body would throw it too (a pure function's exception depends
    // only on its arguments), and running the body again in every waiter
    // multiplied the work, and the waits, of a failing call. The waiters
    // rethrow the owner's exception object; pure code cannot write to a
    // caught exception (purecc-nonlocal-write), so sharing it is safe there.
    if (claim)
      claim->fail(std::current_exception());
    throw;
  }
  Result result = std::move(*computed);
  const auto cost = static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start)
          .count());
  counters.on_miss(cost);
  std::string bytes = to_bytes(result);
  persist(site, counters, key, bytes, cost);
  if (claim)
    claim->fulfil(std::move(bytes), cost);
  else
    memory_.insert(key, std::move(bytes), cost);
  return result;
}

template <class Fn, class... Args>
std::remove_cvref_t<std::invoke_result_t<Fn &>> MemoRuntime::call(const MemoSite &site, Fn &&compute,
                                                                 const Args &...args) {
  using Result = std::remove_cvref_t<std::invoke_result_t<Fn &>>;
  static_assert(!std::is_void_v<Result>, "purecc::memoize: a memoized function must return a value");
  static_assert(Codable<Result>, "purecc::memoize: the result type needs a purecc::codec with write "
                            "and read (see purecc/serialize.h)");
  static_assert(std::is_default_constructible_v<Result>,
                "purecc::memoize: the result type must be default-constructible");
  // The flags afterwards are the caller's and the body's, none of the
  // keys', the stores' or SQLite's (purecc/quiet_fenv.h, adv51 t30).
  detail::fp_flags_keeper keep;
  auto body = [&]() -> Result { return keep.run(compute); };
  SiteCounters &counters = stats_.counters(site);
  counters.on_call();
  // Read before the body runs: the key is the caller's environment's.
  const fp_modes fenv = current_fp_modes();
  if (mode_ == MemoMode::off || fenv.traps != 0) [[unlikely]] {
    const auto start = std::chrono::steady_clock::now();
    Result result = body();
    counters.on_miss(static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start)
            .count()));
    return result;
  }
  const MemoKey key = make_memo_key(site.fingerprint(), namespace_under(compiler_namespace(), fenv), args...);
  // No reference to a thread_local may live across compute(): the body may
  // make memoized calls of its own on this thread.
  std::string value;
  std::uint64_t cost = 0;
  MemoCache::Probe probe = memory_.acquire(key, value);
  switch (probe.outcome) {
  case MemoCache::Outcome::hit:
    if (std::optional<Result> r = from_bytes<Result>(value)) {
      counters.on_mem_hit(probe.cost_ns);
      return std::move(*r);
    }
    break; // unreadable bytes (a codec whose read disagrees with its write)
  case MemoCache::Outcome::in_flight: {
    std::exception_ptr error;
    if (MemoCache::wait(*probe.flight, value, cost, &error)) {
      if (std::optional<Result> r = from_bytes<Result>(value)) {
        counters.on_mem_hit(cost);
        return std::move(*r);
      }
    } else if (error) {
      std::rethrow_exception(error); // the owner's body threw: so would ours
    }
    break; // no value (a cycle of waits, unreadable bytes): run the body ourselves
  }
  case MemoCache::Outcome::reentrant:
    break;
  case MemoCache::Outcome::claimed: {
    MemoCache::Claim claim(memory_, key, std::move(probe.flight));
    if (disk_ && disk_lookup(key, value, cost)) {
      if (std::optional<Result> r = from_bytes<Result>(value)) {
        counters.on_disk_hit(cost);
        claim.fulfil(std::move(value), cost);
        return std::move(*r);
      }
      disk_reject(key);
    }
    if (shared_ && shared_lookup(counters, key, value, cost)) {
      if (std::optional<Result> r = from_bytes<Result>(value)) {
        counters.on_shared_hit(cost);
        keep_shared_hit(site, key, value, cost);
        claim.fulfil(std::move(value), cost);
        return std::move(*r);
      }
      counters.on_shared_rejected(); // verified bytes its type cannot read
    }
    return compute_and_publish<Result>(site, counters, key, body, &claim);
  }
  }
  return compute_and_publish<Result>(site, counters, key, body, nullptr);
}

namespace detail {
/// Runs now, once, what the memo runtime does when the process exits (its
/// PURECC_STATS table on stderr, the last writes of the disk and shared
/// tiers, closing them), if a memo runtime was made: for a process that
/// ends without running static destructors, as a worker rank of a cluster
/// does (its `main` never ran, so the program's globals must not be
/// destroyed there either: distributed.md, "Running model").
///   purecc::detail::finish_memo_now(); std::fflush(nullptr); std::_Exit(0);
void finish_memo_now() noexcept;
} // namespace detail

} // namespace purecc
