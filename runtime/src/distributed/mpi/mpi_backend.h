// mpi_backend.h — the Open MPI implementation of purecc::ClusterBackend.
//
// Running model: one communication thread per rank initializes MPI
// (MPI_THREAD_FUNNELED: it is the only thread that ever calls MPI), checks
// that every rank runs the same build, then moves messages until the end.
// Rank 0 runs `main`; when main hands a range job to run(), rank 0's main
// thread computes nodes itself while the communication thread keeps up to
// `in_flight` nodes queued at every other rank. Other ranks never run main:
// their main thread executes received nodes one after another (each on all
// of that rank's cores) until rank 0 says stop. At the end every rank has
// drained its sends before MPI_Finalize, so nothing hangs there.
//
// The code: start-up and the communication loop in mpi_backend.cpp, rank
// 0's scheduler in scheduler.cpp (scheduler.h), the workers' loop in
// worker.cpp (worker.h), the messages in wire.h.
//
// Usage (what launch.cpp does before main):
//   if (auto *b = purecc::mpi::MpiBackend::start()) { ... b->serve() / b->finish() ... }
#pragma once

#include "blob_lru.h"
#include "comm_wait.h"
#include "node_plan.h"
#include "worker.h"

#include "purecc/cluster.h"
#include "purecc/remote_error.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

namespace purecc::mpi {

/// Read from the environment on rank 0 and broadcast to every rank.
struct Settings {
  std::int64_t in_flight = 4;                     ///< PURECC_MPI_IN_FLIGHT
  std::uint64_t blob_min = std::uint64_t{64} << 10; ///< PURECC_MPI_BLOB_MIN
  std::uint64_t blob_cache = std::uint64_t{1} << 30; ///< PURECC_MPI_BLOB_CACHE
  std::int64_t poll_max_us = 200;                 ///< PURECC_MPI_POLL_US
  bool root_works = true; ///< PURECC_MPI_ROOT_WORKS (rank 0 only): rank 0 computes nodes too
  /// Parallel calls (rank 0 only): a branch may travel once its level of
  /// the call tree has at least call_split x ranks branches
  /// (PURECC_MPI_CALL_SPLIT), and not at a level where a shipped branch of
  /// the same function ran less than call_min_us there (PURECC_MPI_CALL_MIN_US).
  std::int64_t call_split = 16;
  std::int64_t call_min_us = 1000;
  /// PURECC_MPI_AWAIT_SPLIT (for tests of handing back): a worker running a
  /// parallel-call branch takes none of its own offers back before it has
  /// handed one to rank 0, so that whether a branch is handed back does not
  /// depend on when its communication thread gets the CPU. It waits for
  /// rank 0 to ask: only for runs where rank 0 will (it runs out of work
  /// while the branch runs, e.g. PURECC_MPI_ROOT_WORKS=0 at 2 ranks).
  bool await_split = false;
};

/// One rank's counters, as PURECC_STATS prints them.
struct RankStats {
  std::uint64_t tasks = 0, busy_ns = 0, wall_ns = 0, sent = 0, received = 0;
  std::uint64_t blobs_reused = 0, blob_bytes_saved = 0, resumed = 0;
  std::uint64_t comm_cpu_ns = 0; ///< CPU time of the communication thread (its polling)
  std::uint64_t comm_waits = 0;  ///< times that thread went to sleep (each a wake-up later)
  /// The process's CPU time (user + system, all threads) from the end of
  /// the start-up check: what the rank cost, whatever the machine's load.
  std::uint64_t cpu_ns = 0;
  /// The CPU time of this rank's tasks (the process's, while one ran; on
  /// rank 0 range nodes only: parallel-call branches run in its calls).
  std::uint64_t task_cpu_ns = 0;
  std::uint64_t messages_sent = 0, messages_received = 0;
  /// Parallel-call branches handed back: on a worker those it sent rank 0
  /// (parts of the branches it ran), on rank 0 those it ran for workers.
  std::uint64_t handed_back = 0;
};

/// Where rank 0's fixed costs go (PURECC_STATS prints them on one line):
/// the per-run costs that decide efficiency for kernels of a second or less.
struct FixedCosts {
  std::uint64_t mpi_init_ns = 0;   ///< MPI_Init_thread (before main)
  std::uint64_t check_ns = 0;      ///< the start-up check (registry digests, settings)
  std::uint64_t memo_ns = 0;       ///< first use of the memo runtime inside run()
  std::uint64_t jobs = 0;          ///< range jobs run across the ranks
  std::uint64_t job_start_ns = 0;  ///< run() entered -> the job handed to the scheduler
  std::uint64_t tail_ns = 0;       ///< the caller waiting, its share done, for workers' nodes
  std::uint64_t flush_ns = 0;      ///< rank 0 waiting for the resume store's last commit, at finish
  std::uint64_t finish_ns = 0;     ///< stop -> every rank's statistics in -> MPI_Finalize
  /// Parallel calls: threads waiting in wait_call for shipped branches,
  /// with nothing of their own to run (wall time, summed over threads).
  std::uint64_t call_wait_ns = 0;
};

/// Whether the launcher's environment says this process is an MPI rank
/// (OMPI_COMM_WORLD_SIZE, PMIX_RANK or PMI_SIZE is set).
bool launched_by_mpi();

/// This process's rank as the launcher's environment gives it before
/// MPI_Init (OMPI_COMM_WORLD_RANK, PMIX_RANK, PMI_RANK), or -1.
int launcher_rank();

/// The key under which rank 0 persists the result of node [begin, end) of
/// `job` for resume: like a memoized call task(args..., begin, end, leaf),
/// mixed with kResumeRecordFormat.
MemoKey task_key(const RangeJob &job, std::int64_t begin, std::int64_t end);

/// The layout of a resume record's value. 1: the flags code of
/// purecc/shipped_flags.h the node or branch raised, then its result
/// bytes. Records written before it (2026-12-01: the result bytes alone)
/// have keys without a format, so they are never found: read as a result
/// without flags, they would answer with fewer flags than the serial
/// program raises.
inline constexpr std::uint64_t kResumeRecordFormat = 1;
/// A resume record's value: `fp_flags` (a code) and the result bytes.
std::string resume_record(std::uint8_t fp_flags, std::string_view result);
/// Splits a resume record's value into its flags code and result bytes;
/// false for a value of another layout (recomputed, not guessed).
bool read_resume_record(std::string &value, std::uint8_t &fp_flags);

/// Parallel calls are offered down to this many times the width of the
/// first level that may travel (rank 0), or of the branch a worker runs
/// (six binary levels): deeper, a piece is a small part of a subtree that
/// is running anyway, and soon not worth a message.
inline constexpr std::uint64_t kOfferSpan = 64;

class MpiBackend final : public ClusterBackend {
public:
  /// Starts the communication thread and waits for the start-up check;
  /// the calling thread runs `meanwhile` (if any) while MPI initializes.
  static std::unique_ptr<MpiBackend> start(void (*meanwhile)() = nullptr);
  ~MpiBackend() override;

