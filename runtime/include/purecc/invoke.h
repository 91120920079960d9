// purecc/invoke.h — run independent callables, possibly in parallel, and join.
//
// parallel_invoke(f1, ..., fN) calls every fi (N >= 2) and returns a
// std::tuple of their results in argument order; a void result becomes
// purecc::unit. Branches are handed to other threads only when a worker may
// be idle (see scheduler.h: offered to the waiting threads of a team purecc
// opened, or OpenMP tasks in a team the user opened); otherwise they run
// inline, left to right, and the call costs one relaxed atomic load more
// than calling them directly. Called outside any OpenMP region, it opens the
// team itself, so `main` can use it.
//
// Exceptions are deterministic: every branch runs to completion first, then
// the exception of the LEFTMOST throwing branch is rethrown (the others are
// dropped). This holds whether the branches ran in parallel or inline.
//
// Example (the shape purecc's code generator emits):
//   int fib(int n) {
//     if (n < 2) return n;
//     auto [a, b] = purecc::parallel_invoke([&] { return fib(n - 1); },
//                                           [&] { return fib(n - 2); });
//     return a + b;
//   }
//
// Results must be move-constructible (move-only types are fine). Callables
// are invoked as lvalues and must outlive the call (they do when passed as
// temporaries, the usual case).
#pragma once

#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <new>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>

#include "purecc/scheduler.h"

namespace purecc {

/// The result of a branch that returns void: an empty, comparable value.
///   auto [r, u] = purecc::parallel_invoke([] { return 1; }, [] {});
///   static_assert(std::is_same_v<decltype(u), purecc::unit>);
struct unit {
  friend constexpr bool operator==(unit, unit) noexcept { return true; }
};

namespace detail {

/// What parallel_invoke stores for callable F: its result, void -> unit.
template <class F>
using call_result_t = std::conditional_t<std::is_void_v<std::invoke_result_t<F&>>, unit,
                                         std::invoke_result_t<F&>>;

template <class F>
call_result_t<F> call_as_value(F& f) {
  if constexpr (std::is_void_v<std::invoke_result_t<F&>>) {
    std::invoke(f);
    return unit{};
  } else {
    return std::invoke(f);
  }
}

// ---- inline path: left to right, all branches run, leftmost exception wins.

/// Runs branches From.. of `fs` for completeness after an earlier branch
/// threw; their results and exceptions are dropped (the earlier one wins).
template <std::size_t From, class Fs>
void finish_after_throw(Fs& fs) noexcept {
  if constexpr (From < std::tuple_size_v<Fs>) {
    try {
      (void)std::invoke(std::get<From>(fs));
    } catch (...) {
    }
    finish_after_throw<From + 1>(fs);
  }
}

template <std::size_t I, class Fs>
auto guarded_call(Fs& fs) {
  try {
    return call_as_value(std::get<I>(fs));
  } catch (...) {
    finish_after_throw<I + 1>(fs);
    throw;
  }
}

template <class... F, std::size_t... I>
std::tuple<call_result_t<F>...> invoke_inline(std::index_sequence<I...>, F&... f) {
  std::tuple<F&...> fs(f...);
  // Braced initialization evaluates the calls left to right.
  return std::tuple<call_result_t<F>...>{guarded_call<I>(fs)...};
}

// ---- task path.

/// Storage for one branch's outcome: a result or an exception.
template <class R>
class branch_slot {
 public:
  branch_slot() = default;
  branch_slot(const branch_slot&) = delete;
  branch_slot& operator=(const branch_slot&) = delete;
  ~branch_slot() {
    if (value_) value_->~R();
  }

  template <class F>
  void run(F& f) noexcept {
    try {
      value_ = ::new (static_cast<void*>(storage_)) R(call_as_value(f));
    } catch (...) {
      error_ = std::current_exception();
    }
  }
  const std::exception_ptr& error() const noexcept { return error_; }
  R take() { return std::move(*value_); }

 private:
  alignas(R) unsigned char storage_[sizeof(R)];
  R* value_ = nullptr;
  std::exception_ptr error_{};
};

/// Queues `f` as an OpenMP task if spawn room is left, else runs it now.
template <class R, class F>
bool spawn_or_run(branch_slot<R>& slot, F& f) {
  if (!try_claim_spawn()) {
    slot.run(f);
    return false;
  }
  branch_slot<R>* s = &slot;
  F* fp = &f;
#ifdef _OPENMP  // without -fopenmp the "task" simply runs here
#pragma omp task default(none) firstprivate(s, fp)
#endif
  {
    release_spawn();
    s->run(*fp);
  }
  return true;
}

/// One branch of invoke_in_own_team: a help_request that fills its slot.
template <class R, class F>
struct offered_branch : help_request {
  branch_slot<R> slot;
  F* fn;
  bool offered = false;

