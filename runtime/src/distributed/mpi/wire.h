// wire.h — the messages ranks exchange, as the three parts of the backend
// (mpi_backend.cpp: start-up and the communication loop; scheduler.cpp:
// rank 0; worker.cpp: ranks > 0) encode and decode them.
//
// Why one place: a task message written by rank 0's scheduler is read by a
// worker, and a worker's statistics by rank 0's communication loop; the
// tags, the argument kinds and the statistics layout must agree on both
// sides.
//
// Usage:
//   std::string bytes; purecc::ByteWriter w(bytes);
//   purecc::mpi::write_stats(w, stats);   // a worker, tag kTagStats
#pragma once

#include "mpi_backend.h"

#include "purecc/serialize.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <ctime>
#include <sys/resource.h>

namespace purecc::mpi {

/// The version of the messages below. The start-up check compares it
/// with the registry digest (registry_identity), so ranks whose backends
/// encode messages differently refuse to start together even when their
/// registries agree (a build without a GNU build id has nothing else to
/// tell them apart). 2: a task message carries the caller's rounding mode.
/// 3: a result message carries the flags its task raised (ResultMessage).
/// 4: a task message carries the width of a parallel-call branch; a worker
/// hands branches back (kTagSplit, a task message to rank 0 and its result
/// back); a worker's statistics count them.
constexpr std::uint64_t kProtocolVersion = 4;

/// What the start-up check compares between ranks: the task registry's
/// digest mixed with kProtocolVersion.
Hash128 registry_identity(const Hash128 &registry_digest);

/// kTagTask and kTagResult go both ways: rank 0 sends a worker nodes and
/// branches and reads their results; a worker asked to split (kTagSplit:
/// rank 0's ticket of the branch the worker runs, which rank 0 waits for
/// with nothing to run) sends rank 0 one of that branch's own branches as
/// a task message numbered in the worker's own tickets, and rank 0 sends
/// its result back.
enum Tag : int { kTagTask = 1, kTagResult = 2, kTagStop = 3, kTagStats = 4, kTagSplit = 5 };
/// How an argument travels inside a task message.
enum Part : std::uint8_t { kInline = 0, kStoreBlob = 1, kBlobRef = 2 };
/// MPI counts are ints: one message carries less than 2 GiB.
constexpr std::size_t kMaxMessage = 0x7fffffff;

inline std::uint64_t now_ns(std::chrono::steady_clock::time_point since) {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                        std::chrono::steady_clock::now() - since)
                                        .count());
}

/// CPU time a thread has used so far, by its CPU clock.
inline std::uint64_t cpu_clock_ns(clockid_t clock) {
  timespec t{};
  clock_gettime(clock, &t);
  return static_cast<std::uint64_t>(t.tv_sec) * 1'000'000'000u +
         static_cast<std::uint64_t>(t.tv_nsec);
}
/// CPU time the whole process (every thread) has used so far.
inline std::uint64_t process_cpu_ns() { return cpu_clock_ns(CLOCK_PROCESS_CPUTIME_ID); }
/// CPU time the calling thread has used so far.
inline std::uint64_t thread_cpu_ns() { return cpu_clock_ns(CLOCK_THREAD_CPUTIME_ID); }

/// How many times the calling thread has gone to sleep (its voluntary
/// context switches, getrusage RUSAGE_THREAD): a communication thread's
/// wake-ups, each 5-15 us of CPU on this machine.
inline std::uint64_t thread_sleeps() {
  rusage u{};
  getrusage(RUSAGE_THREAD, &u);
  return static_cast<std::uint64_t>(u.ru_nvcsw);
}

/// A worker's result message (tag kTagResult): the task's ticket, its
/// wall time on the worker, the floating-point flags it raised (a code of
/// purecc/shipped_flags.h, also when it threw: a local run delivers a
/// throwing branch's flags too), and its result bytes or its exception
/// (type name in `payload`, `what`).
struct ResultMessage {
  std::uint64_t ticket = 0, busy_ns = 0;
  std::uint8_t fp_flags = 0;
  bool ok = false;
  std::string payload{}, what{};
};
void write_result(ByteWriter &w, const ResultMessage &m);
/// False for a message of another layout (bytes missing or left over, a
/// flags code with bits no flag has).
bool read_result(std::string_view bytes, ResultMessage &m);

/// A worker's statistics message (tag kTagStats): 15 fixed-width integers.
constexpr std::uint64_t kStatsBytes = 15 * 8;
void write_stats(ByteWriter &w, const RankStats &s);
bool read_stats(ByteReader &r, RankStats &s);

} // namespace purecc::mpi
