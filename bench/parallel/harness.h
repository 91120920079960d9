// harness.h — shared driver of the whole-program benchmarks in bench/parallel.
//
// Each program implements one workload several ways (serial, purecc, hand-
// tuned OpenMP, TBB) and is run as `prog <variant> [threads]`; it prints
// "<variant> <result> <cold seconds> <cpu seconds> <warm seconds>" so run.sh
// can compare variants of one run:
//   cold  the first call in a fresh process: it pays for starting the thread
//         pool (0.3-0.6 ms, or up to 5 ms when Linux starts the new thread
//         on the master's core, on the 2-core VM of docs/) — what a short
//         program sees;
//   cpu   user + system time of all threads during the cold call;
//   warm  the same call once more in the same process — what every call
//         after the first sees in a long program.
// Every program also gets the variant "machine": each of the `threads`
// threads runs its own full copy of the serial variant at once. Its time is
// the *ideal* time of one job on this machine, 1 / sum(1 / copy time): what
// the copies' combined throughput needs for one serial job. On P equal cores
// it is serial / P; on unequal ones it is what they can really do (on the
// VM of docs/, pinned serial fib(40) took 0.221 s on one vCPU and 0.127 s
// on the other, so a plain speedup depends on which core the serial run
// happened to get). ideal / time is a variant's parallel efficiency; the
// target "speedup >= 0.9 x P" is "efficiency >= 0.9" on equal cores.
// The result is printed so the compiler cannot drop the work, and so run.sh
// can check that every variant computed the same thing.
#pragma once

#include <sys/resource.h>

#include <atomic>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <string>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include <omp.h>

#include "purecc/purecc.h"

#ifdef PURECC_BENCH_TBB
#include <oneapi/tbb/global_control.h>
#endif

namespace bench {

using variant_table = std::map<std::string, std::function<std::string()>>;

inline double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  auto secs = [](timeval t) { return double(t.tv_sec) + double(t.tv_usec) * 1e-6; };
  return secs(u.ru_utime) + secs(u.ru_stime);
}

// Calls `fn` and returns its result and the seconds it took.
inline std::pair<std::string, double> timed_call(const std::function<std::string()>& fn) {
  auto start = std::chrono::steady_clock::now();
  std::string result = fn();
  return {result, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()};
}

// Runs `serial` on `threads` threads at once, each a full copy, and returns
// its result and the ideal time of one job (see the file comment).
inline std::pair<std::string, double> run_copies(const std::function<std::string()>& serial,
                                                 int threads) {
  std::vector<double> secs(static_cast<std::size_t>(threads));
  std::vector<std::string> results(secs.size());
  std::atomic<int> ready{0};
  std::vector<std::thread> copies;
  for (std::size_t i = 0; i < secs.size(); ++i)
    copies.emplace_back([&, i] {
      // Start together, so the copies overlap from their first instruction.
      ready.fetch_add(1);
      while (ready.load() < threads) std::this_thread::yield();
      std::tie(results[i], secs[i]) = timed_call(serial);
    });
  for (auto& t : copies) t.join();
  double jobs_per_second = 0;
  for (double s : secs) jobs_per_second += 1 / s;
  return {results[0], 1 / jobs_per_second};
}

inline int run_main(int argc, char** argv, const variant_table& variants) {
  std::string name = argc >= 2 ? argv[1] : "";
  if (!variants.count(name) && name != "machine") {
    std::fprintf(stderr, "usage: %s <variant> [threads]; variants: machine", argv[0]);
    for (auto& [variant, fn] : variants) std::fprintf(stderr, " %s", variant.c_str());
    std::fprintf(stderr, "\n");
    return 2;
  }
  int threads = argc > 2 ? std::atoi(argv[2]) : omp_get_max_threads();
  purecc::set_num_threads(threads);  // also calls omp_set_num_threads
#ifdef PURECC_BENCH_TBB
  oneapi::tbb::global_control limit(oneapi::tbb::global_control::max_allowed_parallelism,
                                    static_cast<std::size_t>(threads));
#endif
  auto timed = [&] {
    return name == "machine" ? run_copies(variants.at("serial"), threads)
                             : timed_call(variants.at(name));
  };
  double cpu_start = cpu_seconds();
  auto [result, cold] = timed();
  double cpu = cpu_seconds() - cpu_start;
  auto [again, warm] = timed();
  if (again != result) {
    std::fprintf(stderr, "%s: %s gave %s, then %s\n", argv[0], name.c_str(), result.c_str(), again.c_str());
    return 1;
  }
  std::printf("%s %s %.6f %.6f %.6f\n", name.c_str(), result.c_str(), cold, cpu, warm);
  return 0;
}

}  // namespace bench
