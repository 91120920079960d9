// CORPUS: impure line=7 id=purecc-impure-call|purecc-impure-library
// std::make_unique<T>(...) runs T's constructor, which writes a global.
#include <memory>
int g_opened = 0;
struct Conn { int v; explicit Conn(int x) : v(x) { ++g_opened; } };
[[pure]] int f(int x) {
  auto p = std::make_unique<Conn>(x); // <- here
  return p->v;
}
