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
// innermost wait only: that is the one that blocks it), or -1. A memo waiter
// follows the edges from the key's owner; reaching itself means the owner
// (transitively) waits for it, and it computes the value itself instead.
// The edges are read without a lock, so one walk may see a cycle that never
// existed (the waiter then computes a value it could have received: wasted
// work, never a wrong answer) or miss one that just formed; a real cycle
// does not change any more, so a waiter that keeps re-checking while idle
// sees it.
//
//   detail::wait_edge edge(owner_slot);        // "I wait for owner_slot"
//   if (detail::waits_reach(owner_slot, detail::this_thread_slot()))
//     return compute_it_myself();
#pragma once

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
  int previous_;  // the outer wait's edge, as stored (see WaitGraph.cpp)
};

/// Whether following the edges from slot `from` reaches slot `self`.
bool waits_reach(int from, int self) noexcept;

}  // namespace purecc::detail
