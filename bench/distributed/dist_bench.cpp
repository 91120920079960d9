// dist_bench.cpp — what a remote task costs, and how coarse tasks scale
// across ranks (bench/distributed/run.sh drives it).
//   dist_bench overhead N    reduce of N trivial items, one leaf each
//   dist_bench coarse K      reduce of K items of ~10 ms each (fixed work)
//   dist_bench serial K      the same K items in a plain loop
// Prints "<mode> <seconds> <result>" on rank 0.
#include "purecc/distributed.h"

#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

double tiny(std::int64_t i) { return static_cast<double>(i & 7); }
double add(double a, double b) { return a + b; }

/// About 10 ms of sin() on one core of this machine (fixed work, no clock).
double heavy(std::int64_t i) {
  double x = static_cast<double>(i), s = 0;
  for (int k = 0; k < 600000; ++k) s += std::sin(x + k * 1e-6);
  return s;
}

const purecc::reduce_task<tiny, add> tiny_sum{"bench::tiny", 0x1ULL, 0x1ULL};
const purecc::reduce_task<heavy, add> heavy_sum{"bench::heavy", 0x2ULL, 0x2ULL};

} // namespace

int main(int argc, char **argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: dist_bench overhead|coarse|serial N\n");
    return 2;
  }
  const std::int64_t n = std::atoll(argv[2]);
  const auto start = std::chrono::steady_clock::now();
  double r = 0;
  if (std::strcmp(argv[1], "overhead") == 0) {
    r = purecc::distributed_reduce(tiny_sum, 0, n, 0.0, purecc::leaf_size{1});
  } else if (std::strcmp(argv[1], "coarse") == 0) {
    r = purecc::distributed_reduce(heavy_sum, 0, n, 0.0, purecc::leaf_size{1});
  } else if (std::strcmp(argv[1], "serial") == 0) {
    for (std::int64_t i = 0; i < n; ++i) r += heavy(i);
  } else {
    std::fprintf(stderr, "usage: dist_bench overhead|coarse|serial N\n");
    return 2;
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%s %.4f %.17g\n", argv[1], secs, r);
  return 0;
}
