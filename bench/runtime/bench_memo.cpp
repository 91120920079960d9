// Memoization micro-benchmarks (purecc/memo.h).
//
//   BM_MemoHit_*      cost of an in-process hit (target: <= 100 ns for small keys),
//                     next to BM_KeyOnly (serializing + hashing the key alone).
//   BM_FenvRead       what every memoized call pays for the floating-point
//                     environment (purecc/memo_fenv.h): fegetround +
//                     fegetexcept and the namespace under FE_TONEAREST;
//                     BM_MemoHit_IntUpward: a hit under FE_UPWARD (one more
//                     XXH3 of the namespace per call).
//   BM_SecondRun      a "program" of 32 calls of a ~2 ms pure function, run
//                     cold (empty cache) and then as a new process would
//                     (fresh runtime, warm disk cache); counters report both
//                     and the speed-up ratio.
// Run: bench_memo --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include "purecc/memo.h"

#include <benchmark/benchmark.h>

#include <cfenv>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

purecc::MemoConfig memory_only() {
  purecc::MemoConfig c;
  c.mode = purecc::MemoMode::mem;
  return c;
}

const purecc::MemoSite int_site{"int_square", 0x1ULL, 0x1ULL};
const purecc::MemoSite string_site{"string_len", 0x2ULL, 0x2ULL};
const purecc::MemoSite work_site{"work", 0x3ULL, 0x3ULL};

void BM_KeyOnly(benchmark::State &state) {
  long x = 42;
  for (auto _ : state) {
    benchmark::DoNotOptimize(x);
    benchmark::DoNotOptimize(
        purecc::make_memo_key(int_site.fingerprint(), purecc::compiler_namespace(), x));
  }
}
BENCHMARK(BM_KeyOnly);

void BM_FenvRead(benchmark::State &state) {
  for (auto _ : state) {
    const purecc::fp_modes m = purecc::current_fp_modes();
    benchmark::DoNotOptimize(m);
    benchmark::DoNotOptimize(purecc::namespace_under(purecc::compiler_namespace(), m));
  }
}
BENCHMARK(BM_FenvRead);

void BM_MemoHit_IntUpward(benchmark::State &state) {
  purecc::MemoRuntime rt(memory_only());
  long x = 42;
  std::fesetround(FE_UPWARD);
  for (auto _ : state) {
    benchmark::DoNotOptimize(x);
    benchmark::DoNotOptimize(rt.call(int_site, [&] { return x * x; }, x));
  }
  std::fesetround(FE_TONEAREST);
}
BENCHMARK(BM_MemoHit_IntUpward);

void BM_MemoHit_Int(benchmark::State &state) {
  static purecc::MemoRuntime rt(memory_only());
  long x = 42;
  rt.call(int_site, [&] { return x * x; }, x);
  for (auto _ : state) {
    benchmark::DoNotOptimize(x);
    benchmark::DoNotOptimize(rt.call(int_site, [&] { return x * x; }, x));
  }
}
BENCHMARK(BM_MemoHit_Int)->Threads(1)->Threads(2);

// The realistic concurrent case: each thread hits its own keys, which live
// in different shards (the same key from every thread contends on one lock).
void BM_MemoHit_IntPerThread(benchmark::State &state) {
  static purecc::MemoRuntime rt(memory_only());
  long x = 1000 + state.thread_index();
  rt.call(int_site, [&] { return x * x; }, x);
  for (auto _ : state) {
    benchmark::DoNotOptimize(x);
    benchmark::DoNotOptimize(rt.call(int_site, [&] { return x * x; }, x));
  }
}
BENCHMARK(BM_MemoHit_IntPerThread)->Threads(1)->Threads(2);

void BM_MemoHit_String(benchmark::State &state) {
  static purecc::MemoRuntime rt(memory_only());
  const std::string s = "a key of thirty-two characters!!";
  auto body = [&] { return std::string(s.rbegin(), s.rend()); };
  rt.call(string_site, body, s);
  for (auto _ : state)
    benchmark::DoNotOptimize(rt.call(string_site, body, s));
}
BENCHMARK(BM_MemoHit_String);

void BM_MemoHit_Global(benchmark::State &state) {
  // purecc::memoize as generated code calls it (PURECC_MEMO=mem set in main).
  long x = 7;
  purecc::memoize(int_site, [&] { return x * x; }, x);
  for (auto _ : state) {
    benchmark::DoNotOptimize(x);
    benchmark::DoNotOptimize(purecc::memoize(int_site, [&] { return x * x; }, x));
  }
}
BENCHMARK(BM_MemoHit_Global);

/// About 2 ms of floating-point work: a result worth persisting.
double work(int seed) {
  double acc = seed;
  for (int i = 1; i < 300'000; ++i)
    acc += std::sqrt(static_cast<double>(i) + acc * 1e-9);
  return acc;
}

double run_program(const fs::path &dir) {
  purecc::MemoConfig c;
  c.mode = purecc::MemoMode::disk;
  c.cache_dir = dir;
  purecc::MemoRuntime rt(c); // a fresh runtime is what a new process gets
  double sum = 0;
  for (int i = 0; i < 32; ++i)
    sum += rt.call(work_site, [&] { return work(i); }, i);
  return sum;
}

void BM_SecondRun(benchmark::State &state) {
  const fs::path dir = fs::temp_directory_path() / ("purecc-bench-memo-" + std::to_string(getpid()));
  double cold_s = 0, warm_s = 0;
  for (auto _ : state) {
    fs::remove_all(dir);
    auto t0 = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(run_program(dir)); // first run: computes, persists at exit
    auto t1 = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(run_program(dir)); // second run: served from disk
    auto t2 = std::chrono::steady_clock::now();
    cold_s += std::chrono::duration<double>(t1 - t0).count();
    warm_s += std::chrono::duration<double>(t2 - t1).count();
  }
  fs::remove_all(dir);
  const double n = static_cast<double>(state.iterations());
  state.counters["first_run_ms"] = 1e3 * cold_s / n;
  state.counters["second_run_ms"] = 1e3 * warm_s / n;
  state.counters["speedup"] = cold_s / warm_s;
}
BENCHMARK(BM_SecondRun)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace

int main(int argc, char **argv) {
  setenv("PURECC_MEMO", "mem", 1); // BM_MemoHit_Global must not touch ~/.cache
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv))
    return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
