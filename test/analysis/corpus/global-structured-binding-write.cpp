// CORPUS: impure line=7 id=purecc-global-write
// A structured binding by reference to a global pair names the global.
#include <utility>
std::pair<int, int> g_range{0, 10};
[[pure]] int widen(int x) {
  auto &[lo, hi] = g_range;
  hi = x; // <- here
  return x;
}
