// CORPUS: pure
// std::ranges::sort on a by-value vector.
#include <algorithm>
#include <vector>
[[pure]] int kth(std::vector<int> v, std::size_t k) {
  std::ranges::sort(v);
  return k < v.size() ? v[k] : -1;
}
