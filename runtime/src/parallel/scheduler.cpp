// scheduler.cpp — purecc's adaptive spawning (purecc/scheduler.h): keeps
// the spawn-room counter in step with the team size, and runs purecc's own
// team: a pool of worker threads that run offered branches
// (purecc/offer_board.h) while a job is open.
//
// Why its own threads and not `#pragma omp parallel` per job: a program that
// calls a pure function with one small parallel loop thousands of times
// opens thousands of teams. libgomp's threads then spin ~300,000 pauses at
// every region's end and between regions (GOMP_SPINCOUNT; OMP_WAIT_POLICY
// cannot be changed once libgomp has started), and every region ends in a
// barrier that waits for each thread to arrive. On a machine where another
// process keeps a core busy, those spinning threads and that barrier made
// 2000 such calls take 1.8-2.6 s against 0.16-0.29 s serial (issue 12). The
// pool's job has no closing barrier (every branch is joined before the job's
// body returns), an idle worker spins for at most kSpinBeforeSleep and then
// sleeps on a futex (std::atomic::wait), and opening a job is two atomic
// increments plus a wake-up that costs a system call only when a worker
// sleeps. See docs/runtime.md, "Waiting threads".
//
// Only this file calls the OpenMP API, so headers compile without <omp.h>:
// the thread count comes from omp_get_max_threads() (OMP_NUM_THREADS), and
// teams the user opened still get OpenMP tasks (invoke.h). The static
// library is built by g++ (libgomp's GOMP_* entry points); a program
// compiled by clang++ -fopenmp links libomp instead, which exports the same
// GOMP_* entry points, so one archive serves both.
#include "purecc/scheduler.h"

#include "purecc/quiet_fenv.h"
#include "purecc/worker_stack.h"

#include <omp.h>
#include <pthread.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <mutex>

namespace purecc::detail {

// Starts at 1 ("unknown"): the first parallel construct takes the slow path,
// which calls sync_capacity() before anything is spawned.
constinit std::atomic<int> g_spawn_room{1};
constinit std::atomic<std::uint64_t> g_local_split_width{0};

constinit thread_local std::uintptr_t t_parallel_stack_floor = UINTPTR_MAX;

bool stack_room_slow(std::uintptr_t frame) noexcept {
  std::uintptr_t floor = 0;  // unknown: no floor
#if defined(__GLIBC__)
  // The main thread's size is RLIMIT_STACK's (glibc reads it), a worker's
  // the one it was created with.
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    void* low = nullptr;
    std::size_t size = 0;
    if (pthread_attr_getstack(&attr, &low, &size) == 0 && low && size > 0) {
      const auto top = reinterpret_cast<std::uintptr_t>(low) + size;
      floor = top - size / kParallelStackShare;
    }
    pthread_attr_destroy(&attr);
  }
#endif
  t_parallel_stack_floor = floor;
  return frame > floor;
}

namespace {

// How many units of room are currently accounted in g_spawn_room (the
// initial 1 counts as one unit to be removed by the first sync).
std::mutex g_capacity_mutex;
int g_capacity = 1;

thread_local bool t_in_own_team = false;

// Capacity for a team of `threads`: one queued task per thread keeps an idle
// worker fed without flooding the queue with small tasks; with one thread
// spawning never pays off.
int capacity_for(int threads) { return threads > 1 ? std::min(threads, kBoardSlots) : 0; }

// kLocalSplitSpan, or PURECC_SPLIT_SPAN where set to a number (0: no
// near-root rule; call_width.h). Read once.
std::uint64_t split_span() noexcept {
  static const std::uint64_t span = [] {
    const char* s = std::getenv("PURECC_SPLIT_SPAN");
    if (!s || !*s) return kLocalSplitSpan;
    char* end = nullptr;
    const unsigned long long v = std::strtoull(s, &end, 10);
    return *end == '\0' && v <= 4096 ? static_cast<std::uint64_t>(v) : kLocalSplitSpan;
  }();
  return span;
}
// Moves the accounted capacity to `wanted`, preserving the number of tasks
// currently queued (room is capacity minus queued).
void sync_capacity(int wanted) {
  std::lock_guard lock(g_capacity_mutex);
  g_local_split_width.store(call_width_times(static_cast<std::uint64_t>(wanted), split_span()),
                            std::memory_order_relaxed);
  if (wanted == g_capacity) return;
  g_spawn_room.fetch_add(wanted - g_capacity, std::memory_order_relaxed);
  g_capacity = wanted;
}

// ---- the pool -------------------------------------------------------------

// How long a worker keeps spinning after a job for the next one before it
// sleeps. Back-to-back jobs (a serial loop over small parallel regions)
// come within microseconds, so they find the workers awake; on a machine
// where others need the core, a worker gives it up after this long.
constexpr auto kSpinBeforeSleep = std::chrono::microseconds(50);

// Jobs open now (run_in_team calls that have not returned); workers help
// while it is positive. Several user threads may open jobs at once: they
// share the workers and the offer board.
constinit std::atomic<int> g_open_jobs{0};
// Bumped when a job opens; sleeping workers wait for it to change.
constinit std::atomic<std::uint32_t> g_job_epoch{0};
// Workers that take part in jobs: the newest job's team size minus one.
// Workers with a higher index sit jobs out (after set_num_threads(smaller)).
constinit std::atomic<int> g_team_workers{0};
std::mutex g_pool_mutex;
int g_pool_size = 0;  // workers started (never stopped: they sleep)

// Waits until a job opens after `seen` was read: spins for kSpinBeforeSleep,
// then sleeps on g_job_epoch.
void wait_for_job(std::uint32_t seen) noexcept {
  const auto until = std::chrono::steady_clock::now() + kSpinBeforeSleep;
  for (int i = 0; g_job_epoch.load(std::memory_order_acquire) == seen; ++i) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
    if ((i & 63) == 63 && std::chrono::steady_clock::now() >= until) {
      g_job_epoch.wait(seen, std::memory_order_acquire);
      return;
    }
  }
}

