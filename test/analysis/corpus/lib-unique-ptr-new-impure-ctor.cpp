// CORPUS: impure line=7 id=purecc-impure-call
// std::unique_ptr<T>(new T): the new-expression runs T's constructor.
#include <memory>
int g_opened = 0;
struct Conn { int v = 0; Conn() { ++g_opened; } };
[[pure]] int f(int x) {
  std::unique_ptr<Conn> p(new Conn); // <- here
  return p->v + x;
}
