// bench_reduce.cpp — throughput of purecc::parallel_reduce (deterministic
// tree) against a hand-written `omp parallel for reduction(+)` and a serial
// loop, summing 1/(i+1) (cheap items) and sin(i) (~15 ns items), on 1 and 2
// threads. items_per_second is the number to compare.
#include <benchmark/benchmark.h>
#include <omp.h>

#include <cmath>
#include <cstdint>

#include "purecc/reduce.h"
#include "purecc/scheduler.h"

namespace {

constexpr std::int64_t kItems = 10'000'000;

inline double inverse(std::int64_t i) { return 1.0 / static_cast<double>(i + 1); }
inline double sine(std::int64_t i) { return std::sin(static_cast<double>(i)); }

template <double (*F)(std::int64_t)>
void BM_SerialLoop(benchmark::State& state) {
  for (auto _ : state) {
    double s = 0;
    for (std::int64_t i = 0; i < kItems; ++i) s += F(i);
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(state.iterations() * kItems);
}

template <double (*F)(std::int64_t)>
void BM_OmpReduction(benchmark::State& state) {
  int threads = static_cast<int>(state.range(0));
  for (auto _ : state) {
    double s = 0;
#pragma omp parallel for reduction(+ : s) num_threads(threads) schedule(static)
    for (std::int64_t i = 0; i < kItems; ++i) s += F(i);
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(state.iterations() * kItems);
}

template <double (*F)(std::int64_t)>
void BM_PureccReduce(benchmark::State& state) {
  purecc::set_num_threads(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    double s = purecc::parallel_reduce(
        0, kItems, 0.0, [](std::int64_t i) { return F(i); },
        [](double a, double b) { return a + b; });
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(state.iterations() * kItems);
}

BENCHMARK(BM_SerialLoop<inverse>)->Name("BM_SerialLoop/inverse")->UseRealTime();
BENCHMARK(BM_OmpReduction<inverse>)->Name("BM_OmpReduction/inverse")->Arg(1)->Arg(2)->UseRealTime();
BENCHMARK(BM_PureccReduce<inverse>)->Name("BM_PureccReduce/inverse")->Arg(1)->Arg(2)->UseRealTime();
BENCHMARK(BM_SerialLoop<sine>)->Name("BM_SerialLoop/sine")->UseRealTime();
BENCHMARK(BM_OmpReduction<sine>)->Name("BM_OmpReduction/sine")->Arg(1)->Arg(2)->UseRealTime();
BENCHMARK(BM_PureccReduce<sine>)->Name("BM_PureccReduce/sine")->Arg(1)->Arg(2)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
