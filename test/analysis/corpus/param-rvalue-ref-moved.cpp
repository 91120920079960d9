// CORPUS: pure
// An rvalue reference parameter hands over a temporary: moving from it is fine.
#include <utility>
#include <vector>
[[pure]] std::vector<int> with_one(std::vector<int> &&v) {
  v.push_back(1);
  return std::move(v);
}
