// bench_fenv.cpp — what carrying the spawner's floating-point environment
// to the threads that run its branches costs (purecc/branch_fenv.h).
//  * Capture: the spawner's side, once per parallel_invoke that hands a
//    branch out (one std::fegetenv), and the join's flag check.
//  * OnTheSpawner: a branch the spawner runs itself (one comparison).
//  * OnAnotherThread: a branch another thread runs (fegetenv, two
//    fesetenv, fetestexcept).
//  * SmallRegion: a whole parallel_reduce from serial code at 2 threads,
//    the per-region cost a program with many small loops pays. Built
//    against a runtime without branch_fenv.h (main before the change:
//    -DPURECC_BENCH_NO_FENV and that runtime's include directory) it gives
//    the "before" number; compare medians of interleaved runs.
#include <benchmark/benchmark.h>

#include <cfenv>
#include <cstdint>
#include <functional>
#include <thread>

#include "purecc/reduce.h"
#include "purecc/scheduler.h"
#ifndef PURECC_BENCH_NO_FENV
#include "purecc/branch_fenv.h"
#endif

namespace {

#ifndef PURECC_BENCH_NO_FENV
void BM_Capture(benchmark::State& state) {
  for (auto _ : state) {
    purecc::detail::fenv_handoff h;
    h.capture();
    h.deliver_flags();
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_Capture);

void BM_OnTheSpawner(benchmark::State& state) {
  purecc::detail::fenv_handoff h;
  h.capture();
  int x = 0;
  for (auto _ : state) {
    h.run_here([&]() noexcept { benchmark::DoNotOptimize(++x); });
  }
}
BENCHMARK(BM_OnTheSpawner);

// The loop runs on a thread that did not capture, as a worker does.
void BM_OnAnotherThread(benchmark::State& state) {
  purecc::detail::fenv_handoff h;
  h.capture();
  std::thread([&] {
    int x = 0;
    for (auto _ : state) {
      h.run_here([&]() noexcept { benchmark::DoNotOptimize(++x); });
    }
  }).join();
}
BENCHMARK(BM_OnAnotherThread);
#endif

void BM_SmallRegion(benchmark::State& state) {
  purecc::set_num_threads(2);
  for (auto _ : state) {
    double s = purecc::parallel_reduce(
        0, 4096, 0.0, [](std::int64_t i) { return double(i) * 0.5; }, std::plus<>(),
        purecc::leaf_size{512});
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(BM_SmallRegion)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
