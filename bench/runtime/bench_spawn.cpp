// bench_spawn.cpp — what a parallel_invoke costs.
//  * Busy: no spawn room (one thread, so every core counts as busy): the
//    inline path, against calling the two lambdas directly.
//  * Idle: inside a 2-thread team whose other thread waits for work, so
//    every call really spawns: against a hand-written omp task + taskwait.
//  * fib(25) through the two code-generator shapes against plain fib.
#include <benchmark/benchmark.h>
#include <omp.h>

#include "purecc/invoke.h"
#include "purecc/scheduler.h"

namespace {

[[gnu::noinline]] int leaf(int x) {
  benchmark::DoNotOptimize(x);
  return x + 1;
}

void BM_DirectCalls(benchmark::State& state) {
  int x = 0;
  for (auto _ : state) {
    int a = leaf(x);
    int b = leaf(x + 1);
    x = (a + b) & 1;
  }
  benchmark::DoNotOptimize(x);
}
BENCHMARK(BM_DirectCalls);

void BM_InvokeWhenBusy(benchmark::State& state) {
  purecc::set_num_threads(1);
  int x = 0;
  for (auto _ : state) {
    auto [a, b] = purecc::parallel_invoke([&] { return leaf(x); }, [&] { return leaf(x + 1); });
    x = (a + b) & 1;
  }
  benchmark::DoNotOptimize(x);
}
BENCHMARK(BM_InvokeWhenBusy);

void BM_InvokeWhenIdle(benchmark::State& state) {
  purecc::set_num_threads(2);
  int x = 0;
#pragma omp parallel num_threads(2)
#pragma omp single
  for (auto _ : state) {
    auto [a, b] = purecc::parallel_invoke([&] { return leaf(x); }, [&] { return leaf(x + 1); });
    x = (a + b) & 1;
  }
  benchmark::DoNotOptimize(x);
}
BENCHMARK(BM_InvokeWhenIdle)->UseRealTime();

void BM_OmpTaskWhenIdle(benchmark::State& state) {
  int x = 0;
#pragma omp parallel num_threads(2)
#pragma omp single
  for (auto _ : state) {
    int a = 0;
#pragma omp task shared(a, x)
    a = leaf(x);
    int b = leaf(x + 1);
#pragma omp taskwait
    x = (a + b) & 1;
  }
  benchmark::DoNotOptimize(x);
}
BENCHMARK(BM_OmpTaskWhenIdle)->UseRealTime();

int fib_serial(int n) { return n < 2 ? n : fib_serial(n - 1) + fib_serial(n - 2); }

int fib_generated(int n) {
  if (n < 2) return n;
  return [&] {
    auto [a, b] = purecc::parallel_invoke([&] { return fib_generated(n - 1); },
                                          [&] { return fib_generated(n - 2); });
    return a + b;
  }();
}

int fib_fast_clone(int n) {
  if (!purecc::should_spawn()) return fib_serial(n);
  if (n < 2) return n;
  auto [a, b] = purecc::parallel_invoke([&] { return fib_fast_clone(n - 1); },
                                        [&] { return fib_fast_clone(n - 2); });
  return a + b;
}

template <int (*Fib)(int)>
void BM_Fib25OneThread(benchmark::State& state) {
  purecc::set_num_threads(1);
  for (auto _ : state) benchmark::DoNotOptimize(Fib(25));
}
BENCHMARK(BM_Fib25OneThread<fib_serial>)->Name("BM_Fib25OneThread/serial");
BENCHMARK(BM_Fib25OneThread<fib_generated>)->Name("BM_Fib25OneThread/generated");
BENCHMARK(BM_Fib25OneThread<fib_fast_clone>)->Name("BM_Fib25OneThread/fast_clone");

}  // namespace

BENCHMARK_MAIN();
