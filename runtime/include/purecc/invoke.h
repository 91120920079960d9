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
// Exceptions follow serial order: the branches are the serial program's
// calls from left to right, so when branch i throws, the branches to its
// right are no longer needed. Inline, they are not run at all; in parallel,
// those not started yet are skipped, those already running finish (C++ has
// no safe way to stop one: unwinding through a noexcept frame would end the
// program). Then the exception of the LEFTMOST throwing branch is rethrown:
// the one the serial program would have thrown, whether the branches ran in
// parallel or inline.
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
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <new>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>

#include "purecc/branch_fenv.h"
#include "purecc/call_width.h"
#include "purecc/scheduler.h"

namespace purecc {

/// The result of a branch that returns void: an empty, comparable value.
///   auto [r, u] = purecc::parallel_invoke([] { return 1; }, [] {});
///   static_assert(std::is_same_v<decltype(u), purecc::unit>);
struct unit {
  friend constexpr bool operator==(unit, unit) noexcept { return true; }
};

namespace detail {

/// What parallel_invoke stores for callable Fn: its result, void -> unit.
template <class Fn>
using call_result_t = std::conditional_t<std::is_void_v<std::invoke_result_t<Fn&>>, unit,
                                         std::invoke_result_t<Fn&>>;

template <class Fn>
call_result_t<Fn> call_as_value(Fn& f) {
  if constexpr (std::is_void_v<std::invoke_result_t<Fn&>>) {
    std::invoke(f);
    return unit{};
  } else {
    return std::invoke(f);
  }
}

// ---- inline path: left to right; a throw ends it, as in the serial program.

template <class... Fns, std::size_t... Indices>
std::tuple<call_result_t<Fns>...> invoke_inline(std::index_sequence<Indices...>, Fns&... f) {
  // Every branch runs one level further down the call tree (call_width.h).
  call_width_scope scope(call_width_times(t_call_width, sizeof...(Fns)));
  // Braced initialization evaluates the calls left to right.
  return std::tuple<call_result_t<Fns>...>{call_as_value(f)...};
}

// ---- task path.

class invoke_group;

/// The branch a thread is running, and the branch that started it: a chain
/// up to the outermost parallel_invoke. A branch is still needed only while
/// no branch to its left has thrown in any group of the chain (see
/// still_needed()).
struct branch_frame {
  const invoke_group* group;
  std::size_t index;
  const branch_frame* parent;
};

/// The innermost branch this thread runs, or nullptr outside any branch.
inline thread_local const branch_frame* current_branch = nullptr;

/// The leftmost branch of one parallel_invoke known to have thrown. The
/// branches to its right are no longer needed: the serial program would
/// not have reached them. It also carries the spawner's floating-point
/// environment to the threads that run its branches (branch_fenv.h).
class invoke_group {
 public:
  /// A group of `branches` branches called at this thread's width.
  explicit invoke_group(std::size_t branches) noexcept
      : first_failed_(static_cast<std::size_t>(-1)),
        fenv_(),
        width_(call_width_times(t_call_width, branches)) {}
  invoke_group(const invoke_group&) = delete;
  invoke_group& operator=(const invoke_group&) = delete;

  fenv_handoff& fenv() noexcept { return fenv_; }
  /// The width its branches run at, on whichever thread (call_width.h).
  std::uint64_t width() const noexcept { return width_; }
  const fenv_handoff& fenv() const noexcept { return fenv_; }

  bool needed(std::size_t branch) const noexcept {
    return first_failed_.load(std::memory_order_acquire) > branch;
  }
  void failed(std::size_t branch) noexcept {
    std::size_t known = first_failed_.load(std::memory_order_relaxed);
    while (branch < known &&
           !first_failed_.compare_exchange_weak(known, branch, std::memory_order_acq_rel)) {
    }
  }

 private:
  std::atomic<std::size_t> first_failed_;
  fenv_handoff fenv_;
  std::uint64_t width_;
};

/// False once the serial program would not reach the code this thread runs:
/// a branch to the left of it, or of a branch that started it, has thrown.
inline bool still_needed() noexcept {
  for (const branch_frame* b = current_branch; b; b = b->parent)
    if (!b->group->needed(b->index)) return false;
  return true;
}

/// The environment of the innermost enclosing parallel_invoke that captured
/// one: this thread runs under it (branch_fenv.h), so a nested spawn copies
/// it instead of reading the environment again. nullptr at the top level.
inline const fenv_handoff* enclosing_fenv() noexcept {
  for (const branch_frame* b = current_branch; b; b = b->parent)
    if (b->group->fenv().captured()) return &b->group->fenv();
  return nullptr;
}

/// Storage for one branch's outcome: a result, an exception, or nothing
/// (skipped: an earlier branch threw before it started).
template <class Result>
class branch_slot {
 public:
  branch_slot() = default;
  branch_slot(const branch_slot&) = delete;
  branch_slot& operator=(const branch_slot&) = delete;
  ~branch_slot() {
    if (value_) value_->~Result();
  }

