// CORPUS: impure line=7 id=purecc-global-write
// An iterator into a global vector: writing through it writes the global.
#include <vector>
std::vector<int> g_v(4);
[[pure]] int set_front(int v) {
  auto it = g_v.begin();
  *it = v; // <- here
  return v;
}
