// fib.cpp — fib(40) by naive recursion: ~1e9 calls of ~2 ns or less, the
// hardest case for task overhead. Variants: serial; purecc (the shape of
// the brief: every call goes through parallel_invoke, no cutoff);
// purecc_fast (the fast-clone shape: the untouched serial function runs
// whenever no worker is idle); omp (hand-written tasks, tuned cutoff);
// tbb (task_group, same cutoff).
#include "harness.h"

#ifdef PURECC_BENCH_TBB
#include <oneapi/tbb/task_group.h>
#endif

namespace {

constexpr int kN = 40;
constexpr int kCutoff = 30;  // best of 20..34 for omp on this machine

int fib_serial(int n) {
  if (n < 2) return n;
  return fib_serial(n - 1) + fib_serial(n - 2);
}

int fib_purecc(int n) {
  if (n < 2) return n;
  return [&] {
    auto [a, b] = purecc::parallel_invoke([&] { return fib_purecc(n - 1); },
                                          [&] { return fib_purecc(n - 2); });
    return a + b;
  }();
}

int fib_omp(int n) {
  if (n < kCutoff) return fib_serial(n);
  int a, b;
#pragma omp task shared(a) firstprivate(n)
  a = fib_omp(n - 1);
  b = fib_omp(n - 2);
#pragma omp taskwait
  return a + b;
}

int fib_fast(int n) {
  if (!purecc::should_spawn()) return fib_serial(n);
  if (n < 2) return n;
  auto [a, b] = purecc::parallel_invoke([&] { return fib_fast(n - 1); },
                                        [&] { return fib_fast(n - 2); });
  return a + b;
}

#ifdef PURECC_BENCH_TBB
int fib_tbb(int n) {
  if (n < kCutoff) return fib_serial(n);
  int a, b;
  oneapi::tbb::task_group g;
  g.run([&] { a = fib_tbb(n - 1); });
  b = fib_tbb(n - 2);
  g.wait();
  return a + b;
}
#endif

}  // namespace

int main(int argc, char** argv) {
  int n = kN;
  if (const char* s = std::getenv("FIB_N")) n = std::atoi(s);
  bench::variant_table v{
      {"serial", [&] { return std::to_string(fib_serial(n)); }},
      {"purecc", [&] { return std::to_string(fib_purecc(n)); }},
      {"purecc_fast", [&] { return std::to_string(fib_fast(n)); }},
      {"omp", [&] {
         int r = 0;
#pragma omp parallel
#pragma omp single
         r = fib_omp(n);
         return std::to_string(r);
       }},
#ifdef PURECC_BENCH_TBB
      {"tbb", [&] { return std::to_string(fib_tbb(n)); }},
#endif
  };
  return bench::run_main(argc, argv, v);
}