void worker_main(int index) noexcept {
  t_in_own_team = true;
  while (true) {
    // Read the epoch before looking for a job: a job that opens in between
    // bumps it, so the wait below cannot miss it.
    const std::uint32_t seen = g_job_epoch.load(std::memory_order_acquire);
    if (g_open_jobs.load(std::memory_order_acquire) == 0 ||
        index >= g_team_workers.load(std::memory_order_relaxed)) {
      wait_for_job(seen);
      continue;
    }
    int misses = 0;
    while (g_open_jobs.load(std::memory_order_acquire) > 0) {
      if (help_once())
        misses = 0;
      else
        idle_pause(misses);
    }
  }
}

// Below this a halved stack is no better than the default.
constexpr std::size_t kMinHalvedStack = std::size_t{8} << 20;

void* worker_start(void* index) noexcept {
  worker_main(static_cast<int>(reinterpret_cast<std::intptr_t>(index)));
  return nullptr;
}

// Starts one detached worker with a stack of `stack` bytes (0: the
// default); false when it cannot be started.
bool start_worker(int index, std::size_t stack) noexcept {
  pthread_attr_t attr;
  if (pthread_attr_init(&attr) != 0) return false;
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  if (stack != 0 && pthread_attr_setstacksize(&attr, stack) != 0) stack = 0;
  pthread_t thread;
  bool started = pthread_create(&thread, &attr, worker_start,
                                reinterpret_cast<void*>(static_cast<std::intptr_t>(index))) == 0;
  pthread_attr_destroy(&attr);
  return started;
}

// Starts workers until there are `wanted`, each with the stack the serial
// program's main thread may grow to (purecc/worker_stack.h; adv58 t42: a
// pure recursion 50 MB deep after the program raised its stack limit
// overflowed a worker's default 8 MiB). A thread that cannot be started
// that big is started with the default size; one that cannot be started at
// all leaves the pool smaller (its branches then run inline: withdrawn at
// the join), never an error.
void grow_pool(int wanted) noexcept {
  std::lock_guard lock(g_pool_mutex);
  static std::size_t stack = worker_stack_size();
  while (g_pool_size < wanted) {
    // A stack the system refuses (a 64 GiB limit, strict overcommit):
    // halve it down to the default rather than drop to the default at
    // once (adv59 t09: 8 MiB overflowed a 60 MB recursion).
    while (!start_worker(g_pool_size, stack)) {
      if (stack == 0) return;
      stack = stack / 2 >= kMinHalvedStack ? stack / 2 : 0;
    }
    ++g_pool_size;
  }
}

// Marks the calling thread as a member of a purecc team for its lifetime.
class own_team_scope {
 public:
  own_team_scope() noexcept : saved_(t_in_own_team) { t_in_own_team = true; }
  ~own_team_scope() { t_in_own_team = saved_; }
  own_team_scope(const own_team_scope&) = delete;
  own_team_scope& operator=(const own_team_scope&) = delete;

 private:
  bool saved_;
};

}  // namespace

bool in_own_team() noexcept { return t_in_own_team; }

exec_context current_context() noexcept {
  // purecc's own workers are not OpenMP threads: ask our own flag first.
  if (t_in_own_team) return exec_context::in_team;
  // libomp starts on its first call, on this thread, under the caller's
  // floating-point environment: with FE_INEXACT trapped, the first
  // parallel loop of a clang++ build died there (adv51 t31).
  static const bool omp_started = [] {
    quiet_fenv_scope quiet;
    return omp_in_parallel() >= 0 && omp_get_max_threads() > 0;
  }();
  (void)omp_started;
  if (omp_in_parallel()) {
    // Already inside an active region (ours or the user's): tasks go to it.
    return omp_get_num_threads() > 1 ? exec_context::in_team : exec_context::serial;
  }
  int threads = omp_get_max_threads();
  sync_capacity(capacity_for(threads));
  return threads > 1 ? exec_context::outside_team : exec_context::serial;
}

void run_in_team(void (*body)(void*) noexcept, void* ctx) {
  const int workers = std::max(omp_get_max_threads(), 1) - 1;
  if (workers > 0) {
    grow_pool(workers);
    g_team_workers.store(workers, std::memory_order_relaxed);
  }
  own_team_scope member;
  // Open the job: workers that spin see the epoch change; sleeping ones are
  // woken (a system call only when some worker sleeps).
  g_open_jobs.fetch_add(1, std::memory_order_seq_cst);
  g_job_epoch.fetch_add(1, std::memory_order_seq_cst);
  g_job_epoch.notify_all();
  body(ctx);
  // No closing barrier: body joined every branch it offered, so no worker
  // holds anything of this job; they notice the close on their own.
  g_open_jobs.fetch_sub(1, std::memory_order_release);
}

}  // namespace purecc::detail

namespace purecc {

int num_threads() noexcept { return omp_get_max_threads(); }

void set_num_threads(int n) {
  n = std::max(n, 1);
  omp_set_num_threads(n);
  detail::sync_capacity(detail::capacity_for(n));
}

}  // namespace purecc
