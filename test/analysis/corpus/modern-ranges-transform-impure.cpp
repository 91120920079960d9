// CORPUS: impure line=8 id=purecc-impure-call|purecc-global-write
// A views::transform whose lambda writes a global.
#include <ranges>
#include <vector>
int g_seen = 0;
[[pure]] long total(const std::vector<int> &v) {
  long s = 0;
  for (int x : v | std::views::transform([](int y) { g_seen = y; return y; })) // <- here
    s += x;
  return s;
}
