// CORPUS: pure
// std::make_unique of a type with pure special members.
#include <memory>
struct Pt { int x, y; };
[[pure]] int manhattan(int a, int b) {
  auto p = std::make_unique<Pt>(Pt{a, b});
  return (p->x < 0 ? -p->x : p->x) + (p->y < 0 ? -p->y : p->y);
}
