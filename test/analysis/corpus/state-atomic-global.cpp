// CORPUS: impure line=6 id=purecc-atomic|purecc-global-read
// Loading a global atomic.
#include <atomic>
std::atomic<int> g_gen{0};
[[pure]] int generation(int x) {
  return x + g_gen.load(std::memory_order_relaxed); // <- here
}
