// CORPUS: impure line=6 id=purecc-global-write
// push_back on a global vector.
#include <vector>
std::vector<int> g_seen;
[[pure]] int see(int x) {
  g_seen.push_back(x); // <- here
  return x;
}
