// Scheduler.cpp — the OpenMP side of purecc's adaptive spawning: keeps the
// spawn-room counter in step with the team size and opens teams on demand.
//
// Only this file calls the OpenMP API, so headers compile without <omp.h>.
// The static library is built by g++ (libgomp's GOMP_* entry points); a
// program compiled by clang++ -fopenmp links libomp instead, which exports
// the same GOMP_* entry points, so one archive serves both.
#include "purecc/scheduler.h"

#include <omp.h>

#include <algorithm>
#include <mutex>

namespace purecc::detail {

// Starts at 1 ("unknown"): the first parallel construct takes the slow path,
// which calls sync_capacity() before anything is spawned.
constinit std::atomic<int> g_spawn_room{1};

namespace {

// How many units of room are currently accounted in g_spawn_room (the
// initial 1 counts as one unit to be removed by the first sync).
std::mutex g_capacity_mutex;
int g_capacity = 1;

// Capacity for a team of `threads`: one queued task per thread keeps an idle
// worker fed without flooding the queue with small tasks; with one thread
// spawning never pays off.
int capacity_for(int threads) { return threads > 1 ? threads : 0; }

// Moves the accounted capacity to `wanted`, preserving the number of tasks
// currently queued (room is capacity minus queued).
void sync_capacity(int wanted) {
  std::lock_guard lock(g_capacity_mutex);
  if (wanted == g_capacity) return;
  g_spawn_room.fetch_add(wanted - g_capacity, std::memory_order_relaxed);
  g_capacity = wanted;
}

}  // namespace

exec_context current_context() noexcept {
  if (omp_in_parallel()) {
    // Already inside an active region (ours or the user's): tasks go to it.
    return omp_get_num_threads() > 1 ? exec_context::in_team : exec_context::serial;
  }
  int threads = omp_get_max_threads();
  sync_capacity(capacity_for(threads));
  return threads > 1 ? exec_context::outside_team : exec_context::serial;
}

void run_in_team(void (*body)(void*) noexcept, void* ctx) {
#pragma omp parallel
  {
#pragma omp single
    body(ctx);
  }
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
