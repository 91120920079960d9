// sumsin.cpp — sum of sin(i) for i < 1e8: a flat reduction of ~10-20 ns
// items. Variants: serial loop; purecc (parallel_reduce, deterministic);
// omp (parallel for reduction(+), nondeterministic); tbb (parallel_reduce).
// Results of the variants differ in the last digits (different association);
// run.sh compares them to 6 significant digits.
#include <cmath>
#include <cstdint>
#include <cstdio>

#include "harness.h"

#ifdef PURECC_BENCH_TBB
#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_reduce.h>
#endif

namespace {

constexpr std::int64_t kTerms = 100'000'000;

std::string show(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", x);
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  bench::variant_table v{
      {"serial", [] {
         double s = 0;
         for (std::int64_t i = 0; i < kTerms; ++i) s += std::sin(double(i));
         return show(s);
       }},
      {"purecc", [] {
         return show(purecc::parallel_reduce(
             0, kTerms, 0.0, [](std::int64_t i) { return std::sin(double(i)); },
             [](double a, double b) { return a + b; }));
       }},
      {"omp", [] {
         double s = 0;
#pragma omp parallel for reduction(+ : s) schedule(static)
         for (std::int64_t i = 0; i < kTerms; ++i) s += std::sin(double(i));
         return show(s);
       }},
#ifdef PURECC_BENCH_TBB
      {"tbb", [] {
         return show(oneapi::tbb::parallel_reduce(
             oneapi::tbb::blocked_range<std::int64_t>(0, kTerms), 0.0,
             [](const oneapi::tbb::blocked_range<std::int64_t>& r, double acc) {
               for (std::int64_t i = r.begin(); i < r.end(); ++i) acc += std::sin(double(i));
               return acc;
             },
             [](double a, double b) { return a + b; }));
       }},
#endif
  };
  return bench::run_main(argc, argv, v);
}
