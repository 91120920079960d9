// CORPUS: impure line=7 id=purecc-global-write
// std::transform writing into a global vector.
#include <algorithm>
#include <vector>
std::vector<int> g_out(8);
[[pure]] int squares(const std::vector<int> &in) {
  std::transform(in.begin(), in.begin() + (in.size() < 8 ? in.size() : 8), g_out.begin(), [](int x) { return x * x; }); // <- here
  return 0;
}
