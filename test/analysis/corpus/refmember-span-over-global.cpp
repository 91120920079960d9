// CORPUS: impure line=7 id=purecc-global-write
// A local span over a global array writes the global.
#include <span>
int g_arr[4];
[[pure]] int put(int v) {
  std::span<int> s(g_arr);
  s[0] = v; // <- here
  return v;
}
