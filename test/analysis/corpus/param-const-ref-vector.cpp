// CORPUS: pure
// Reading through a const reference parameter is fine.
#include <vector>
[[pure]] int max_of(const std::vector<int> &v) {
  int m = v.empty() ? 0 : v[0];
  for (int x : v) m = x > m ? x : m;
  return m;
}
