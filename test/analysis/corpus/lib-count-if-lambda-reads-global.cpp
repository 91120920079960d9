// CORPUS: impure line=7 id=purecc-impure-call|purecc-global-read
// A predicate that reads a mutable global threshold.
#include <algorithm>
#include <vector>
int g_threshold = 10;
[[pure]] long big(const std::vector<int> &v) {
  return std::count_if(v.begin(), v.end(), [](int x) { return x > g_threshold; }); // <- here
}
