// CORPUS: impure line=7 id=purecc-global-read
// std::accumulate over a global vector reads the global.
#include <numeric>
#include <vector>
std::vector<int> g_values{1, 2, 3};
[[pure]] int total(int init) {
  return std::accumulate(g_values.begin(), g_values.end(), init); // <- here
}
