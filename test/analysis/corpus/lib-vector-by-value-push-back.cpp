// CORPUS: pure
// A by-value vector parameter is the function's own.
#include <vector>
[[pure]] std::size_t grown(std::vector<int> v, int x) {
  v.push_back(x);
  return v.size();
}
