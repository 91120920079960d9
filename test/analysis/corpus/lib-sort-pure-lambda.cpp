// CORPUS: pure
// std::sort of a by-value vector with a pure comparator.
#include <algorithm>
#include <vector>
[[pure]] int median(std::vector<int> v) {
  std::sort(v.begin(), v.end(), [](int a, int b) { return a > b; });
  return v.empty() ? 0 : v[v.size() / 2];
}