  int rank() const noexcept override { return rank_; }
  int size() const noexcept override { return size_; }
  /// The host name rank `r` reported at start-up.
  const std::string &host(int r) const { return hosts_.at(static_cast<std::size_t>(r)); }
  std::vector<NodeResult> run(const RangeJob &job) override;
  bool offer_call(CallOffer &o) override;
  bool withdraw_call(CallOffer &o) override;
  void wait_call(CallOffer &o) override;
  /// Rank 0 of 2+ ranks: lets invoke_at offer branches (cluster.h); called
  /// once the backend is installed, undone before finish().
  void enable_calls(bool on) noexcept;

  /// False when the start-up check found ranks running different builds
  /// (rank 0 has printed the line; MPI is already finalized).
  bool consistent() const noexcept { return consistent_; }
  /// Ranks > 0: runs received nodes until rank 0 stops; then finalizes.
  void serve();
  /// Rank 0: stops the workers, prints PURECC_STATS, finalizes.
  void finish();

private:
  struct Job;
  struct Ticket {
    std::int64_t begin, end;
    int worker; ///< rank 0: the worker; a worker: 0, where its branch went
    CallOffer *call = nullptr; ///< a shipped parallel-call branch, else a range node
  };
  /// A branch a worker handed back, waiting on rank 0 for a thread.
  struct HandedBack {
    int worker;
    WorkerTask task;
  };
  struct Outgoing {
    int dest, tag;
    std::string bytes;
  };

