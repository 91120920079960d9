// CORPUS: impure line=7 id=purecc-global-write
// Sorting a global vector writes the global.
#include <algorithm>
#include <vector>
std::vector<int> g_data{3, 1, 2};
[[pure]] int sorted_first(int x) {
  std::sort(g_data.begin(), g_data.end()); // <- here
  return x;
}
