// CORPUS: pure
// A distribution advancing a local engine: local state, deterministic.
#include <random>
[[pure]] int roll_sum(unsigned seed, int n) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> die(1, 6);
  int s = 0;
  for (int i = 0; i < n; ++i) s += die(rng);
  return s;
}