  MpiBackend() = default;
  void comm_main();
  bool startup_check();
  void comm_loop();
  bool progress_sends();
  /// Sends `bytes` without waiting; `ticket` names the node a task
  /// message carries (0: none), for how long the thread may sleep.
  void post(int dest, int tag, std::string bytes, std::uint64_t ticket = 0);
  void handle(int source, int tag, std::string bytes);
  void handle_result(int source, std::string_view bytes);
  void handle_task(std::string_view bytes);
  /// Rank 0: a branch a worker handed back (a task message from it).
  void handle_handed_back(int source, std::string_view bytes);
  /// A worker: the result of a branch it handed back.
  void handle_handed_back_result(std::string_view bytes);
  /// A worker: rank 0 asks it to split the branch of `bytes`' ticket.
  void handle_split(std::string_view bytes);
  /// Rank 0: asks a worker running a shipped branch to hand part of it
  /// back for each thread of rank 0 that waits with nothing to run.
  bool ask_splits_locked();
  /// A worker asked to split: sends rank 0 the narrowest offer of the
  /// branch it runs (the communication thread; true if one went).
  bool hand_back_locked(std::deque<Outgoing> &out);
  /// Rank 0, a thread waiting in wait_call or run(): runs the oldest
  /// handed-back branch, if any, and queues its result (lock held on entry
  /// and on return, released while the branch runs). False if none.
  bool run_handed_back(std::unique_lock<std::mutex> &lock);
  /// Runs `t` on this thread as a task of another rank (NodeScope, its
  /// rounding mode, its own flags) and encodes the result message.
  std::string execute(const WorkerTask &t, std::uint64_t &busy_ns);
  bool dispatch();
  bool flush_outbox();
  /// A task message; `mirror`: the destination's blob cache as rank 0
  /// mirrors it (nullptr: every argument inline — a worker handing back).
  /// `width`: a parallel-call branch's (CallOffer::width), 0 for a node.
  std::string encode_task(const RangeJob &spec, const std::vector<Hash128> &part_hash,
                          BlobLru *mirror, std::uint64_t ticket, std::int64_t begin,
                          std::int64_t end, std::uint64_t width);
  /// Whether rank 0 may ship offer `o` (its width, the measured cut).
  bool shippable_locked(const CallOffer &o) const;
  /// Ships offered branches to idle workers; true if any went.
  bool dispatch_calls_locked();
  bool take_node_locked(Job &job, std::int64_t &begin, std::int64_t &end);
  /// A computed node's result, with the flags it raised (a code).
  void record_locked(Job &job, std::int64_t begin, std::int64_t end, std::string bytes,
                     std::uint64_t busy_ns, std::uint8_t fp_flags);
  void print_stats(const std::vector<RankStats> &all) const;
  void print_fixed_costs(const std::vector<RankStats> &all) const;
  /// Wakes an idle communication thread (call with mutex_ held).
  void wake_comm_locked();
  /// How long the idle communication thread may sleep before it polls
  /// MPI again, or kUntilWoken (call with mutex_ held; comm_wait.h).
  std::int64_t wait_us_locked(std::chrono::steady_clock::time_point now) const;

  Settings settings_;
  int rank_ = 0, size_ = 1;
  bool consistent_ = true;
  std::vector<std::string> hosts_;
  std::thread comm_;
  std::chrono::steady_clock::time_point started_;

  // Start-up handshake between the communication thread and main.
  std::mutex start_mutex_;
  std::condition_variable start_cv_;
  bool started_up_ = false;

