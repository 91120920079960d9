// CORPUS: pure
// Issue 14 section 3: a <random> engine on a local is deterministic from its seed.
#include <cstdint>
#include <random>
[[pure]] std::uint64_t draw(std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  rng.discard(3);
  return rng();
}
