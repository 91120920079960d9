// CORPUS: impure line=8 id=purecc-impure-call|purecc-impure-library
// std::optional<T>::emplace constructs a T whose constructor writes a global.
#include <optional>
int g_made = 0;
struct Widget { int v; explicit Widget(int x) : v(x) { ++g_made; } };
[[pure]] int f(int x) {
  std::optional<Widget> w;
  w.emplace(x); // <- here
  return w->v;
}
