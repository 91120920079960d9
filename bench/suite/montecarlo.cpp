// montecarlo.cpp — a Monte Carlo parameter sweep with a counter-based RNG:
// for each of 32 drift parameters, `n` random walks of 64 steps (n = 100000),
// counting the walks that end above a barrier. Draw k of walk s under
// parameter p is hash(p, s, k), so the result does not depend on the order
// the walks run in and is an exact integer in every variant. The serial
// original of the suite's montecarlo.
#include <cstdint>

#include "suite.h"

constexpr int kParams = 32;
constexpr int kSteps = 64;
constexpr int kBarrier = 4;

// True when walk `s` under parameter `p` ends above the barrier.
[[pure]] bool ends_high(int p, long s) {
  // Probability of a step up: 0.45 .. 0.55 across the sweep.
  std::uint64_t up = (0x7333333333333333ULL / kParams) * static_cast<std::uint64_t>(p) +
                     0x7333333333333333ULL;
  std::uint64_t key = (static_cast<std::uint64_t>(p) << 40) ^ (static_cast<std::uint64_t>(s) << 8);
  int x = 0;
  for (int k = 0; k < kSteps; ++k) x += suite::mix(key + k) < up ? 1 : -1;
  return x > kBarrier;
}

[[pure]] long hits(int p, long walks) {
  long count = 0;
  for (long s = 0; s < walks; ++s) count += ends_high(p, s) ? 1 : 0;
  return count;
}

// A checksum of the whole sweep: parameter p's hit count weighted by p + 1.
[[pure]] long sweep(long walks) {
  long total = 0;
  for (int p = 0; p < kParams; ++p) total += (p + 1) * hits(p, walks);
  return total;
}

#ifndef PURECC_SUITE_VARIANT
int main(int argc, char** argv) {
  long walks = suite::size_arg(argc, argv, 100000);
  suite::timer t;
  long r = sweep(walks);
  suite::report(r, t);
}
#endif
