// CORPUS: pure
// std::transform into a local vector.
#include <algorithm>
#include <vector>
[[pure]] std::vector<int> squares(const std::vector<int> &in) {
  std::vector<int> out(in.size());
  std::transform(in.begin(), in.end(), out.begin(), [](int x) { return x * x; });
  return out;
}
