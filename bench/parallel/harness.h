// harness.h — shared driver of the whole-program benchmarks in bench/parallel.
//
// Each program implements one workload several ways (serial, purecc, hand-
// tuned OpenMP, TBB) and is run as `prog <variant> [threads]`; it prints
// "<variant> <result> <wall seconds> <cpu seconds>" (CPU: user + system
// time of all threads) so run.sh can compare variants of one run.
// The result is printed so the compiler cannot drop the work, and so run.sh
// can check that every variant computed the same thing.
#pragma once

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <string>

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

inline int run_main(int argc, char** argv, const variant_table& variants) {
  if (argc < 2 || !variants.count(argv[1])) {
    std::fprintf(stderr, "usage: %s <variant> [threads]; variants:", argv[0]);
    for (auto& [name, fn] : variants) std::fprintf(stderr, " %s", name.c_str());
    std::fprintf(stderr, "\n");
    return 2;
  }
  int threads = argc > 2 ? std::atoi(argv[2]) : omp_get_max_threads();
  purecc::set_num_threads(threads);  // also calls omp_set_num_threads
#ifdef PURECC_BENCH_TBB
  oneapi::tbb::global_control limit(oneapi::tbb::global_control::max_allowed_parallelism,
                                    static_cast<std::size_t>(threads));
#endif
  double cpu_start = cpu_seconds();
  auto start = std::chrono::steady_clock::now();
  std::string result = variants.at(argv[1])();
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%s %s %.6f %.6f\n", argv[1], result.c_str(), secs, cpu_seconds() - cpu_start);
  return 0;
}

}  // namespace bench
