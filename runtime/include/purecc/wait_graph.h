// purecc/wait_graph.h — who waits for whom, so that no wait closes a cycle.
//
// Two kinds of waits exist in purecc_rt: a joiner waits for the thread that
// took its offered branch (purecc/scheduler.h), and a memoized call waits
// for the thread computing the same key (purecc/memo_cache.h). A thread that
// waits runs other offered branches meanwhile, and what it picks up may be
// unrelated to what it waits for. So a wait can close a cycle: thread A,
// deep in the computation of key K, joins a branch that thread B took; B,
// inside that branch, needs K. Neither a join nor a memo wait alone can see
// that: this graph joins both.
//
// Every thread has a slot holding the slot of the thread it waits for (its
// innermost wait only: that is the one that blocks it), or nothing. A memo
// waiter follows the edges from the key's owner; reaching itself means the
// owner (transitively) waits for it, and it computes the value itself.
//
// The edges are read without a lock, and an edge can outlive its wait by a
// moment: a joiner whose branch just finished still shows its edge until it
// notices. A cycle seen once may therefore never have blocked anybody. A
// real one does not change any more, so a thread that can keep looking (a
// waiter of a purecc team, which helps while it waits) gives up only on a
// cycle whose edges stayed the same for kStableCycle: every edge carries a
// sequence number that changes whenever its thread starts or ends a wait.
// A thread that must block (outside a team) decides on one look, under a
// lock shared by all such waiters. Either way a wrong call costs work (the
// value is computed twice), never a wrong answer.
//
//   detail::wait_edge edge(owner_slot);        // "I wait for owner_slot"
//   if (detail::cycle_signature(owner_slot, detail::this_thread_slot()) != 0)
//     return compute_it_myself();
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include <chrono>
#include <cstdint>

namespace purecc::detail {

/// This thread's slot in the graph, assigned on first use and given back
/// when the thread ends; -1 if more threads than slots (4096) are alive at
/// once (such a thread's waits are not recorded and it never detects one).
int this_thread_slot() noexcept;

/// Records, for its lifetime, that the calling thread waits for the thread
/// in slot `target`; restores the previous edge (an outer wait) when it ends.
class wait_edge {
 public:
  explicit wait_edge(int target) noexcept;
  ~wait_edge();
  wait_edge(const wait_edge&) = delete;
  wait_edge& operator=(const wait_edge&) = delete;

 private:
  int self_;
  int previous_target_;  // the outer wait's target, or -1
};

/// 0 if following the edges from slot `from` does not lead to slot `self`;
/// otherwise a nonzero digest of the edges on the way (their targets and
/// sequence numbers), equal at two looks only if none of them changed.
std::uint64_t cycle_signature(int from, int self) noexcept;

/// How long a cycle must stay unchanged before a helping waiter gives up.
/// A stale edge lasts as long as its thread takes to notice that its wait
/// ended (microseconds, or a time slice when the thread is descheduled);
/// a longer limit only delays the break of a real cycle, and a recursive
/// memoized search that throws met hundreds of them per second at 10 ms.
inline constexpr std::chrono::milliseconds kStableCycle{1};

}  // namespace purecc::detail
