// CORPUS: pure
// Overloaded operators with pure bodies, including a defaulted comparison.
#include <compare>
struct V2 {
  int x, y;
  V2 operator+(V2 o) const { return {x + o.x, y + o.y}; }
  auto operator<=>(const V2 &) const = default;
};
[[pure]] bool bigger_sum(V2 a, V2 b, V2 c) { return (a + b) > c; }
