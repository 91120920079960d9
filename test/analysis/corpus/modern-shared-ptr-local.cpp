// CORPUS: pure
// Issue 14 section 3: shared_ptr on locals (make_shared, copies, ->, *).
// The reference count is the pointer's own state.
#include <memory>
struct Pt { int x, y; };
[[pure]] int shared_sum(int a, int b) {
  auto p = std::make_shared<Pt>(Pt{a, b});
  auto q = p;
  std::shared_ptr<Pt> r = q;
  return p->x + (*q).y + static_cast<int>(r.use_count());
}
