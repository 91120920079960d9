// purecc/call_width.h — how far down a tree of parallel calls a thread runs:
// the width of its branch, and the local "near the root" rule.
//
// The width of a branch is the product of the branch counts of the
// parallel calls above it (2^depth for fib): the number of pieces its call
// tree has been cut into at that level. Two things use it:
//  - the cluster (cluster.h, task_site.h) offers parallel-call branches to
//    other ranks only up to a width;
//  - the local rule: a rewritten recursive function keeps its parallel
//    version, even when every core is busy, while its width is below
//    kLocalSplitSpan x the team's capacity (near_call_root()). Why: the
//    fast clone's test (should_spawn, scheduler.h) sends a call whose
//    cores are all busy into the original serial code for its whole
//    subtree, and a thread that has just taken a branch near the root
//    finds the other threads' offers still queued, so the room test says
//    "busy" and it ran a quarter of fib(46) serially: at 16 threads fib 46
//    took 2.28 s against 0.32 s with TBB, its threads asleep (4.5 CPU-s in
//    2.28 s; docs/runtime.md, "Near the root of a call tree"). Kept parallel near the
//    root, every subtree that goes serial is at most ~1/(span x capacity)
//    of the tree (for a balanced one), and the idle threads always find
//    offers. Below that width the room test alone decides, as before.
// Loops (reduce.h) count their elements as width: a call made in one of a
// million elements is deep already, and one in one of four is not.
//
// Usage (what invoke.h does for every parallel_invoke):
//   const std::uint64_t w = purecc::detail::call_width_times(purecc::detail::t_call_width, 2);
//   { purecc::detail::call_width_scope scope(w); left(); }
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include <atomic>
#include <cstdint>

namespace purecc::detail {

/// The width of the branch this thread runs: 1 outside any parallel call;
/// kDeepCall inside a cluster node (nothing there is offered to ranks, and
/// it is no root) — except a shipped branch on its worker, which runs at
/// its width.
extern constinit thread_local std::uint64_t t_call_width;
inline constexpr std::uint64_t kDeepCall = std::uint64_t{1} << 62;

/// saturating a * b: widths only grow, and past kDeepCall nothing is offered.
inline std::uint64_t call_width_times(std::uint64_t a, std::uint64_t b) noexcept {
  return b != 0 && a > kDeepCall / b ? kDeepCall : a * b;
}

/// Sets this thread's call width for a scope (a branch of a parallel call).
class call_width_scope {
public:
  explicit call_width_scope(std::uint64_t w) noexcept : outer_(t_call_width) { t_call_width = w; }
  ~call_width_scope() { t_call_width = outer_; }
  call_width_scope(const call_width_scope &) = delete;
  call_width_scope &operator=(const call_width_scope &) = delete;

private:
  std::uint64_t outer_;
};

/// Near the root means a width below kLocalSplitSpan x capacity: 256 at 16
/// threads, where fib 46's largest serial subtree is fib(38), 2 % of it.
/// PURECC_SPLIT_SPAN overrides the span (0 turns the rule off).
inline constexpr std::uint64_t kLocalSplitSpan = 16;

/// kLocalSplitSpan x the team's spawn capacity; 0 with one thread or before
/// the runtime has read its configuration (scheduler.cpp keeps it).
extern std::atomic<std::uint64_t> g_local_split_width;

/// Whether this thread runs near the root of a parallel call tree (see the
/// file comment). One relaxed load and a TLS read.
[[gnu::always_inline]] inline bool near_call_root() noexcept {
  return t_call_width < g_local_split_width.load(std::memory_order_relaxed);
}

}  // namespace purecc::detail
