// purecc/offer_board.h — where the branches of a purecc team wait for a
// thread: spawners offer them, waiting threads take and run them.
//
// Why: see help_request. The board is a fixed array of slots, one cache
// line each, so that an offer and a take touch only their own slot; the
// spawn room (purecc/scheduler.h) bounds how many requests are on it at
// once, so kBoardSlots suffice. Internal to the runtime's parallel
// constructs (purecc/invoke.h's offered_branch):
//
//   r.run = ...;                         // r: a help_request
//   if (try_claim_spawn() && offer(&r)) {
//     ...run the other branch here...
//     if (withdraw(&r)) r.run(&r);       // nobody took it: run it here
//     else help_until_done(r);           // taken: help others meanwhile
//   }
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include <atomic>

namespace purecc::detail {

/// Slots on the board, and so the most branches offered at once.
constexpr int kBoardSlots = 64;

/// A branch offered to the idle threads of a purecc team. Why not an OpenMP
/// task: libgomp lets a thread blocked in `taskwait` run only its own
/// children, so a joiner whose child was stolen sits idle while the thief
/// splits its work into tasks nobody can take (fib(40) on 2 cores: 1.4x).
/// An offered branch can be run by any thread that is waiting: workers
/// between jobs and joiners whose own branch is running elsewhere.
///
/// Protocol: the spawner offers the request; a taker removes it from the
/// offer board with one CAS (so exactly one thread owns it), runs it and
/// sets `done` as its last access. The spawner, at the join, either
/// withdraws it (the CAS succeeded for it: nobody took it, run it inline) or
/// helps other requests until `done`.
struct help_request {
  void (*run)(help_request*) noexcept = nullptr;
  std::atomic<bool> done{false};
  /// The taker's slot in the wait graph (purecc/wait_graph.h), set before
  /// it runs the request; kNotTaken until then.
  static constexpr int kNotTaken = -2;
  std::atomic<int> taker{kNotTaken};
  int slot = -1;  ///< where it sits on the offer board (set by offer())
};

/// Puts `r` on the offer board; false when the board is full (run inline).
bool offer(help_request* r) noexcept;

/// Takes `r` back if nobody has taken it yet; true when it was taken back.
bool withdraw(help_request* r) noexcept;

/// Runs offered requests until `flag` is set (by the master when the
/// team's job is over, by the owner of a memo key this thread waits for).
/// While nothing is offered it calls `give_up(ctx)` (if given) and returns
/// false as soon as that says true; returns true once `flag` is set. Only
/// for threads of a purecc team (in_own_team()): elsewhere nobody offers.
bool help_until(const std::atomic<bool>& flag, bool (*give_up)(void*) = nullptr,
                void* ctx = nullptr) noexcept;

/// Runs offered requests until `r` is done (it was taken by another
/// thread), recording meanwhile that this thread waits for the taker.
void help_until_done(const help_request& r) noexcept;

/// Takes one offered request and runs it; false when the board is empty.
bool help_once() noexcept;

/// What a thread with nothing to run does between looks at the board:
/// spin briefly, then yield, then nap longer the longer nothing comes.
/// `misses` counts the empty looks in a row (reset it after running one).
void idle_pause(int& misses) noexcept;

}  // namespace purecc::detail
