// CORPUS: pure
// NaN, signed zero and infinity handling with <cmath> classification functions.
#include <cmath>
[[pure]] double safe_min(double a, double b) {
  if (std::isnan(a)) return b;
  if (std::isnan(b)) return a;
  if (a == 0 && b == 0) return std::signbit(a) ? a : b;
  if (std::isinf(a) && a < 0) return a;
  return std::fmin(a, std::copysign(b, b));
}
