// CORPUS: impure line=6 id=purecc-global-write|purecc-global-read
// Advancing a global engine writes the global.
#include <random>
std::mt19937 g_rng(42);
[[pure]] unsigned draw(unsigned x) {
  return x ^ g_rng(); // <- here
}
