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
// Parallel calls use the same backend differently: invoke_at (task_site.h)
// offers branches on rank 0's board (CallOffer) while it runs the last one;
// the backend ships offers near the root to idle ranks, and the caller
// takes back and runs whatever nobody took.
//
// Usage:
//   if (purecc::ClusterBackend *c = purecc::active_cluster())
//     std::printf("rank %d of %d\n", c->rank(), c->size());
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include "purecc/call_width.h"
#include "purecc/memo_key.h"
#include "purecc/shipped_rounding.h"
#include "purecc/task_registry.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <exception>
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
  /// The memo namespace of the calling code under its rounding mode
  /// (memo_key.h, memo_fenv.h's namespace_under): persisted node results
  /// are keyed like a memoized call of task(args..., node begin, node end,
  /// leaf) made there, so a result computed under FE_UPWARD never answers
  /// a call made under FE_TONEAREST.
  Hash128 memo_namespace{};
  /// The caller's rounding mode: every rank runs the task's nodes under it.
  rounding_code rounding = rounding_code::to_nearest;
};

/// The canonical result bytes of one node [begin, end) of the split tree.
struct NodeResult {
  std::int64_t begin = 0, end = 0;
  std::string bytes{};
};

/// One branch of a parallel call (task_site.h's invoke_at) offered to the
/// other ranks while its caller goes on: an idle rank may take it, or the
/// caller withdraws it and runs it itself, or a thread of this process that
/// waits for another branch runs it (`run`). The object lives in the
/// caller's frame until the branch is done.
class CallOffer {
public:
  enum class State : int { idle, offered, withdrawn, taken_here, shipped, done };
  /// The call as a task: its entry and argument bytes (begin = end = leaf = 0).
  RangeJob job{};
  /// How many branches share this level of the call tree: the product of
  /// the branch counts from the first parallel call down to this branch
  /// (2^depth for fib). Rank 0 ships only branches of a width at least
  /// (PURECC_MPI_CALL_SPLIT x ranks) and below the width measured too cheap.
  std::uint64_t width = 1;
  /// Runs the branch on this thread and keeps its outcome in the caller's
  /// frame (the local path; never throws).
  void (*run)(CallOffer *) noexcept = nullptr;
  /// Set by the backend (under its lock).
  State state = State::idle;
  /// A shipped branch: its result bytes, or the exception it threw there.
  std::string result{};
  std::exception_ptr error{};
  /// The floating-point flags (<cfenv> bits) the branch raised where it
  /// ran, when that was not the offering thread (another rank, a resume
  /// record, another thread's wait_call): wait_call sets them on the
  /// offering thread, as parallel_invoke's join does for its branches.
  int fp_flags = 0;
};

class ClusterBackend {
public:
  virtual ~ClusterBackend() = default;
  /// Parallel calls. offer_call puts `o` on this process's board (false:
  /// not offered, run it yourself); withdraw_call takes it back unless
  /// someone took it (true: run it yourself); wait_call returns when a
  /// taken `o` is done, running other offers on this thread meanwhile.
  /// The defaults offer nothing.
  virtual bool offer_call(CallOffer &) { return false; }
  virtual bool withdraw_call(CallOffer &) { return true; }
  virtual void wait_call(CallOffer &) {}
  virtual int rank() const noexcept = 0;
  virtual int size() const noexcept = 0;
  /// Runs `job` (end > begin) on all ranks. Returns results for a set of
  /// disjoint split-tree nodes covering the range (any order). If some node
  /// threw, waits for every node in flight, then rethrows the exception of
  /// the leftmost throwing node (remote ones as described in remote_error.h).
  /// Either way the floating-point flags every node raised, on whichever
  /// rank, are set on the calling thread (purecc/shipped_flags.h).
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
  std::uint64_t outer_width_;
};

namespace detail {
/// The widest level at which parallel calls are offered to the cluster
/// (0: no cluster of 2+ ranks, nothing is offered). Set by the backend:
/// on rank 0 for the run, on a worker while it runs a shipped branch.
extern std::atomic<std::uint64_t> g_call_offer_width;
} // namespace detail

/// Whether a parallel call made here could offer its branches to other
/// ranks: under a cluster of 2+ ranks, near the root of the call tree, on
/// rank 0 outside a cluster node, or on a worker inside the branch it runs
/// for rank 0 (which it may hand parts of back). A rewritten recursive function's fast
/// clone (codegen/FastClone.h) keeps its parallel version while this holds,
/// even when every local core is busy. One relaxed load and a TLS read.
///   if (!purecc::should_spawn() && !purecc::may_offer_calls()) return serial_fib(n);
inline bool may_offer_calls() noexcept {
  const std::uint64_t w = detail::g_call_offer_width.load(std::memory_order_relaxed);
  return w != 0 && detail::t_call_width < w;
}

/// The installed backend, or nullptr (local run).
ClusterBackend *active_cluster() noexcept;
/// Installs (or with nullptr removes) the backend; called by purecc_rt_mpi.
/// It is the call backend too (call_cluster).
void set_active_cluster(ClusterBackend *backend) noexcept;

/// The backend invoke_at offers branches to: rank 0's (active_cluster), or
/// on a worker the worker's own while it serves — a worker offers the
/// branches of a shipped branch so that it can hand one back to an idle
/// rank 0 (docs/distributed.md, "Parallel calls"); it never runs range
/// jobs, so active_cluster() stays nullptr there. nullptr: local run.
ClusterBackend *call_cluster() noexcept;
/// Installs (or removes) the call backend alone: a worker, while it serves.
void set_call_cluster(ClusterBackend *backend) noexcept;

} // namespace purecc
