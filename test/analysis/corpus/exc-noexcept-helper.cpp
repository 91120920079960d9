// CORPUS: pure
// A noexcept helper and a function that may throw std::bad_alloc via new.
#include <vector>
static int sq(int x) noexcept { return x * x; }
[[pure]] std::vector<int> table(int n) {
  std::vector<int> v;
  for (int i = 0; i < n; ++i) v.push_back(sq(i));
  return v;
}
