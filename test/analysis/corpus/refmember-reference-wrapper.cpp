// CORPUS: impure line=7 id=purecc-global-write
// std::reference_wrapper to a global: writing through get() writes the global.
#include <functional>
int g_value = 0;
[[pure]] int assign(int v) {
  std::reference_wrapper<int> r = std::ref(g_value);
  r.get() = v; // <- here
  return v;
}
