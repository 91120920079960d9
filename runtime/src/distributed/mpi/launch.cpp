// launch.cpp — how a program linked with purecc_rt_mpi starts under mpirun/srun.
//
// The program is linked with `-Wl,--wrap=main` (purecc_rt_mpi's CMake target
// and the documented Makefile flags add it), so the C runtime calls
// __wrap_main below instead of the user's main, and __real_main is the
// user's main. Why this hook and not a constructor: by the time the C
// runtime calls main, every static initializer of the program has run — the
// task registry is complete and the globals a task may read are
// initialized. A constructor that entered the serve loop would run tasks
// against half-initialized globals. And linking without the flag is a link
// error (undefined __real_main), not a silent run of main on every rank.
//
// Without a launcher's environment nothing here touches MPI: main runs
// as if the library were not linked.
//
// A worker rank never runs main, so it runs none of the program's own
// code that serial program would run once: what a global's constructor
// prints to stdout goes nowhere there (stdout is /dev/null from before the
// first constructor), and a worker ends with std::_Exit after the
// runtime's own exit work (MPI_Finalize, its memo table, the memo tiers'
// last writes), so the globals' destructors and the program's atexit
// handlers run on rank 0 only, as in the serial run (adv60 F3). A rank
// that stops at the start-up check (purecc-mpi-mismatch) never ran main
// either and ends the same way.
#include "mpi_backend.h"

#include "purecc/memo.h"
#include "purecc/memo_stats.h"
#include "purecc/task_registry.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

extern "C" int __real_main(int argc, char **argv, char **envp);

namespace {

std::unique_ptr<purecc::mpi::MpiBackend> g_backend;

/// Rank 0's memo runtime, opened while MPI initializes. Why: its first use
/// opens the persistent store (SQLite: create, WAL, schema — 6-70 ms
/// measured, docs/distributed.md), and the first distributed loop is where
/// it used to happen, inside the program's own timing and on the critical
/// path of every rank waiting for its first node. MPI_Init keeps the main
/// thread waiting anyway (tens to hundreds of ms). Only a program that has
/// task entries (it will run distributed loops) and only the process the
/// launcher names rank 0: a worker opens no store it does not use.
void open_memo_store_early() {
  if (purecc::mpi::launcher_rank() == 0 && !purecc::TaskRegistry::entries().empty())
    purecc::MemoRuntime::global();
}

/// What a rank prints at its exit after the run (its memo table, written
/// piece by piece to std::cerr) goes out in one piece: every rank reaches
/// its exit at the same moment (stop, MPI_Finalize), and unbuffered tables
/// of two ranks interleaved mid-line in mpirun's output.
void buffer_exit_output() {
  static char buffer[1 << 16];
  std::fflush(stderr);
  std::setvbuf(stderr, buffer, _IOFBF, sizeof buffer);
  std::cerr.unsetf(std::ios::unitbuf); // the table flushes std::cerr once, at its end
}

/// Before every static initializer of the program (priority 101 is the
/// first a program may use; the C++ library's own streams are ready
/// earlier): a worker's stdout goes to /dev/null, so that what a global's
/// constructor prints appears once, from rank 0, as in the serial run.
/// Pure code prints nothing, and the runtime reports on stderr.
__attribute__((constructor(101))) void silence_worker_stdout() {
  if (!purecc::mpi::launched_by_mpi() || purecc::mpi::launcher_rank() <= 0)
    return;
  const int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
  if (null < 0)
    return;
  ::dup2(null, STDOUT_FILENO);
  ::close(null);
}

/// Ends a rank that did not run main: the backend's thread finalizes MPI
/// (joined by the reset), the memo runtime does its exit work, every
/// stream is flushed, and nothing of the program's own exit runs.
[[noreturn]] void end_without_main(std::unique_ptr<purecc::mpi::MpiBackend> backend, int status) {
  backend.reset();
  buffer_exit_output();
  purecc::detail::finish_memo_now();
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  std::_Exit(status);
}

void finish_at_exit() {
  if (!g_backend)
    return;
  g_backend->enable_calls(false);
  purecc::set_active_cluster(nullptr);
  g_backend->finish();
  buffer_exit_output();
}

} // namespace

extern "C" int __wrap_main(int argc, char **argv, char **envp) {
  if (!purecc::mpi::launched_by_mpi())
    return __real_main(argc, argv, envp);
  std::unique_ptr<purecc::mpi::MpiBackend> backend =
      purecc::mpi::MpiBackend::start(open_memo_store_early);
  if (!backend->consistent())
    end_without_main(std::move(backend), 2);
  // Every rank that memoized prints its own PURECC_STATS table at exit.
  if (backend->size() > 1)
    purecc::set_memo_stats_label("rank " + std::to_string(backend->rank()) + " on " +
                                 backend->host(backend->rank()));
  if (backend->rank() != 0) {
    backend->serve();
    end_without_main(std::move(backend), 0);
  }
  g_backend = std::move(backend);
  purecc::set_active_cluster(g_backend.get());
  g_backend->enable_calls(true);
  // Registered after every static initializer's destructor registration, so
  // it runs first at exit: the workers are released before globals die.
  std::atexit(finish_at_exit);
  return __real_main(argc, argv, envp);
}
