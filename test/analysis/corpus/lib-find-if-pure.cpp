// CORPUS: pure
// std::find_if with a capturing predicate.
#include <algorithm>
#include <vector>
[[pure]] int first_above(const std::vector<int> &v, int t) {
  auto it = std::find_if(v.begin(), v.end(), [t](int x) { return x > t; });
  return it == v.end() ? -1 : static_cast<int>(it - v.begin());
}
