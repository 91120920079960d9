// purecc/scheduler.h — thread count and the adaptive "should I spawn?" test.
//
// Every parallel construct of purecc (parallel_invoke, parallel_for,
// parallel_reduce) asks one question before handing a branch to another
// thread: is there room for another queued branch? The answer is a single
// relaxed atomic load of a global counter, `spawn room` = capacity -
// (branches queued but not started),
// where the capacity is the team size (0 with one thread). When every worker
// is busy the queue is full, the load says "no" and the callable runs inline:
// the cost of a would-be spawn is then one load and one predictable branch,
// so user code (and purecc's code generator) never needs a cutoff. This is
// the "split only when cores are idle" policy of pyfora and the work-first
// principle of Cilk: the overhead lives on the rare path that finds an idle
// worker. The room counter starts positive so that the very first call takes
// the slow path, which reads the OpenMP configuration (and opens the OpenMP
// team when called outside a parallel region). A queued branch is offered to
// the team's waiting threads (purecc/offer_board.h) in teams purecc
// opened, and is an OpenMP task in teams the user opened.
//
// Example:
//   purecc::set_num_threads(4);          // like omp_set_num_threads, but
//   assert(purecc::num_threads() == 4);  // also resizes the spawn budget
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include "purecc/call_width.h"
#include "purecc/offer_board.h"

#include <atomic>
#include <cstdint>

namespace purecc {

/// The number of threads the next top-level parallel construct will use:
/// OMP_NUM_THREADS, or the number of cores, or what set_num_threads() chose.
///   int p = purecc::num_threads();
int num_threads() noexcept;

/// Sets the number of threads of later top-level parallel constructs (n >= 1;
/// smaller values are clamped to 1). Call it outside any parallel construct.
/// Prefer it over omp_set_num_threads(), whose change purecc only notices the
/// next time it opens a team.
///   purecc::set_num_threads(1);  // everything below runs serially, inline
void set_num_threads(int n);

namespace detail {

/// capacity - queued-but-unstarted tasks; see the file comment. Positive
/// means "take the slow path": spawning may pay off, or the OpenMP team is
/// not open yet, or the runtime has not read its configuration yet.
extern std::atomic<int> g_spawn_room;

/// The fast test inlined into every parallel construct.
inline bool spawn_room_available() noexcept {
  return g_spawn_room.load(std::memory_order_relaxed) > 0;
}

/// Where the caller of a parallel construct is running.
enum class exec_context {
  serial,       ///< one thread (or a team of one): run everything inline
  in_team,      ///< inside an OpenMP team of >= 2 threads: create tasks
  outside_team  ///< no team yet and >= 2 threads wanted: open one first
};

/// Classifies the calling context (slow path only: it calls into OpenMP).
exec_context current_context() noexcept;

/// Claims one unit of spawn room for a task about to be queued; false if
/// another thread took the last unit first (then run inline instead).
inline bool try_claim_spawn() noexcept {
  int room = g_spawn_room.load(std::memory_order_relaxed);
  while (room > 0) {
    if (g_spawn_room.compare_exchange_weak(room, room - 1, std::memory_order_relaxed))
      return true;
  }
  return false;
}

/// The lowest stack address (the stack grows down) at which the calling
/// thread may still take a rewritten function's parallel path; UINTPTR_MAX
/// until stack_room_slow() has measured this thread's stack.
extern constinit thread_local std::uintptr_t t_parallel_stack_floor;

/// Measures the calling thread's stack, sets t_parallel_stack_floor to the
/// address below which kParallelStackShare of it has been used, and returns
/// whether `frame` is above it. A stack it cannot measure has no floor.
bool stack_room_slow(std::uintptr_t frame) noexcept;

/// The share of a thread's stack its parallel paths may use: 1/16 (512 KiB
/// of Linux's usual 8 MiB).
inline constexpr unsigned kParallelStackShare = 16;

/// Whether the calling thread has used less than 1/kParallelStackShare of
/// its stack. A parallel path costs far more stack per level than the
/// serial code (lambdas, parallel_invoke's frame, the task machinery:
/// ~800 bytes against ~32 for a linear recursion), so a recursion that
/// keeps finding idle workers (`chain(n - 1) + work(n)`) would overflow a
/// stack the serial program fits in many times over (adv34 t03). Past
/// that share, the fast clone runs the serial code, which has the rest.
[[gnu::always_inline]] inline bool stack_room_available() noexcept {
  const auto frame = reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
  const std::uintptr_t floor = t_parallel_stack_floor;
  return frame > floor || (floor == UINTPTR_MAX && stack_room_slow(frame));
}

/// Gives the unit back when the queued task starts running.
inline void release_spawn() noexcept { g_spawn_room.fetch_add(1, std::memory_order_relaxed); }

/// Opens an OpenMP team, runs `body(ctx)` on its first thread while the
/// others run the branches it offers (see help_request), and returns once
/// all of them are done. `body` must not throw.
void run_in_team(void (*body)(void*) noexcept, void* ctx);

/// Whether the calling thread belongs to a team that run_in_team opened.
/// There, branches are offered as help_requests, which any waiting thread
/// may run; in a team the user opened, they become OpenMP tasks.
bool in_own_team() noexcept;

}  // namespace detail

/// The "fast clone" test for generated code: true when a parallel version of
/// a function may pay off now (a worker may be idle, or the runtime still
/// has to open its team, or the call is near the root of its call tree:
/// call_width.h) and the calling thread has used less than a sixteenth of
/// its stack; false when every core is busy below that width, or the stack
/// is that deep, and the original, untouched serial function should run
/// instead. Two relaxed atomic loads, two TLS loads and compares.
///   int fib(int n) {                     // the parallel entry point
///     if (!purecc::should_spawn()) return fib_serial(n);  // original code
///     if (n < 2) return n;
///     auto [a, b] = purecc::parallel_invoke([&] { return fib(n - 1); },
///                                           [&] { return fib(n - 2); });
///     return a + b;
///   }
[[gnu::always_inline]] inline bool should_spawn() noexcept {
  return (detail::spawn_room_available() || detail::near_call_root()) &&
         detail::stack_room_available();
}

}  // namespace purecc