  template <class Fn>
  void run(Fn& f) noexcept {
    try {
      value_ = ::new (static_cast<void*>(storage_)) Result(call_as_value(f));
    } catch (...) {
      error_ = std::current_exception();
    }
  }
  /// Runs branch `i` of `group` unless an earlier branch has thrown;
  /// `parent` is the branch that called parallel_invoke (still_needed()).
  template <class Fn>
  void run_in(Fn& f, invoke_group& group, std::size_t i, const branch_frame* parent) noexcept {
    if (!group.needed(i)) return;
    const branch_frame frame{&group, i, parent};
    const branch_frame* outer = current_branch;
    current_branch = &frame;
    call_width_scope scope(group.width());
    // Every branch, on whichever thread, runs here: the one place that
    // gives it the spawner's floating-point environment.
    group.fenv().run_here([&]() noexcept { run(f); });
    current_branch = outer;
    if (error_) group.failed(i);
  }
  const std::exception_ptr& error() const noexcept { return error_; }
  // Direct-initialized: a result type whose move constructor is
  // 'explicit' cannot be copy-initialized (adv27 C2).
  Result take() { return Result(std::move(*value_)); }

 private:
  alignas(Result) unsigned char storage_[sizeof(Result)];
  Result* value_ = nullptr;
  std::exception_ptr error_{};
};

/// Queues `f` as an OpenMP task if spawn room is left, else runs it now.
template <class Result, class Fn>
bool spawn_or_run(branch_slot<Result>& slot, Fn& f, invoke_group& group, std::size_t i) {
  const branch_frame* parent = current_branch;
  if (!try_claim_spawn()) {
    slot.run_in(f, group, i, parent);
    return false;
  }
  group.fenv().capture(enclosing_fenv());  // before the task may start elsewhere
  branch_slot<Result>* s = &slot;
  Fn* fp = &f;
  invoke_group* g = &group;
#ifdef _OPENMP  // without -fopenmp the "task" simply runs here
#pragma omp task default(none) firstprivate(s, fp, g, i, parent)
#endif
  {
    release_spawn();
    s->run_in(*fp, *g, i, parent);
  }
  return true;
}

/// One branch of invoke_in_own_team: a help_request that fills its slot.
template <class Result, class Fn>
struct offered_branch : help_request {
  branch_slot<Result> slot;
  Fn* fn;
  invoke_group* group = nullptr;
  std::size_t index = 0;
  const branch_frame* parent = current_branch;  // whoever called parallel_invoke
  bool offered = false;

  // Initialized in the list and not copyable, as g++'s -Weffc++ asks of a
  // class with pointer members: the generated code compiles under it.
  explicit offered_branch(Fn& f) noexcept : slot(), fn(&f) {
    run = [](help_request* self) noexcept {
      auto* b = static_cast<offered_branch*>(self);
      b->slot.run_in(*b->fn, *b->group, b->index, b->parent);
      b->done.store(true, std::memory_order_release);  // last access
    };
  }

  /// Offers the branch to waiting threads, or runs it now.
  void start() noexcept {
    if (try_claim_spawn()) {
      group->fenv().capture(enclosing_fenv());  // before offer() publishes it
      if (offer(this)) {
        offered = true;
        return;
      }
      release_spawn();
    }
    slot.run_in(*fn, *group, index, parent);
  }

  /// Waits for the branch: runs it here if nobody took it, else helps
  /// other branches until the thread that took it is done.
  void join() noexcept {
    if (!offered) return;
    if (withdraw(this))
      slot.run_in(*fn, *group, index, parent);
    else
      help_until_done(*this);
  }

