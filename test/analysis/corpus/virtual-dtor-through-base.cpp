// CORPUS: impure line=9|11 id=purecc-impure-call|purecc-virtual-call|purecc-impure-library
// Destroying through unique_ptr<Base> runs the virtual destructor, and the
// derived one writes a global.
#include <memory>
int g_destroyed = 0;
struct Base { virtual ~Base() = default; int v = 1; };
struct Noisy : Base { ~Noisy() override { ++g_destroyed; } };
[[pure]] int make_and_drop(int x) {
  std::unique_ptr<Base> p = std::make_unique<Noisy>(); // <- here
  return p->v + x;
} // <- here
