// purecc/cluster.h — the hook between range tasks and a remote-worker backend.
//
// Why a hook: the core runtime must not depend on MPI, yet distributed.h's
// templates (compiled into every program) must reach the MPI backend when
// the program runs under mpirun/srun. The backend library (purecc_rt_mpi,
// see docs/distributed.md) installs itself here before `main` runs on rank 0;
// without it, or in a run of one rank, active_cluster() is nullptr and every
// range task runs locally on this process's cores.
//
// A backend cuts [begin, end) into nodes of the split tree of range_tree.h
// (never anything else), runs each node's thunk on some rank, and returns
// the node results; distributed.h combines them up the same tree, so the
// result does not depend on which rank ran which node.
//
// Usage:
//   if (purecc::ClusterBackend *c = purecc::active_cluster())
//     std::printf("rank %d of %d\n", c->rank(), c->size());
#pragma once

#include "purecc/memo_key.h"
#include "purecc/task_registry.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace purecc {

/// One range task call: a registered task, its captured arguments as
/// canonical bytes, and the range with its leaf size.
struct RangeJob {
  const TaskEntry *task = nullptr;
  std::string args{};
  /// End offset in `args` of each argument, so a backend can ship large
  /// arguments separately (by content hash) from small ones.
  std::vector<std::size_t> arg_ends{};
  std::int64_t begin = 0, end = 0, leaf = 1;
  /// The memo namespace of the calling code (memo_key.h): persisted node
  /// results are keyed like a memoized call of
  /// task(args..., node begin, node end, leaf).
  Hash128 memo_namespace{};
};

/// The canonical result bytes of one node [begin, end) of the split tree.
struct NodeResult {
  std::int64_t begin = 0, end = 0;
  std::string bytes{};
};

class ClusterBackend {
public:
  virtual ~ClusterBackend() = default;
  virtual int rank() const noexcept = 0;
  virtual int size() const noexcept = 0;
  /// Runs `job` (end > begin) on all ranks. Returns results for a set of
  /// disjoint split-tree nodes covering the range (any order). If some node
  /// threw, waits for every node in flight, then rethrows the exception of
  /// the leftmost throwing node (remote ones as described in remote_error.h).
  virtual std::vector<NodeResult> run(const RangeJob &job) = 0;
};

/// True on a thread that may hand a range call to the cluster: not inside a
/// team of 2+ threads (purecc's or an OpenMP one) and not inside a node this
/// process is running for the cluster (nested parallelism stays on the
/// rank's own cores).
bool may_ship_from_this_thread() noexcept;

/// Marks the current thread as running a cluster node while it lives.
///   { purecc::NodeScope scope; result = entry.run(args, b, e, leaf); }
class NodeScope {
public:
  NodeScope() noexcept;
  ~NodeScope();
  NodeScope(const NodeScope &) = delete;
  NodeScope &operator=(const NodeScope &) = delete;

private:
  bool outer_;
};

/// The installed backend, or nullptr (local run).
ClusterBackend *active_cluster() noexcept;
/// Installs (or with nullptr removes) the backend; called by purecc_rt_mpi.
void set_active_cluster(ClusterBackend *backend) noexcept;

} // namespace purecc