  offered_branch(const offered_branch&) = delete;
  offered_branch& operator=(const offered_branch&) = delete;
};

/// In a team purecc opened: branches are offered on the board (see
/// help_request), so any waiting thread of the team can run them.
template <class... Fns, std::size_t... Indices>
std::tuple<call_result_t<Fns>...> invoke_in_own_team(std::index_sequence<Indices...>, Fns&... f) {
  constexpr std::size_t last = sizeof...(Fns) - 1;
  std::tuple<offered_branch<call_result_t<Fns>, Fns>...> branches(f...);
  invoke_group group(sizeof...(Fns));
  ((std::get<Indices>(branches).group = &group, std::get<Indices>(branches).index = Indices), ...);
  // Comma folds: left to right; the last branch always runs inline.
  const branch_frame* parent = current_branch;
  ((Indices < last ? std::get<Indices>(branches).start()
             : std::get<Indices>(branches).slot.run_in(f, group, Indices, parent)),
   ...);
  ((Indices < last ? std::get<Indices>(branches).join() : void()), ...);
  group.fenv().deliver_flags();
  std::exception_ptr first_error;
  ((first_error = first_error ? first_error : std::get<Indices>(branches).slot.error()), ...);
  if (first_error) std::rethrow_exception(first_error);
  return std::tuple<call_result_t<Fns>...>{std::get<Indices>(branches).slot.take()...};
}

/// Inside a team: all but the last branch may become tasks (in a team the
/// user opened: OpenMP tasks; in one purecc opened: offered branches); the
/// last runs here, then we wait for the others and apply the
/// leftmost-exception rule.
template <class... Fns, std::size_t... Indices>
std::tuple<call_result_t<Fns>...> invoke_in_team(std::index_sequence<Indices...>, Fns&... f) {
  if (in_own_team()) return invoke_in_own_team(std::index_sequence<Indices...>{}, f...);
  constexpr std::size_t last = sizeof...(Fns) - 1;
  std::tuple<branch_slot<call_result_t<Fns>>...> slots;
  invoke_group group(sizeof...(Fns));
  bool spawned = false;
  const branch_frame* parent = current_branch;
  // Comma fold: left to right; the last branch always runs inline.
  ((Indices < last ? (void)(spawned |= spawn_or_run(std::get<Indices>(slots), f, group, Indices))
             : std::get<Indices>(slots).run_in(f, group, Indices, parent)),
   ...);
  if (spawned) {
#ifdef _OPENMP
#pragma omp taskwait
#endif
    group.fenv().deliver_flags();
  }
  std::exception_ptr first_error;
  ((first_error = first_error ? first_error : std::get<Indices>(slots).error()), ...);
  if (first_error) std::rethrow_exception(first_error);
  return std::tuple<call_result_t<Fns>...>{std::get<Indices>(slots).take()...};
}

/// The rare path: some spawn room exists (or the runtime is not initialised).
template <class... Fns>
[[gnu::noinline]] std::tuple<call_result_t<Fns>...> invoke_slow(Fns&... f) {
  using seq = std::index_sequence_for<Fns...>;
  // Work the serial program would no longer reach (a branch to the left
  // threw) spreads no further: run inline, left to right, so it stops at
  // its first exception as the serial program would, and offers nothing
  // that other threads would pick up and wait on.
  if (!still_needed()) return invoke_inline(seq{}, f...);
  switch (current_context()) {
    case exec_context::in_team:
      return invoke_in_team(seq{}, f...);
    case exec_context::outside_team: {
      struct team_job {
        std::tuple<Fns&...> fs;
        std::optional<std::tuple<call_result_t<Fns>...>> result;
        std::exception_ptr error;
      } job{std::tuple<Fns&...>(f...), std::nullopt, nullptr};
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
template <class... Fns>
  requires(sizeof...(Fns) >= 2 && (std::is_invocable_v<Fns&> && ...))
[[gnu::always_inline]] inline std::tuple<detail::call_result_t<Fns>...> parallel_invoke(
    Fns&&... f) {
  if (detail::spawn_room_available()) [[unlikely]]
    return detail::invoke_slow(f...);
  return detail::invoke_inline(std::index_sequence_for<Fns...>{}, f...);
}

/// Moves one result out of parallel_invoke's tuple into the variable, the
/// argument or the operand where the serial program used its call:
///   auto [r0, r1] = purecc::parallel_invoke(...);
///   auto a = purecc::take_result(r0);  // the type the call returned
/// It returns a prvalue, as the call did, so `auto a = ...` and `a = ...`
/// initialize and assign exactly as they did with the call. It is never
/// inlined on purpose: inlined, g++ 12 sees the engaged flag of a
/// std::optional (or a variant's index) come from the runtime's storage,
/// cannot prove it set, and warns -Wmaybe-uninitialized on the user's
/// `*a` (GCC PR 80635, adv30 C3). Opaque, the variable is initialized by a
/// call, as a call the compiler cannot see into initializes it in the
/// serial program. The cost is one direct call per class-type result.
template <class Result>
[[gnu::noinline]] Result take_result(Result& result) {
  return Result(static_cast<Result&&>(result));
}

}  // namespace purecc