  // Initialized in the list and not copyable, as g++'s -Weffc++ asks of a
  // class with pointer members: the generated code compiles under it.
  explicit offered_branch(F& f) noexcept : slot(), fn(&f) {
    run = [](help_request* self) noexcept {
      auto* b = static_cast<offered_branch*>(self);
      b->slot.run(*b->fn);
      b->done.store(true, std::memory_order_release);  // last access
    };
  }

  /// Offers the branch to waiting threads, or runs it now.
  void start() noexcept {
    if (try_claim_spawn()) {
      if (offer(this)) {
        offered = true;
        return;
      }
      release_spawn();
    }
    slot.run(*fn);
  }

  /// Waits for the branch: runs it here if nobody took it, else helps
  /// other branches until the thread that took it is done.
  void join() noexcept {
    if (!offered) return;
    if (withdraw(this))
      slot.run(*fn);
    else
      help_until_done(*this);
  }

  offered_branch(const offered_branch&) = delete;
  offered_branch& operator=(const offered_branch&) = delete;
};

/// In a team purecc opened: branches are offered on the board (see
/// help_request), so any waiting thread of the team can run them.
template <class... F, std::size_t... I>
std::tuple<call_result_t<F>...> invoke_in_own_team(std::index_sequence<I...>, F&... f) {
  constexpr std::size_t last = sizeof...(F) - 1;
  std::tuple<offered_branch<call_result_t<F>, F>...> branches(f...);
  // Comma folds: left to right; the last branch always runs inline.
  ((I < last ? std::get<I>(branches).start() : std::get<I>(branches).slot.run(f)), ...);
  ((I < last ? std::get<I>(branches).join() : void()), ...);
  std::exception_ptr first_error;
  ((first_error = first_error ? first_error : std::get<I>(branches).slot.error()), ...);
  if (first_error) std::rethrow_exception(first_error);
  return std::tuple<call_result_t<F>...>{std::get<I>(branches).slot.take()...};
}

/// Inside a team: all but the last branch may become tasks (in a team the
/// user opened: OpenMP tasks; in one purecc opened: offered branches); the
/// last runs here, then we wait for the others and apply the
/// leftmost-exception rule.
template <class... F, std::size_t... I>
std::tuple<call_result_t<F>...> invoke_in_team(std::index_sequence<I...>, F&... f) {
  if (in_own_team()) return invoke_in_own_team(std::index_sequence<I...>{}, f...);
  constexpr std::size_t last = sizeof...(F) - 1;
  std::tuple<branch_slot<call_result_t<F>>...> slots;
  bool spawned = false;
  // Comma fold: left to right; the last branch always runs inline.
  ((I < last ? (void)(spawned |= spawn_or_run(std::get<I>(slots), f))
             : std::get<I>(slots).run(f)),
   ...);
  if (spawned) {
#ifdef _OPENMP
#pragma omp taskwait
#endif
  }
  std::exception_ptr first_error;
  ((first_error = first_error ? first_error : std::get<I>(slots).error()), ...);
  if (first_error) std::rethrow_exception(first_error);
  return std::tuple<call_result_t<F>...>{std::get<I>(slots).take()...};
}

/// The rare path: some spawn room exists (or the runtime is not initialised).
template <class... F>
[[gnu::noinline]] std::tuple<call_result_t<F>...> invoke_slow(F&... f) {
  using seq = std::index_sequence_for<F...>;
  switch (current_context()) {
    case exec_context::in_team:
      return invoke_in_team(seq{}, f...);
    case exec_context::outside_team: {
      struct team_job {
        std::tuple<F&...> fs;
        std::optional<std::tuple<call_result_t<F>...>> result;
        std::exception_ptr error;
      } job{std::tuple<F&...>(f...), std::nullopt, nullptr};
      run_in_team(
          [](void* p) noexcept {
            auto& j = *static_cast<team_job*>(p);
            try {
              j.result.emplace(std::apply(
                  [](auto&... g) { return invoke_in_team(seq{}, g...); }, j.fs));
            } catch (...) {
              j.error = std::current_exception();
            }
          },
          &job);
      if (job.error) std::rethrow_exception(job.error);
      return std::move(*job.result);
    }
    case exec_context::serial:
      break;
  }
  return invoke_inline(seq{}, f...);
}

}  // namespace detail

/// Runs f1..fN (N >= 2), in parallel when workers are idle, and returns
/// std::tuple of their results (void -> purecc::unit). See the file comment.
///   auto [x, y, z] = purecc::parallel_invoke([] { return 1; },
///                                            [] { return std::string("a"); },
///                                            [] { return 2.5; });
template <class... F>
  requires(sizeof...(F) >= 2 && (std::is_invocable_v<F&> && ...))
[[gnu::always_inline]] inline std::tuple<detail::call_result_t<F>...> parallel_invoke(
    F&&... f) {
  if (detail::spawn_room_available()) [[unlikely]]
    return detail::invoke_slow(f...);
  return detail::invoke_inline(std::index_sequence_for<F...>{}, f...);
}

}  // namespace purecc
