// comm_wait.h — how long an idle communication thread sleeps before it
// polls MPI again (comm_wait.cpp), from what it is waiting for.
//
// Why a policy and not a blocking call: Open MPI 4.1's blocking calls
// (MPI_Probe, MPI_Wait, MPI_Waitany) spin in its progress loop — with
// `mpi_yield_when_idle` they call sched_yield between rounds, which still
// runs the thread whenever its core has nothing else queued. A sleeping
// thread costs nothing, but a message from another rank cannot wake it
// (FUNNELED: no other thread may call MPI, and there is no file descriptor
// to wait on over shared memory). So the thread sleeps as long as nothing
// can arrive that needs an answer, and wakes at once for work from its own
// process (a result, a job, stop: a condition variable). Each wake-up costs
// it 12-15 us of CPU on this loaded VM (two context switches; MPI_Iprobe
// itself 0.05 us), which on a machine running one computing thread per
// core comes out of the tasks: the CPU is the number of wake-ups.
//
// Usage (rank 0, with the backend's mutex held):
//   std::vector<purecc::mpi::WorkerWait> w = ...; // one per worker with a node
//   std::int64_t us = purecc::mpi::root_wait_us(w, fast, purecc::mpi::kSlowPollUs);
//   if (us == purecc::mpi::kUntilWoken) cv.wait(lock); else cv.wait_for(lock, us);
#pragma once

#include <cstdint>
#include <span>

namespace purecc::mpi {

/// Sleep until this process wakes the thread: nothing can arrive.
inline constexpr std::int64_t kUntilWoken = -1;
/// The longest sleep while another rank may send something that is
/// wanted soon (a result, a task), so the most a rank loses per message.
inline constexpr std::int64_t kSlowPollUs = 2000;

/// Nodes shorter than this (16 ms) keep the prompt polls that hide the
/// round trip: sleeping until one is due only pays for longer ones.
inline constexpr std::int64_t kLongNodeUs = 16'000;

/// A worker holding nodes (or a parallel-call branch), as rank 0 sees it.
struct WorkerWait {
  /// Since its oldest outstanding node began: when rank 0 sent it to an
  /// idle worker or read the worker's previous result.
  std::int64_t elapsed_us = 0;
  /// Mean run time of nodes of this kind so far (the job's, the calls'),
  /// or -1 when none has finished.
  std::int64_t mean_us = -1;
  /// It holds another node queued behind the running one and the job is
  /// still being handed out: reading its result late idles nobody.
  bool queued = false;
};

/// Rank 0's sleep (microseconds, or kUntilWoken), given the workers that
/// hold nodes. None: kUntilWoken (a worker sends only what rank 0 asked
/// for). Otherwise the shortest of each worker's: a node shorter than
/// kLongNodeUs polls at `fast` (a quarter of its mean with one queued); a
/// longer one sleeps until an eighth of that mean before it is due, then polls
/// at `fast`, backing off by an eighth of its overrun; a node of unknown
/// cost sleeps 1/32 of how long it has run; a worker with a node queued
/// may wait a quarter of the mean. Each is kept within [fast, cap], where
/// cap is `slow` or 1/32 of a longer node (a quarter of the mean when
/// queued): a result read late idles its worker at most that long.
/// fast == 0 (PURECC_MPI_POLL_US=0) is busy polling.
std::int64_t root_wait_us(std::span<const WorkerWait> workers, std::int64_t fast,
                          std::int64_t slow);

/// A worker as its own communication thread sees it.
struct WorkerSelf {
  bool executing = false;     ///< its main thread runs a node
  std::int64_t running_us = 0; ///< since that node began
  std::int64_t mean_us = -1;   ///< mean run time of its nodes so far, or -1
  std::int64_t quiet_us = 0;   ///< since it last received or sent a message
};

/// A worker's sleep. While its main thread runs a node (that thread wakes
/// it with the result; what arrives meanwhile only fills the queue): `slow`,
/// and on a node expected to run kLongNodeUs or more until an eighth of
/// that before it is due,
/// and 1/16 of the node's time so far on a long node of unknown cost; never
/// less than `slow`. A task message above Open MPI's eager size (4 KiB over
/// shared memory) arrives only as both ranks poll: rank 0 polls promptly
/// from the same point of the node on (root_wait_us's callers). Idle: 1/16 of the quiet time within [fast, slow] — a
/// worker between jobs polls every 2 ms, one in a stream of nodes at once.
std::int64_t worker_wait_us(const WorkerSelf &self, std::int64_t fast, std::int64_t slow);

/// Any rank's sleep while its oldest send, posted `age_us` ago, is not
/// done: 1/16 of its age within [fast, slow] — at once for a message its
/// receiver is taking in, rarely for one a busy receiver has not read yet.
std::int64_t send_wait_us(std::int64_t age_us, std::int64_t fast, std::int64_t slow);

} // namespace purecc::mpi
