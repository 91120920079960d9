// small_regions.cpp — back-to-back small parallel regions (issue 12, item 9).
//
// A serial outer loop calls a function ROWS times; each call reduces one
// short row in parallel: the shape purecc produces when only the inner loop
// of a nest is rewritten, or when a pure function with one small parallel
// loop is called from serial code. Each region holds ~50-100 us of work, so
// what a region costs to open and close, and what waiting threads do between
// regions, decides whether it is faster than serial.
//
//   small_regions <serial|purecc|omp> [rows] [cols]
// prints "<variant> <result> <seconds>". Run by small_regions.sh, idle and
// with a competing process on one core.
#include "purecc/reduce.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

double cell(long i, long j) { return std::sin(0.001 * double(i) + 1e-4 * double(j)); }

double row_serial(long i, long cols) {
  double s = 0;
  for (long j = 0; j < cols; ++j) s += cell(i, j);
  return s;
}

double row_purecc(long i, long cols) {
  return purecc::parallel_reduce(0, cols, 0.0, [i](std::int64_t j) { return cell(i, j); },
                                 [](double a, double b) { return a + b; });
}

double row_omp(long i, long cols) {
  double s = 0;
#pragma omp parallel for reduction(+ : s)
  for (long j = 0; j < cols; ++j) s += cell(i, j);
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: small_regions <serial|purecc|omp> [rows] [cols]\n");
    return 2;
  }
  const char* variant = argv[1];
  const long rows = argc > 2 ? std::atol(argv[2]) : 2000;
  const long cols = argc > 3 ? std::atol(argv[3]) : 4000;
  double (*row)(long, long) = std::strcmp(variant, "serial") == 0   ? row_serial
                              : std::strcmp(variant, "purecc") == 0 ? row_purecc
                              : std::strcmp(variant, "omp") == 0    ? row_omp
                                                                    : nullptr;
  if (!row) {
    std::fprintf(stderr, "small_regions: unknown variant '%s'\n", variant);
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  double total = 0;
  for (long i = 0; i < rows; ++i) total += row(i, cols);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // Rounded: the tree and OpenMP's reduction associate differently.
  std::printf("%s %.6e %.4f\n", variant, total, seconds);
  return 0;
}
