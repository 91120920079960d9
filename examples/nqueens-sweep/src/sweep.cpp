// sweep [samples]: a Monte Carlo parameter sweep. For each exponent k the
// area of the "superellipse" |x|^k + |y|^k <= 1 is estimated by throwing
// random points at the unit square, and compared with the exact value
// 4 Gamma(1 + 1/k)^2 / Gamma(1 + 2/k) (a diamond for k = 1, the unit disc
// for k = 2, tending to the square as k grows).
//
// Each sample draws its point from a counter-based generator (rng.h), so the
// estimates are the same on any number of threads. The program exits with
// status 1 if an estimate is further from the exact area than five standard
// errors, which would mean a broken generator or a broken parallelization.
#include "rng.h"

#include <purecc/scheduler.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>

[[pure]] double power(double x, int k) {
  double result = 1.0;
  for (int i = 0; i < k; ++i)
    result *= x;
  return result;
}

// 1 if the i-th point of the stream falls inside the curve (in the first
// quadrant, which holds a quarter of the area), else 0.
[[pure]] long sample_inside(int k, std::uint64_t seed, long i) {
  const double x = random_unit(seed, 2 * static_cast<std::uint64_t>(i));
  const double y = random_unit(seed, 2 * static_cast<std::uint64_t>(i) + 1);
  return power(x, k) + power(y, k) <= 1.0 ? 1 : 0;
}

// Points inside out of `samples`: a reduction over independent samples,
// counted in integers so that any summation order gives the same total.
[[pure]] long count_inside(int k, std::uint64_t seed, long samples) {
  long inside = 0;
  for (long i = 0; i < samples; ++i)
    inside += sample_inside(k, seed, i);
  return inside;
}

int main(int argc, char **argv) {
  const long samples = argc > 1 ? std::atol(argv[1]) : 4000000;
  if (samples < 100) {
    std::fprintf(stderr, "sweep: use at least 100 samples\n");
    return 2;
  }
  const std::uint64_t seed = 20240611;
  std::printf("superellipse areas from %ld samples each, on %d threads\n", samples,
              purecc::num_threads());
  std::printf("%3s  %10s  %10s  %9s\n", "k", "estimate", "exact", "std.err.");
  bool all_close = true;
  for (int k = 1; k <= 8; ++k) {
    const double fraction = static_cast<double>(count_inside(k, seed + k, samples)) / samples;
    const double estimate = 4.0 * fraction;
    const double exact = 4.0 * std::pow(std::tgamma(1.0 + 1.0 / k), 2) / std::tgamma(1.0 + 2.0 / k);
    const double std_error = 4.0 * std::sqrt(fraction * (1.0 - fraction) / samples);
    all_close = all_close && std::fabs(estimate - exact) <= 5.0 * std_error;
    std::printf("%3d  %10.6f  %10.6f  %9.6f\n", k, estimate, exact, std_error);
  }
  if (!all_close) {
    std::printf("an estimate is more than five standard errors from the exact area\n");
    return 1;
  }
}
