// purecc/quiet_fenv.h — the runtime's own code leaves the caller's
// floating-point flags and traps as it found them.
//
// Why: the serial program raises only the flags its own arithmetic raises.
// The runtime's set-up (reading the environment, building the cache path,
// starting libomp) and its bookkeeping (SQLite, statistics) do arithmetic
// of their own: a memoized integer function left FE_INEXACT set, and with
// feenableexcept(FE_INEXACT) the program died of SIGFPE inside
// MemoConfig::from_environment; the first parallel loop of a clang++ build
// did the same inside libomp's lazy start-up (adv51 t30, t31).
//   quiet_fenv_scope  — a region of runtime code: no trap fires in it, and
//                       the flags it raises are dropped at its end;
//   fp_flags_keeper   — a call that runs user code inside runtime code: the
//                       flags afterwards are the caller's plus the user
//                       code's, nothing of the runtime's.
//
// Usage:
//   { purecc::detail::quiet_fenv_scope quiet; start_runtime(); }
//   purecc::detail::fp_flags_keeper keep;
//   ... runtime work ...;  Result r = keep.run(body);  ... more runtime work ...
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include <cfenv>

namespace purecc::detail {

/// Runs a region of runtime code with every trap off and its flags
/// dropped: the environment at construction (flags, traps, rounding) is
/// back at destruction. Costs a feholdexcept and a fesetenv.
class quiet_fenv_scope {
 public:
  quiet_fenv_scope() noexcept : saved_() { std::feholdexcept(&saved_); }
  ~quiet_fenv_scope() { std::fesetenv(&saved_); }
  quiet_fenv_scope(const quiet_fenv_scope&) = delete;
  quiet_fenv_scope& operator=(const quiet_fenv_scope&) = delete;

 private:
  std::fenv_t saved_;
};

/// Keeps the caller's flags across runtime code that runs user code once
/// at most (run()): at destruction the flags are those at construction,
/// plus what run()'s callable raised, also when it threw.
class fp_flags_keeper {
 public:
  fp_flags_keeper() noexcept { std::fegetexceptflag(&entry_, FE_ALL_EXCEPT); }
  ~fp_flags_keeper() { std::fesetexceptflag(ran_ ? &after_ : &entry_, FE_ALL_EXCEPT); }
  fp_flags_keeper(const fp_flags_keeper&) = delete;
  fp_flags_keeper& operator=(const fp_flags_keeper&) = delete;

  /// Calls f() with the caller's flags, as the serial program would, and
  /// records the flags it leaves.
  template <class Fn>
  decltype(auto) run(Fn&& f) {
    std::fesetexceptflag(&entry_, FE_ALL_EXCEPT);
    struct record {
      fp_flags_keeper& k;
      ~record() {
        std::fegetexceptflag(&k.after_, FE_ALL_EXCEPT);
        k.ran_ = true;
      }
    } on_exit{*this};
    return f();
  }

 private:
  std::fexcept_t entry_{};
  std::fexcept_t after_{};
  bool ran_ = false;
};

}  // namespace purecc::detail
