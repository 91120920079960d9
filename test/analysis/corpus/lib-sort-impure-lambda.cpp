// CORPUS: impure line=7 id=purecc-impure-call|purecc-global-write
// A comparator lambda that counts comparisons in a global.
#include <algorithm>
#include <vector>
int g_cmp = 0;
[[pure]] int smallest(std::vector<int> v) {
  std::sort(v.begin(), v.end(), [](int a, int b) { ++g_cmp; return a < b; }); // <- here
  return v.empty() ? 0 : v[0];
}