  // State shared between the main thread and the communication thread.
  std::mutex mutex_;
  std::condition_variable cv_;
  std::condition_variable wake_cv_; ///< the communication thread's idle wait
  bool wake_ = false;
  std::shared_ptr<Job> job_;
  std::uint64_t next_ticket_ = 1;
  std::map<std::uint64_t, Ticket> tickets_;
  std::vector<std::int64_t> in_flight_;
  std::vector<BlobLru> mirrors_; ///< rank 0: what each worker's blob cache holds
  bool stop_requested_ = false;
  bool stop_sent_ = false;
  std::vector<RankStats> worker_stats_;
  // Parallel calls (rank 0): offered branches in offer order, the width
  // from which each function's shipped branches proved too cheap, and the
  // narrowest width that may travel.
  std::vector<CallOffer *> call_board_;
  std::map<const TaskEntry *, std::uint64_t> call_cut_;
  std::uint64_t ship_min_width_ = 0;
  /// Range tasks whose last job's nodes paid to ship (scheduler.h's
  /// ship_pays): their next job ships from its start instead of waiting
  /// for rank 0's first node (a search recursing through reductions runs
  /// many jobs of one task).
  std::map<const TaskEntry *, bool> ship_known_;
  /// Rank 0: the resume records this run put into the store. Resume takes
  /// results an earlier run persisted; a record of this run's own is no
  /// hit (under mutex_): a recursive search that repeats its calls (fib)
  /// computes them again as the serial program does, instead of reusing
  /// whichever branches happened to travel (memoization is what
  /// [[purecc::memo]] asks for; the suite's fib read faster than ideal).
  std::unordered_set<MemoKey, Hash128Hasher> persisted_here_;
  int stats_received_ = 0;
  // Branches handed back (rank 0, under mutex_): what workers sent, not yet
  // taken by a thread; the threads waiting in wait_call with nothing to run;
  // per worker, the ticket it was asked to split (0: not asked).
  std::deque<HandedBack> handed_back_;
  int idle_callers_ = 0;
  std::vector<std::uint64_t> split_asked_;
  std::uint64_t handed_back_runs_ = 0;
  // Worker side.
  std::deque<WorkerTask> queue_;
  std::deque<Outgoing> outbox_;
  bool stop_received_ = false;
  bool executor_done_ = false;
  bool executing_ = false; ///< the main thread is running a node (it wakes us when done)
  bool stats_sent_ = false;
  std::unique_ptr<BlobLru> blobs_;
  // A worker handing back (under mutex_): the ticket of the branch it runs
  // (0: a range node or nothing), the ticket rank 0 asked it to split, its
  // own ticket of the branch it handed back and still waits for (at most
  // one at a time), and how many it handed back.
  std::uint64_t running_call_ = 0, split_for_ = 0, handed_out_ = 0;
  /// The running branch's ticket once it has handed a piece back
  /// (Settings::await_split waits for it).
  std::uint64_t handed_back_from_ = 0;
  std::chrono::steady_clock::time_point handed_out_since_;
  std::uint64_t handed_back_sent_ = 0;
  /// Wall time and count of the branches rank 0 ran for this worker: when
  /// the next result is due (its communication thread's sleep).
  std::uint64_t handed_busy_ns_ = 0, handed_done_ = 0;

  // Communication-thread-only state.
  struct PendingSend;
  std::deque<std::unique_ptr<PendingSend>> sends_;
  struct PendingRecv;
  std::unique_ptr<PendingRecv> recv_; ///< a message being received, if any

  // Counters of this rank.
  std::atomic<std::uint64_t> tasks_{0}, busy_ns_{0}, sent_{0}, received_{0};
  std::atomic<std::uint64_t> task_cpu_ns_{0}, messages_sent_{0}, messages_received_{0};
  std::uint64_t cpu_start_ns_ = 0; ///< the process's CPU time when the start-up check was done
  std::atomic<std::uint64_t> blobs_reused_{0}, blob_bytes_saved_{0}, resumed_{0};
  std::uint64_t calls_shipped_ = 0; // under mutex_
  /// Rank 0: the workers' reported busy time and count of parallel-call
  /// branches (a job's nodes: Job::done_*), and when each worker's oldest
  /// outstanding node began (sent to it idle, or its previous result read):
  /// when its next result is due, for how long the communication thread
  /// may sleep (comm_wait.h).
  std::uint64_t call_busy_ns_ = 0, calls_done_ = 0; // under mutex_
  std::vector<std::chrono::steady_clock::time_point> running_since_; // under mutex_
  /// Ranks > 0: when this rank last received or sent a message
  /// (communication thread only): an idle worker backs off from it.
  std::chrono::steady_clock::time_point last_active_;
  /// Ranks > 0: when the main thread began its current node, and how long
  /// that node should run (-1: unknown), from the time per element of the
  /// nodes of the same task before it (under mutex_).
  std::chrono::steady_clock::time_point node_started_;
  std::int64_t node_estimate_ns_ = -1;
  std::string estimate_task_;
  std::uint64_t estimate_busy_ns_ = 0, estimate_elements_ = 0;
  FixedCosts costs_;                // rank 0; under mutex_ once main runs
  std::uint64_t comm_cpu_ns_ = 0;   // set by the communication thread as it ends
  std::uint64_t comm_cpu_start_ns_ = 0; // its CPU time when the start-up check was done
  std::uint64_t comm_waits_ = 0, comm_waits_start_ = 0; // the same for its sleeps
};

} // namespace purecc::mpi
