// scheduler.h — rank 0's scheduler: the state of a range job while rank 0
// runs it (scheduler.cpp hands its nodes out, records their results and
// the parallel-call branches it ships).
//
// Why a job object: the communication thread (which hands nodes to the
// workers and records what comes back) and the thread that called run()
// (which computes rank 0's own share) work on one job at once, under the
// backend's mutex; the job holds what both need — the hand-out plan, the
// results so far, the leftmost exception, the resume store.
//
// Usage (inside MpiBackend::run):
//   auto job = std::make_shared<Job>(spec);
//   while (take_node_locked(*job, begin, end)) ... record_locked(*job, begin, end, bytes, busy, flags);
#pragma once

#include "mpi_backend.h"
#include "node_plan.h"

#include "purecc/memo.h"

#include <cstdint>
#include <ctime>
#include <exception>
#include <vector>

namespace purecc::mpi {

/// A range job while rank 0 runs it.
struct MpiBackend::Job {
  const RangeJob *spec;
  NodePlan plan;
  std::vector<NodeResult> results;
  std::int64_t outstanding = 0;
  bool failed = false;
  std::int64_t error_begin = 0;
  std::exception_ptr error;
  /// The flags (a code, purecc/shipped_flags.h) every node raised —
  /// workers', rank 0's and resumed ones: set on the caller at the end.
  std::uint8_t fp_flags = 0;
  // Resume: the persistent memo tier, if enabled.
  MemoRuntime *memo = nullptr;
  DiskStore *disk = nullptr;
  SiteCounters *counters = nullptr;
  std::uint64_t min_persist_ns = 0;
  // The large arguments (index into spec->arg_ends) and their hashes.
  std::vector<Hash128> part_hash;
  /// Bytes of the arguments that travel with every node (those below the
  /// blob size; a large one travels once per rank).
  std::uint64_t inline_arg_bytes = 0;
  /// Whether nodes go to the workers, from rank 0's own nodes: `probe`
  /// (none) until rank 0's first node is measured — or has used
  /// kProbeCpuNs of CPU, when shipping pays whatever its result's size —
  /// then `yes` or `no` after each of rank 0's nodes (ship_pays).
  enum class Ship { probe, yes, no } ship = Ship::probe;
  /// The CPU clock of the thread running rank 0's first node, and its
  /// reading when the node began (`probing` once it has).
  clockid_t probe_clock{};
  std::uint64_t probe_cpu_start = 0;
  bool probing = false;
  /// Rank 0's nodes of this job so far, for ship_pays: summed, so that
  /// one node slowed by the machine (cache misses under load) does not
  /// flip the decision; re-estimated on each, as costs may be uneven.
  std::uint64_t measured_cpu_ns = 0, measured_bytes = 0, measured_nodes = 0;
  /// Every computed node of this job (any rank): wall time, elements,
  /// count — for how many nodes a worker may hold (node_limit).
  std::uint64_t done_busy_ns = 0, done_elements = 0, done_nodes = 0;
  /// Shipping began because rank 0's first node ran 1 ms of CPU.
  bool coarse = false;

  Job(const RangeJob &j)
      : spec(&j), plan(j.begin, j.end, j.leaf, NodePlan::kDivisor) {}

  void note_error(std::int64_t begin, std::exception_ptr e) {
    if (!failed || begin < error_begin) {
      error_begin = begin;
      error = std::move(e);
    }
    failed = true;
  }

  /// Keyed like a memoized call task(args..., begin, end, leaf).
  MemoKey node_key(std::int64_t begin, std::int64_t end) const {
    return task_key(*spec, begin, end);
  }
};

/// The resume record's key of node [begin, end) of `spec`; a parallel-call

/// The cost estimate of issue 16: `nodes` nodes rank 0 ran in `cpu_ns` of
/// its own time, whose results took `result_bytes` and whose arguments
/// `arg_bytes` (what travels with each node, summed), pay to ship when
/// computing them cost rank 0 more than sending them out and taking the
/// results in would (per byte, and per node, measured on loopback:
/// docs/distributed.md). A map of trivial elements (8 bytes back for a few
/// nanoseconds of work) stays on rank 0; a reduction (one value per node)
/// of any real work travels.
bool ship_pays(std::uint64_t cpu_ns, std::uint64_t result_bytes, std::uint64_t arg_bytes,
               std::uint64_t nodes);
/// What a job has measured of its nodes so far (any rank's), and how much
/// of its range is left, for node_limit.
struct NodeCosts {
  std::uint64_t busy_ns = 0, elements = 0, nodes = 0;
  std::uint64_t remaining = 0; ///< elements not handed out yet
  bool coarse = false;         ///< shipping began on the 1 ms probe (kProbeCpuNs)
};

/// How many nodes of a job a worker may hold (queued or running) at once:
/// `in_flight` for fine nodes, which hides the round trip; for nodes of
/// 2 ms or more, 2 — and 1 once less than two nodes' worth per rank is
/// left, so that no worker holds a queued node while rank 0 runs out of
/// work (13 coarse nodes of n queens at 4 in flight left rank 0 waiting
/// 0.5 s of a 1 s kernel for rank 1's queue); 1 too for a coarse job
/// before any node is done.
std::int64_t node_limit(const NodeCosts &c, std::int64_t in_flight, int ranks);

/// Rank 0's first node of a job has run this long on the CPU (1 ms, ten
/// times a remote node's cost): the workers start without waiting for its
/// end. CPU time, not wall time: a loaded machine must not decide it.
inline constexpr std::uint64_t kProbeCpuNs = 1'000'000;

/// Rank 0's persistent memo tier for resume records, or nullptr
/// (PURECC_MEMO other than disk); its threshold in `min_ns`.
DiskStore *resume_store(std::uint64_t &min_ns);

} // namespace purecc::mpi
