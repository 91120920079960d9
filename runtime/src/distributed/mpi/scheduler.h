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
//   while (take_node_locked(*job, begin, end)) ... record_locked(*job, begin, end, bytes, busy);
#pragma once

#include "mpi_backend.h"
#include "node_plan.h"

#include "purecc/memo.h"

#include <cstdint>
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
  // Resume: the persistent memo tier, if enabled.
  MemoRuntime *memo = nullptr;
  DiskStore *disk = nullptr;
  SiteCounters *counters = nullptr;
  std::uint64_t min_persist_ns = 0;
  // The large arguments (index into spec->arg_ends) and their hashes.
  std::vector<Hash128> part_hash;

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

/// Rank 0's persistent memo tier for resume records, or nullptr
/// (PURECC_MEMO other than disk); its threshold in `min_ns`.
DiskStore *resume_store(std::uint64_t &min_ns);

} // namespace purecc::mpi
