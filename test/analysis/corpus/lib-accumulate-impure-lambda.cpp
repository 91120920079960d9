// CORPUS: impure line=7 id=purecc-impure-call|purecc-global-write
// std::accumulate with a binary op that writes a global.
#include <numeric>
#include <vector>
int g_ops = 0;
[[pure]] int total(const std::vector<int> &v) {
  return std::accumulate(v.begin(), v.end(), 0, [](int a, int b) { ++g_ops; return a + b; }); // <- here
}
