// CORPUS: pure
// errno written by <cmath> is not observable (docs/purity.md).
#include <cmath>
[[pure]] double mathy(double x) {
  return std::sqrt(x) + std::log(x) + std::pow(x, 1.5) + std::exp(-x) + std::atan2(x, 2.0);
}
