// purecc/branch_fenv.h — a branch that runs on another thread runs under the
// floating-point environment of the thread that spawned it.
//
// Why: the floating-point environment (rounding mode, exception trap masks,
// the sticky exception flags) belongs to a thread. purecc's workers are
// started once and keep the environment they were started with, so after
// `std::fesetround(FE_UPWARD)` the serial program rounds up while a branch
// taken by a worker rounded to nearest (a max over a rounding-dependent
// function printed ...b05p-5 instead of ...b07p-5), and after
// `feenableexcept(FE_DIVBYZERO)` a division by zero on a worker did not
// trap. Every branch of purecc's parallel constructs (parallel_invoke's
// branches, and so every node of parallel_for/parallel_reduce, selections,
// keyed selections and task sites) runs through branch_slot::run_in
// (purecc/invoke.h), which asks this class to run it.
//
// Cost: a parallel region pays one std::fegetenv, when its first branch is
// handed to another thread (none when every branch runs inline); a nested
// spawn copies the enclosing one's environment (after comparing the rounding
// mode and traps, in case the branch changed them). Each join pays one relaxed
// atomic load. A branch that another thread runs pays fegetenv + two
// fesetenv + fetestexcept there: it installs the spawner's environment
// unconditionally, since that also starts it from the spawner's flags
// instead of the worker's stale ones (bench/runtime/bench_fenv.cpp: about
// 0.2 us of CPU on a loaded machine).
//
// Flags: the exceptions a handed-off branch raised are OR-ed into an
// atomic and set on the spawner at the join (with fesetexceptflag, which
// sets the flags without trapping), so the serial program's
// `fetestexcept(FE_INEXACT)` after a parallel loop sees what it would have
// seen. A trap enabled on the spawner is enabled on the worker: the
// exception kills the process with SIGFPE there, as in the serial program.
//
// Internal to invoke.h:
//   fenv_handoff h;                        // one per parallel_invoke
//   h.capture();                           // spawner, before handing out
//   h.run_here([&] { branch(); });         // whichever thread runs it
//   h.deliver_flags();                     // spawner, after the join
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include <atomic>
#include <cfenv>

namespace purecc::detail {

/// Identifies the calling thread: the address of a thread-local object.
inline const void* this_thread_tag() noexcept {
  static thread_local const char tag = 0;
  return &tag;
}

/// Sets the exception flags `excepts` on this thread without trapping.
inline void set_fp_flags(int excepts) noexcept {
#if defined(__GLIBC__)
  // glibc's fexcept_t holds the FE_* bits themselves (every architecture).
  const auto flags = static_cast<fexcept_t>(excepts);
  std::fesetexceptflag(&flags, excepts);
#else
  // Elsewhere fexcept_t is opaque. These exceptions were raised by the
  // branch under the same trap masks without trapping, so they are masked
  // here too and raising them only sets the flags.
  std::feraiseexcept(excepts);
#endif
}

/// The spawner's floating-point environment, carried to the threads that
/// run its branches; see the file comment.
class fenv_handoff {
 public:
  // Members in the list: g++'s -Weffc++ asks for it, and generated code
  // compiles under it.
  fenv_handoff() noexcept : env_(), modes_(), owner_(nullptr), raised_(0) {}
  fenv_handoff(const fenv_handoff&) = delete;
  fenv_handoff& operator=(const fenv_handoff&) = delete;

  /// On the spawning thread, before a branch may leave it (before it is
  /// offered or queued, which publishes what is written here). Only the
  /// first call reads the environment. `enclosing`: the handoff of the
  /// innermost enclosing parallel_invoke that captured one, if any; this
  /// thread runs under its environment (it captured it, or installed it),
  /// so a nested spawn copies it instead of calling fegetenv again, unless
  /// the branch changed its modes itself (a hand-written one may).
  void capture(const fenv_handoff* enclosing = nullptr) noexcept {
    if (owner_) return;
    modes_ = current_modes();
    if (enclosing && enclosing->modes_ == modes_)
      env_ = enclosing->env_;
    else
      std::fegetenv(&env_);
    owner_ = this_thread_tag();
  }
  bool captured() const noexcept { return owner_ != nullptr; }

  /// Runs `f` (noexcept) here: under the captured environment when this is
  /// not the spawning thread, restoring this thread's own afterwards.
  template <class Fn>
  void run_here(Fn&& f) noexcept {
    if (!owner_ || owner_ == this_thread_tag()) {
      f();
      return;
    }
    std::fenv_t own;
    std::fegetenv(&own);
    std::fesetenv(&env_);
    f();
    if (const int raised = std::fetestexcept(FE_ALL_EXCEPT))
      raised_.fetch_or(raised, std::memory_order_relaxed);
    std::fesetenv(&own);
  }

  /// On the spawning thread after every branch is joined (the join orders
  /// the branches' writes before this): sets the flags they raised.
  void deliver_flags() noexcept {
    const int raised = raised_.load(std::memory_order_relaxed);
    if (raised == 0) [[likely]]
      return;
    if (const int missing = raised & ~std::fetestexcept(raised)) set_fp_flags(missing);
  }

 private:
  /// The rounding mode and (glibc) the enabled traps: two reads of the
  /// control word, far cheaper than fegetenv.
  struct modes {
    int rounding = 0, traps = 0;
    bool operator==(const modes&) const = default;
  };
  static modes current_modes() noexcept {
#if defined(__GLIBC__)
    return {std::fegetround(), fegetexcept()};
#else
    return {std::fegetround(), 0};
#endif
  }

  std::fenv_t env_;
  modes modes_;
  const void* owner_;  ///< the spawner, once captured
  std::atomic<int> raised_;
};

}  // namespace purecc::detail
