// CORPUS: pure
// A constrained template.
#include <concepts>
template <std::integral T> [[pure]] T gcd_of(T a, T b) {
  while (b != 0) { T t = a % b; a = b; b = t; }
  return a;
}
long use() { return gcd_of(12L, 18L); }
